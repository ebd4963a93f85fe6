package org.tacecrf.domain.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tacecrf.domain.tables.TableAssert.text;
import static org.tacecrf.domain.tables.TableAssert.value;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.tacecrf.domain.report.Row;
import org.tacecrf.domain.report.StudyTable;

class AdverseEventTableTest {

    /**
     * DEB-TACE: P1 two sessions with fever grade 1 then 2 and nausea grade 3 two days after the second;
     * P2 one session with fever grade 1 and abdominal pain grade 2; P3 one session without events.
     * cTACE: Q1 fever grade 1; Q2 hepatic failure grade 5 and hiccups (other) grade 1; Q3 never treated,
     * with a fever that is not counted.
     */
    static Cohort cohort() {
        Cohort c = Cohort.twoArms("");
        c.patient("P1", "deb").session("2024-01-10").session("2024-03-10")
                .adverseEvent("FEVER", 1, "2024-01-11", 1).adverseEvent("FEVER", 2, "2024-03-11", 2)
                .adverseEvent("NAUSEA", 3, "2024-03-12", null);
        c.patient("P2", "deb").session("2024-01-10").adverseEvent("FEVER", 1, "2024-01-11", 1)
                .adverseEvent("ABDOMINAL_PAIN", 2, "2024-01-11", null);
        c.patient("P3", "deb").session("2024-01-10");
        c.patient("Q1", "ctace").session("2024-01-10").adverseEvent("FEVER", 1, "2024-01-11", null);
        c.patient("Q2", "ctace").session("2024-01-10").adverseEvent("HEPATIC_FAILURE", 5, "2024-02-01", null)
                .adverseEvent("OTHER:Hiccups", 1, "2024-01-12", 1);
        c.patient("Q3", "ctace").adverseEvent("FEVER", 1, "2024-01-11", null);
        return c;
    }

    @Test
    void perPatientEachPatientCountsOnceAtTheWorstGrade() {
        StudyTable t = AdverseEventTable.patients(cohort().dataset(), "Table 9. Adverse events per patient");

        assertThat(t.columnLabels().get(1)).isEqualTo("DEB-TACE (3 patients) / Any grade");
        assertThat(t.columnLabels().get(8)).isEqualTo("cTACE (2 patients) / Any grade");
        assertThat(t.note().n()).isEqualTo(5);
        assertThat(text(t, "Any adverse event", 1)).isEqualTo("2 (66.7%)");
        assertThat(text(t, "Any adverse event", 3)).isEqualTo("1 (33.3%)");
        assertThat(text(t, "Any adverse event", 4)).isEqualTo("1 (33.3%)");
        assertThat(text(t, "Any adverse event", 7)).isEqualTo("1 (33.3%)");
        assertThat(text(t, "Any adverse event / Fever", 1)).isEqualTo("2 (66.7%)");
        assertThat(text(t, "Any adverse event / Fever", 2)).isEqualTo("1 (33.3%)");
        assertThat(text(t, "Any adverse event / Fever", 3)).isEqualTo("1 (33.3%)");
        // the untreated cTACE patient's fever is not counted
        assertThat(text(t, "Any adverse event / Fever", 8)).isEqualTo("1 (50.0%)");
        assertThat(text(t, "Any adverse event / Hepatic failure", 13)).isEqualTo("1 (50.0%)");
        assertThat(text(t, "Any adverse event / Hepatic failure", 14)).isEqualTo("1 (50.0%)");
        // R: chisq.test(matrix(c(2,1,1,1), 2), correct = FALSE)$p.value = 0.709388115
        assertThat(value(t, "Any adverse event / Fever", "P value", "p")).isCloseTo(0.709388115, within(1e-9));
        // most frequent first, then alphabetical
        assertThat(t.rows()).extracting(Row::label).containsExactly("Any adverse event", "Fever", "Abdominal pain",
                "Hepatic failure", "Nausea", "Other term: Hiccups");
    }

    @Test
    void perSessionEventsBelongToTheirSession() {
        StudyTable t = AdverseEventTable.sessions(cohort().dataset(), "Table 10. Adverse events per session");

        assertThat(t.columnLabels().get(1)).isEqualTo("DEB-TACE (4 sessions) / Any grade");
        assertThat(text(t, "Any adverse event / Fever", 1)).isEqualTo("3 (75.0%)");
        assertThat(text(t, "Any adverse event / Fever", 2)).isEqualTo("2 (50.0%)");
        assertThat(text(t, "Any adverse event / Fever", 3)).isEqualTo("1 (25.0%)");
        // nausea two days after the second session, without a session recorded, belongs to it
        assertThat(text(t, "Any adverse event / Nausea", 4)).isEqualTo("1 (25.0%)");
        assertThat(text(t, "Any adverse event", 1)).isEqualTo("3 (75.0%)");
    }

    @Test
    void eventsAfterTheCutOffAreLeftOut() {
        StudyTable t = AdverseEventTable.patients(cohort().dataset(LocalDate.of(2024, 1, 31)), "Table 9");
        // the second session, its fever and the nausea, and the hepatic failure fall after the cut-off
        assertThat(text(t, "Any adverse event / Fever", 2)).isEqualTo("2 (66.7%)");
        assertThat(TableAssert.hasRow(t, "Any adverse event / Nausea")).isFalse();
        assertThat(TableAssert.hasRow(t, "Any adverse event / Hepatic failure")).isFalse();
    }
}
