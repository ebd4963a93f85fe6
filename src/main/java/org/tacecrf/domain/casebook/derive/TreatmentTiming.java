package org.tacecrf.domain.casebook.derive;

import java.time.LocalDate;

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

    /**
     * The timing of a treatment and, in one English sentence, the dates that decided it.
     *
     * @param reason why this timing, e.g. "Stopped 2024-01-10, before the first TACE on 2024-02-01."
     */
    public record Decision(TreatmentTiming timing, String reason) {
    }

    /**
     * Classifies a treatment by its dates against the first TACE (see the class comment).
     *
     * @param start     start date, or null when not entered
     * @param stop      stop date, or null
     * @param ongoing   recorded as ongoing
     * @param firstTace date of the first TACE session, or null when there is none dated yet
     */
    public static Decision classify(LocalDate start, LocalDate stop, boolean ongoing, LocalDate firstTace) {
        if (firstTace == null) {
            return new Decision(UNKNOWN, "There is no dated TACE session yet.");
        }
        if (start != null && start.isAfter(firstTace)) {
            return new Decision(SUBSEQUENT, "Started " + start + ", after the first TACE on " + firstTace + ".");
        }
        if (stop != null && stop.isBefore(firstTace)) {
            return new Decision(PREVIOUS, "Stopped " + stop + ", before the first TACE on " + firstTace + ".");
        }
        if (start == null) {
            return new Decision(UNKNOWN, "The start date is missing.");
        }
        if (start.equals(firstTace) || ongoing || stop != null) {
            return new Decision(CONCOMITANT, "Started " + start
                    + (stop != null ? " and stopped " + stop : ongoing ? " and ongoing" : "")
                    + ": running on the day of the first TACE (" + firstTace + ").");
        }
        return new Decision(UNKNOWN, "Started " + start + ", before the first TACE, with neither a stop date nor 'ongoing'.");
    }
}
