package org.tacecrf.domain.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class FactAllocatorTest {

    private static final String YAML = """
            study: s
            seed: 1
            period: {firstTace: [2020-01-01, 2020-12-31], cutOff: 2021-06-30}
            sites: {S1: 6, S2: 4}
            arms: {a: 4, b: 6}
            facts:
              - name: sex
                given: arm
                counts:
                  a: {M: 3, F: 1}
                  b: {M: 2, F: 4}
              - names: [lesion_count, distribution]
                counts: {"1, ONE_LOBE": 3, "2..4, ONE_LOBE": 3, "2..6, BOTH_LOBES": 4}
              - name: age
                distribution: {mean: 60, sd: 8, min: 18, max: 90}
            """;

    @Test
    void everyCategoryHasItsExactCountWhateverTheSeed() {
        CohortSpec spec = CohortSpecReader.read(YAML, "test.yaml");
        for (long seed = 1; seed <= 20; seed++) {
            List<Map<String, String>> facts = FactAllocator.allocate(spec, new Random(seed), dates(10));
            assertThat(count(facts, "arm", "a")).isEqualTo(4);
            assertThat(count(facts, "site", "S1")).isEqualTo(6);
            assertThat(facts.stream().filter(f -> f.get("arm").equals("a") && f.get("sex").equals("M"))).hasSize(3);
            assertThat(facts.stream().filter(f -> f.get("arm").equals("b") && f.get("sex").equals("F"))).hasSize(4);
            assertThat(count(facts, "distribution", "BOTH_LOBES")).isEqualTo(4);
            assertThat(facts).filteredOn(f -> f.get("lesion_count").equals("1")).allMatch(f -> f.get("distribution").equals("ONE_LOBE"));
            assertThat(facts).filteredOn(f -> f.get("distribution").equals("BOTH_LOBES"))
                    .allMatch(f -> Integer.parseInt(f.get("lesion_count")) >= 2);
        }
    }

    @Test
    void continuousValuesHaveThePublishedMeanAndSd() {
        String[] values = FactAllocator.draw(new CohortSpec.Distribution(63.7, 9.1, null, null, null, 2), 33, new Random(5));
        double mean = java.util.Arrays.stream(values).mapToDouble(Double::parseDouble).average().orElseThrow();
        double ss = java.util.Arrays.stream(values).mapToDouble(v -> Math.pow(Double.parseDouble(v) - mean, 2)).sum();
        assertThat(mean).isCloseTo(63.7, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Math.sqrt(ss / 32)).isCloseTo(9.1, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void countsThatDoNotAddUpAreRefused() {
        CohortSpec spec = CohortSpecReader.read(YAML.replace("M: 3, F: 1", "M: 3, F: 2"), "test.yaml");
        assertThatThrownBy(() -> FactAllocator.allocate(spec, new Random(1), dates(10)))
                .isInstanceOf(CohortSpecException.class).hasMessageContaining("add up to 5, not 4");
    }

    private static long count(List<Map<String, String>> facts, String fact, String value) {
        return facts.stream().filter(f -> value.equals(f.get(fact))).count();
    }

    private static List<LocalDate> dates(int n) {
        return Collections.nCopies(n, LocalDate.of(2020, 6, 1));
    }
}
