package org.tacecrf.domain.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlbiTest {

    @ParameterizedTest(name = "bilirubin {0}, albumin {1} -> {2}, grade {3}")
    @CsvSource({
            "17,    40, -2.588, 2",
            "20.52, 35, -2.109, 2",
            "10,    42, -2.910, 1",
            "51,    25, -0.998, 3",
    })
    void workedValuesFromTheRules(String bilirubin, String albumin, String expectedScore, String expectedGrade) {
        Derivation<AlbiResult> d = Albi.calculate(Measurement.of(Decimals.dec(bilirubin), LabUnit.UMOL_PER_L),
                Measurement.of(Decimals.dec(albumin), LabUnit.G_PER_L), false);
        assertThat(d.get().rounded(3)).isEqualByComparingTo(expectedScore);
        assertThat(d.get().grade().label()).isEqualTo(expectedGrade);
        assertThat(d.algorithm().label()).isEqualTo("ALBI (Johnson 2015) v1");
    }

    @Test
    void gradeComesFromTheUnroundedScore() {
        // -2.5879 rounds to -2.59 but is above -2.60: grade 2, not 1
        AlbiResult r = Albi.calculate(Measurement.of(17, LabUnit.UMOL_PER_L), Measurement.of(40, LabUnit.G_PER_L), false)
                .get();
        assertThat(r.score()).isEqualTo(0.66 * Math.log10(17) - 0.085 * 40);
        assertThat(r.rounded(2)).isEqualByComparingTo("-2.59");
        assertThat(r.grade()).isEqualTo(AlbiGrade.GRADE_2);
        assertThat(r.stored()).isEqualByComparingTo("-2.5879");
    }

    @Test
    void convertsMgPerDlAndGPerDlFirst() {
        AlbiResult r = Albi.calculate(Measurement.of(1.0, LabUnit.MG_PER_DL), Measurement.of(4.0, LabUnit.G_PER_DL), false)
                .get();
        assertThat(r.score()).isCloseTo(Albi.score(17.1, 40), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.rounded(3)).isEqualByComparingTo("-2.586");
    }

    @ParameterizedTest(name = "ALBI {0} -> grade {1}, mALBI {2}")
    @CsvSource({
            "-3.5,    1,  1",
            "-2.60,   1,  1",
            "-2.5999, 2,  2a",
            "-2.27,   2,  2a",
            "-2.2699, 2,  2b",
            "-1.39,   2,  2b",
            "-1.3899, 3,  3",
    })
    void gradeBoundaries(double score, String grade, String modified) {
        assertThat(Albi.grade(score, false).label()).isEqualTo(grade);
        assertThat(Albi.grade(score, true).label()).isEqualTo(modified);
        assertThat(Albi.grade(score, true).baseGrade()).isEqualTo(Albi.grade(score, false).baseGrade());
    }

    @Test
    void modifiedGradeIsNamedInTheAlgorithm() {
        Derivation<AlbiResult> d = Albi.calculate(Measurement.of(20.52, LabUnit.UMOL_PER_L),
                Measurement.of(35, LabUnit.G_PER_L), true);
        assertThat(d.get().grade()).isEqualTo(AlbiGrade.GRADE_2B);
        assertThat(d.algorithm().name()).contains("mALBI");
    }

    @Test
    void missingOrUnusableInputsGiveNoScore() {
        Derivation<AlbiResult> missing = Albi.calculate(null, Measurement.of(40, LabUnit.G_PER_L), false);
        assertThat(missing.isComputed()).isFalse();
        assertThat(missing.missingInputs()).containsExactly("totalBilirubin");

        Derivation<AlbiResult> zero = Albi.calculate(Measurement.of(0, LabUnit.UMOL_PER_L),
                Measurement.of(40, LabUnit.G_PER_L), false);
        assertThat(zero.isComputed()).isFalse();
        assertThat(zero.problems().get(0).kind()).isEqualTo(InputProblem.Kind.INVALID);
    }
}
