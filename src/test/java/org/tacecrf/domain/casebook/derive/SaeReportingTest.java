package org.tacecrf.domain.casebook.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.derive.SaeReporting.Status;

class SaeReportingTest {

    private static final LocalDate ONSET = LocalDate.of(2024, 3, 1);

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void within24HoursMeansByTheNextDay() {
        assertThat(SaeReporting.of(true, ONSET, d("2024-03-01"), 24, d("2024-04-01")).status()).isEqualTo(Status.REPORTED_IN_TIME);
        assertThat(SaeReporting.of(true, ONSET, d("2024-03-02"), 24, d("2024-04-01")).status()).isEqualTo(Status.REPORTED_IN_TIME);
        SaeReporting late = SaeReporting.of(true, ONSET, d("2024-03-04"), 24, d("2024-04-01"));
        assertThat(late.status()).isEqualTo(Status.REPORTED_LATE);
        assertThat(late.status().late()).isTrue();
        assertThat(late.due()).isEqualTo(d("2024-03-02"));
        assertThat(late.daysLate()).isEqualTo(2);
    }

    @Test
    void longerDeadlinesRoundUpToWholeDays() {
        assertThat(SaeReporting.of(true, ONSET, null, 72, d("2024-03-01")).due()).isEqualTo(d("2024-03-04"));
        assertThat(SaeReporting.of(true, ONSET, null, 36, d("2024-03-01")).due()).isEqualTo(d("2024-03-03"));
        assertThat(SaeReporting.of(true, ONSET, null, 1, d("2024-03-01")).due()).isEqualTo(d("2024-03-02"));
    }

    @Test
    void anUnreportedEventIsDueThenOverdue() {
        assertThat(SaeReporting.of(true, ONSET, null, 24, d("2024-03-02")).status()).isEqualTo(Status.DUE);
        SaeReporting overdue = SaeReporting.of(true, ONSET, null, 24, d("2024-03-05"));
        assertThat(overdue.status()).isEqualTo(Status.OVERDUE);
        assertThat(overdue.daysLate()).isEqualTo(3);
        assertThat(overdue.needsAttention()).isTrue();
    }

    @Test
    void nonSeriousEventsAndMissingDates() {
        assertThat(SaeReporting.of(false, ONSET, null, 24, d("2024-05-01")).status()).isEqualTo(Status.NOT_SERIOUS);
        assertThat(SaeReporting.of(false, ONSET, null, 24, d("2024-05-01")).needsAttention()).isFalse();
        assertThat(SaeReporting.of(true, null, null, 24, d("2024-05-01")).status()).isEqualTo(Status.NO_ONSET_DATE);
        assertThat(SaeReporting.of(true, ONSET, d("2024-03-02"), 24, d("2024-05-01")).needsAttention()).isFalse();
        assertThatThrownBy(() -> SaeReporting.of(true, ONSET, null, 0, ONSET)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readFromTheAdverseEventForm() {
        HccCase c = new HccCase();
        var ae = c.b.form(c.logs, "adverse_event").set("ae_term", "FEVER").set("ae_grade", "3")
                .set("ae_onset_date", "2024-01-16").set("ae_serious", "Y").set("date_reported", "2024-01-19");
        SaeReporting r = SaeReporting.of(ae.instance(), 24, d("2024-02-01"));
        assertThat(r.serious()).isTrue();
        assertThat(r.status()).isEqualTo(Status.REPORTED_LATE);
        assertThat(r.daysLate()).isEqualTo(2);
    }

    @Test
    void theDeadlineRunsFromTheDayTheSiteLearnedOfTheEvent() {
        // Onset 1 March, found at a visit on 5 March: due 6 March, not 2 March.
        SaeReporting found = SaeReporting.of(true, ONSET, d("2024-03-05"), null, 24, d("2024-03-06"));
        assertThat(found.due()).isEqualTo(d("2024-03-06"));
        assertThat(found.status()).isEqualTo(Status.DUE);
        assertThat(SaeReporting.of(true, ONSET, d("2024-03-05"), null, 24, d("2024-03-07")).status())
                .isEqualTo(Status.OVERDUE);
        assertThat(SaeReporting.of(true, ONSET, d("2024-03-05"), d("2024-03-06"), 24, d("2024-04-01")).status())
                .isEqualTo(Status.REPORTED_IN_TIME);
        SaeReporting late = SaeReporting.of(true, ONSET, d("2024-03-05"), d("2024-03-08"), 24, d("2024-04-01"));
        assertThat(late.status()).isEqualTo(Status.REPORTED_LATE);
        assertThat(late.daysLate()).isEqualTo(2);
        // Without the awareness day the onset starts the clock.
        assertThat(SaeReporting.of(true, ONSET, null, d("2024-03-06"), 24, d("2024-04-01")).status())
                .isEqualTo(Status.REPORTED_LATE);
        // An awareness day alone is enough to set the deadline.
        assertThat(SaeReporting.of(true, null, d("2024-03-05"), null, 24, d("2024-03-05")).due()).isEqualTo(d("2024-03-06"));
    }

    @Test
    void theAwarenessDayIsReadFromTheForm() {
        HccCase c = new HccCase();
        var ae = c.b.form(c.logs, "adverse_event").set("ae_term", "FEVER").set("ae_grade", "3")
                .set("ae_onset_date", "2024-01-16").set("ae_serious", "Y").set("date_aware", "2024-01-18")
                .set("date_reported", "2024-01-19");
        SaeReporting r = SaeReporting.of(ae.instance(), 24, d("2024-02-01"));
        assertThat(r.aware()).isEqualTo(d("2024-01-18"));
        assertThat(r.due()).isEqualTo(d("2024-01-19"));
        assertThat(r.status()).isEqualTo(Status.REPORTED_IN_TIME);
    }
}
