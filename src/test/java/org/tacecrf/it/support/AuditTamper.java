package org.tacecrf.it.support;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Test-only access to the database's protection of the audit table (its triggers), to play a
 * database administrator who edits the trail behind the application's back.
 */
public final class AuditTamper {

    private AuditTamper() {
    }

    public static void allowDirectEdit(Statement s) throws SQLException {
        if (postgres(s)) {
            s.execute("alter table audit_event disable trigger audit_event_append_only");
        } else {
            s.execute("drop trigger if exists audit_event_no_update");
            s.execute("drop trigger if exists audit_event_no_delete");
        }
    }

    public static void restoreProtection(Statement s) throws SQLException {
        if (postgres(s)) {
            s.execute("alter table audit_event enable trigger audit_event_append_only");
        } else {
            s.execute("create trigger if not exists audit_event_no_update before update on audit_event for each row"
                    + " call \"org.tacecrf.infrastructure.persistence.AppendOnlyTrigger\"");
            s.execute("create trigger if not exists audit_event_no_delete before delete on audit_event for each row"
                    + " call \"org.tacecrf.infrastructure.persistence.AppendOnlyTrigger\"");
        }
    }

    private static boolean postgres(Statement s) throws SQLException {
        return s.getConnection().getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }
}
