package org.tacecrf.interfaces.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;

import org.tacecrf.infrastructure.persistence.AuditChainScanner;

/**
 * Command-line verification of the audit trail's hash chain, for an inspector or a cron job,
 * against a running or stopped installation:
 * <pre>
 * java -cp "target/tace-ecrf/WEB-INF/lib/*:target/classes" org.tacecrf.interfaces.cli.VerifyAuditTrail \
 *      jdbc:h2:file:./data/tace-ecrf tace tace
 * </pre>
 * Exit status 0: intact; 1: broken (the first broken record is named); 2: usage or connection error.
 */
public final class VerifyAuditTrail {

    private VerifyAuditTrail() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Verifies and reports; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1) {
            err.println("usage: VerifyAuditTrail <jdbc-url> [user] [password]");
            return 2;
        }
        String user = args.length > 1 ? args[1] : System.getenv().getOrDefault("TACE_DB_USER", "tace");
        String password = args.length > 2 ? args[2] : System.getenv().getOrDefault("TACE_DB_PASSWORD", "tace");
        try (Connection connection = DriverManager.getConnection(args[0], user, password)) {
            AuditChainScanner.Result result = AuditChainScanner.verify(connection);
            if (result.intact()) {
                out.printf("Audit trail intact: %d records verified.%n", result.checked());
                return 0;
            }
            if (result.firstBreak() != null) {
                out.printf("Audit trail BROKEN at record %d (%s); %d records before it verified, %d records in total.%n",
                        result.firstBreak().recordId(), result.firstBreak().failure(), result.checked(), result.total());
            } else {
                out.printf("Audit trail BROKEN at its end: the newest records were removed after record %d.%n", result.checked());
            }
            return 1;
        } catch (Exception e) {
            err.println("Cannot verify: " + e.getMessage());
            return 2;
        }
    }
}
