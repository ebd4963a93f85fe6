package org.tacecrf.domain.casebook.derive;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;

/**
 * Whether a serious adverse event was reported in time: within the study's
 * {@code sae.reportingHours} (24 by default) of the day the site became aware of it
 * ({@code date_aware}), or of its onset when that day is not recorded (the site is then taken to
 * have known from the start, the strictest reading; ICH E2A starts the sponsor's clock at awareness).
 * <p>
 * The form records dates, not times ({@code ae_onset_date}, {@code date_aware},
 * {@code date_reported}), so the rule is applied by calendar day: a report is due by start +
 * ⌈hours / 24⌉ days, and a report dated on or before that day is on time (with 24 hours, an event
 * the site learned of on 1 March is reported in time on 1 or 2 March and late from 3 March). A report
 * not yet recorded is overdue once that day has passed.
 *
 * @param serious  the event is marked serious
 * @param onset    onset date, or null when not recorded
 * @param aware    date the site became aware of the event, or null when not recorded
 * @param reported date reported to the sponsor and ethics committee, or null
 * @param due      last day a report is on time, or null without an onset or awareness date
 * @param status   what follows for the report
 * @param daysLate days after the due day the report was made, or has been outstanding (0 when in time)
 */
public record SaeReporting(boolean serious, LocalDate onset, LocalDate aware, LocalDate reported, LocalDate due,
                           Status status, long daysLate) {

    static final String SERIOUS = "ae_serious";
    static final String ONSET = "ae_onset_date";
    static final String AWARE = "date_aware";
    static final String REPORTED = "date_reported";

    /** The reporting state of an event. */
    public enum Status {
        /** Not a serious event: no expedited report. */
        NOT_SERIOUS,
        /** Serious, but without an onset or awareness date the deadline is unknown. */
        NO_ONSET_DATE,
        /** Not reported yet, still within the deadline. */
        DUE,
        /** Not reported and the deadline has passed. */
        OVERDUE,
        /** Reported within the deadline. */
        REPORTED_IN_TIME,
        /** Reported after the deadline. */
        REPORTED_LATE;

        /** A report missing past its deadline, or made after it. */
        public boolean late() {
            return this == OVERDUE || this == REPORTED_LATE;
        }
    }

    public SaeReporting {
        Objects.requireNonNull(status, "status");
    }

    /** The reporting state of an {@code adverse_event} form (saved or as entered) as of {@code today}. */
    public static SaeReporting of(FormInstance adverseEvent, int reportingHours, LocalDate today) {
        boolean serious = adverseEvent.first(SERIOUS).map(StoredValue::text).map("Y"::equals).orElse(false);
        return of(serious, adverseEvent.date(ONSET).orElse(null), adverseEvent.date(AWARE).orElse(null),
                adverseEvent.date(REPORTED).orElse(null), reportingHours, today);
    }

    /** As {@link #of(boolean, LocalDate, LocalDate, LocalDate, int, LocalDate)} without an awareness date. */
    public static SaeReporting of(boolean serious, LocalDate onset, LocalDate reported, int reportingHours,
                                  LocalDate today) {
        return of(serious, onset, null, reported, reportingHours, today);
    }

    /**
     * @param aware the day the site became aware of the event; the deadline runs from it when given,
     *              else from the onset
     */
    public static SaeReporting of(boolean serious, LocalDate onset, LocalDate aware, LocalDate reported,
                                  int reportingHours, LocalDate today) {
        if (reportingHours < 1) {
            throw new IllegalArgumentException("reporting hours must be at least 1: " + reportingHours);
        }
        if (!serious) {
            return new SaeReporting(false, onset, aware, reported, null, Status.NOT_SERIOUS, 0);
        }
        LocalDate start = aware != null ? aware : onset;
        if (start == null) {
            return new SaeReporting(true, null, null, reported, null, Status.NO_ONSET_DATE, 0);
        }
        LocalDate due = start.plusDays((reportingHours + 23) / 24);
        if (reported != null) {
            long late = Math.max(0, ChronoUnit.DAYS.between(due, reported));
            return new SaeReporting(true, onset, aware, reported, due,
                    late > 0 ? Status.REPORTED_LATE : Status.REPORTED_IN_TIME, late);
        }
        long late = Math.max(0, ChronoUnit.DAYS.between(due, today));
        return new SaeReporting(true, onset, aware, null, due, late > 0 ? Status.OVERDUE : Status.DUE, late);
    }

    /** Whether the dashboard should list it: serious and not reported in time (or not datable). */
    public boolean needsAttention() {
        return status == Status.DUE || status == Status.OVERDUE || status == Status.REPORTED_LATE
                || status == Status.NO_ONSET_DATE;
    }
}
