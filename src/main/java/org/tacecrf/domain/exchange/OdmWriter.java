package org.tacecrf.domain.exchange;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.tacecrf.domain.casebook.DateTimes;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.study.CodeList;
import org.tacecrf.domain.study.CodeListItem;
import org.tacecrf.domain.study.DataType;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.LocalizedText;
import org.tacecrf.domain.study.NumericRange;
import org.tacecrf.domain.study.SiteDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.domain.study.VisitForm;
import org.tacecrf.domain.study.VisitType;

/**
 * Writes a CDISC ODM 1.3.2 file as a stream (StAX), subject by subject:
 * <ul>
 *   <li>{@code Study}: global variables, measurement units, and the metadata version with the
 *       protocol, visits ({@code StudyEventDef}), forms, item groups, items (question in English and
 *       Chinese, unit, hard and soft range checks, code list, SDTM/CDASH name), code lists with
 *       ranks and decodes, and a {@code MethodDef} for every calculated item;</li>
 *   <li>{@code AdminData}: the users named in the file, the sites as locations, and the signature
 *       meanings;</li>
 *   <li>{@code ClinicalData}, either a snapshot (the current values, with the form's signature) or,
 *       for an archive with the audit trail, a transactional file replaying every change of every
 *       item in time order with its {@code AuditRecord} (who, where, when, why, source).</li>
 * </ul>
 * Repeat keys are written only where the definition repeats, as the standard requires. OIDs are
 * those of {@link OdmOids}, so the file imports back into this system.
 */
public final class OdmWriter implements AutoCloseable {

    /** The file's identity and kind. */
    public record Header(String fileOid, Instant created, boolean transactional, String sourceSystemVersion, String description) {
    }

    private final XmlOut xml;
    private final Header header;
    private StudyDefinition clinicalStudy;

    public OdmWriter(OutputStream out, Header header) {
        this.header = header;
        this.xml = new XmlOut(out, OdmOids.NAMESPACE);
        xml.root("ODM", OdmOids.NAMESPACE)
                .attr("Description", header.description())
                .attr("FileType", header.transactional() ? "Transactional" : "Snapshot")
                .attr("Granularity", "All")
                .attr("FileOID", header.fileOid())
                .attr("CreationDateTime", dateTime(header.created()))
                .attr("ODMVersion", "1.3.2")
                .attr("SourceSystem", "TACE eCRF")
                .attr("SourceSystemVersion", header.sourceSystemVersion());
    }

    // ----------------------------------------------------------------------------------------- Study

    /** The study's metadata. */
    public void study(StudyDefinition study) {
        xml.open("Study").attr("OID", OdmOids.study(study));
        xml.open("GlobalVariables")
                .element("StudyName", study.title().en())
                .element("StudyDescription", study.description().map(LocalizedText::en).orElse(study.title().en()))
                .element("ProtocolName", study.protocolNumber().orElse(study.id()))
                .end();
        Set<String> units = units(study);
        if (!units.isEmpty()) {
            xml.open("BasicDefinitions");
            for (String unit : units) {
                xml.open("MeasurementUnit").attr("OID", OdmOids.unit(unit)).attr("Name", unit);
                xml.open("Symbol");
                translated(LocalizedText.of(unit));
                xml.end().end();
            }
            xml.end();
        }
        xml.open("MetaDataVersion").attr("OID", OdmOids.metaDataVersion(study)).attr("Name", study.id() + " version " + study.version())
                .attr("Description", study.sourceFile());
        xml.open("Protocol");
        int order = 1;
        for (VisitDef visit : study.schedule()) {
            xml.open("StudyEventRef").attr("StudyEventOID", OdmOids.studyEvent(visit.id())).attr("OrderNumber", order++)
                    .attr("Mandatory", visit.repeating() || visit.type() == VisitType.LOG ? "No" : "Yes").end();
        }
        xml.end();
        for (VisitDef visit : study.schedule()) {
            studyEventDef(visit);
        }
        for (FormDef form : study.forms()) {
            formDef(form);
        }
        for (FormDef form : study.forms()) {
            for (ItemGroupDef group : form.groups()) {
                itemGroupDef(form, group);
            }
        }
        for (FormDef form : study.forms()) {
            for (ItemDef item : form.items()) {
                itemDef(study, form, item);
            }
        }
        for (CodeList list : usedCodeLists(study)) {
            codeList(list);
        }
        for (FormDef form : study.forms()) {
            for (ItemDef item : form.items()) {
                if (item.calculated()) {
                    methodDef(form, item);
                }
            }
        }
        xml.end().end();
        xml.flush();
    }

    private void studyEventDef(VisitDef visit) {
        xml.open("StudyEventDef").attr("OID", OdmOids.studyEvent(visit.id())).attr("Name", visit.label().en())
                .attr("Repeating", yesNo(visit.repeating()))
                .attr("Type", visit.type() == VisitType.LOG ? "Common" : visit.timing() == null && visit.repeating() ? "Unscheduled" : "Scheduled")
                .attr("Category", visit.type().name());
        description(visit.label());
        int order = 1;
        for (VisitForm form : visit.forms()) {
            xml.open("FormRef").attr("FormOID", OdmOids.form(form.formId())).attr("OrderNumber", order++)
                    .attr("Mandatory", yesNo(form.mandatory())).end();
        }
        xml.end();
    }

    private void formDef(FormDef form) {
        xml.open("FormDef").attr("OID", OdmOids.form(form.id())).attr("Name", form.label().en()).attr("Repeating", yesNo(form.repeating()));
        description(form.label());
        int order = 1;
        for (ItemGroupDef group : form.groups()) {
            boolean mandatory = !group.repeating() && group.items().stream().anyMatch(i -> i.required() && i.visibleWhen() == null);
            xml.open("ItemGroupRef").attr("ItemGroupOID", OdmOids.itemGroup(form, group)).attr("OrderNumber", order++)
                    .attr("Mandatory", yesNo(mandatory)).end();
        }
        xml.end();
    }

    private void itemGroupDef(FormDef form, ItemGroupDef group) {
        xml.open("ItemGroupDef").attr("OID", OdmOids.itemGroup(form, group)).attr("Name", group.id())
                .attr("Repeating", yesNo(group.repeating())).attr("Domain", group.domain().name());
        description(group.label());
        int order = 1;
        for (ItemDef item : group.items()) {
            xml.open("ItemRef").attr("ItemOID", OdmOids.item(form, item)).attr("OrderNumber", order++)
                    .attr("Mandatory", yesNo(item.required() && item.visibleWhen() == null))
                    .attr("MethodOID", item.calculated() ? OdmOids.method(form, item) : null).end();
        }
        xml.end();
    }

    private void itemDef(StudyDefinition study, FormDef form, ItemDef item) {
        CodeList codes = study.codeListOf(item).orElse(null);
        xml.open("ItemDef").attr("OID", OdmOids.item(form, item)).attr("Name", item.id()).attr("DataType", item.dataType().odmName());
        Integer length = length(item, codes);
        if (length != null) {
            xml.attr("Length", length);
            if (item.dataType() == DataType.FLOAT) {
                xml.attr("SignificantDigits", item.precision());
            }
        }
        if (item.cdash() != null && item.cdash().matches("[A-Za-z_][A-Za-z0-9_]{0,7}")) {
            xml.attr("SDSVarName", item.cdash());
        }
        xml.attr("Origin", item.calculated() ? "Derived" : "CRF");
        if (item.identifying()) {
            xml.attr("Comment", "Identifies the patient; left out of exports unless the user may see it.");
        }
        if (item.help() != null) {
            description(item.help());
        }
        xml.open("Question");
        translated(item.label());
        xml.end();
        if (item.unit() != null) {
            xml.open("MeasurementUnitRef").attr("MeasurementUnitOID", OdmOids.unit(item.unit())).end();
            for (var alternative : item.alternativeUnits()) {
                xml.open("MeasurementUnitRef").attr("MeasurementUnitOID", OdmOids.unit(alternative.unit())).end();
            }
        }
        rangeChecks(item, item.hardRange(), "Hard");
        rangeChecks(item, item.softRange(), "Soft");
        if (codes != null) {
            xml.open("CodeListRef").attr("CodeListOID", OdmOids.codeList(codes.id())).end();
        }
        if (item.cdash() != null) {
            xml.open("Alias").attr("Context", "CDASH").attr("Name", item.cdash()).end();
        }
        if (item.testCode() != null) {
            xml.open("Alias").attr("Context", "SDTM test code").attr("Name", item.testCode()).end();
        }
        xml.end();
    }

    /** A bounded range is two one-sided checks (ODM RangeCheck compares with one value). */
    private void rangeChecks(ItemDef item, NumericRange range, String softHard) {
        if (range.min() != null) {
            rangeCheck(item, "GE", range.min(), softHard);
        }
        if (range.max() != null) {
            rangeCheck(item, "LE", range.max(), softHard);
        }
    }

    private void rangeCheck(ItemDef item, String comparator, BigDecimal value, String softHard) {
        xml.open("RangeCheck").attr("Comparator", comparator).attr("SoftHard", softHard);
        xml.element("CheckValue", value.stripTrailingZeros().toPlainString());
        if (item.unit() != null) {
            xml.open("MeasurementUnitRef").attr("MeasurementUnitOID", OdmOids.unit(item.unit())).end();
        }
        xml.open("ErrorMessage");
        String text = (softHard.equals("Hard") ? "Impossible value: " : "Unusual value: ") + "must be "
                + (comparator.equals("GE") ? "at least " : "at most ") + value.stripTrailingZeros().toPlainString()
                + (item.unit() == null ? "" : " " + item.unit());
        translated(LocalizedText.of(text));
        xml.end().end();
    }

    private void codeList(CodeList list) {
        xml.open("CodeList").attr("OID", OdmOids.codeList(list.id())).attr("Name", list.label().en()).attr("DataType", "text");
        description(list.label());
        int order = 1;
        for (CodeListItem item : list.items()) {
            xml.open("CodeListItem").attr("CodedValue", item.code()).attr("Rank", item.rank()).attr("OrderNumber", order++);
            xml.open("Decode");
            translated(item.label());
            xml.end().end();
        }
        xml.end();
    }

    private void methodDef(FormDef form, ItemDef item) {
        var calculation = item.calculation();
        xml.open("MethodDef").attr("OID", OdmOids.method(form, item)).attr("Name", item.id()).attr("Type", "Computation");
        String how = calculation.isDerivation()
                ? "Built-in derivation " + calculation.derivation().yamlName() + (calculation.argument() == null ? "" : " of " + calculation.argument())
                : "Expression in the TACE eCRF edit-check language";
        description(LocalizedText.of(how));
        if (!calculation.isDerivation()) {
            xml.open("FormalExpression").attr("Context", "TACE eCRF edit-check language").text(calculation.expression().text());
            xml.end();
        }
        xml.end();
    }

    private static Integer length(ItemDef item, CodeList codes) {
        return switch (item.dataType()) {
            case TEXT -> {
                if (codes != null) {
                    int longest = codes.codes().stream().mapToInt(String::length).max().orElse(1);
                    yield item.type() == org.tacecrf.domain.study.ItemType.MULTI_CHOICE
                            ? codes.codes().stream().mapToInt(c -> c.length() + 1).sum() : longest;
                }
                yield item.maxLength() == null ? 4000 : item.maxLength();
            }
            case INTEGER -> digits(item.hardRange());
            case FLOAT -> item.precision() == null ? null : digits(item.hardRange()) + item.precision() + 1;
            case DATE, DATETIME -> null;
        };
    }

    /**
     * A value as ODM writes it: a date-time ({@code yyyy-MM-ddTHH:mm} in the casebook) gains the
     * seconds ODM's {@code datetime} requires; the zone is left out, the time being the site's clock.
     */
    static String odmValue(ItemDef item, String value) {
        if (value == null || item.dataType() != DataType.DATETIME) {
            return value;
        }
        return DateTimes.parse(value).map(ODM_DATE_TIME::format).orElse(value);
    }

    private static final DateTimeFormatter ODM_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** Characters the integer part may need: from the hard range, or 10 when unbounded. */
    private static int digits(NumericRange range) {
        if (range.min() == null || range.max() == null) {
            return 10;
        }
        int max = Math.max(range.max().abs().toBigInteger().toString().length(), range.min().abs().toBigInteger().toString().length());
        return max + (range.min().signum() < 0 ? 1 : 0);
    }

    private static Set<String> units(StudyDefinition study) {
        Set<String> units = new TreeSet<>();
        for (FormDef form : study.forms()) {
            for (ItemDef item : form.items()) {
                if (item.unit() != null) {
                    units.add(item.unit());
                    item.alternativeUnits().forEach(u -> units.add(u.unit()));
                }
            }
        }
        return units;
    }

    private static Collection<CodeList> usedCodeLists(StudyDefinition study) {
        Map<String, CodeList> lists = new LinkedHashMap<>();
        for (FormDef form : study.forms()) {
            for (ItemDef item : form.items()) {
                study.codeListOf(item).ifPresent(l -> lists.putIfAbsent(l.id(), l));
            }
        }
        return lists.values();
    }

    private void description(LocalizedText text) {
        xml.open("Description");
        translated(text);
        xml.end();
    }

    private void translated(LocalizedText text) {
        xml.open("TranslatedText").xmlAttr("lang", "en").text(text.en());
        xml.end();
        if (text.zh() != null) {
            xml.open("TranslatedText").xmlAttr("lang", "zh").text(text.zh());
            xml.end();
        }
    }

    // ------------------------------------------------------------------------------------- AdminData

    /**
     * Users, sites and signature meanings.
     *
     * @param effectiveDate date from which the sites use this metadata version
     */
    public void adminData(StudyDefinition study, Collection<OdmUser> users, Collection<OdmSignature> meanings, LocalDate effectiveDate) {
        xml.open("AdminData").attr("StudyOID", OdmOids.study(study));
        for (OdmUser user : users) {
            xml.open("User").attr("OID", OdmOids.user(user.username())).attr("UserType", user.investigator() ? "Investigator" : "Other");
            xml.element("LoginName", user.username());
            if (user.fullName() != null) {
                xml.element("FullName", user.fullName());
            }
            xml.end();
        }
        for (SiteDef site : study.sites()) {
            xml.open("Location").attr("OID", OdmOids.location(site.id())).attr("Name", site.name().en()).attr("LocationType", "Site");
            xml.open("MetaDataVersionRef").attr("StudyOID", OdmOids.study(study)).attr("MetaDataVersionOID", OdmOids.metaDataVersion(study))
                    .attr("EffectiveDate", effectiveDate).end();
            xml.end();
        }
        Map<String, OdmSignature> byMeaning = new LinkedHashMap<>();
        meanings.forEach(s -> byMeaning.putIfAbsent(s.meaning(), s));
        for (OdmSignature meaning : byMeaning.values()) {
            xml.open("SignatureDef").attr("OID", OdmOids.signature(meaning.meaning())).attr("Methodology", "Electronic");
            xml.element("Meaning", meaning.meaning());
            xml.element("LegalReason", meaning.legalReason() == null ? meaning.meaning() : meaning.legalReason());
            xml.end();
        }
        xml.end();
        xml.flush();
    }

    // ---------------------------------------------------------------------------------- ClinicalData

    public void beginClinicalData(StudyDefinition study) {
        this.clinicalStudy = study;
        xml.open("ClinicalData").attr("StudyOID", OdmOids.study(study)).attr("MetaDataVersionOID", OdmOids.metaDataVersion(study));
    }

    /**
     * A subject's current data (snapshot).
     *
     * @param include    which items to write (identifying items may be left out)
     * @param signatures the latest valid signature of each signed form instance, by form instance id
     */
    public void subject(ExportSubject subject, Predicate<ItemDef> include, Map<Long, OdmSignature> signatures) {
        StudyDefinition study = requireClinicalData();
        xml.open("SubjectData").attr("SubjectKey", subject.subjectNumber());
        xml.open("SiteRef").attr("LocationOID", OdmOids.location(subject.siteId())).end();
        List<SubjectData.VisitInstance> visits = new ArrayList<>(subject.data().visits());
        visits.sort(Comparator.comparingInt((SubjectData.VisitInstance v) -> scheduleIndex(study, v.visitId()))
                .thenComparingInt(SubjectData.VisitInstance::repeatKey));
        for (SubjectData.VisitInstance visit : visits) {
            VisitDef visitDef = study.visit(visit.visitId()).orElse(null);
            List<SubjectData.FormInstance> forms = subject.data().forms().stream().filter(f -> f.visit().id() == visit.id())
                    .sorted(Comparator.comparingInt((SubjectData.FormInstance f) -> formIndex(visitDef, f.formId()))
                            .thenComparingInt(SubjectData.FormInstance::repeatKey)).toList();
            if (visitDef == null || forms.isEmpty()) {
                continue;
            }
            xml.open("StudyEventData").attr("StudyEventOID", OdmOids.studyEvent(visit.visitId()))
                    .attr("StudyEventRepeatKey", visitDef.repeating() ? visit.repeatKey() : null);
            for (SubjectData.FormInstance form : forms) {
                FormDef formDef = study.form(form.formId()).orElse(null);
                if (formDef != null) {
                    formData(formDef, form, include, signatures.get(form.id()), subject.siteId());
                }
            }
            xml.end();
        }
        xml.end();
        xml.flush();
    }

    private void formData(FormDef form, SubjectData.FormInstance instance, Predicate<ItemDef> include, OdmSignature signature, String siteId) {
        xml.open("FormData").attr("FormOID", OdmOids.form(form.id())).attr("FormRepeatKey", form.repeating() ? instance.repeatKey() : null);
        if (signature != null) {
            signature(signature, siteId);
        }
        for (ItemGroupDef group : form.groups()) {
            TreeSet<Integer> repeats = new TreeSet<>();
            instance.values().forEach((k, v) -> {
                if (k.groupId().equals(group.id()) && !v.isEmpty()) {
                    repeats.add(k.groupRepeat());
                }
            });
            for (int repeat : repeats) {
                List<ItemDef> items = group.items().stream().filter(include)
                        .filter(i -> value(instance, group, repeat, i) != null).toList();
                if (items.isEmpty()) {
                    continue;
                }
                xml.open("ItemGroupData").attr("ItemGroupOID", OdmOids.itemGroup(form, group))
                        .attr("ItemGroupRepeatKey", group.repeating() ? repeat : null);
                for (ItemDef item : items) {
                    StoredValue value = value(instance, group, repeat, item);
                    xml.open("ItemData").attr("ItemOID", OdmOids.item(form, item)).attr("Value", odmValue(item, value.display()));
                    if (item.unit() != null && value.number() != null) {
                        xml.open("MeasurementUnitRef").attr("MeasurementUnitOID", OdmOids.unit(item.unit())).end();
                    }
                    xml.end();
                }
                xml.end();
            }
        }
        xml.end();
    }

    private static StoredValue value(SubjectData.FormInstance instance, ItemGroupDef group, int repeat, ItemDef item) {
        StoredValue value = instance.values().get(new ItemKey(group.id(), repeat, item.id()));
        return value == null || value.isEmpty() ? null : value;
    }

    private void signature(OdmSignature signature, String siteId) {
        xml.open("Signature");
        xml.open("UserRef").attr("UserOID", OdmOids.user(signature.username())).end();
        xml.open("LocationRef").attr("LocationOID", OdmOids.location(siteId)).end();
        xml.open("SignatureRef").attr("SignatureOID", OdmOids.signature(signature.meaning())).end();
        xml.element("DateTimeStamp", dateTime(signature.signedAt()));
        xml.end();
    }

    /**
     * A subject's history (transactional file): the subject with the audit record of its creation,
     * then every item change in time order, consecutive changes of one form instance and group row
     * sharing their elements; signatures appear in time order as context transactions of their form.
     *
     * @param created      the audit record of the subject's enrolment (user and time)
     * @param transactions item changes in time order
     * @param signatures   signatures of the subject's forms with the form instance they sign
     */
    public void subjectHistory(String subjectNumber, String siteId, OdmTransaction created, List<OdmTransaction> transactions,
                               List<SignedForm> signatures) {
        StudyDefinition study = requireClinicalData();
        xml.open("SubjectData").attr("SubjectKey", subjectNumber).attr("TransactionType", "Upsert");
        auditRecord(created, siteId);
        xml.open("SiteRef").attr("LocationOID", OdmOids.location(siteId)).end();
        List<Object> events = new ArrayList<>(transactions);
        events.addAll(signatures);
        events.sort(Comparator.comparing(e -> e instanceof OdmTransaction t ? t.at() : ((SignedForm) e).signature().signedAt()));
        String openForm = null;
        String openGroup = null;
        for (Object event : events) {
            if (event instanceof SignedForm signed) {
                openForm = closeBlocks(openForm, openGroup);
                openGroup = null;
                VisitDef visit = study.visit(signed.visitId()).orElseThrow();
                FormDef form = study.form(signed.formId()).orElseThrow();
                xml.open("StudyEventData").attr("StudyEventOID", OdmOids.studyEvent(visit.id()))
                        .attr("StudyEventRepeatKey", visit.repeating() ? signed.visitRepeat() : null);
                xml.open("FormData").attr("FormOID", OdmOids.form(form.id())).attr("FormRepeatKey", form.repeating() ? signed.formRepeat() : null)
                        .attr("TransactionType", "Context");
                signature(signed.signature(), siteId);
                xml.end().end();
                continue;
            }
            OdmTransaction t = (OdmTransaction) event;
            VisitDef visit = study.visit(t.visitId()).orElse(null);
            FormDef form = study.form(t.formId()).orElse(null);
            ItemGroupDef group = form == null ? null : form.group(t.key().groupId()).orElse(null);
            ItemDef item = group == null ? null : group.item(t.key().itemId()).orElse(null);
            if (visit == null || item == null) {
                continue;
            }
            String formKey = t.visitId() + "[" + t.visitRepeat() + "]" + t.formId() + "[" + t.formRepeat() + "]";
            String groupKey = t.key().groupId() + "[" + t.key().groupRepeat() + "]";
            if (!formKey.equals(openForm)) {
                closeBlocks(openForm, openGroup);
                openGroup = null;
                xml.open("StudyEventData").attr("StudyEventOID", OdmOids.studyEvent(visit.id()))
                        .attr("StudyEventRepeatKey", visit.repeating() ? t.visitRepeat() : null);
                xml.open("FormData").attr("FormOID", OdmOids.form(form.id())).attr("FormRepeatKey", form.repeating() ? t.formRepeat() : null);
                openForm = formKey;
            }
            if (!groupKey.equals(openGroup)) {
                if (openGroup != null) {
                    xml.end();
                }
                xml.open("ItemGroupData").attr("ItemGroupOID", OdmOids.itemGroup(form, group))
                        .attr("ItemGroupRepeatKey", group.repeating() ? t.key().groupRepeat() : null);
                openGroup = groupKey;
            }
            xml.open("ItemData").attr("ItemOID", OdmOids.item(form, item)).attr("TransactionType", t.kind().odmName())
                    .attr("Value", t.kind() == OdmTransaction.Kind.REMOVE ? null : odmValue(item, t.value()));
            auditRecord(t, siteId);
            xml.end();
        }
        closeBlocks(openForm, openGroup);
        xml.end();
        xml.flush();
    }

    /** A signature with the form instance it signs, for transactional files. */
    public record SignedForm(String visitId, int visitRepeat, String formId, int formRepeat, OdmSignature signature) {
    }

    private String closeBlocks(String openForm, String openGroup) {
        if (openForm != null) {
            if (openGroup != null) {
                xml.end();
            }
            xml.end().end();
        }
        return null;
    }

    private void auditRecord(OdmTransaction t, String siteId) {
        xml.open("AuditRecord").attr("EditPoint", t.dataEntry() ? "Monitoring" : "DataManagement");
        xml.open("UserRef").attr("UserOID", OdmOids.user(t.username())).end();
        xml.open("LocationRef").attr("LocationOID", OdmOids.location(siteId)).end();
        xml.element("DateTimeStamp", dateTime(t.at()));
        if (t.reason() != null && !t.reason().isBlank()) {
            xml.element("ReasonForChange", t.reason());
        }
        if (t.source() != null && !t.source().isBlank()) {
            xml.element("SourceID", t.source());
        }
        xml.end();
    }

    public void endClinicalData() {
        requireClinicalData();
        xml.end();
        clinicalStudy = null;
        xml.flush();
    }

    private StudyDefinition requireClinicalData() {
        return Objects.requireNonNull(clinicalStudy, "beginClinicalData first");
    }

    @Override
    public void close() {
        xml.close();
    }

    /** The users an audit trail and signatures name, in order of appearance. */
    public static Set<String> usernames(Collection<OdmTransaction> transactions, Collection<OdmSignature> signatures) {
        Set<String> names = new LinkedHashSet<>();
        transactions.forEach(t -> names.add(t.username()));
        signatures.forEach(s -> names.add(s.username()));
        return names;
    }

    private static int scheduleIndex(StudyDefinition study, String visitId) {
        List<VisitDef> schedule = study.schedule();
        for (int i = 0; i < schedule.size(); i++) {
            if (schedule.get(i).id().equals(visitId)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static int formIndex(VisitDef visit, String formId) {
        if (visit == null) {
            return Integer.MAX_VALUE;
        }
        for (int i = 0; i < visit.forms().size(); i++) {
            if (visit.forms().get(i).formId().equals(formId)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }

    static String dateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The header of this file. */
    public Header header() {
        return header;
    }
}
