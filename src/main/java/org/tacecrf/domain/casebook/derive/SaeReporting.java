package org.tacecrf.domain.casebook.derive;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;

/**
 * Whether a serious adverse event was reported in time: within the study's
 * {@code sae.reportingHours} (24 by default) of the moment the site became aware of it, or of its
 * onset when awareness is not recorded (the site is then taken to have known from the start, the
 * strictest reading; ICH E2A starts the sponsor's clock at awareness).
 * <p>
 * The form records awareness and the report as date-times ({@code datetime_aware},
 * {@code datetime_reported}), so the deadline is exact: awareness + the reporting hours, and a
 * report (or, while none is recorded, the present moment) later than that is late; with 24 hours,
 * awareness on 1 March 10:00 makes a report at 2 March 10:00 in time and 10:01 late.
 * <p>
 * Entries made when the form recorded only days ({@code date_aware}, {@code date_reported}), and
 * events without awareness whose clock starts at the onset date, keep the calendar-day rule: a
 * report is due by start + ⌈hours / 24⌉ days, and one dated on or before that day is on time (with
 * 24 hours, an event learned of on 1 March is in time on 1 or 2 March and late from 3 March). A day
 * without a time cannot start an exact clock, and the day rule gives the site the benefit of the
 * unknown hour. A date-only report against an exact deadline is likewise compared by day.
 *
 * @param serious  the event is marked serious
 * @param onset    onset date, or null when not recorded
 * @param aware    when the site became aware of the event, or null when not recorded
 * @param reported when it was reported to the sponsor and ethics committee, or null
 * @param due      the last moment (or day) a report is on time, or null without an onset or awareness
 * @param status   what follows for the report
 * @param late     how long after the deadline the report was made, or has been outstanding (zero when
 *                 in time); whole days under the day rule
 */
public record SaeReporting(boolean serious, LocalDate onset, Moment aware, Moment reported, Moment due,
                           Status status, Duration late) {

    static final String SERIOUS = "ae_serious";
    static final String ONSET = "ae_onset_date";
    static final String AWARE = "datetime_aware";
    static final String REPORTED = "datetime_reported";
    static final String AWARE_DAY = "date_aware";
    static final String REPORTED_DAY = "date_reported";

    /** The reporting state of an event. */
    public enum Status {
        /** Not a serious event: no expedited report. */
        NOT_SERIOUS,
        /** Serious, but without an onset date or awareness the deadline is unknown. */
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

    /**
     * A moment as the form recorded it: a local date-time to the minute, or only a day (entries made
     * before the form recorded times).
     *
     * @param day  the calendar day
     * @param time the date-time, or null when only the day is known
     */
    public record Moment(LocalDate day, LocalDateTime time) {

        public Moment {
            Objects.requireNonNull(day, "day");
            if (time != null && !time.toLocalDate().equals(day)) {
                throw new IllegalArgumentException("the time " + time + " is not on " + day);
            }
        }

        public static Moment at(LocalDateTime time) {
            return new Moment(time.toLocalDate(), time);
        }

        public static Moment on(LocalDate day) {
            return new Moment(day, null);
        }

        /** A date-time value, else a date value, else empty. */
        static Optional<Moment> of(StoredValue value) {
            if (value == null || value.isEmpty()) {
                return Optional.empty();
            }
            return value.dateTime() != null ? Optional.of(at(value.dateTime()))
                    : Optional.ofNullable(value.date()).map(Moment::on);
        }

        public boolean exact() {
            return time != null;
        }

        /** {@code yyyy-MM-dd HH:mm}, or {@code yyyy-MM-dd} for a day. */
        @Override
        public String toString() {
            return exact() ? day + " " + time.toLocalTime().truncatedTo(ChronoUnit.MINUTES) : day.toString();
        }
    }

    public SaeReporting {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(late, "late");
    }

    /**
     * The reporting state of an {@code adverse_event} form (saved or as entered) as of {@code now};
     * an awareness or report date-time wins over the date-only item of older entries.
     */
    public static SaeReporting of(FormInstance adverseEvent, int reportingHours, LocalDateTime now) {
        boolean serious = adverseEvent.first(SERIOUS).map(StoredValue::text).map("Y"::equals).orElse(false);
        return of(serious, adverseEvent.date(ONSET).orElse(null), recorded(adverseEvent, AWARE, AWARE_DAY),
                recorded(adverseEvent, REPORTED, REPORTED_DAY), reportingHours, now);
    }

    private static Moment recorded(FormInstance form, String dateTimeItem, String dayItem) {
        return form.first(dateTimeItem).flatMap(Moment::of).or(() -> form.first(dayItem).flatMap(Moment::of)).orElse(null);
    }

    /**
     * @param onset    onset date, or null
     * @param aware    when the site became aware; the deadline runs from it when given, else from the onset
     * @param reported when the event was reported, or null
     * @param now      the present moment on the site's clock, against which an unreported event is judged
     */
    public static SaeReporting of(boolean serious, LocalDate onset, Moment aware, Moment reported,
                                  int reportingHours, LocalDateTime now) {
        if (reportingHours < 1) {
            throw new IllegalArgumentException("reporting hours must be at least 1: " + reportingHours);
        }
        if (!serious) {
            return new SaeReporting(false, onset, aware, reported, null, Status.NOT_SERIOUS, Duration.ZERO);
        }
        Moment start = aware != null ? aware : onset == null ? null : Moment.on(onset);
        if (start == null) {
            return new SaeReporting(true, null, null, reported, null, Status.NO_ONSET_DATE, Duration.ZERO);
        }
        Moment due = start.exact() ? Moment.at(start.time().plusHours(reportingHours))
                : Moment.on(start.day().plusDays((reportingHours + 23) / 24));
        // Times are recorded to the minute, so the present is judged to the minute too: an event is not
        // overdue by seconds that no one could have entered.
        Duration late = lateness(due, reported != null ? reported : Moment.at(now.truncatedTo(ChronoUnit.MINUTES)));
        Status status = reported != null
                ? late.isZero() ? Status.REPORTED_IN_TIME : Status.REPORTED_LATE
                : late.isZero() ? Status.DUE : Status.OVERDUE;
        return new SaeReporting(true, onset, aware, reported, due, status, late);
    }

    /** Exact when both moments have times, else by whole days. */
    private static Duration lateness(Moment due, Moment end) {
        if (due.exact() && end.exact()) {
            Duration d = Duration.between(due.time(), end.time());
            return d.isNegative() ? Duration.ZERO : d;
        }
        return Duration.ofDays(Math.max(0, ChronoUnit.DAYS.between(due.day(), end.day())));
    }

    /** Whether the deadline and the lateness are counted to the minute (else in whole days). */
    public boolean exact() {
        return due != null && due.exact() && (reported == null || reported.exact());
    }

    /** Whole days late under the day rule; days begun late under the exact rule. */
    public long daysLate() {
        return exact() ? (late.toMinutes() + 24 * 60 - 1) / (24 * 60) : late.toDays();
    }

    /** Hours late, an hour begun counting as one (a report 1 minute late is 1 hour late). */
    public long hoursLate() {
        return (late.toMinutes() + 59) / 60;
    }

    /** Whether the dashboard should list it: serious and not reported in time (or not datable). */
    public boolean needsAttention() {
        return status == Status.DUE || status == Status.OVERDUE || status == Status.REPORTED_LATE
                || status == Status.NO_ONSET_DATE;
    }
}
