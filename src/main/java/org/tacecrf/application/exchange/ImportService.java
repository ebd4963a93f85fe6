package org.tacecrf.application.exchange;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.tacecrf.application.casebook.StudyAccess;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.domain.exchange.CsvTableReader;
import org.tacecrf.domain.exchange.ExchangeProblem;
import org.tacecrf.domain.exchange.FileFormat;
import org.tacecrf.domain.exchange.FormLayout;
import org.tacecrf.domain.exchange.ImportLimits;
import org.tacecrf.domain.exchange.ImportRecord;
import org.tacecrf.domain.exchange.MappedImport;
import org.tacecrf.domain.exchange.OdmReader;
import org.tacecrf.domain.exchange.TableImport;
import org.tacecrf.domain.exchange.TableReadResult;
import org.tacecrf.domain.exchange.XlsxTableReader;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.model.exchange.ImportJob;
import org.tacecrf.model.user.Role;

/**
 * Imports a CSV, XLSX or ODM file into a study, for data managers.
 * <ol>
 *   <li>The file is read (format from its first bytes, encoding of a CSV detected: UTF-8 with or
 *       without byte-order mark, else GB18030) and checked on its own: columns, keys, types, formats,
 *       ranges. Any error refuses the file with the row, column, value and reason.</li>
 *   <li>A preview applies each subject's records in a transaction that is rolled back, through the
 *       form service, and reports what would change (before → after), the subjects created, the
 *       queries soft checks would raise, and every problem.</li>
 *   <li>A commit applies every record in one transaction; if any record is refused, nothing is
 *       written and the report lists every problem.</li>
 * </ol>
 * Each preview and commit is recorded as an import job; the audit records of the changes name the
 * job, the file's SHA-256 and its name. Importing the same file again changes nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class.getName());

    @Inject
    private StudyAccess access;
    @Inject
    private ImportJobs jobs;
    @Inject
    private ImportRunner runner;
    @Inject
    private ImportProgress progress;
    @Inject
    private ExchangeSettings settings;

    /** Checks the file and shows what it would change; writes nothing but the job record. */
    public ImportReport preview(ImportRequest request, String progressKey) {
        return run(request, ImportJob.Mode.PREVIEW, progressKey);
    }

    /** Writes the whole file in one transaction, or nothing. */
    public ImportReport commit(ImportRequest request, String progressKey) {
        return run(request, ImportJob.Mode.COMMIT, progressKey);
    }

    public List<ImportJob> history(String studyId) {
        access.study(studyId);
        access.user().requireAnyRole(Role.DATA_MANAGER);
        return jobs.list(studyId, 200);
    }

    private ImportReport run(ImportRequest request, ImportJob.Mode mode, String progressKey) {
        StudyDefinition study = access.study(request.studyId());
        access.user().requireAnyRole(Role.DATA_MANAGER);
        String sha256 = sha256(request.content());
        String key = progressKey == null ? UUID.randomUUID().toString() : progressKey;
        long jobId = jobs.start(study.id(), request.formId(), request.fileName(), request.content().length, sha256, mode,
                access.user().getUsername());
        ImportProgress.Tracker tracker = progress.start(key);
        try {
            ImportReport report = run(study, request, mode, jobId, sha256, tracker);
            jobs.finish(jobId, report, summary(report));
            return report;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Import " + jobId + " failed", e);
            ImportTally tally = new ImportTally();
            tally.problems(List.of(ExchangeProblem.file("exchange.file.serverError", jobId)));
            ImportReport report = report(jobId, ImportJob.Status.FAILED, request, sha256, null, null, tally);
            jobs.finish(jobId, report, e.toString());
            return report;
        } finally {
            progress.finish(key);
        }
    }

    private ImportReport run(StudyDefinition study, ImportRequest request, ImportJob.Mode mode, long jobId, String sha256,
                             ImportProgress.Tracker tracker) {
        ImportTally tally = new ImportTally();
        try {
            access.requireActive(study.id(), null);
        } catch (ValidationFailure frozen) {
            frozen.errors().forEach(e -> tally.problems(List.of(ExchangeProblem.file(e.messageKey(), e.arguments().toArray()))));
            return report(jobId, ImportJob.Status.REJECTED, request, sha256, null, null, tally);
        }
        MappedImport mapped = read(study, request, settings.importLimits());
        String format = mapped.format() == null ? null : mapped.format().name();
        String encoding = mapped.encoding() == null ? null : mapped.encoding().displayName();
        tally.problems(mapped.problems());
        if (mapped.hasErrors()) {
            return report(jobId, ImportJob.Status.REJECTED, request, sha256, format, encoding, tally);
        }
        List<List<ImportRecord>> subjects = bySubject(mapped.records());
        String detail = "import " + jobId + ", SHA-256 " + sha256 + ", file " + request.fileName();
        String reason = request.reason() == null || request.reason().isBlank()
                ? "Data import " + jobId + " (" + request.fileName() + ")" : request.reason().strip();
        ImportApplier.Context ctx = new ImportApplier.Context(study, jobId, detail, reason, LocalDate.now());
        if (mode == ImportJob.Mode.COMMIT) {
            tracker.phase(ImportProgress.Phase.WRITING, subjects.size());
            try {
                ImportTally written = runner.commit(ctx, subjects, tracker, "file " + request.fileName());
                written.problems(mapped.problems());
                return report(jobId, ImportJob.Status.COMMITTED, request, sha256, format, encoding, written);
            } catch (ImportRecordFailure failure) {
                // Nothing was written; check every record to report every problem, not only the first.
                ImportTally checked = trial(ctx, subjects, tracker);
                checked.problems(mapped.problems());
                if (!checked.hasErrors()) {
                    checked.problems(failure.problems());
                }
                return report(jobId, ImportJob.Status.REJECTED, request, sha256, format, encoding, checked);
            }
        }
        ImportTally checked = trial(ctx, subjects, tracker);
        checked.problems(mapped.problems());
        return report(jobId, checked.hasErrors() ? ImportJob.Status.REJECTED : ImportJob.Status.PREVIEWED, request, sha256, format,
                encoding, checked);
    }

    /** Tries each subject's records in a rolled-back transaction, again without a refused record until all are through. */
    private ImportTally trial(ImportApplier.Context ctx, List<List<ImportRecord>> subjects, ImportProgress.Tracker tracker) {
        tracker.phase(ImportProgress.Phase.CHECKING, subjects.size());
        ImportTally tally = new ImportTally();
        for (List<ImportRecord> records : subjects) {
            Set<Integer> refused = new TreeSet<>();
            List<ExchangeProblem> refusals = new ArrayList<>();
            ImportRunner.Trial trial;
            try {
                do {
                    trial = runner.trySubject(ctx, records, refused);
                    if (trial.refusedIndex() != null) {
                        refused.add(trial.refusedIndex());
                        refusals.addAll(trial.refusal());
                    }
                } while (trial.refusedIndex() != null);
            } catch (EJBException e) {
                LOG.log(Level.WARNING, "Import trial failed", e);
                tally.problems(List.of(ExchangeProblem.error(records.get(0).row(), null, null, "exchange.row.serverError",
                        records.get(0).target())));
                tracker.step();
                continue;
            }
            trial.outcomes().forEach(tally::add);
            tally.problems(refusals);
            tally.records += refused.size();
            tracker.step();
        }
        return tally;
    }

    /** Reads the file by its format; a CSV or workbook is read against the chosen form's template. */
    static MappedImport read(StudyDefinition study, ImportRequest request, ImportLimits limits) {
        byte[] content = request.content();
        if (content.length == 0) {
            return refused(null, ExchangeProblem.file("exchange.file.empty"));
        }
        if (content.length > limits.maxBytes()) {
            return refused(null, ExchangeProblem.file("exchange.file.tooLarge", limits.maxMegabytes()));
        }
        Optional<FileFormat> format = FileFormat.detect(content);
        if (format.isEmpty()) {
            return refused(null, ExchangeProblem.file("exchange.file.xls"));
        }
        LocalDate today = LocalDate.now();
        if (format.get() == FileFormat.ODM) {
            return new OdmReader(study, today).read(content, limits);
        }
        if (request.formId() == null || request.formId().isBlank()) {
            return refused(format.get(), ExchangeProblem.file("exchange.file.formRequired"));
        }
        Optional<FormDef> form = study.form(request.formId());
        if (form.isEmpty()) {
            return refused(format.get(), ExchangeProblem.file("exchange.file.unknownForm", request.formId()));
        }
        TableReadResult table = format.get() == FileFormat.XLSX ? XlsxTableReader.read(content, limits) : CsvTableReader.read(content, limits);
        if (!table.readable()) {
            return new MappedImport(format.get(), table.encoding(), List.of(), table.problems());
        }
        MappedImport mapped = new TableImport(study, form.get(), today).map(table.table(), format.get(), table.encoding());
        if (table.problems().isEmpty()) {
            return mapped;
        }
        List<ExchangeProblem> problems = new ArrayList<>(table.problems());
        problems.addAll(mapped.problems());
        return new MappedImport(mapped.format(), mapped.encoding(), mapped.records(), problems);
    }

    private static MappedImport refused(FileFormat format, ExchangeProblem problem) {
        return new MappedImport(format, null, List.of(), List.of(problem));
    }

    /** Records by subject, in file order; the enrolment record first, as it may create the subject. */
    static List<List<ImportRecord>> bySubject(List<ImportRecord> records) {
        Map<String, List<ImportRecord>> groups = new LinkedHashMap<>();
        int fresh = 0;
        for (ImportRecord record : records) {
            String key = record.newSubject() ? "\u0000new" + fresh++ : record.subjectNumber();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
        }
        List<List<ImportRecord>> subjects = new ArrayList<>();
        for (List<ImportRecord> group : groups.values()) {
            List<ImportRecord> ordered = new ArrayList<>(group);
            ordered.sort(Comparator.comparing((ImportRecord r) -> !r.formId().equals(FormLayout.ENROLMENT_FORM)));
            subjects.add(ordered);
        }
        return subjects;
    }

    private static ImportReport report(long jobId, ImportJob.Status status, ImportRequest request, String sha256, String format,
                                       String encoding, ImportTally tally) {
        tally.problems.sort(Comparator.comparingInt(ExchangeProblem::row).thenComparing(p -> !p.error()));
        return new ImportReport(jobId, status, request.fileName(), sha256, format, encoding, request.formId(), tally.records,
                tally.created.size(), tally.updated.size(), tally.formsChanged, tally.formsUnchanged, tally.valuesChanged, tally.queries,
                tally.errors, tally.warnings, tally.problems, tally.changes);
    }

    private static String summary(ImportReport report) {
        return report.problems().stream().filter(ExchangeProblem::error).findFirst().map(ExchangeProblem::toString)
                .orElse(report.records() + " records");
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
