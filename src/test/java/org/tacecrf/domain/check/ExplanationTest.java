package org.tacecrf.domain.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one-line account of why a check failed, for each kind of condition. */
class ExplanationTest {

    private final ValueResolver data = MapValueResolver.builder()
            .code("ecog", "3")
            .code("child_pugh_class", "C")
            .item("vital_status", Value.code("DEAD"))
            .number("bili_total", "60")
            .number("albumin", "25")
            .item("consent_obtained", Value.bool(false))
            .date("scan_date", "2024-03-01")
            .build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "ecog in (0, 1, 2)                              ; Eastern Cooperative Oncology Group 3 not in (0, 1, 2)",
            "child_pugh_class not in ('C')                  ; child_pugh_class C in ('C')",
            "ecog <= 2 or child_pugh_class = 'A'            ; Eastern Cooperative Oncology Group 3 > 2 and child_pugh_class C != 'A'",
            "not (bili_total > 51)                          ; bili_total 60 > 51",
            "not (ecog > 1 and bili_total > 51)             ; Eastern Cooperative Oncology Group 3 > 1 and bili_total 60 > 51",
            "bili_total < 34 and albumin > 35               ; bili_total 60 >= 34",
            "notEmpty(death_date) or vital_status != 'DEAD' ; death_date is empty and vital_status DEAD = 'DEAD'",
            "isEmpty(scan_date)                             ; scan_date 2024-03-01 is not empty",
            "consent_obtained                               ; consent_obtained false",
            "consent_obtained = true                        ; consent_obtained false != true",
            "if(ecog > 2, bili_total < 51, true)            ; bili_total 60 >= 51",
            "scan_date >= date('2024-03-02')                ; scan_date 2024-03-01 < 2024-03-02",
            "bili_total / 17.1 < 3                          ; [bili_total / 17.1 = 3.508771929824561] >= 3",
            "(round(bili_total / 17.1, 1) < 3) = true       ; [round(bili_total / 17.1, 1) < 3 = false] != true"})
    void failedChecksSayWhatHoldsInstead(String rule, String explanation) {
        CheckResult result = Expression.parse(rule).check(data);
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.explain(Map.of(Reference.of("ecog"), "Eastern Cooperative Oncology Group")::get))
                .isEqualTo(explanation);
    }

    @Test
    void errorsExplainThemselves() {
        CheckResult result = Expression.parse("scan_date > 5").check(data);
        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.explain()).isEqualTo("cannot compare a date with a number at column 11");
    }
}
