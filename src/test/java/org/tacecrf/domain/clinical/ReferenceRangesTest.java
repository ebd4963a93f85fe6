package org.tacecrf.domain.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReferenceRangesTest {

    private final ReferenceRanges defaults = ReferenceRanges.defaults();

    @ParameterizedTest
    @EnumSource(Analyte.class)
    void everyAnalyteHasADefaultMarkedAsSuch(Analyte analyte) {
        ReferenceRange range = defaults.find(analyte, Sex.FEMALE).orElseThrow();
        assertThat(range.isDefault()).isTrue();
        assertThat(range.source()).startsWith("Default:");
        assertThat(analyte.accepts(range.unit())).isTrue();
        assertThat(range.uln()).isNotNull();
    }

    @Test
    void sexSpecificRangesNeedTheSex() {
        assertThat(defaults.isSexSpecific(Analyte.HAEMOGLOBIN)).isTrue();
        assertThat(defaults.find(Analyte.HAEMOGLOBIN, null)).isEmpty();
        assertThat(defaults.find(Analyte.HAEMOGLOBIN, Sex.MALE).orElseThrow().lln()).isEqualByComparingTo("130");
        assertThat(defaults.find(Analyte.HAEMOGLOBIN, Sex.FEMALE).orElseThrow().lln()).isEqualByComparingTo("115");
        assertThat(defaults.find(Analyte.PLATELETS, null).orElseThrow().lln()).isEqualByComparingTo("125");
    }

    @Test
    void aStudyOverridesADefaultWithoutChangingTheDefaults() {
        ReferenceRanges study = defaults.with(Analyte.ALT, null,
                ReferenceRange.of(0, 40, LabUnit.U_PER_L, "Site 01 laboratory"));
        ReferenceRange alt = study.find(Analyte.ALT, null).orElseThrow();
        assertThat(alt.isDefault()).isFalse();
        assertThat(alt.uln()).isEqualByComparingTo("40");
        assertThat(study.isSexSpecific(Analyte.ALT)).isFalse();
        assertThat(defaults.find(Analyte.ALT, Sex.MALE).orElseThrow().uln()).isEqualByComparingTo("50");
    }

    @Test
    void rejectsRangesInAUnitTheAnalyteDoesNotAccept() {
        assertThatThrownBy(() -> defaults.with(Analyte.ALT, null,
                ReferenceRange.of(0, 40, LabUnit.G_PER_L, "wrong"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReferenceRange.of(50, 40, LabUnit.U_PER_L, "inverted"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
