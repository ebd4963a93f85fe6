package org.tacecrf.domain.endpoint;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One endpoint of one subject.
 *
 * @param endpoint OS, PFS or TTP
 * @param date     event or censoring date
 * @param days     days from origin, counted by the study's {@link DayCount}
 * @param months   {@code days / 30.4375} ({@link TimeUnits})
 * @param event    true for an event, false when censored
 * @param rule     the rule that decided
 */
public record TimeToEvent(Endpoint endpoint, LocalDate date, long days, double months, boolean event, EndpointRule rule) {

    public TimeToEvent {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(rule, "rule");
        if (event != rule.event()) {
            throw new IllegalArgumentException("Rule " + rule + " does not match event = " + event);
        }
    }

    static TimeToEvent of(Endpoint endpoint, LocalDate origin, LocalDate date, EndpointRule rule, DayCount dayCount) {
        long days = dayCount.days(origin, date);
        return new TimeToEvent(endpoint, date, days, TimeUnits.months(days), rule.event(), rule);
    }

    /** Censored (0) or event (1), as survival software expects. */
    public int status() {
        return event ? 1 : 0;
    }
}
