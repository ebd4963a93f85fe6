package org.tacecrf.domain.tables;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.tacecrf.domain.casebook.derive.SubjectSummary.EndpointResult;
import org.tacecrf.domain.casebook.derive.SubjectSummary.TimePoint;
import org.tacecrf.domain.endpoint.Endpoint;
import org.tacecrf.domain.endpoint.TimeToEvent;
import org.tacecrf.domain.response.Response;

/**
 * The data cut-off of an analysis: the last calendar day whose data the tables use. The rules,
 * applied to every table (docs/analysis.md, "Data cut-off"):
 * <ol>
 *   <li>Subjects enrolled after the cut-off, and screening-log entries screened after it, are left out.</li>
 *   <li>Dated data after the cut-off are not used: TACE sessions by procedure date, tumour assessments
 *       by scan date, adverse events by onset date, laboratory, marker and questionnaire forms by their
 *       own date (or their visit's), other treatments by start date. Undated data are used, as nothing
 *       places them after the cut-off.</li>
 *   <li>An event dated on or before the cut-off counts even when it was recorded later (a death
 *       reported at a later contact). Follow-up that goes beyond the cut-off is cut back: OS is
 *       censored at the cut-off date (the subject is known to have been alive then); PFS and TTP are
 *       censored at the last adequate tumour assessment on or before the cut-off (FDA convention for
 *       missing later assessments), or at the origin when there is none.</li>
 *   <li>Best overall response is derived again from the time points on or before the cut-off.</li>
 * </ol>
 * Without a cut-off date every datum is used.
 */
public final class DataCutOff {

    /** The rule text of a censoring made by the cut-off. */
    public static final String CENSORED_AT_CUT_OFF = "censored: data cut-off";

    private static final DataCutOff NONE = new DataCutOff(null);

    private final LocalDate date;

    private DataCutOff(LocalDate date) {
        this.date = date;
    }

    /** Data up to and including {@code date}; null means none. */
    public static DataCutOff at(LocalDate date) {
        return date == null ? NONE : new DataCutOff(date);
    }

    public Optional<LocalDate> date() {
        return Optional.ofNullable(date);
    }

    /** Whether a datum of this date is used; undated data are. */
    public boolean includes(LocalDate day) {
        return date == null || day == null || !day.isAfter(date);
    }

    /**
     * The endpoint at the cut-off, or empty when the summary could not derive it.
     *
     * @param timePoints the subject's time points under the endpoint's criteria (PFS, TTP)
     */
    public Optional<SurvivalTime> survival(Endpoint endpoint, EndpointResult result, List<TimePoint> timePoints) {
        if (result == null || !result.available()) {
            return Optional.empty();
        }
        TimeToEvent t = result.result();
        if (includes(t.date())) {
            return Optional.of(new SurvivalTime(t.days(), t.event(), t.date(), t.rule().message(), false));
        }
        LocalDate censorAt;
        if (endpoint == Endpoint.OS) {
            censorAt = date;
        } else {
            LocalDate origin = t.date().minusDays(t.days());
            censorAt = timePoints.stream()
                    .filter(p -> p.available() && p.response() != Response.NE && p.response() != Response.NA)
                    .map(TimePoint::date).filter(d -> !d.isAfter(date) && !d.isBefore(origin))
                    .max(Comparator.naturalOrder()).orElse(origin);
        }
        long days = Math.max(0, t.days() - ChronoUnit.DAYS.between(censorAt, t.date()));
        return Optional.of(new SurvivalTime(days, false, censorAt, CENSORED_AT_CUT_OFF, true));
    }

    @Override
    public String toString() {
        return date == null ? "no cut-off" : "cut-off " + date;
    }
}
