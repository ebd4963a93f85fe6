package org.tacecrf.domain.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SpecValueTest {

    private final Random random = new Random(3);
    private final LocalDate anchor = LocalDate.of(2020, 1, 10);

    @Test
    void rangesDrawEveryValueWithTheBoundsDecimals() {
        SpecValue ints = SpecValue.parse("2..5", "t");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(ints.resolve(random, Map.of(), anchor));
        }
        assertThat(seen).containsExactlyInAnyOrder("2", "3", "4", "5");
        SpecValue decimals = SpecValue.parse("35.1..480.0", "t");
        for (int i = 0; i < 200; i++) {
            BigDecimal v = new BigDecimal(decimals.resolve(random, Map.of(), anchor));
            assertThat(v.scale()).isEqualTo(1);
            assertThat(v).isBetween(new BigDecimal("35.1"), new BigDecimal("480.0"));
        }
        assertThat(SpecValue.parse("-1500..-400", "t").resolve(random, Map.of(), anchor)).startsWith("-");
    }

    @Test
    void choicesDaysConditionsAndFactReferences() {
        assertThat(SpecValue.parse(List.of("A", "B"), "t").resolve(random, Map.of(), anchor)).isIn("A", "B");
        assertThat(LocalDate.parse(SpecValue.parse("@-3..-1", "t").resolve(random, Map.of(), anchor)))
                .isBetween(anchor.minusDays(3), anchor.minusDays(1));
        SpecValue conditional = SpecValue.parse(Map.of("lesion_count=1", "SINGLE", "else", "MULTIPLE"), "t");
        assertThat(conditional.resolve(random, Map.of("lesion_count", "1"), anchor)).isEqualTo("SINGLE");
        assertThat(conditional.resolve(random, Map.of("lesion_count", "3"), anchor)).isEqualTo("MULTIPLE");
        SpecValue range = SpecValue.parse(Map.of("largest_diameter_mm=51..400", "GELATIN_SPONGE"), "t");
        assertThat(range.resolve(random, Map.of("largest_diameter_mm", "51"), anchor)).isEqualTo("GELATIN_SPONGE");
        assertThat(range.resolve(random, Map.of("largest_diameter_mm", "50"), anchor)).isNull();
        assertThat(SpecValue.parse("$seed_count", "t").resolve(random, Map.of("seed_count", "61"), anchor)).isEqualTo("61");
        assertThat(SpecValue.parse("-", "t").resolve(random, Map.of(), anchor)).isNull();
    }

    @Test
    void malformedValuesNameWhere() {
        assertThatThrownBy(() -> SpecValue.parse("9..3", "facts[2]")).isInstanceOf(CohortSpecException.class)
                .hasMessageContaining("facts[2]");
        assertThatThrownBy(() -> SpecValue.parse(Map.of("nocondition", "x"), "baseline.pvtt"))
                .hasMessageContaining("fact=value");
    }
}
