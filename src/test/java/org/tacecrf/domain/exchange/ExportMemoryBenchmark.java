package org.tacecrf.domain.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import org.apache.commons.io.output.CountingOutputStream;
import org.apache.commons.io.output.NullOutputStream;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * Measures the memory the exports need for many subjects: subjects are generated one at a time
 * (like the export service's pages), written through the real writers to a stream that only counts
 * bytes, and the peak heap in use is sampled. Run with a small heap to show it stays flat, e.g.
 * <pre>java -Xmx96m -cp ... org.tacecrf.domain.exchange.ExportMemoryBenchmark 10000</pre>
 * Not a test: it takes a minute and prints figures.
 */
public final class ExportMemoryBenchmark {

    private ExportMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int subjects = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        StudyDefinition study = Studies.hcc();
        IntFunction<ExportSubject> generate = i -> SampleSubjects.typical(study, i, String.format("LYCH-%05d", i));
        System.out.printf(Locale.ROOT, "%d subjects, max heap %d MB%n", subjects, Runtime.getRuntime().maxMemory() >> 20);

        measure("analysis data set, CSV", subjects, out -> {
            AnalysisDataset dataset = new AnalysisDataset(study, i -> !i.identifying());
            try (CsvDatasetWriter writer = new CsvDatasetWriter(out)) {
                writer.header(dataset.variables());
                for (int i = 1; i <= subjects; i++) {
                    writer.row(dataset.row(generate.apply(i)));
                }
            }
        });
        measure("analysis data set, XLSX", subjects, out -> {
            AnalysisDataset dataset = new AnalysisDataset(study, i -> !i.identifying());
            try (XlsxDatasetWriter writer = new XlsxDatasetWriter(out, DictionaryTable.of(dataset.variables(), dataset.notes()))) {
                writer.header(dataset.variables());
                for (int i = 1; i <= subjects; i++) {
                    writer.row(dataset.row(generate.apply(i)));
                }
            }
        });
        measure("form tace_session, XLSX", subjects, out -> {
            FormDataset dataset = new FormDataset(FormLayout.of(study, study.form("tace_session").orElseThrow(), g -> 2, true, i -> true));
            try (XlsxDatasetWriter writer = new XlsxDatasetWriter(out, DictionaryTable.of(DataDictionary.of(dataset.layout())))) {
                writer.header(dataset.variables());
                for (int i = 1; i <= subjects; i++) {
                    ExportSubject subject = generate.apply(i);
                    for (SubjectData.FormInstance form : subject.data().forms("tace_session")) {
                        writer.row(dataset.row(subject.siteId(), subject.subjectNumber(), form));
                    }
                }
            }
        });
        measure("ODM 1.3.2 snapshot", subjects, out -> {
            try (OdmWriter writer = new OdmWriter(out, new OdmWriter.Header("bench", Instant.now(), false, "1", "benchmark"))) {
                writer.study(study);
                writer.adminData(study, List.of(), List.of(), LocalDate.now());
                writer.beginClinicalData(study);
                for (int i = 1; i <= subjects; i++) {
                    writer.subject(generate.apply(i), item -> !item.identifying(), Map.of());
                }
                writer.endClinicalData();
            }
        });
    }

    /** Something that writes an export. */
    interface Export {
        void write(OutputStream out) throws IOException;
    }

    private static void measure(String name, int subjects, Export export) throws Exception {
        System.gc();
        long before = used();
        Sampler sampler = new Sampler();
        sampler.start();
        // Counts the bytes and forgets them.
        CountingOutputStream out = new CountingOutputStream(NullOutputStream.INSTANCE);
        long start = System.nanoTime();
        export.write(out);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.stop = true;
        sampler.join();
        System.out.printf(Locale.ROOT, "%-28s %,14d bytes %7.1f s   heap in use before %5.1f MB, peak %5.1f MB%n", name, out.getByteCount(), seconds,
                before / 1048576.0, sampler.peak / 1048576.0);
    }

    private static long used() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    /** Samples the heap in use every 5 ms. */
    private static final class Sampler extends Thread {
        volatile boolean stop;
        volatile long peak;

        Sampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!stop) {
                peak = Math.max(peak, used());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
