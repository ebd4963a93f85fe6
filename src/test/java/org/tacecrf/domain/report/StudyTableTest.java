package org.tacecrf.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

class StudyTableTest {

    @Test
    void laysOutSpanningHeaders() {
        StudyTable t = Tables.baseline();
        assertThat(t.columnCount()).isEqualTo(6);
        assertThat(t.headerLayout()).extracting(PlacedHeader::row, PlacedHeader::column, h -> h.cell().text())
                .containsExactly(
                        tuple(0, 0, "Characteristic"), tuple(0, 1, "DEB-TACE (n=45)"), tuple(0, 3, "cTACE (n=45)"),
                        tuple(0, 5, "P value"),
                        tuple(1, 1, "n"), tuple(1, 2, "%"), tuple(1, 3, "n"), tuple(1, 4, "%"));
        assertThat(t.columnLabels()).containsExactly("Characteristic", "DEB-TACE (n=45) / n",
                "DEB-TACE (n=45) / %", "cTACE (n=45) / n", "cTACE (n=45) / %", "P value");
    }

    @Test
    void formatsCellsWithTheTableRules() {
        StudyTable t = Tables.baseline();
        assertThat(t.rows().get(0).cells()).extracting(Cell::text)
                .containsExactly("60.3 ± 14.0", "", "59.7 ± 13.2", "", "0.417");
        assertThat(t.rows().get(1).cells().get(4).textWithMarkers()).isEqualTo("<0.001ᵃ");
        assertThat(t.rows().get(2).cells()).extracting(Cell::text).containsExactly("29", "64.4", "20", "44.4", "");

        StudyTable twoDigits = StudyTable.builder("X", "x")
                .formats(Formats.standard().toBuilder().pStyle(PStyle.TWO_SIGNIFICANT).build())
                .columns("", "p").row("a", Cell.p(0.0496)).row("b", Cell.p(0.417)).build();
        assertThat(twoDigits.rows()).extracting(r -> r.cells().get(0).text()).containsExactly("0.050", "0.42");
    }

    @Test
    void noteAndValuesInLongForm() {
        StudyTable t = Tables.baseline();
        assertThat(t.note().text()).isEqualTo("Intention-to-treat population (N = 90); data cut-off 2024-03-31.");
        assertThat(t.rowPaths()).containsExactly("Age, years", "ECOG PS", "ECOG PS / 0", "ECOG PS / 1");
        assertThat(t.values()).filteredOn(v -> v.row() == 2)
                .extracting(TableValue::column, TableValue::columnLabel, TableValue::statistic, TableValue::value)
                .containsExactly(tuple(1, "DEB-TACE (n=45) / n", "n", 29.0),
                        tuple(2, "DEB-TACE (n=45) / %", "percent", 64.444),
                        tuple(3, "cTACE (n=45) / n", "n", 20.0), tuple(4, "cTACE (n=45) / %", "percent", 44.444));
        assertThat(Tables.cox().values()).filteredOn(v -> v.statistic().equals("upper"))
                .extracting(TableValue::rowLabel, TableValue::value, TableValue::text)
                .containsExactly(tuple("Subsequent treatment 后续治疗", 0.703, "0.41 (0.24-0.70)"));
    }

    @Test
    void rejectsInconsistentTables() {
        assertThatThrownBy(() -> StudyTable.builder("X", "x").columns("a", "b").row("r", Cell.count(1), Cell.count(2))
                .build()).hasMessageContaining("has 2 cells; the header has 1 data columns");
        assertThatThrownBy(() -> StudyTable.builder("X", "x")
                .header(HeaderCell.tall("a", 2), HeaderCell.span("b", 2)).columns("c").build())
                .hasMessageContaining("leaves column 3 without a header cell");
        assertThatThrownBy(() -> StudyTable.builder("X", "x")
                .header(HeaderCell.tall("a", 3), HeaderCell.of("b")).build())
                .hasMessageContaining("reaches beyond");
        assertThatThrownBy(() -> StudyTable.builder("X", "x").columns("a", "p").row("r", Cell.p(0.2).marked("c"))
                .build()).hasMessageContaining("without a footnote: c");
        assertThatThrownBy(() -> StudyTable.builder("X", "x").columns("a").footnote("a", "one")
                .footnote("a", "two").build()).hasMessageContaining("two footnotes marked a");
        assertThatThrownBy(() -> StudyTable.builder(" ", "x").columns("a").build())
                .hasMessageContaining("needs an id");
    }
}
