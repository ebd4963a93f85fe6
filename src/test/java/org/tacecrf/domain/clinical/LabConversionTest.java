package org.tacecrf.domain.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabConversionTest {

    @Test
    void returnsTheCanonicalValueWithTheFactorUsed() {
        Derivation<Measurement> d = LabConversion.toCanonical(Analyte.CREATININE, Measurement.of(1.2, LabUnit.MG_PER_DL));
        assertThat(d.get().value()).isEqualByComparingTo("106.08");
        assertThat(d.get().unit()).isEqualTo(LabUnit.UMOL_PER_L);
        assertThat(d.algorithm().name())
                .isEqualTo("Creatinine mg/dL to umol/L (× 88.4; creatinine molar mass 113.12 g/mol)");
        assertThat(LabConversion.toCanonical(Analyte.D_DIMER, Measurement.of(800, LabUnit.NG_PER_ML)).algorithm().name())
                .startsWith("D-dimer ng/mL to mg/L FEU (÷ 1000;");
    }

    @Test
    void refusesUnknownUnitsAndImpossibleValues() {
        Derivation<Measurement> wrongUnit = LabConversion.toCanonical(Analyte.PIVKA_II,
                Measurement.of(40, LabUnit.NG_PER_ML));
        assertThat(wrongUnit.isComputed()).isFalse();
        assertThat(wrongUnit.algorithm().name()).endsWith("(no conversion)");
        assertThat(wrongUnit.reason()).isEqualTo("PIVKA-II (DCP) cannot be entered in ng/mL; use one of [mAU/mL].");
        assertThat(LabConversion.toCanonical(Analyte.GLUCOSE, Measurement.of(900, LabUnit.MMOL_PER_L)).isComputed())
                .isFalse();
        assertThat(LabConversion.toCanonical(Analyte.GLUCOSE, null).missingInputs()).containsExactly("value");
    }
}
