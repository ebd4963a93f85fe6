package org.tacecrf.bench;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.tacecrf.domain.report.CsvRenderer;
import org.tacecrf.domain.report.HtmlReport;
import org.tacecrf.domain.report.PdfReport;
import org.tacecrf.domain.report.Report;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.report.XlsxRenderer;
import org.tacecrf.domain.stats.CoxModel;
import org.tacecrf.domain.stats.CoxRegression;
import org.tacecrf.domain.stats.Covariate;
import org.tacecrf.domain.stats.SurvivalRow;
import org.tacecrf.domain.study.StudyCatalog;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.tables.AnalysisDataset;
import org.tacecrf.domain.tables.AnalysisReport;
import org.tacecrf.domain.tables.StudyTables;
import org.tacecrf.domain.tables.SubjectLevelData;
import org.tacecrf.domain.tables.SubjectRecord;

/**
 * Benchmark of the study tables (not a timed test): a generated cohort of the two-arm sorafenib
 * study (10,000 patients, about 30,000 TACE sessions and 50,000 tumour assessments), timed from the
 * casebook data to every table and figure and to the rendered downloads, and a Cox model on 100,000
 * rows with 10 covariates. Where Rscript is installed the same statistics run in R in the same run on
 * the subject-level data the tables rest on, and the ratios are printed.
 * <pre>
 * mvn -o -q -Pbenchmark test                      (defaults)
 * mvn -o -q -Pbenchmark test -Dbench.patients=2000 -Dbench.coxRows=20000
 * </pre>
 */
public final class AnalysisBenchmark {

    private final Map<String, Double> javaTimes = new LinkedHashMap<>();
    private final Map<String, Double> rTimes = new LinkedHashMap<>();
    private final Map<String, String> checks = new LinkedHashMap<>();

    private AnalysisBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int patients = Integer.getInteger("bench.patients", 10_000);
        int coxRows = Integer.getInteger("bench.coxRows", 100_000);
        Path out = Path.of(System.getProperty("bench.dir", "target/bench"));
        Files.createDirectories(out);
        new AnalysisBenchmark().run(patients, coxRows, out);
    }

    private void run(int patients, int coxRows, Path out) throws Exception {
        StudyDefinition study = StudyCatalog.load(Path.of(System.getProperty("basedir", ".")).resolve("config/studies"))
                .get("hcc-deb-sorafenib");
        SyntheticCohort cohort = new SyntheticCohort(study, 2024, 3, 5);
        List<SyntheticCohort.Subject> subjects = time("generate casebooks", () -> cohort.subjects(patients));
        System.out.printf(Locale.ROOT, "Cohort: %,d patients, %,d TACE sessions, %,d tumour assessments (%s)%n",
                patients, cohort.sessions(), cohort.assessments(), study.id());

        List<SubjectRecord> records = time("derive subject summaries", () -> subjects.stream()
                .map(s -> SubjectRecord.derive(study, s.facts(), s.data())).toList());
        AnalysisDataset dataset = time("dataset at the cut-off", () -> AnalysisDataset.of(study,
                LocalDate.of(2023, 6, 30), false, records, cohort.screening(patients)));
        StudyTables.Result first = time("all tables and figures (first run)", () -> StudyTables.build(dataset));
        // warm runs on fresh datasets (values read from the casebooks again), the best of three reported
        StudyTables.Result result = null;
        AnalysisDataset atCutOff = null;
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            atCutOff = AnalysisDataset.of(study, LocalDate.of(2023, 6, 30), false, records, cohort.screening(patients));
            AnalysisDataset d = atCutOff;
            long start = System.nanoTime();
            result = StudyTables.build(d);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        javaTimes.put("all tables and figures", best);
        // the same dataset again: its values are read from the casebooks already, what remains is statistics and layout
        AnalysisDataset read = atCutOff;
        time("all tables and figures, values already read", () -> StudyTables.build(read));
        System.out.printf(Locale.ROOT, "Built %d tables and %d figures%n", result.tables().size(),
                result.figures().size());
        for (StudyTables.Entry e : StudyTables.catalogue(study)) {
            if (!e.figure()) {
                AnalysisDataset fresh = AnalysisDataset.of(study, LocalDate.of(2023, 6, 30), false, records,
                        cohort.screening(patients));
                time("  " + e.id() + " (with its figures)", () -> StudyTables.build(fresh, List.of(e.id())));
            }
        }
        StudyTables.Result built = result;
        time("CSV of all tables", () -> render(out.resolve("tables.csv"), o -> CsvRenderer.forExcel()
                .render(built.tables(), o)));
        time("XLSX of all tables", () -> render(out.resolve("tables.xlsx"), o -> new XlsxRenderer()
                .render(built.tables(), o)));
        Report report = AnalysisReport.of(dataset, result, "benchmark");
        time("HTML report", () -> render(out.resolve("report.html"), o -> new HtmlReport().render(report, o)));
        time("PDF report", () -> render(out.resolve("report.pdf"), o -> new PdfReport().render(report, o)));
        checks.put("java os_logrank_p", first.table("survival").map(AnalysisBenchmark::logRankP).orElse("?"));
        checks.put("java treatment_hr", first.table("cox-os").map(AnalysisBenchmark::treatmentHr).orElse("?"));

        List<SurvivalRow> rows = coxData(coxRows);
        List<Covariate> covariates = new ArrayList<>();
        for (int j = 1; j <= 10; j++) {
            covariates.add(Covariate.numeric("x" + j));
        }
        time("Cox model, warm-up on " + coxRows / 10 + " rows", () -> CoxRegression.builder().covariates(covariates)
                .rows(rows.subList(0, coxRows / 10)).build().fit());
        CoxModel model = time("Cox model " + String.format(Locale.ROOT, "%,d", coxRows) + " rows x 10 covariates",
                () -> CoxRegression.builder().covariates(covariates).rows(rows).build().fit());
        checks.put("java cox_100k_x1", String.valueOf(model.coefficient("x1").orElseThrow().beta()));

        writeForR(dataset, rows, out);
        runR(out);
        print(patients, coxRows);
    }

    private static String logRankP(StudyTable t) {
        return t.values().stream().filter(v -> v.statistic().equals("p") && v.rowLabel().startsWith("Overall survival"))
                .findFirst().map(v -> String.valueOf(v.value())).orElse("?");
    }

    private static String treatmentHr(StudyTable t) {
        return t.values().stream().filter(v -> v.rowLabel().startsWith("Treatment /") && v.statistic().equals("estimate")
                && v.columnLabel().startsWith("Univariate")).findFirst().map(v -> String.valueOf(v.value())).orElse("?");
    }

    /** Exponential times with a hazard log-linear in 10 standard normal covariates, 30 % censored. */
    private static List<SurvivalRow> coxData(int n) {
        Random random = new Random(11);
        double[] beta = {0.5, -0.3, 0.2, 0, 0.1, -0.1, 0.25, 0, -0.2, 0.05};
        List<SurvivalRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> values = new HashMap<>();
            double eta = 0;
            for (int j = 0; j < 10; j++) {
                double x = random.nextGaussian();
                values.put("x" + (j + 1), x);
                eta += beta[j] * x;
            }
            double time = -Math.log(1 - random.nextDouble()) / Math.exp(eta);
            double censor = -Math.log(1 - random.nextDouble()) * 2.5;
            rows.add(new SurvivalRow(Math.min(time, censor), time <= censor, values));
        }
        return rows;
    }

    private void writeForR(AnalysisDataset d, List<SurvivalRow> coxRows, Path out) throws IOException {
        write(out.resolve("subjects.csv"), SubjectLevelData.subjects(d));
        write(out.resolve("events.csv"), SubjectLevelData.adverseEvents(d));
        List<List<String>> cox = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("time", "event"));
        for (int j = 1; j <= 10; j++) {
            header.add("x" + j);
        }
        cox.add(header);
        for (SurvivalRow row : coxRows) {
            List<String> line = new ArrayList<>(List.of(Double.toString(row.time()), row.event() ? "1" : "0"));
            for (int j = 1; j <= 10; j++) {
                line.add(row.values().get("x" + j).toString());
            }
            cox.add(line);
        }
        write(out.resolve("cox.csv"), cox);
    }

    private static void write(Path file, List<List<String>> rows) throws IOException {
        try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            for (List<String> row : rows) {
                p.printRecord(row);
            }
        }
    }

    private void runR(Path out) throws IOException, InterruptedException {
        Path script = out.resolve("analysis-benchmark.R");
        try (InputStream in = AnalysisBenchmark.class.getResourceAsStream("analysis-benchmark.R")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Process process;
        try {
            process = new ProcessBuilder("Rscript", script.toString(), out.toString()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            System.out.println("Rscript is not installed: no comparison with R.");
            return;
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 3 && parts[0].equals("time")) {
                    rTimes.put(parts[1], Double.parseDouble(parts[2]));
                } else if (parts.length == 3 && parts[0].equals("check")) {
                    checks.put("R " + parts[1], parts[2]);
                } else if (!line.isBlank()) {
                    System.out.println("R: " + line);
                }
            }
        }
        process.waitFor(30, TimeUnit.MINUTES);
    }

    private void print(int patients, int coxRows) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-52s %10s%n", "Java step", "seconds");
        javaTimes.forEach((step, s) -> System.out.printf(Locale.ROOT, "%-52s %10.3f%n", step, s));
        if (!rTimes.isEmpty()) {
            System.out.println();
            System.out.printf(Locale.ROOT, "%-52s %10s%n", "R step (same statistics, subject-level data)", "seconds");
            rTimes.forEach((step, s) -> System.out.printf(Locale.ROOT, "%-52s %10.3f%n", step, s));
            double rTables = rTimes.getOrDefault("baseline", 0.0) + rTimes.getOrDefault("response", 0.0)
                    + rTimes.getOrDefault("survival", 0.0) + rTimes.getOrDefault("cox", 0.0) + rTimes.getOrDefault("adverse_events", 0.0);
            double javaTables = javaTimes.get("all tables and figures");
            String coxStep = "Cox model " + String.format(Locale.ROOT, "%,d", coxRows) + " rows x 10 covariates";
            System.out.println();
            System.out.printf(Locale.ROOT, "Tables (%,d patients): Java %.3f s, R %.3f s, R / Java = %.2f%n", patients,
                    javaTables, rTables, rTables / javaTables);
            double warm = javaTimes.get("all tables and figures, values already read");
            System.out.printf(Locale.ROOT, "Tables, values already read: Java %.3f s, R / Java = %.2f%n", warm,
                    rTables / warm);
            System.out.printf(Locale.ROOT, "Cox (%,d x 10): Java %.3f s, R %.3f s, R / Java = %.2f%n", coxRows,
                    javaTimes.get(coxStep), rTimes.get("cox_100k"), rTimes.get("cox_100k") / javaTimes.get(coxStep));
        }
        System.out.println();
        checks.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-28s %s%n", k, v));
    }

    private <T> T time(String step, Callable<T> work) throws Exception {
        long start = System.nanoTime();
        T value = work.call();
        javaTimes.put(step, (System.nanoTime() - start) / 1e9);
        return value;
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static Long render(Path file, Writer writer) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        writer.write(buffer);
        Files.write(file, buffer.toByteArray());
        return (long) buffer.size();
    }
}
