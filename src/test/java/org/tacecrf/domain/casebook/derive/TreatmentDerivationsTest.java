package org.tacecrf.domain.casebook.derive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.SubjectData.VisitInstance;
import org.tacecrf.domain.casebook.derive.SubjectBuilder.FormBuilder;

class TreatmentDerivationsTest {

    @Test
    void sessionsAreNumberedByProcedureDateNotByEntryOrder() {
        SubjectBuilder b = SubjectBuilder.of("hcc-deb-sorafenib");
        // Entered first, but the later procedure; visits without dates so that only procedure dates order.
        FormBuilder later = b.form(b.visit("tace", 1, null), "tace_session").set("procedure_date", "2024-03-20");
        FormBuilder earlier = b.form(b.visit("tace", 2, null), "tace_session").set("procedure_date", "2024-01-15");
        assertThat(Derived.of(b, later).number("session_number")).isEqualByComparingTo("2");
        assertThat(Derived.of(b, earlier).number("session_number")).isEqualByComparingTo("1");
        assertThat(Derived.of(b, later).number("days_since_previous")).isEqualByComparingTo("65");
        DerivedValue first = Derived.of(b, earlier).get("days_since_previous");
        assertThat(first.isEmpty()).isTrue();
        assertThat(first.reason()).contains("first TACE session");
        assertThat(first.algorithm()).startsWith("Days since the previous TACE session");
    }

    @Test
    void anUndatedSessionLeavesTheNumbersOpen() {
        SubjectBuilder b = SubjectBuilder.of("hcc-deb-sorafenib");
        FormBuilder dated = b.form(b.visit("tace", 1, null), "tace_session").set("procedure_date", "2024-03-20");
        b.form(b.visit("tace", 2, null), "tace_session").set("technique", "DEB_TACE");
        DerivedValue number = Derived.of(b, dated).get("session_number");
        assertThat(number.isEmpty()).isTrue();
        assertThat(number.reason()).contains("has no procedure date yet");
    }

    @Test
    void aSessionWithoutItsDateNamesIt() {
        SubjectBuilder b = SubjectBuilder.of("hcc-deb-sorafenib");
        FormBuilder session = b.form(b.visit("tace", 1, null), "tace_session").set("technique", "DEB_TACE");
        DerivedValue number = Derived.of(b, session).get("session_number");
        assertThat(number.isEmpty()).isTrue();
        assertThat(number.missingItems()).containsExactly("procedure_date");
    }

    @Test
    void drugConcentrationPerMicrosphereRow() {
        HccCase c = new HccCase();
        c.tace1.row("microspheres", 2, "product", "CALLISPHERES", "size_range", "S300_500", "drug", "EPIRUBICIN",
                "dose_loaded_mg", "25", "drug_volume_ml", "7.5");
        c.tace1.row("microspheres", 3, "product", "CALLISPHERES", "size_range", "S300_500");
        Derived d = Derived.of(c.b, c.tace1);
        assertThat(d.number("microspheres[1].drug_concentration")).isEqualByComparingTo("3.00");
        assertThat(d.number("microspheres[1].drug_concentration").scale()).isEqualTo(2);
        assertThat(d.number("microspheres[2].drug_concentration")).isEqualByComparingTo("3.33");
        assertThat(d.get("microspheres[3].drug_concentration").missingItems())
                .containsExactly("dose_loaded_mg", "drug_volume_ml");
    }

    @Test
    void firstSessionLabsAreComparedWithBaseline() {
        HccCase c = new HccCase();
        Derived d = Derived.of(c.b, c.post1);
        assertThat(d.number("alt_change")).isEqualByComparingTo("80");
        assertThat(d.number("total_bilirubin_change")).isEqualByComparingTo("8.0");
        assertThat(d.number("albumin_change")).isEqualByComparingTo("-4.0");
        assertThat(d.get("alt_change").notes()).singleElement().asString().contains("2024-01-10");
        DerivedValue wbc = d.get("wbc_change");
        assertThat(wbc.isEmpty()).isTrue();
        assertThat(wbc.missingItems()).containsExactly("wbc");
    }

    @Test
    void laterSessionLabsAreComparedWithTheLastValueBefore() {
        HccCase c = new HccCase();
        // ALT 50 on the one-month labs (2024-02-14) is the last value before the session of 2024-03-20.
        assertThat(Derived.of(c.b, c.post2).number("alt_change")).isEqualByComparingTo("40");
        // Without labs in between, the previous session's post-procedure value is the last one before.
        c.labs1m.clear("alt");
        assertThat(Derived.of(c.b, c.post2).number("alt_change")).isEqualByComparingTo("-30");
    }

    @Test
    void labsOnTheProcedureDayCountAsPreProcedure() {
        HccCase c = new HccCase();
        VisitInstance preVisit = c.b.visit("fu_3m", 1, "2024-03-20");
        c.b.form(preVisit, "labs").set("lab_date", "2024-03-20").set("alt", "70");
        assertThat(Derived.of(c.b, c.post2).number("alt_change")).isEqualByComparingTo("20");
    }

    @Test
    void postProcedureLabsDatedBeforeTheProcedureAreNotCompared() {
        HccCase c = new HccCase();
        c.post2.set("lab_date", "2024-03-19");
        DerivedValue change = Derived.of(c.b, c.post2).get("alt_change");
        assertThat(change.isEmpty()).isTrue();
        assertThat(change.reason()).contains("before the procedure");
    }

    @Test
    void daysToRecovery() {
        HccCase c = new HccCase();
        FormBuilder ae = c.b.form(c.logs, "adverse_event").set("ae_term", "FEVER").set("ae_grade", "1")
                .set("ae_onset_date", "2024-01-16").set("ae_ongoing", "N").set("ae_resolution_date", "2024-01-20");
        assertThat(Derived.of(c.b, ae).number("days_to_recovery")).isEqualByComparingTo("4");
        ae.set("ae_ongoing", "Y").clear("ae_resolution_date");
        assertThat(Derived.of(c.b, ae).get("days_to_recovery").reason()).isEqualTo("The event is ongoing.");
        ae.set("ae_ongoing", "N");
        assertThat(Derived.of(c.b, ae).get("days_to_recovery").missingItems()).containsExactly("ae_resolution_date");
    }

    @Test
    void otherTreatmentFormShowsItsTimingAgainstTheFirstTace() {
        HccCase c = new HccCase();
        // First TACE 2024-01-15.
        FormBuilder before = otherTreatment(c, 1, "2023-10-01", "2023-12-01", "N");
        FormBuilder running = otherTreatment(c, 2, "2023-12-01", null, "Y");
        FormBuilder after = otherTreatment(c, 3, "2024-01-16", null, "Y");
        FormBuilder open = otherTreatment(c, 4, "2023-12-01", null, null);

        assertThat(Derived.of(c.b, before).text("timing")).isEqualTo("PREVIOUS");
        assertThat(Derived.of(c.b, running).text("timing")).isEqualTo("CONCOMITANT");
        DerivedValue subsequent = Derived.of(c.b, after).get("timing");
        assertThat(subsequent.value().text()).isEqualTo("SUBSEQUENT");
        assertThat(subsequent.algorithm()).startsWith("Timing relative to the first TACE").endsWith("v1");
        assertThat(subsequent.notes()).containsExactly("Started 2024-01-16, after the first TACE on 2024-01-15.");
        DerivedValue unknown = Derived.of(c.b, open).get("timing");
        assertThat(unknown.isEmpty()).isTrue();
        assertThat(unknown.reason()).contains("neither a stop date nor 'ongoing'");
        assertThat(unknown.missingItems()).containsExactly("ongoing", "stop_date");
    }

    @Test
    void treatmentTimingFollowsTheFirstTaceWhenAnEarlierSessionIsAdded() {
        HccCase c = new HccCase();
        FormBuilder sorafenib = otherTreatment(c, 1, "2024-01-10", null, "Y");
        assertThat(Derived.of(c.b, sorafenib).text("timing")).isEqualTo("CONCOMITANT");
        // A session before the start now comes first: the same treatment is subsequent to it.
        c.b.form(c.b.visit("tace", 3, "2024-01-05"), "tace_session").set("procedure_date", "2024-01-05");
        assertThat(Derived.of(c.b, sorafenib).text("timing")).isEqualTo("SUBSEQUENT");
        // An undated session might be the first: no timing until it has its date.
        c.b.form(c.b.visit("tace", 4, null), "tace_session").set("technique", "DEB_TACE");
        DerivedValue pending = Derived.of(c.b, sorafenib).get("timing");
        assertThat(pending.isEmpty()).isTrue();
        assertThat(pending.reason()).contains("has no procedure date yet");
    }

    @Test
    void withoutAnyTaceTheTimingStaysEmpty() {
        SubjectBuilder b = SubjectBuilder.of("hcc-deb-sorafenib");
        FormBuilder f = b.form(b.visit("logs", 1, null), "other_treatment").set("category", "ABLATION")
                .set("agent", "RFA").set("start_date", "2023-01-01").set("ongoing", "N").set("stop_date", "2023-01-01");
        DerivedValue timing = Derived.of(b, f).get("timing");
        assertThat(timing.isEmpty()).isTrue();
        assertThat(timing.reason()).isEqualTo("There is no dated TACE session yet.");
    }

    private static FormBuilder otherTreatment(HccCase c, int repeat, String start, String stop, String ongoing) {
        FormBuilder f = c.b.form(c.logs, "other_treatment", repeat).set("category", "TARGETED").set("agent", "Sorafenib")
                .set("start_date", start);
        if (stop != null) {
            f.set("stop_date", stop);
        }
        if (ongoing != null) {
            f.set("ongoing", ongoing);
        }
        return f;
    }
}
