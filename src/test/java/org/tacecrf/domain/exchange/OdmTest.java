package org.tacecrf.domain.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.study.StudyDefinition;
import org.xml.sax.SAXParseException;

class OdmTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    private final StudyDefinition study = Studies.hcc();

    private byte[] snapshot(List<ExportSubject> subjects, Map<Long, OdmSignature> signatures, boolean identifying) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OdmWriter writer = new OdmWriter(out, new OdmWriter.Header("tace-ecrf.test.1", Instant.parse("2025-06-30T08:00:00Z"), false,
                study.version(), "test"))) {
            writer.study(study);
            writer.adminData(study, List.of(new OdmUser("investigator", "Dr Wang Wei", true)), signatures.values(), TODAY);
            writer.beginClinicalData(study);
            subjects.forEach(s -> writer.subject(s, i -> identifying || !i.identifying(), signatures));
            writer.endClinicalData();
        }
        return out.toByteArray();
    }

    @Test
    void snapshotWithMetadataAndSignaturesIsValidOdm132() throws Exception {
        ExportSubject subject = SampleSubjects.typical(study, 1, "LYCH-001");
        long signedForm = subject.data().forms().get(0).id();
        byte[] odm = snapshot(List.of(subject, SampleSubjects.typical(study, 2, "LYCH-002")),
                Map.of(signedForm, new OdmSignature(signedForm, "investigator", Instant.parse("2025-06-01T10:00:00Z"), "Approval",
                        "I approve the data on this form.")), false);
        OdmSchema.validate(odm);
        String xml = new String(odm, StandardCharsets.UTF_8);
        assertThat(xml).contains("ODMVersion=\"1.3.2\"").contains("FileType=\"Snapshot\"")
                .contains("<StudyEventDef OID=\"SE.tace\"").contains("Repeating=\"Yes\"")
                .contains("<ItemDef OID=\"I.baseline.weight\" Name=\"weight\" DataType=\"float\" Length=\"5\" SignificantDigits=\"1\"")
                .contains("<RangeCheck Comparator=\"GE\" SoftHard=\"Hard\"").contains("<MethodDef OID=\"MT.baseline.bmi\"")
                .contains("<TranslatedText xml:lang=\"zh\">体重</TranslatedText>")
                .contains("<SignatureDef OID=\"SD.Approval\"").contains("<SignatureRef SignatureOID=\"SD.Approval\"/>")
                .contains("StudyEventOID=\"SE.tace\" StudyEventRepeatKey=\"2\"")
                .contains("ItemGroupOID=\"IG.tace_session.microspheres\" ItemGroupRepeatKey=\"2\"")
                .contains("<ItemData ItemOID=\"I.baseline.height\" Value=\"170\">")
                .doesNotContain("MRN1").doesNotContain("I.enrolment.initials\" Value");
        // Repeat keys only where the definition repeats.
        assertThat(xml).doesNotContain("SE.baseline\" StudyEventRepeatKey");
    }

    @Test
    void identifyingItemsAreWrittenOnlyWhenAllowed() throws Exception {
        byte[] odm = snapshot(List.of(SampleSubjects.typical(study, 1, "LYCH-001")), Map.of(), true);
        OdmSchema.validate(odm);
        assertThat(new String(odm, StandardCharsets.UTF_8)).contains("Value=\"MRN1\"");
    }

    @Test
    void snapshotReadsBackToTheSameValues() {
        ExportSubject subject = SampleSubjects.typical(study, 1, "LYCH-001");
        byte[] odm = snapshot(List.of(subject), Map.of(), true);
        MappedImport mapped = new OdmReader(study, TODAY).read(odm, ImportLimits.DEFAULT);
        assertThat(mapped.problems()).isEmpty();
        assertThat(mapped.records()).hasSize(subject.data().forms().size());
        for (SubjectData.FormInstance form : subject.data().forms()) {
            ImportRecord record = mapped.records().stream().filter(r -> r.formId().equals(form.formId())
                    && r.visitId().equals(form.visit().visitId()) && r.visitRepeat() == form.visit().repeatKey()).findFirst().orElseThrow();
            assertThat(record.subjectNumber()).isEqualTo("LYCH-001");
            assertThat(record.siteId()).isEqualTo("LYCH");
            Map<ItemKey, StoredValue> entered = new java.util.LinkedHashMap<>(form.values());
            entered.keySet().removeIf(k -> study.item(form.formId(), k.itemId()).orElseThrow().calculated());
            assertThat(record.values().keySet()).containsExactlyInAnyOrderElementsOf(entered.keySet());
            entered.forEach((key, value) -> assertThat(record.values().get(key).text()).isEqualTo(value.display()));
        }
    }

    @Test
    void transactionalFileWithTheAuditTrailIsValidOdm132() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Instant t0 = Instant.parse("2024-01-03T09:00:00Z");
        OdmTransaction created = new OdmTransaction(t0, "nurse", true, "FORM", null, null, 1, null, 1, null, OdmTransaction.Kind.INSERT, null);
        List<OdmTransaction> changes = List.of(
                new OdmTransaction(t0.plusSeconds(60), "nurse", true, "FORM", null, "baseline", 1, "baseline", 1,
                        new ItemKey("vital_signs", 1, "weight"), OdmTransaction.Kind.INSERT, "70.5"),
                new OdmTransaction(t0.plusSeconds(61), "system", false, "SYSTEM: bmi v1", null, "baseline", 1, "baseline", 1,
                        new ItemKey("vital_signs", 1, "bmi"), OdmTransaction.Kind.INSERT, "23.8"),
                new OdmTransaction(t0.plusSeconds(3600), "datamanager", false, "IMPORT: import 3, file baseline.csv", "Transcription error",
                        "baseline", 1, "baseline", 1, new ItemKey("vital_signs", 1, "weight"), OdmTransaction.Kind.UPDATE, "71.5"),
                new OdmTransaction(t0.plusSeconds(7200), "nurse", true, "FORM", "Not measured", "tace", 2, "tace_session", 1,
                        new ItemKey("microspheres", 2, "product"), OdmTransaction.Kind.REMOVE, null));
        OdmSignature signature = new OdmSignature(9, "investigator", t0.plusSeconds(5000), "Approval", "I approve.");
        try (OdmWriter writer = new OdmWriter(out, new OdmWriter.Header("tace-ecrf.test.2", t0.plusSeconds(9999), true, "1", "audit"))) {
            writer.study(study);
            writer.adminData(study, List.of(new OdmUser("nurse", "Li Na", false), new OdmUser("system", null, false),
                    new OdmUser("datamanager", "Chen Jie", false), new OdmUser("investigator", "Dr Wang", true)), List.of(signature), TODAY);
            writer.beginClinicalData(study);
            writer.subjectHistory("LYCH-001", "LYCH", created, changes,
                    List.of(new OdmWriter.SignedForm("baseline", 1, "baseline", 1, signature)));
            writer.endClinicalData();
        }
        OdmSchema.validate(out.toByteArray());
        String xml = out.toString(StandardCharsets.UTF_8);
        assertThat(xml).contains("FileType=\"Transactional\"").contains("TransactionType=\"Upsert\"")
                .contains("<ItemData ItemOID=\"I.baseline.weight\" TransactionType=\"Update\" Value=\"71.5\">")
                .contains("<ReasonForChange>Transcription error</ReasonForChange>")
                .contains("<SourceID>IMPORT: import 3, file baseline.csv</SourceID>")
                .contains("EditPoint=\"DataManagement\"").contains("TransactionType=\"Remove\">")
                .contains("TransactionType=\"Context\"");
        // Transactions are in time order: the signature comes after the import.
        assertThat(xml.indexOf("SD.Approval\"/>")).isGreaterThan(xml.indexOf("Transcription error"));
    }

    @Test
    void odmFromAnotherStudyOrWithUnknownOidsIsRefused() {
        String other = odm("S.other", "<SubjectData SubjectKey=\"X\"/>");
        assertThat(read(other).problems()).extracting(ExchangeProblem::messageKey).containsExactly("exchange.odm.otherStudy");
        String unknown = odm("S.hcc-deb-sorafenib", """
                <SubjectData SubjectKey="LYCH-001"><StudyEventData StudyEventOID="SE.baseline"><FormData FormOID="F.baseline">
                <ItemGroupData ItemGroupOID="IG.baseline.vital_signs"><ItemData ItemOID="I.baseline.wieght" Value="70"/></ItemGroupData>
                </FormData></StudyEventData><StudyEventData StudyEventOID="SE.nowhere"/></SubjectData>""");
        MappedImport mapped = read(unknown);
        assertThat(mapped.problems()).extracting(ExchangeProblem::messageKey).containsOnly("exchange.odm.unknownOid");
        assertThat(mapped.problems()).extracting(ExchangeProblem::value).containsExactly("I.baseline.wieght", "SE.nowhere");
        assertThat(mapped.records()).isEmpty();
    }

    @Test
    void valuesAreCheckedAndClearedItemsAndTransactionsMerged() {
        String file = odm("S.hcc-deb-sorafenib", """
                <SubjectData SubjectKey="LYCH-001" TransactionType="Update"><StudyEventData StudyEventOID="SE.baseline"><FormData FormOID="F.baseline">
                <ItemGroupData ItemGroupOID="IG.baseline.vital_signs"><ItemData ItemOID="I.baseline.weight" Value="70,5"/>
                <ItemData ItemOID="I.baseline.height" Value="1.8"><MeasurementUnitRef MeasurementUnitOID="MU.m"/></ItemData></ItemGroupData>
                </FormData></StudyEventData>
                <StudyEventData StudyEventOID="SE.baseline"><FormData FormOID="F.baseline">
                <ItemGroupData ItemGroupOID="IG.baseline.vital_signs"><ItemData ItemOID="I.baseline.systolic_bp" IsNull="Yes"/>
                <ItemDataInteger ItemOID="I.baseline.diastolic_bp">80</ItemDataInteger></ItemGroupData>
                </FormData></StudyEventData></SubjectData>""");
        MappedImport mapped = read(file);
        assertThat(mapped.problems()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("value.error.decimalComma");
            assertThat(p.column()).isEqualTo("I.baseline.weight");
            assertThat(p.row()).isEqualTo(4);
        });
        assertThat(mapped.records()).singleElement().satisfies(r -> {
            assertThat(r.values().get(new ItemKey("vital_signs", 1, "height")).unit()).isEqualTo("m");
            assertThat(r.values().get(new ItemKey("vital_signs", 1, "systolic_bp")).blank()).isTrue();
            assertThat(r.values().get(new ItemKey("vital_signs", 1, "diastolic_bp")).text()).isEqualTo("80");
        });
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        String file = "<?xml version=\"1.0\"?><!DOCTYPE ODM [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\"><ClinicalData StudyOID=\"S.hcc-deb-sorafenib\" MetaDataVersionOID=\"x\">"
                + "<SubjectData SubjectKey=\"&x;\"/></ClinicalData></ODM>";
        MappedImport mapped = read(file);
        assertThat(mapped.hasErrors()).isTrue();
        assertThat(mapped.records()).isEmpty();
        assertThat(mapped.problems().toString()).doesNotContain("root:");
    }

    @Test
    void malformedXmlIsReportedWithItsLine() {
        MappedImport mapped = read("<?xml version=\"1.0\"?>\n<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\">\n"
                + "<ClinicalData StudyOID=\"S.hcc-deb-sorafenib\" MetaDataVersionOID=\"MDV.1\">\n</ODM>");
        assertThat(mapped.problems()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("exchange.odm.malformed");
            assertThat(p.row()).isEqualTo(4);
        });
    }

    @Test
    void schemaCatchesAnInvalidDocument() {
        assertThatThrownBy(() -> OdmSchema.validate(odm("S.x", "<SubjectData/>").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SAXParseException.class);
    }

    private MappedImport read(String xml) {
        return new OdmReader(study, TODAY).read(xml.getBytes(StandardCharsets.UTF_8), ImportLimits.DEFAULT);
    }

    private static String odm(String studyOid, String subjects) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" FileType=\"Transactional\" "
                + "FileOID=\"f\" CreationDateTime=\"2025-06-30T08:00:00Z\" ODMVersion=\"1.3.2\">\n<ClinicalData StudyOID=\"" + studyOid
                + "\" MetaDataVersionOID=\"MDV.1\">\n" + subjects + "\n</ClinicalData></ODM>";
    }
}
