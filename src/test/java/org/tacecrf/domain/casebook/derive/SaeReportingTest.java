package org.tacecrf.domain.casebook.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.derive.SaeReporting.Moment;
import org.tacecrf.domain.casebook.derive.SaeReporting.Status;

class SaeReportingTest {

    private static final LocalDate ONSET = LocalDate.of(2024, 3, 1);
    private static final LocalDateTime AWARE = LocalDateTime.of(2024, 3, 1, 10, 0);

    private static Moment d(String s) {
        return Moment.on(LocalDate.parse(s));
    }

    private static Moment t(String s) {
        return Moment.at(LocalDateTime.parse(s));
    }

    /** Noon of a day, for the rules counted in days. */
    private static LocalDateTime noon(String s) {
        return LocalDate.parse(s).atTime(12, 0);
    }

    // ---- exact rule: awareness recorded with its time ------------------------------------------

    @Test
    void anUnreportedEventIsOverdueOneMinuteAfter24Hours() {
        Moment aware = Moment.at(AWARE);
        SaeReporting due = SaeReporting.of(true, ONSET, aware, null, 24, AWARE.plusHours(23).plusMinutes(59));
        assertThat(due.status()).isEqualTo(Status.DUE);
        assertThat(due.due()).isEqualTo(t("2024-03-02T10:00"));
        assertThat(due.due().toString()).isEqualTo("2024-03-02 10:00");
        assertThat(due.exact()).isTrue();
        assertThat(SaeReporting.of(true, ONSET, aware, null, 24, AWARE.plusHours(24)).status()).isEqualTo(Status.DUE);
        assertThat(SaeReporting.of(true, ONSET, aware, null, 24, AWARE.plusHours(24).plusSeconds(59)).status())
                .as("seconds past the deadline, within its minute").isEqualTo(Status.DUE);
        SaeReporting overdue = SaeReporting.of(true, ONSET, aware, null, 24, AWARE.plusHours(24).plusMinutes(1));
        assertThat(overdue.status()).isEqualTo(Status.OVERDUE);
        assertThat(overdue.late()).isEqualTo(Duration.ofMinutes(1));
        assertThat(overdue.hoursLate()).isEqualTo(1);
        assertThat(overdue.needsAttention()).isTrue();
    }

    @Test
    void aReportAfter25HoursIsLateEvenOnTheNextDay() {
        Moment aware = Moment.at(AWARE);
        LocalDateTime later = AWARE.plusDays(10);
        SaeReporting inTime = SaeReporting.of(true, ONSET, aware, Moment.at(AWARE.plusHours(23).plusMinutes(59)), 24, later);
        assertThat(inTime.status()).isEqualTo(Status.REPORTED_IN_TIME);
        assertThat(inTime.late()).isZero();
        // The calendar-day rule would have taken 2 March 11:00 as in time; the exact rule does not.
        SaeReporting late = SaeReporting.of(true, ONSET, aware, Moment.at(AWARE.plusHours(25)), 24, later);
        assertThat(late.status()).isEqualTo(Status.REPORTED_LATE);
        assertThat(late.late()).isEqualTo(Duration.ofHours(1));
        assertThat(late.hoursLate()).isEqualTo(1);
        assertThat(late.daysLate()).isEqualTo(1);
    }

    @Test
    void theStudysReportingHoursSetTheExactDeadline() {
        SaeReporting r = SaeReporting.of(true, ONSET, Moment.at(AWARE), null, 72, AWARE);
        assertThat(r.due()).isEqualTo(t("2024-03-04T10:00"));
    }

    @Test
    void aDateOnlyReportAgainstAnExactDeadlineIsJudgedByDay() {
        Moment aware = Moment.at(AWARE);
        assertThat(SaeReporting.of(true, ONSET, aware, d("2024-03-02"), 24, noon("2024-04-01")).status())
                .isEqualTo(Status.REPORTED_IN_TIME);
        SaeReporting late = SaeReporting.of(true, ONSET, aware, d("2024-03-03"), 24, noon("2024-04-01"));
        assertThat(late.status()).isEqualTo(Status.REPORTED_LATE);
        assertThat(late.exact()).isFalse();
        assertThat(late.daysLate()).isEqualTo(1);
    }

    @Test
    void theDateTimesAreReadFromTheFormBeforeTheDayOnlyItems() {
        HccCase c = new HccCase();
        var ae = c.b.form(c.logs, "adverse_event").set("ae_term", "FEVER").set("ae_grade", "3")
                .set("ae_onset_date", "2024-01-16").set("ae_serious", "Y").set("datetime_aware", "2024-01-18T08:30")
                .set("datetime_reported", "2024-01-19T09:00").set("date_aware", "2024-01-16");
        SaeReporting r = SaeReporting.of(ae.instance(), 24, noon("2024-02-01"));
        assertThat(r.aware()).isEqualTo(t("2024-01-18T08:30"));
        assertThat(r.due()).isEqualTo(t("2024-01-19T08:30"));
        assertThat(r.status()).isEqualTo(Status.REPORTED_LATE);
        assertThat(r.late()).isEqualTo(Duration.ofMinutes(30));
    }

    // ---- day rule: onset only, or entries recorded by day ----------------------------------------

    @Test
    void within24HoursOfADayMeansByTheNextDay() {
        assertThat(SaeReporting.of(true, ONSET, null, d("2024-03-01"), 24, noon("2024-04-01")).status()).isEqualTo(Status.REPORTED_IN_TIME);
        assertThat(SaeReporting.of(true, ONSET, null, d("2024-03-02"), 24, noon("2024-04-01")).status()).isEqualTo(Status.REPORTED_IN_TIME);
        // A report with a time against a deadline counted in days is judged by its day.
        assertThat(SaeReporting.of(true, ONSET, null, t("2024-03-02T23:00"), 24, noon("2024-04-01")).status())
                .isEqualTo(Status.REPORTED_IN_TIME);
        SaeReporting late = SaeReporting.of(true, ONSET, null, d("2024-03-04"), 24, noon("2024-04-01"));
        assertThat(late.status()).isEqualTo(Status.REPORTED_LATE);
        assertThat(late.status().late()).isTrue();
        assertThat(late.due()).isEqualTo(d("2024-03-02"));
        assertThat(late.daysLate()).isEqualTo(2);
        assertThat(late.hoursLate()).isEqualTo(48);
    }

    @Test
    void longerDeadlinesRoundUpToWholeDays() {
        assertThat(SaeReporting.of(true, ONSET, null, null, 72, noon("2024-03-01")).due()).isEqualTo(d("2024-03-04"));
        assertThat(SaeReporting.of(true, ONSET, null, null, 36, noon("2024-03-01")).due()).isEqualTo(d("2024-03-03"));
        assertThat(SaeReporting.of(true, ONSET, null, null, 1, noon("2024-03-01")).due()).isEqualTo(d("2024-03-02"));
    }

    @Test
    void anUnreportedEventIsDueThenOverdueByDay() {
        assertThat(SaeReporting.of(true, ONSET, null, null, 24, LocalDate.parse("2024-03-02").atTime(23, 59)).status())
                .isEqualTo(Status.DUE);
        SaeReporting overdue = SaeReporting.of(true, ONSET, null, null, 24, noon("2024-03-05"));
        assertThat(overdue.status()).isEqualTo(Status.OVERDUE);
        assertThat(overdue.daysLate()).isEqualTo(3);
        assertThat(overdue.needsAttention()).isTrue();
    }

    @Test
    void nonSeriousEventsAndMissingDates() {
        assertThat(SaeReporting.of(false, ONSET, null, null, 24, noon("2024-05-01")).status()).isEqualTo(Status.NOT_SERIOUS);
        assertThat(SaeReporting.of(false, ONSET, null, null, 24, noon("2024-05-01")).needsAttention()).isFalse();
        assertThat(SaeReporting.of(true, null, null, null, 24, noon("2024-05-01")).status()).isEqualTo(Status.NO_ONSET_DATE);
        assertThat(SaeReporting.of(true, ONSET, null, d("2024-03-02"), 24, noon("2024-05-01")).needsAttention()).isFalse();
        assertThatThrownBy(() -> SaeReporting.of(true, ONSET, null, null, 0, noon("2024-03-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readFromTheAdverseEventForm() {
        HccCase c = new HccCase();
        var ae = c.b.form(c.logs, "adverse_event").set("ae_term", "FEVER").set("ae_grade", "3")
                .set("ae_onset_date", "2024-01-16").set("ae_serious", "Y").set("date_reported", "2024-01-19");
        SaeReporting r = SaeReporting.of(ae.instance(), 24, noon("2024-02-01"));
        assertThat(r.serious()).isTrue();
        assertThat(r.status()).isEqualTo(Status.REPORTED_LATE);
        assertThat(r.daysLate()).isEqualTo(2);
    }

    @Test
    void theDeadlineRunsFromTheDayTheSiteLearnedOfTheEvent() {
        // Onset 1 March, found at a visit on 5 March: due 6 March, not 2 March.
        SaeReporting found = SaeReporting.of(true, ONSET, d("2024-03-05"), null, 24, noon("2024-03-06"));
        assertThat(found.due()).isEqualTo(d("2024-03-06"));
        assertThat(found.status()).isEqualTo(Status.DUE);
        assertThat(SaeReporting.of(true, ONSET, d("2024-03-05"), null, 24, noon("2024-03-07")).status())
                .isEqualTo(Status.OVERDUE);
        assertThat(SaeReporting.of(true, ONSET, d("2024-03-05"), d("2024-03-06"), 24, noon("2024-04-01")).status())
                .isEqualTo(Status.REPORTED_IN_TIME);
        SaeReporting late = SaeReporting.of(true, ONSET, d("2024-03-05"), d("2024-03-08"), 24, noon("2024-04-01"));
        assertThat(late.status()).isEqualTo(Status.REPORTED_LATE);
        assertThat(late.daysLate()).isEqualTo(2);
        // Without awareness the onset starts the clock.
        assertThat(SaeReporting.of(true, ONSET, null, d("2024-03-06"), 24, noon("2024-04-01")).status())
                .isEqualTo(Status.REPORTED_LATE);
        // An awareness day alone is enough to set the deadline.
        assertThat(SaeReporting.of(true, null, d("2024-03-05"), null, 24, noon("2024-03-05")).due()).isEqualTo(d("2024-03-06"));
    }

    @Test
    void theAwarenessDayOfOlderEntriesIsReadFromTheForm() {
        HccCase c = new HccCase();
        var ae = c.b.form(c.logs, "adverse_event").set("ae_term", "FEVER").set("ae_grade", "3")
                .set("ae_onset_date", "2024-01-16").set("ae_serious", "Y").set("date_aware", "2024-01-18")
                .set("date_reported", "2024-01-19");
        SaeReporting r = SaeReporting.of(ae.instance(), 24, noon("2024-02-01"));
        assertThat(r.aware()).isEqualTo(d("2024-01-18"));
        assertThat(r.due()).isEqualTo(d("2024-01-19"));
        assertThat(r.status()).isEqualTo(Status.REPORTED_IN_TIME);
    }

    @Test
    void aMomentsTimeIsOnItsDay() {
        assertThatThrownBy(() -> new Moment(ONSET, AWARE.plusDays(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
