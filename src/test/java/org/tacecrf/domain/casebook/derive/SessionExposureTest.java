package org.tacecrf.domain.casebook.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.derive.SubjectBuilder.FormBuilder;

class SessionExposureTest {

    @Test
    void numberIntervalAndDoseSoFar() {
        HccCase c = new HccCase();
        SessionExposure second = SessionExposure.of(c.b.study(), c.data(), c.tace2.instance());
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.previousDate()).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(second.daysSincePrevious()).isEqualTo(65L);
        assertThat(second.cumulativeDose()).singleElement().satisfies(d -> {
            assertThat(d.drug()).isEqualTo("EPIRUBICIN");
            assertThat(d.loadedMg()).isEqualByComparingTo("110");
            assertThat(d.sessions()).isEqualTo(2);
        });
        SessionExposure first = SessionExposure.of(c.b.study(), c.data(), c.tace1.instance());
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.daysSincePrevious()).isNull();
        // The dose of the first session only, although the second is recorded.
        assertThat(first.cumulativeDose()).singleElement().satisfies(d -> assertThat(d.loadedMg()).isEqualByComparingTo("60"));
    }

    @Test
    void theDoseBeingEnteredCountsAtOnce() {
        HccCase c = new HccCase();
        c.tace2.clear("dose_loaded_mg").row("microspheres", 1, "dose_loaded_mg", "75");
        c.tace2.row("microspheres", 2, "product", "CALLISPHERES", "size_range", "S100_300", "drug", "IRINOTECAN",
                "dose_loaded_mg", "100", "drug_volume_ml", "10");
        SessionExposure e = SessionExposure.of(c.b.study(), c.data(), c.tace2.instance());
        assertThat(e.cumulativeDose()).extracting(SubjectSummary.DrugDose::drug).containsExactlyInAnyOrder("EPIRUBICIN", "IRINOTECAN");
        assertThat(e.cumulativeDose()).filteredOn(d -> d.drug().equals("EPIRUBICIN")).singleElement()
                .satisfies(d -> assertThat(d.loadedMg()).isEqualByComparingTo("135"));
    }

    @Test
    void anUndatedSessionLeavesTheNumberOpen() {
        SubjectBuilder b = SubjectBuilder.of("hcc-deb-sorafenib");
        FormBuilder dated = b.form(b.visit("tace", 1, null), "tace_session").set("procedure_date", "2024-03-20");
        b.form(b.visit("tace", 2, null), "tace_session").set("technique", "DEB_TACE");
        SessionExposure e = SessionExposure.of(b.study(), b.build(), dated.instance());
        assertThat(e.number()).isNull();
        assertThat(e.problems()).singleElement().asString().contains("has no procedure date yet");
        FormBuilder undated = b.form(b.visit("tace", 3, null), "tace_session").set("technique", "DEB_TACE");
        assertThat(SessionExposure.of(b.study(), b.build(), undated.instance()).problems())
                .containsExactly("The procedure date of this session is missing.");
    }
}
