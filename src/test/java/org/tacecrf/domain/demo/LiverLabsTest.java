package org.tacecrf.domain.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tacecrf.domain.clinical.Ascites;
import org.tacecrf.domain.clinical.ChildPugh;
import org.tacecrf.domain.clinical.ChildPughInputs;
import org.tacecrf.domain.clinical.ChildPughParameters;
import org.tacecrf.domain.clinical.ChildPughScore;
import org.tacecrf.domain.clinical.HepaticEncephalopathy;
import org.tacecrf.domain.clinical.LabUnit;

/** The laboratory values generated for a Child-Pugh class score that class by the real calculator. */
class LiverLabsTest {

    @ParameterizedTest
    @ValueSource(strings = {"A", "B", "A5", "A6", "B7", "B8", "B9"})
    void valuesScoreTheIntendedClass(String childPugh) {
        Random random = new Random(childPugh.hashCode());
        for (int i = 0; i < 200; i++) {
            LiverLabs.Points points = LiverLabs.points(childPugh, random);
            Map<String, String> labs = LiverLabs.baseline(points, Map.of(), Map.of(), random);
            ChildPughScore score = ChildPugh.calculate(ChildPughInputs.fromForm(
                    Double.parseDouble(labs.get("total_bilirubin")), LabUnit.UMOL_PER_L,
                    Double.parseDouble(labs.get("albumin")), LabUnit.G_PER_L, Double.parseDouble(labs.get("inr")), null,
                    points.ascites() == 1 ? Ascites.NONE : Ascites.MILD_OR_CONTROLLED, HepaticEncephalopathy.NONE),
                    ChildPughParameters.DEFAULT).get();
            assertThat(score.total()).isEqualTo(points.total());
            assertThat(score.childPughClass().name()).isEqualTo(childPugh.substring(0, 1));
            if (childPugh.length() == 2) {
                assertThat(score.total()).isEqualTo(Integer.parseInt(childPugh.substring(1)));
            }
            assertThat(Double.parseDouble(labs.get("direct_bilirubin"))).isLessThanOrEqualTo(Double.parseDouble(labs.get("total_bilirubin")));
        }
    }
}
