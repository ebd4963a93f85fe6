package org.tacecrf.interfaces.web.casebook.panels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.derive.SaeReporting;
import org.tacecrf.domain.casebook.derive.SaeReporting.Moment;
import org.tacecrf.interfaces.web.support.Messages;

class SaeTextTest {

    private static final BiFunction<String, Object[], String> ENGLISH = (key, arguments) -> Messages.text(Locale.ENGLISH, key, arguments);
    private static final LocalDateTime AWARE = LocalDateTime.parse("2024-03-01T10:00");

    private static String lateness(LocalDateTime now) {
        return SaeText.format(SaeReporting.of(true, LocalDate.parse("2024-03-01"), Moment.at(AWARE), null, 24, now), ENGLISH);
    }

    @Test
    void theFirstThreeDaysLateAreToldToTheMinuteThenInDays() {
        assertThat(lateness(AWARE.plusHours(24).plusMinutes(5))).isEqualTo("0 h 5 min");
        assertThat(lateness(AWARE.plusHours(24 + 71).plusMinutes(59))).isEqualTo("71 h 59 min");
        assertThat(lateness(AWARE.plusHours(24 + 72))).isEqualTo("3 days");
        // an old retrospective event never reported: days, not tens of thousands of hours
        assertThat(lateness(AWARE.plusYears(10))).isEqualTo("3,651 days");
    }

    @Test
    void entriesRecordedByDayAreLateByDays() {
        SaeReporting byDay = SaeReporting.of(true, LocalDate.parse("2024-03-01"), Moment.on(LocalDate.parse("2024-03-01")),
                Moment.on(LocalDate.parse("2024-03-05")), 24, AWARE.plusDays(10));
        assertThat(SaeText.format(byDay, ENGLISH)).isEqualTo(byDay.daysLate() + " days");
    }
}
