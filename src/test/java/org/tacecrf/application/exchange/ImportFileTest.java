package org.tacecrf.application.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.exchange.ExchangeProblem;
import org.tacecrf.domain.exchange.FileFormat;
import org.tacecrf.domain.exchange.ImportLimits;
import org.tacecrf.domain.exchange.ImportRecord;
import org.tacecrf.domain.exchange.MappedImport;
import org.tacecrf.domain.study.StudyCatalog;
import org.tacecrf.domain.study.StudyDefinition;

/** How the import service reads a file before any record is applied. */
class ImportFileTest {

    private static final StudyDefinition STUDY = StudyCatalog.load(Path.of(System.getProperty("basedir", ".")).resolve("config/studies"))
            .get("hcc-deb-sorafenib");

    private static MappedImport read(String formId, byte[] content, ImportLimits limits) {
        return ImportService.read(STUDY, new ImportRequest(STUDY.id(), formId, "file", content, null), limits);
    }

    private static List<String> keys(MappedImport mapped) {
        return mapped.problems().stream().map(ExchangeProblem::messageKey).toList();
    }

    @Test
    void emptyHugeAndOldExcelFilesAreRefusedBeforeReading() {
        assertThat(keys(read("baseline", new byte[0], ImportLimits.DEFAULT))).containsExactly("exchange.file.empty");
        MappedImport huge = read("baseline", new byte[2048], new ImportLimits(1024, 10));
        assertThat(huge.problems()).singleElement().satisfies(p -> assertThat(p.englishText()).isEqualTo(
                "The file is larger than 1 MB. Split it into several files."));
        assertThat(keys(read("baseline", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}, ImportLimits.DEFAULT)))
                .containsExactly("exchange.file.xls");
    }

    @Test
    void tablesNeedTheirFormAndOdmNamesItsOwn() {
        byte[] csv = "subject_number,weight\nLYCH-001,70\n".getBytes(StandardCharsets.UTF_8);
        assertThat(keys(read(null, csv, ImportLimits.DEFAULT))).containsExactly("exchange.file.formRequired");
        assertThat(keys(read("nonsense", csv, ImportLimits.DEFAULT))).containsExactly("exchange.file.unknownForm");
        assertThat(read("baseline", csv, ImportLimits.DEFAULT).records()).hasSize(1);
        byte[] odm = ("<?xml version=\"1.0\"?><ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\"><ClinicalData StudyOID=\"S.hcc-deb-sorafenib\""
                + " MetaDataVersionOID=\"MDV.1\"/></ODM>").getBytes(StandardCharsets.UTF_8);
        MappedImport mapped = read("baseline", odm, ImportLimits.DEFAULT);
        assertThat(mapped.format()).isEqualTo(FileFormat.ODM);
        assertThat(keys(mapped)).containsExactly("exchange.file.noRows");
    }

    @Test
    void recordsAreGroupedBySubjectWithTheEnrolmentFirst() {
        ImportRecord baseline = new ImportRecord(3, null, "LYCH-001", "baseline", 1, "baseline", 1, null, Map.of());
        ImportRecord enrolment = new ImportRecord(5, "LYCH", "LYCH-001", "screening", 1, "enrolment", 1, null, Map.of());
        ImportRecord other = new ImportRecord(4, null, "LYCH-002", "baseline", 1, "baseline", 1, null, Map.of());
        ImportRecord fresh1 = new ImportRecord(6, "LYCH", null, "screening", 1, "enrolment", 1, null, Map.of());
        ImportRecord fresh2 = new ImportRecord(7, "LYCH", null, "screening", 1, "enrolment", 1, null, Map.of());
        List<List<ImportRecord>> groups = ImportService.bySubject(List.of(baseline, other, enrolment, fresh1, fresh2));
        assertThat(groups).containsExactly(List.of(enrolment, baseline), List.of(other), List.of(fresh1), List.of(fresh2));
    }

    @Test
    void fileNamesAreKeptWithoutPathsOrControlCharacters() {
        assertThat(new ImportRequest("s", null, "C:\\Users\\li\\基线.csv", new byte[0], null).fileName()).isEqualTo("基线.csv");
        assertThat(new ImportRequest("s", null, "a\nb.csv", new byte[0], null).fileName()).isEqualTo("a b.csv");
        assertThat(new ImportRequest("s", null, " ", new byte[0], null).fileName()).isEqualTo("upload");
    }
}
