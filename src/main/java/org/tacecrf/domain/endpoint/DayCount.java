package org.tacecrf.domain.endpoint;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How the days from origin to an event or censoring date are counted; the SAP states which. */
public enum DayCount {
    /** {@code date − origin}: an event on the origin day has time 0. */
    ELAPSED,
    /** {@code date − origin + 1}: the origin day is day 1 (the ADaM {@code ADT − STARTDT + 1} habit). */
    INCLUSIVE;

    public long days(LocalDate origin, LocalDate date) {
        long elapsed = ChronoUnit.DAYS.between(origin, date);
        return this == INCLUSIVE ? elapsed + 1 : elapsed;
    }
}
