package org.tacecrf.domain.casebook.derive;

/**
 * When another anticancer treatment was given relative to the day of the first TACE (F):
 * <ul>
 *   <li>{@link #PREVIOUS}: stopped before F;</li>
 *   <li>{@link #CONCOMITANT}: running on F, i.e. started on or before F and not stopped before it
 *       (ongoing, or stopped on or after F);</li>
 *   <li>{@link #SUBSEQUENT}: started after F;</li>
 *   <li>{@link #UNKNOWN}: the dates do not decide (no first TACE yet, no start date, or started
 *       before F with neither a stop date nor "ongoing").</li>
 * </ul>
 */
public enum TreatmentTiming {
    PREVIOUS("Stopped before the first TACE."),
    CONCOMITANT("Running on the day of the first TACE."),
    SUBSEQUENT("Started after the first TACE."),
    UNKNOWN("The dates do not tell when it was given relative to the first TACE.");

    private final String message;

    TreatmentTiming(String message) {
        this.message = message;
    }

    /** English default text; the name is the message key. */
    public String message() {
        return message;
    }
}
