package org.tacecrf.domain.casebook.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;

class DerivationEngineTest {

    private static String number(Map<Long, Map<ItemKey, DerivedValue>> all, long formId, String path) {
        return all.get(formId).get(ItemKey.parse(path)).value().display();
    }

    @Test
    void deriveAllRefreshesValuesThatDependOnOtherForms() {
        HccCase c = new HccCase();
        DerivationEngine engine = new DerivationEngine(c.b.study());
        Map<Long, Map<ItemKey, DerivedValue>> all = engine.deriveAll(c.data());
        assertThat(all).containsKeys(c.baseline.id(), c.baselineImaging.id(), c.tace1.id(), c.tace2.id(),
                c.post1.id(), c.markers1m.id(), c.imaging1m.id());
        assertThat(all).doesNotContainKeys(c.enrolment.id(), c.labs1m.id(), c.survival.id());
        assertThat(number(all, c.tace1.id(), "procedure[1].session_number")).isEqualTo("1");
        assertThat(number(all, c.tace2.id(), "procedure[1].session_number")).isEqualTo("2");

        // Session 1 corrected to a date after session 2: both numbers change.
        c.tace1.set("procedure_date", "2024-04-01");
        all = engine.deriveAll(c.data());
        assertThat(number(all, c.tace1.id(), "procedure[1].session_number")).isEqualTo("2");
        assertThat(number(all, c.tace2.id(), "procedure[1].session_number")).isEqualTo("1");
        assertThat(number(all, c.tace1.id(), "procedure[1].days_since_previous")).isEqualTo("12");
    }

    @Test
    void derivedValuesAreWrittenIntoTheForm() {
        HccCase c = new HccCase();
        SubjectData data = c.data();
        FormInstance baseline = data.form(c.baseline.id()).orElseThrow();
        Map<ItemKey, DerivedValue> derived = new DerivationEngine(c.b.study()).derive(data, baseline);
        FormInstance saved = DerivationEngine.withValues(baseline, derived);
        assertThat(saved.first("child_pugh_class").orElseThrow().text()).isEqualTo("A");
        assertThat(saved.first("weight").orElseThrow().number()).isEqualByComparingTo("70");

        c.baseline.clear("albumin");
        FormInstance withoutAlbumin = c.data().form(c.baseline.id()).orElseThrow();
        FormInstance cleared = DerivationEngine.withValues(withoutAlbumin,
                new DerivationEngine(c.b.study()).derive(c.data(), withoutAlbumin));
        assertThat(cleared.first("child_pugh_class")).isEmpty();
    }

    @Test
    void aFormOfAnotherStudyIsRefused() {
        HccCase c = new HccCase();
        SubjectData data = c.data();
        FormInstance foreign = new FormInstance(999, c.baselineVisit, "no_such_form", 1, false, Map.of());
        assertThatThrownBy(() -> new DerivationEngine(c.b.study()).derive(data, foreign))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_form");
    }
}
