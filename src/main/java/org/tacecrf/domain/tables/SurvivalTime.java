package org.tacecrf.domain.tables;

import java.time.LocalDate;

import org.tacecrf.domain.endpoint.TimeUnits;

/**
 * One subject's time to event or censoring at the data cut-off.
 *
 * @param days          days from the origin, as the endpoint derivation counts them
 * @param event         event (true) or censored
 * @param date          event or censoring date
 * @param rule          the rule that decided, in English ("censored: data cut-off" when the cut-off did)
 * @param cutOff        whether the data cut-off censored a later event or follow-up
 */
public record SurvivalTime(long days, boolean event, LocalDate date, String rule, boolean cutOff) {

    /** Time in months, days / 30.4375 ({@link TimeUnits}). */
    public double months() {
        return TimeUnits.months(days);
    }
}
