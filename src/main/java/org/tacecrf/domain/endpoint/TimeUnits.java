package org.tacecrf.domain.endpoint;

/**
 * Time conventions for endpoints, stated once.
 * <p>
 * Months = days / {@value #DAYS_PER_MONTH} (the mean Gregorian month, 365.25 / 12), as in most
 * HCC survival reports. Days are counted by {@link DayCount}.
 */
public final class TimeUnits {

    /** Mean month length in days: 365.25 / 12. */
    public static final double DAYS_PER_MONTH = 30.4375;

    private TimeUnits() {
    }

    /** Days converted to months. */
    public static double months(long days) {
        return days / DAYS_PER_MONTH;
    }
}
