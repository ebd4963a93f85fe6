package org.tacecrf.domain.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.tacecrf.bench.SyntheticCohort;
import org.tacecrf.domain.report.CsvRenderer;
import org.tacecrf.domain.report.HtmlReport;
import org.tacecrf.domain.report.PdfReport;
import org.tacecrf.domain.report.Report;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.report.XlsxRenderer;
import org.tacecrf.domain.study.StudyCatalog;
import org.tacecrf.domain.study.StudyDefinition;

/** The catalogue of each shipped study, and every table and figure built and rendered from generated cohorts. */
class StudyTablesTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    static final StudyCatalog CATALOG = StudyCatalog.load(Path.of(System.getProperty("basedir", "."))
            .resolve("config/studies"));

    static AnalysisDataset generated(StudyDefinition study, int patients, LocalDate cutOff) {
        SyntheticCohort cohort = new SyntheticCohort(study, 7, 3, 5);
        List<SubjectRecord> records = cohort.subjects(patients).stream()
                .map(s -> SubjectRecord.derive(study, s.facts(), s.data())).toList();
        return AnalysisDataset.of(study, cutOff, false, records, cohort.screening(patients));
    }

    @Test
    void theIccCatalogueFollowsThePublication() {
        List<StudyTables.Entry> entries = StudyTables.catalogue(CATALOG.get("icc-deb-tace"));
        assertThat(entries).filteredOn(e -> !e.figure()).extracting(StudyTables.Entry::id).containsExactly("consort",
                "baseline", "exposure", "response-mrecist", "survival", "subgroups", "cox-os", "ae-patients",
                "ae-sessions");
        assertThat(entries).filteredOn(StudyTables.Entry::figure).extracting(StudyTables.Entry::id).containsExactly(
                "response-bars-mrecist", "km-pfs", "km-os", "km-os-subsequent", "km-os-cholangiectasis",
                "km-os-extrahepatic", "km-os-burden");
        assertThat(entries.get(1).title()).isEqualTo("Table 2. Baseline characteristics");
        assertThat(entries.get(10).title()).isEqualTo("Figure 2. Progression-free survival");
    }

    @ParameterizedTest
    @ValueSource(strings = {"crlm-deb-vs-ctace", "hcc-deb-sorafenib", "icc-deb-tace", "layered-embolization",
            "nsclc-lm-tace-125i"})
    void everyTableAndFigureOfEveryShippedStudyBuildsAndRenders(String studyId) throws IOException {
        StudyDefinition study = CATALOG.get(studyId);
        AnalysisDataset d = generated(study, 40, LocalDate.of(2021, 6, 30));
        StudyTables.Result r = StudyTables.build(d);

        List<StudyTables.Entry> catalogue = StudyTables.catalogue(study);
        assertThat(r.tables()).extracting(StudyTable::id)
                .containsExactlyElementsOf(catalogue.stream().filter(e -> !e.figure()).map(StudyTables.Entry::id).toList());
        assertThat(r.figures()).isNotEmpty();
        for (StudyTable t : r.tables()) {
            assertThat(t.rows()).as(t.id()).isNotEmpty();
            assertThat(t.note().dataCutOff()).isEqualTo(LocalDate.of(2021, 6, 30));
            assertThat(t.note().n()).as(t.id()).isNotNull();
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        CsvRenderer.forExcel().render(r.tables(), csv);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains("Baseline characteristics");
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        new XlsxRenderer().render(r.tables(), xlsx);
        assertThat(xlsx.size()).isGreaterThan(5000);
        Report report = AnalysisReport.of(d, r, "2024-01-01 00:00 UTC, test");
        String html = new HtmlReport().html(report);
        assertThat(html).contains("Data cut-off").contains("<svg").contains(r.tables().get(0).title());
    }

    @Test
    void aStudyWithoutSubjectsStillGivesEveryTable() throws IOException {
        StudyDefinition study = CATALOG.get("hcc-deb-sorafenib");
        StudyTables.Result r = StudyTables.build(AnalysisDataset.of(study, null, false, List.of(), List.of()));
        assertThat(r.tables()).hasSize((int) StudyTables.catalogue(study).stream().filter(e -> !e.figure()).count());
        assertThat(r.figures()).extracting(f -> f.id()).containsExactly("response-bars-mrecist");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        new PdfReport().render(AnalysisReport.of(AnalysisDataset.of(study, null, false, List.of(), List.of()), r,
                "now"), pdf);
        assertThat(pdf.toString(StandardCharsets.ISO_8859_1)).startsWith("%PDF");
    }

    @Test
    void chosenTablesComeWithTheFiguresOfTheirKindAndUnknownIdsAreRefused() {
        StudyDefinition study = CATALOG.get("nsclc-lm-tace-125i");
        AnalysisDataset d = generated(study, 30, null);
        StudyTables.Result r = StudyTables.build(d, List.of("survival", "qol"));
        assertThat(r.tables()).extracting(StudyTable::id).containsExactly("survival", "qol");
        assertThat(r.tables().get(0).title()).startsWith("Table 5. ");
        assertThat(r.figures()).extracting(f -> f.id()).containsExactly("km-pfs", "km-os");
        assertThatThrownBy(() -> StudyTables.build(d, List.of("cox-os")))
                .hasMessageContaining("has no table or figure cox-os");
    }
}
