package org.tacecrf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application refuses to start on an invalid study definition: Payara Micro, started as an
 * operator starts it, with a copy of the shipped configuration in which one study refers to a code
 * list that does not exist, logs the file, line and reason and ends with exit status 3 instead of
 * serving a study whose definition was only partly understood. Not an Arquillian test: the server
 * must be seen to exit, which a managed container would report as a failed deployment only.
 */
class StartupRefusalIT {

    /** The status StudyRegistration exits with on invalid definitions. */
    private static final int INVALID_DEFINITIONS = 3;
    /** Start-up to the refusal takes well under a minute; the machine may be busy. */
    private static final long TIMEOUT_SECONDS = 240;

    private static final String BROKEN_FILE = "icc-deb-tace.yaml";
    private static final String KNOWN_REFERENCE = "codeList: bile_duct_level,";
    private static final String BROKEN_REFERENCE = "codeList: bile_duct_levels,";

    @TempDir
    Path work;

    @Test
    void anInvalidStudyFileStopsTheServerWithTheFileTheLineAndTheReason() throws Exception {
        Path config = work.resolve("config");
        copyTree(Path.of(System.getProperty("basedir", ".")).resolve("config"), config);
        int brokenLine = breakStudyFile(config.resolve("studies").resolve(BROKEN_FILE));
        Path output = work.resolve("server.log");

        Process server = new ProcessBuilder(command(config)).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            boolean exited = server.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            String log = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(exited).as("the server exits on its own within %d s; its output ends with:%n%s", TIMEOUT_SECONDS,
                    tail(log)).isTrue();
            assertThat(server.exitValue()).as("exit status; output ends with:%n%s", tail(log)).isEqualTo(INVALID_DEFINITIONS);
            assertThat(log).contains("Invalid study definitions in")
                    .containsPattern(BROKEN_FILE.replace(".", "\\.") + ":" + brokenLine
                            + ":\\d+: .*unknown code list 'bile_duct_levels' \\(did you mean 'bile_duct_level'\\?\\)");
        } finally {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The command an operator runs, on a fresh in-memory database, without the demo. */
    private List<String> command(Path config) throws IOException {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-Djava.io.tmpdir=" + work, "-Dtace.config.dir=" + config, "-Dtace.data.dir=" + work.resolve("data"),
                "-Dtace.db.url=jdbc:h2:mem:refusal", "-Dtace.db.user=sa", "-Dtace.db.password=sa",
                "-Dtace.db.datasource-class=org.h2.jdbcx.JdbcDataSource", "-Dtace.demo.enabled=false",
                "-jar", required("payara.microJar"), "--deploy", required("tace.war"),
                "--nocluster", "--disablephonehome", "--port", String.valueOf(freePort()));
    }

    /** Makes the study's own item refer to a misspelt code list; returns the 1-based line changed. */
    private static int breakStudyFile(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(KNOWN_REFERENCE)) {
                lines.set(i, lines.get(i).replace(KNOWN_REFERENCE, BROKEN_REFERENCE));
                Files.write(file, lines, StandardCharsets.UTF_8);
                return i + 1;
            }
        }
        throw new IllegalStateException(file + " no longer contains '" + KNOWN_REFERENCE + "'; choose another error to plant");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        assertThat(value).as("system property %s (set by the failsafe configuration)", property).isNotBlank();
        assertThat(Path.of(value)).as("built in the package phase").isRegularFile();
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(String log) {
        return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
    }
}
