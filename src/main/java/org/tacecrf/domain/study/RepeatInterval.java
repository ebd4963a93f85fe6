package org.tacecrf.domain.study;

/**
 * Spacing between occurrences of a repeating visit, in days: "every 4-6 weeks" is 28-42.
 */
public record RepeatInterval(int minDays, int maxDays) {

    public RepeatInterval {
        if (minDays <= 0 || minDays > maxDays) {
            throw new IllegalArgumentException("interval must satisfy 0 < min <= max: " + minDays + "-" + maxDays);
        }
    }
}
