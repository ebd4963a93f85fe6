package org.tacecrf.domain.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class CohortSeedTest {

    private static OptionalLong seed(String studyId, Map<String, String> settings) {
        return CohortSeed.configured(studyId, name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void theStudysOwnSettingComesBeforeTheSettingForEveryStudy() {
        Map<String, String> settings = Map.of("tace.demo.seed", "7", "tace.demo.seed.icc-deb-tace", " 42 ");
        assertThat(seed("icc-deb-tace", settings)).hasValue(42);
        assertThat(seed("crlm-deb-vs-ctace", settings)).hasValue(7);
        assertThat(seed("crlm-deb-vs-ctace", Map.of())).isEmpty();
        assertThat(seed("crlm-deb-vs-ctace", Map.of("tace.demo.seed", " "))).isEmpty();
        assertThat(seed("crlm-deb-vs-ctace", Map.of("tace.demo.seed", "-3"))).hasValue(-3);
    }

    @Test
    void aSeedThatIsNotAWholeNumberIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> seed("icc-deb-tace", Map.of("tace.demo.seed.icc-deb-tace", "1.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The setting tace.demo.seed.icc-deb-tace must be a whole number, not \"1.5\".");
    }

    @Test
    void anotherSeedGivesAnotherCohortWithTheSameSize() {
        // the generator is what the seed feeds: same seed, same plan; another seed, other patients
        Cohort first = Cohort.of("crlm-deb-vs-ctace", 11);
        Cohort again = Cohort.of("crlm-deb-vs-ctace", 11);
        Cohort other = Cohort.of("crlm-deb-vs-ctace", 12);
        assertThat(again.size()).isEqualTo(first.size()).isEqualTo(other.size());
        assertThat(ages(again)).isEqualTo(ages(first)).doesNotContainNull();
        assertThat(ages(other)).isNotEqualTo(ages(first));
    }

    private static java.util.List<String> ages(Cohort c) {
        return c.subjects.stream().map(s -> s.baseline("age")).toList();
    }
}
