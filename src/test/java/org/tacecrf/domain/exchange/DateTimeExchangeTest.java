package org.tacecrf.domain.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.ItemValueParser;
import org.tacecrf.domain.casebook.ParsedValue;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.StudyDefinition;

/** A date-time value written by each export and read back by the matching import. */
class DateTimeExchangeTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    private static final LocalDateTime AWARE = LocalDateTime.of(2024, 1, 12, 8, 30);
    private static final ItemKey AWARE_KEY = new ItemKey("seriousness", 1, "datetime_aware");

    private final StudyDefinition study = Studies.hcc();
    private final FormDef adverseEvent = study.form("adverse_event").orElseThrow();

    private ExportSubject subject() {
        SampleSubjects s = new SampleSubjects(study, 5000);
        var logs = s.visit("logs", 1, null);
        s.form(logs, "adverse_event", 1, true, Map.of("event[1].ae_term", "FEVER", "event[1].ae_grade", "3",
                "event[1].ae_onset_date", "2024-01-11", "event[1].ae_ongoing", "Y", "attribution[1].relation_tace", "PROBABLE",
                "seriousness[1].ae_serious", "Y", "seriousness[1].datetime_aware", "2024-01-12 08:30",
                "seriousness[1].datetime_reported", "2024/1/13 9:05"));
        return s.subject(5, "LYCH-005", "LYCH", "deb_tace");
    }

    /** The imported text, parsed as the import parses it. */
    private LocalDateTime imported(ImportRecord record, ItemKey key) {
        ParsedValue parsed = new ItemValueParser(TODAY).parse(adverseEvent.item(key.itemId()).orElseThrow(), null,
                record.values().get(key).text(), null);
        assertThat(parsed.hasError()).as(parsed.problems().toString()).isFalse();
        return parsed.dateTime();
    }

    @Test
    void theSampleHoldsDateTimes() {
        var form = subject().data().forms("adverse_event").get(0);
        assertThat(form.dateTime("datetime_aware")).contains(AWARE);
        assertThat(form.dateTime("datetime_reported")).contains(LocalDateTime.of(2024, 1, 13, 9, 5));
        assertThat(form.date("datetime_aware")).contains(AWARE.toLocalDate());
    }

    @Test
    void csvExportReadsBackThroughTheImport() throws Exception {
        ExportSubject subject = subject();
        FormDataset dataset = new FormDataset(FormLayout.of(study, adverseEvent, g -> 1, false, i -> true));
        List<String> row = dataset.row(subject.siteId(), subject.subjectNumber(), subject.data().forms("adverse_event").get(0));
        assertThat(row.get(dataset.layout().names().indexOf("datetime_aware"))).isEqualTo("2024-01-12T08:30");
        assertThat(dataset.variables().get(dataset.layout().names().indexOf("datetime_aware")).type())
                .isEqualTo(Variable.Type.DATETIME);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvDatasetWriter writer = new CsvDatasetWriter(out)) {
            writer.header(dataset.variables());
            writer.row(row);
        }
        TableReadResult read = CsvTableReader.read(out.toByteArray(), ImportLimits.DEFAULT);
        MappedImport mapped = new TableImport(study, adverseEvent, TODAY).map(read.table(), FileFormat.CSV, read.encoding());
        assertThat(mapped.problems()).filteredOn(ExchangeProblem::error).isEmpty();
        assertThat(imported(mapped.records().get(0), AWARE_KEY)).isEqualTo(AWARE);
    }

    @Test
    void xlsxExportHasADateTimeCellThatReadsBackAsIso() throws Exception {
        ExportSubject subject = subject();
        FormDataset dataset = new FormDataset(FormLayout.of(study, adverseEvent, g -> 1, false, i -> true));
        List<String> row = dataset.row(subject.siteId(), subject.subjectNumber(), subject.data().forms("adverse_event").get(0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxDatasetWriter writer = new XlsxDatasetWriter(out, DictionaryTable.of(DataDictionary.of(dataset.layout())))) {
            writer.header(dataset.variables());
            writer.row(row);
        }
        RawTable read = XlsxTableReader.read(out.toByteArray(), ImportLimits.DEFAULT).table();
        int column = dataset.layout().names().indexOf("datetime_reported");
        assertThat(read.rows().get(0).cell(column)).isEqualTo("2024-01-13T09:05");

        // At midnight the cell is still a date-time, not the bare date that date items give.
        List<String> midnight = new java.util.ArrayList<>(row);
        midnight.set(column, "2024-01-13T00:00");
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        try (XlsxDatasetWriter writer = new XlsxDatasetWriter(again, DictionaryTable.of(DataDictionary.of(dataset.layout())))) {
            writer.header(dataset.variables());
            writer.row(midnight);
        }
        RawTable readAgain = XlsxTableReader.read(again.toByteArray(), ImportLimits.DEFAULT).table();
        assertThat(readAgain.rows().get(0).cell(column)).isEqualTo("2024-01-13T00:00");
        int date = dataset.layout().names().indexOf("ae_onset_date");
        assertThat(readAgain.rows().get(0).cell(date)).doesNotContain("T");
    }

    @Test
    void odmWritesDatetimeWithSecondsAndReadsItBack() throws Exception {
        ExportSubject subject = subject();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OdmWriter writer = new OdmWriter(out, new OdmWriter.Header("tace-ecrf.test.dt", Instant.parse("2025-06-30T08:00:00Z"),
                false, study.version(), "test"))) {
            writer.study(study);
            writer.beginClinicalData(study);
            writer.subject(subject, i -> true, Map.of());
            writer.endClinicalData();
        }
        byte[] odm = out.toByteArray();
        OdmSchema.validate(odm);
        String xml = new String(odm, StandardCharsets.UTF_8);
        assertThat(xml).contains("Name=\"datetime_aware\" DataType=\"datetime\"")
                .contains("ItemOID=\"I.adverse_event.datetime_aware\" Value=\"2024-01-12T08:30:00\"");
        MappedImport mapped = new OdmReader(study, TODAY).read(odm, ImportLimits.DEFAULT);
        assertThat(mapped.problems()).isEmpty();
        assertThat(imported(mapped.records().get(0), AWARE_KEY)).isEqualTo(AWARE);
    }

    @Test
    void dictionaryAndStatisticsScriptsTypeTheColumn() {
        assertThat(DataDictionary.typeName(adverseEvent.item("datetime_aware").orElseThrow())).isEqualTo("date and time");
        List<Variable> variables = List.of(Variable.text("subject_number", "Subject", 12), Variable.dateTime("datetime_aware", "Aware"));
        assertThat(SpssSyntax.of(variables, "ae.csv", "ae")).contains("    datetime_aware A16\n")
                .contains("RENAME VARIABLES (datetime_aware = datetime_aware_iso).")
                .contains("COMPUTE datetime_aware = NUMBER(SUBSTR(datetime_aware_iso, 1, 10), SDATE10)"
                        + " + NUMBER(SUBSTR(datetime_aware_iso, 12, 5), TIME5).")
                .contains("FORMATS datetime_aware (YMDHMS16).");
        assertThat(RSyntax.of(variables, "ae.csv", "ae")).contains("datetime_aware = \"character\"")
                .contains("ae[[\"datetime_aware\"]] <- as.POSIXct(ae[[\"datetime_aware\"]], format = \"%Y-%m-%dT%H:%M\", tz = \"UTC\")");
    }
}
