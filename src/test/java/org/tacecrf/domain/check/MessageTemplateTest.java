package org.tacecrf.domain.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    private final ValueResolver data = MapValueResolver.builder()
            .number("BASELINE.baseline.bili_direct", "40")
            .number("BASELINE.baseline.bili_total", "30.0")
            .list("TACE.tace_session.date", Value.date("2024-01-20"), Value.date("2024-03-02"))
            .parameter("max_dose_per_vial_mg", Value.number(75))
            .build();

    @Test
    void rendersPathsAndParameters() {
        MessageTemplate t = MessageTemplate.parse(
                "Direct bilirubin ({BASELINE.baseline.bili_direct}) exceeds total bilirubin ({ BASELINE.baseline.bili_total }); "
                        + "limit {$max_dose_per_vial_mg} mg per vial");
        assertThat(t.render(data)).isEqualTo("Direct bilirubin (40) exceeds total bilirubin (30); limit 75 mg per vial");
        assertThat(t.references()).extracting(Reference::path)
                .containsExactly("BASELINE.baseline.bili_direct", "BASELINE.baseline.bili_total");
        assertThat(t.parameters()).containsExactly("max_dose_per_vial_mg");
    }

    @Test
    void rendersListsAndEmptyValues() {
        MessageTemplate t = MessageTemplate.parse("TACE on {TACE.tace_session.date}; death {SURVIVAL.death.death_date}");
        assertThat(t.render(data)).isEqualTo("TACE on 2024-01-20, 2024-03-02; death empty");
    }

    @Test
    void doubledBracesAreLiteral() {
        assertThat(MessageTemplate.parse("{{not a placeholder}} and }").render(data)).isEqualTo("{not a placeholder} and }");
    }

    @Test
    void unclosedBrace() {
        ParseException e = catchThrowableOfType(ParseException.class,
                () -> MessageTemplate.parse("Dose {dose_mg exceeds the limit"));
        assertThat(e.code()).isEqualTo(ParseErrorCode.INVALID_PLACEHOLDER);
        assertThat(e.column()).isEqualTo(6);
        assertThat(e.reason()).isEqualTo("'{' is not closed by '}' (write '{{' for a brace)");
    }

    @Test
    void placeholderThatIsNotAPath() {
        ParseException e = catchThrowableOfType(ParseException.class,
                () -> MessageTemplate.parse("Bilirubin is high.\nDirect {bili_direct * 17.1} µmol/L"));
        assertThat(e.code()).isEqualTo(ParseErrorCode.INVALID_PLACEHOLDER);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(8);
    }

    @Test
    void renderingAfterACheckShowsTheValuesTheCheckRead() {
        List<Reference> asked = new ArrayList<>();
        ValueResolver counting = new ValueResolver() {
            @Override
            public Value resolve(Reference reference) {
                asked.add(reference);
                return data.resolve(reference);
            }

            @Override
            public Value parameter(String name) {
                return data.parameter(name);
            }
        };
        EditCheck check = EditCheck.of("BILI", "BASELINE.baseline.bili_direct <= BASELINE.baseline.bili_total",
                "Direct bilirubin ({BASELINE.baseline.bili_direct}) exceeds total ({BASELINE.baseline.bili_total}); "
                        + "first TACE {TACE.tace_session.date}",
                null, CheckSeverity.SOFT, CheckScope.FORM, CheckTarget.item("BASELINE", "baseline", "bili_direct"));
        CheckResult result = check.evaluate(counting);
        assertThat(result.fired()).isTrue();
        String text = check.queryText(Locale.CHINA, result, counting);
        assertThat(text).isEqualTo("Direct bilirubin (40) exceeds total (30); first TACE 2024-01-20, 2024-03-02");
        // each path once: the two bilirubins during the check, the TACE dates for the message only
        assertThat(asked).extracting(Reference::path).containsExactly(
                "BASELINE.baseline.bili_direct", "BASELINE.baseline.bili_total", "TACE.tace_session.date");
    }

    @Test
    void chineseIsUsedOnlyForChineseLocalesWhenPresent() {
        CheckMessage both = CheckMessage.of("Dose too high", "剂量过高");
        assertThat(both.forLocale(Locale.SIMPLIFIED_CHINESE).text()).isEqualTo("剂量过高");
        assertThat(both.forLocale(Locale.TRADITIONAL_CHINESE).text()).isEqualTo("剂量过高");
        assertThat(both.forLocale(Locale.ENGLISH).text()).isEqualTo("Dose too high");
        assertThat(CheckMessage.of("Dose too high", " ").forLocale(Locale.CHINESE).text()).isEqualTo("Dose too high");
    }
}
