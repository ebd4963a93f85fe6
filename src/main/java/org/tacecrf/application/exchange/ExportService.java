package org.tacecrf.application.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.tacecrf.application.casebook.StudyAccess;
import org.tacecrf.application.common.AccessDeniedException;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.exchange.AnalysisDataset;
import org.tacecrf.domain.exchange.CsvDatasetWriter;
import org.tacecrf.domain.exchange.DataDictionary;
import org.tacecrf.domain.exchange.DatasetWriter;
import org.tacecrf.domain.exchange.DictionaryTable;
import org.tacecrf.domain.exchange.ExportSubject;
import org.tacecrf.domain.exchange.FormDataset;
import org.tacecrf.domain.exchange.FormLayout;
import org.tacecrf.domain.exchange.OdmSignature;
import org.tacecrf.domain.exchange.OdmTransaction;
import org.tacecrf.domain.exchange.OdmUser;
import org.tacecrf.domain.exchange.OdmWriter;
import org.tacecrf.domain.exchange.RSyntax;
import org.tacecrf.domain.exchange.SpssSyntax;
import org.tacecrf.domain.exchange.TemplateWriter;
import org.tacecrf.domain.exchange.Variable;
import org.tacecrf.domain.exchange.XlsxDatasetWriter;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.infrastructure.persistence.ExchangeRepository;
import org.tacecrf.model.audit.AuditEvent;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.user.AppUser;
import org.tacecrf.model.user.Role;

/**
 * Exports for the roles the installation allows ({@link ExchangeSettings}), always limited to the
 * user's sites: a form as a data set, the wide analysis data set, CDISC ODM 1.3.2, and the import
 * templates. Identifying items are left out unless asked for by a role that may see them.
 * <p>
 * Everything streams: subjects are read a page at a time ({@value #PAGE} subjects, three queries),
 * written, and forgotten (the persistence context is cleared), so the memory an export needs does
 * not grow with the number of subjects. Each export is recorded in the audit trail.
 */
@Stateless
public class ExportService {

    static final int PAGE = 200;
    private static final Pattern ENTERED = Pattern.compile("^(.*) \\(entered [^)]*\\)$");
    private static final Pattern KEYED = Pattern.compile("(.+)\\[(\\d+)]");

    @Inject
    private StudyAccess access;
    @Inject
    private ExchangeRepository repository;
    @Inject
    private ExchangeSettings settings;
    @Inject
    private ExchangeAudit audit;
    @Inject
    private Instance<FormSignatures> signatures;

    /** Whether the user may export from the study at all. */
    public boolean mayExport(String studyId) {
        return access.user().canSeeStudy(studyId) && access.user().hasAnyRole(settings.exportRoles())
                && access.user().readerSlot(studyId).isEmpty();
    }

    /** Whether the user may include identifying items. */
    public boolean mayIncludeIdentifying(String studyId) {
        return mayExport(studyId) && access.user().hasAnyRole(settings.identifyingRoles());
    }

    // ------------------------------------------------------------------------------------ templates

    /** A form's import template (no data; for anyone who sees the study). */
    public void template(String studyId, String formId, ExportFormat format, boolean dictionaryOnly, OutputStream out) throws IOException {
        StudyDefinition study = access.study(studyId);
        FormLayout layout = FormLayout.template(study, form(study, formId));
        if (dictionaryOnly) {
            TemplateWriter.dictionaryCsv(layout, out);
        } else if (format == ExportFormat.XLSX) {
            TemplateWriter.xlsx(layout, out);
        } else {
            TemplateWriter.csv(layout, out);
        }
    }

    // -------------------------------------------------------------------------------------- data sets

    /** One form, one row per form instance of the subjects of the user's sites. */
    public void form(String studyId, String formId, ExportFormat format, boolean identifying, OutputStream out) throws IOException {
        StudyDefinition study = requireExport(studyId, identifying);
        FormDef form = form(study, formId);
        Predicate<ItemDef> include = include(identifying);
        Map<String, Integer> repeats = repository.maxGroupRepeats(study.id(), form.id());
        FormLayout layout = FormLayout.of(study, form, g -> Math.max(1, repeats.getOrDefault(g.id(), 1)), true, include);
        FormDataset dataset = new FormDataset(layout);
        String name = study.id() + "_" + form.id();
        audit.exported(study.id(), "form " + form.id() + " as " + format.extension() + (identifying ? " with identifying items" : ""));
        DictionaryTable dictionary = DictionaryTable.of(DataDictionary.of(layout));
        write(format, dataset.variables(), dictionary, name, out, writer -> eachSubject(study, subject -> {
            for (SubjectData.FormInstance instance : ordered(study, subject.data(), form.id())) {
                row(writer, dataset.row(subject.siteId(), subject.subjectNumber(), instance));
            }
        }));
    }

    /** The wide analysis data set: one row per subject. */
    public void analysis(String studyId, ExportFormat format, boolean identifying, OutputStream out) throws IOException {
        StudyDefinition study = requireExport(studyId, identifying);
        AnalysisDataset dataset = new AnalysisDataset(study, include(identifying));
        String name = study.id() + "_analysis";
        audit.exported(study.id(), "analysis data set as " + format.extension() + (identifying ? " with identifying items" : ""));
        DictionaryTable dictionary = DictionaryTable.of(dataset.variables(), dataset.notes());
        write(format, dataset.variables(), dictionary, name, out, writer -> eachSubject(study, subject -> row(writer, dataset.row(subject))));
    }

    private static void row(DatasetWriter writer, List<String> values) {
        try {
            writer.row(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(ExportFormat format, List<Variable> variables, DictionaryTable dictionary, String name, OutputStream out,
                       Consumer<DatasetWriter> rows) throws IOException {
        switch (format) {
            case CSV -> {
                try (CsvDatasetWriter writer = new CsvDatasetWriter(out)) {
                    writer.header(variables);
                    rows.accept(writer);
                }
            }
            case XLSX -> {
                try (XlsxDatasetWriter writer = new XlsxDatasetWriter(out, dictionary)) {
                    writer.header(variables);
                    rows.accept(writer);
                }
            }
            case SPSS -> out.write(SpssSyntax.of(variables, name + ".csv", name).getBytes(StandardCharsets.UTF_8));
            case R -> out.write(RSyntax.of(variables, name + ".csv", "data").getBytes(StandardCharsets.UTF_8));
            case ZIP -> {
                ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
                zip.putNextEntry(new ZipEntry(name + ".csv"));
                try (CsvDatasetWriter writer = new CsvDatasetWriter(zip)) {
                    writer.header(variables);
                    rows.accept(writer);
                }
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(name + "_dictionary.csv"));
                try (CsvDatasetWriter writer = new CsvDatasetWriter(zip)) {
                    writer.table(dictionary);
                }
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(name + ".sps"));
                zip.write(SpssSyntax.of(variables, name + ".csv", name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(name + ".R"));
                zip.write(RSyntax.of(variables, name + ".csv", "data").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.finish();
            }
        }
        out.flush();
    }

    // -------------------------------------------------------------------------------------------- ODM

    /**
     * CDISC ODM 1.3.2 with the study's metadata, users, sites and signature meanings, and the
     * subjects of the user's sites: their current data with signatures (snapshot), or with the audit
     * trail every item change in time order (transactional).
     */
    public void odm(String studyId, boolean auditTrail, boolean identifying, OutputStream out) {
        StudyDefinition study = requireExport(studyId, identifying);
        Predicate<ItemDef> include = include(identifying);
        audit.exported(study.id(), "ODM 1.3.2 " + (auditTrail ? "with audit trail" : "snapshot") + (identifying ? " with identifying items" : ""));
        Instant now = Instant.now();
        Optional<FormSignatures> signed = signatures.isResolvable() ? Optional.of(signatures.get()) : Optional.empty();
        Set<String> usernames = new LinkedHashSet<>(auditTrail ? repository.auditUsers(study.id()) : List.of());
        List<OdmSignature> meanings = new ArrayList<>();
        // Users and signature meanings go before the clinical data: a first pass over the signatures.
        signed.ifPresent(s -> eachPage(study, page -> s.latestValid(formIds(page.values())).values().forEach(sig -> {
            usernames.add(sig.username());
            if (meanings.stream().noneMatch(m -> m.meaning().equals(sig.meaning()))) {
                meanings.add(sig);
            }
        })));
        List<OdmUser> users = new ArrayList<>();
        Map<String, AppUser> known = new LinkedHashMap<>();
        repository.users(usernames).forEach(u -> known.put(u.getUsername(), u));
        for (String username : usernames) {
            AppUser user = known.get(username);
            users.add(new OdmUser(username, user == null ? null : user.getFullName(), user != null && user.getRoles().contains(Role.INVESTIGATOR)));
        }
        String fileOid = "tace-ecrf." + study.id() + "." + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(now);
        try (OdmWriter writer = new OdmWriter(out, new OdmWriter.Header(fileOid, now, auditTrail, study.version(),
                study.title().en() + (auditTrail ? " - data with audit trail" : " - data snapshot")))) {
            writer.study(study);
            writer.adminData(study, users, meanings, LocalDate.ofInstant(now, ZoneOffset.UTC));
            writer.beginClinicalData(study);
            eachPage(study, page -> {
                Map<Long, OdmSignature> pageSignatures = signed.map(s -> s.latestValid(formIds(page.values()))).orElse(Map.of());
                Map<Long, List<AuditEvent>> history = new LinkedHashMap<>();
                if (auditTrail) {
                    repository.itemHistory(page.keySet()).forEach(e -> history.computeIfAbsent(e.getSubjectId(), k -> new ArrayList<>()).add(e));
                }
                for (ExportSubject subject : page.values()) {
                    if (auditTrail) {
                        List<OdmWriter.SignedForm> signedForms = new ArrayList<>();
                        for (SubjectData.FormInstance form : subject.data().forms()) {
                            OdmSignature signature = pageSignatures.get(form.id());
                            if (signature != null) {
                                signedForms.add(new OdmWriter.SignedForm(form.visit().visitId(), form.visit().repeatKey(), form.formId(),
                                        form.repeatKey(), signature));
                            }
                        }
                        history(study, subject, history.getOrDefault(subject.id(), List.of()), include, writer, signedForms);
                    } else {
                        writer.subject(subject, include, pageSignatures);
                    }
                }
            });
            writer.endClinicalData();
        }
    }

    private void history(StudyDefinition study, ExportSubject subject, List<AuditEvent> events, Predicate<ItemDef> include, OdmWriter writer,
                         List<OdmWriter.SignedForm> signedForms) {
        OdmTransaction created = null;
        List<OdmTransaction> transactions = new ArrayList<>();
        for (AuditEvent event : events) {
            if ("ENROL".equals(event.getAction())) {
                created = created != null ? created : transaction(event, null, 1, null, 1, null, OdmTransaction.Kind.INSERT, null);
                continue;
            }
            Optional<OdmTransaction> t = itemTransaction(study, event, include);
            t.ifPresent(transactions::add);
        }
        if (created == null) {
            created = transactions.isEmpty() ? null : transactions.get(0);
        }
        if (created == null) {
            return;
        }
        writer.subjectHistory(subject.subjectNumber(), subject.siteId(), created, transactions, signedForms);
    }

    /** An item's audit record as an ODM transaction, or empty for records that are not about an exported item. */
    static Optional<OdmTransaction> itemTransaction(StudyDefinition study, AuditEvent event, Predicate<ItemDef> include) {
        Matcher visit = event.getVisitKey() == null ? null : KEYED.matcher(event.getVisitKey());
        Matcher form = event.getFormKey() == null ? null : KEYED.matcher(event.getFormKey());
        if (visit == null || form == null || event.getItemKey() == null || !visit.matches() || !form.matches()) {
            return Optional.empty();
        }
        ItemKey key;
        try {
            key = ItemKey.parse(event.getItemKey());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<ItemDef> item = study.form(form.group(1)).flatMap(f -> f.group(key.groupId())).flatMap(g -> g.item(key.itemId()));
        if (item.isEmpty() || !include.test(item.get())) {
            return Optional.empty();
        }
        String value = event.getNewValue();
        if (value != null) {
            Matcher entered = ENTERED.matcher(value);
            if (entered.matches()) {
                value = entered.group(1);
            }
        }
        OdmTransaction.Kind kind = value == null ? OdmTransaction.Kind.REMOVE
                : event.getOldValue() == null ? OdmTransaction.Kind.INSERT : OdmTransaction.Kind.UPDATE;
        return Optional.of(transaction(event, visit.group(1), Integer.parseInt(visit.group(2)), form.group(1), Integer.parseInt(form.group(2)),
                key, kind, value));
    }

    private static OdmTransaction transaction(AuditEvent event, String visitId, int visitRepeat, String formId, int formRepeat, ItemKey key,
                                              OdmTransaction.Kind kind, String value) {
        boolean dataEntry = AuditSource.FORM.name().equals(event.getSource()) || AuditSource.API.name().equals(event.getSource());
        String source = event.getSource() + (event.getSourceDetail() == null ? "" : ": " + event.getSourceDetail());
        return new OdmTransaction(event.getOccurredAt(), event.getUsername(), dataEntry, source, event.getReason(), visitId, visitRepeat,
                formId, formRepeat, key, kind, value);
    }

    // ---------------------------------------------------------------------------------------- reading

    /** Each subject of the user's sites with all its data, a page at a time. */
    private void eachSubject(StudyDefinition study, Consumer<ExportSubject> consumer) {
        eachPage(study, page -> page.values().forEach(consumer));
    }

    private void eachPage(StudyDefinition study, Consumer<Map<Long, ExportSubject>> consumer) {
        boolean all = access.user().seesAllSites(study.id());
        Set<String> sites = access.user().siteIds(study.id());
        long after = 0;
        while (true) {
            List<Subject> subjects = repository.subjects(study.id(), sites, all, after, PAGE);
            if (subjects.isEmpty()) {
                return;
            }
            Map<Long, SubjectData> data = repository.subjectData(subjects.stream().map(Subject::getId).toList());
            Map<Long, ExportSubject> page = new LinkedHashMap<>();
            for (Subject s : subjects) {
                page.put(s.getId(), new ExportSubject(s.getId(), s.getSubjectNumber(), s.getSiteId(), s.getArmId(), s.getConsentDate(),
                        s.getEnrolmentDate(), s.getStatus().name(), data.get(s.getId())));
            }
            after = subjects.get(subjects.size() - 1).getId();
            repository.clear();
            consumer.accept(page);
        }
    }

    private static List<Long> formIds(java.util.Collection<ExportSubject> subjects) {
        return subjects.stream().flatMap(s -> s.data().forms().stream()).map(SubjectData.FormInstance::id).toList();
    }

    /** A subject's instances of a form in schedule order, then by occurrence and entry. */
    static List<SubjectData.FormInstance> ordered(StudyDefinition study, SubjectData data, String formId) {
        List<String> schedule = study.schedule().stream().map(VisitDef::id).toList();
        return data.forms().stream().filter(f -> f.formId().equals(formId))
                .sorted(Comparator.comparingInt((SubjectData.FormInstance f) -> schedule.indexOf(f.visit().visitId()))
                        .thenComparingInt(f -> f.visit().repeatKey()).thenComparingInt(SubjectData.FormInstance::repeatKey))
                .toList();
    }

    // ----------------------------------------------------------------------------------------- access

    /** Refuses, before anything is written, an export the user may not make. */
    public void checkExport(String studyId, boolean identifying) {
        requireExport(studyId, identifying);
    }

    /** Refuses a template of a form the study does not have. */
    public void checkTemplate(String studyId, String formId) {
        form(access.study(studyId), formId);
    }

    private StudyDefinition requireExport(String studyId, boolean identifying) {
        StudyDefinition study = access.study(studyId);
        access.user().requireAnyRole(settings.exportRoles());
        access.requireUnblinded(studyId);
        if (identifying && !access.user().hasAnyRole(settings.identifyingRoles())) {
            throw new AccessDeniedException("identifying items may not be exported by this role");
        }
        return study;
    }

    private static Predicate<ItemDef> include(boolean identifying) {
        return item -> identifying || !item.identifying();
    }

    private static FormDef form(StudyDefinition study, String formId) {
        return study.form(formId).orElseThrow(() -> new ValidationFailure(FieldError.of("form", "casebook.notFound", "form")));
    }
}
