package org.tacecrf.interfaces.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tacecrf.domain.report.CsvRenderer;
import org.tacecrf.domain.report.HtmlReport;
import org.tacecrf.domain.report.PdfReport;
import org.tacecrf.domain.report.XlsxRenderer;
import org.tacecrf.domain.study.StudyCatalog;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.tables.AnalysisDataset;
import org.tacecrf.domain.tables.AnalysisReport;
import org.tacecrf.domain.tables.StudyTables;
import org.tacecrf.domain.tables.SubjectRecord;
import org.tacecrf.infrastructure.persistence.StudyDataReader;

/**
 * The study tables from the command line, for scripts, against the database of a running or stopped
 * installation (for a running one the REST API gives the same tables over HTTP):
 * <pre>
 * java -cp "target/tace-ecrf/WEB-INF/lib/*:target/classes" org.tacecrf.interfaces.cli.StudyTablesCli \
 *      jdbc:h2:file:./data/tace-ecrf --study icc-deb-tace --cutoff 2024-06-30 --format xlsx --out tables.xlsx
 * </pre>
 * Options: {@code --user}, {@code --password} (or TACE_DB_USER, TACE_DB_PASSWORD; default tace),
 * {@code --config} (directory holding {@code studies/}; default {@code config}), {@code --study},
 * {@code --tables id,id} (default all), {@code --format csv|xlsx|html|pdf} (html and pdf give the report
 * with figures), {@code --cutoff yyyy-mm-dd}, {@code --locked-only}, {@code --out file} (default
 * standard output), {@code --list} (the catalogue). Every site is included. Exit status 0: written;
 * 2: usage, definition or connection error.
 */
public final class StudyTablesCli {

    private StudyTablesCli() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out, System.err));
        } catch (Exception e) {
            System.err.println("Cannot produce the tables: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Runs the tool; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length < 1 || args[0].startsWith("--")) {
            err.println("usage: StudyTablesCli <jdbc-url> --study <id> [--tables id,id] [--format csv|xlsx|html|pdf]"
                    + " [--cutoff yyyy-mm-dd] [--locked-only] [--out file] [--config dir] [--user u] [--password p]"
                    + " [--list]");
            return 2;
        }
        Map<String, String> options = options(args);
        StudyCatalog catalog = StudyCatalog.load(Path.of(options.getOrDefault("config", "config")).resolve("studies"));
        String studyId = options.get("study");
        if (studyId == null || catalog.find(studyId).isEmpty()) {
            err.println("--study must be one of " + catalog.ids());
            return 2;
        }
        StudyDefinition study = catalog.get(studyId);
        if (options.containsKey("list")) {
            StudyTables.catalogue(study).forEach(e -> out.println(e.id() + "\t" + e.title()));
            return 0;
        }
        String format = options.getOrDefault("format", "csv");
        if (!List.of("csv", "xlsx", "html", "pdf").contains(format)) {
            err.println("--format must be csv, xlsx, html or pdf");
            return 2;
        }
        LocalDate cutOff = options.containsKey("cutoff") ? LocalDate.parse(options.get("cutoff")) : null;
        List<String> ids = options.containsKey("tables") ? List.of(options.get("tables").split(",")) : List.of();
        String user = options.getOrDefault("user", System.getenv().getOrDefault("TACE_DB_USER", "tace"));
        String password = options.getOrDefault("password", System.getenv().getOrDefault("TACE_DB_PASSWORD", "tace"));
        AnalysisDataset dataset;
        try (Connection c = DriverManager.getConnection(args[0], user, password)) {
            StudyDataReader reader = new StudyDataReader(c, studyId, null);
            List<SubjectRecord> records = new ArrayList<>();
            for (StudyDataReader.Casebook cb : reader.casebooks()) {
                records.add(SubjectRecord.derive(study, cb.facts(), cb.data()));
            }
            dataset = AnalysisDataset.of(study, cutOff, options.containsKey("locked-only"), records,
                    reader.screening(study));
        }
        StudyTables.Result result = StudyTables.build(dataset, ids);
        try (OutputStream target = options.containsKey("out") ? Files.newOutputStream(Path.of(options.get("out")))
                : new NonClosing(out)) {
            switch (format) {
                case "xlsx" -> new XlsxRenderer().render(result.tables(), target);
                case "html" -> new HtmlReport().render(AnalysisReport.of(dataset, result, generated()), target);
                case "pdf" -> new PdfReport().render(AnalysisReport.of(dataset, result, generated()), target);
                default -> CsvRenderer.forExcel().render(result.tables(), target);
            }
        }
        err.printf("%d tables and %d figures of %s for %d patients%s.%n", result.tables().size(),
                result.figures().size(), studyId, dataset.n(), cutOff == null ? "" : ", data cut-off " + cutOff);
        return 0;
    }

    private static String generated() {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(ZonedDateTime.now(ZoneOffset.UTC))
                + ", TACE eCRF command line";
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            boolean flag = key.equals("locked-only") || key.equals("list");
            if (flag) {
                options.put(key, "true");
            } else if (i + 1 < args.length) {
                options.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
        }
        return options;
    }

    /** Standard output that the renderers may flush but the tool does not close. */
    private static final class NonClosing extends OutputStream {
        private final PrintStream out;

        NonClosing(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            out.write(b, off, len);
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
