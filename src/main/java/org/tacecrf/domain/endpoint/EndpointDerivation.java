package org.tacecrf.domain.endpoint;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

/**
 * Derives OS, PFS and TTP for one subject (clinical rules 7.2-7.3).
 * <p>
 * OS: event at death; otherwise censored at the last date known alive (the latest of the last
 * contact and every dated observation of the living subject).
 * <p>
 * PFS (event: first progression or death, whichever is earlier) and TTP (event: progression
 * only), applying in this order:
 * <ol>
 *   <li>No baseline tumour assessment: censored at origin.</li>
 *   <li>New anticancer therapy started before the event (when the study censors at it): censored at
 *       the last adequate assessment on or before the start of therapy.</li>
 *   <li>Event after at least {@code missedAssessmentsForCensoring} consecutive missed scheduled
 *       assessments, i.e. more than {@code n × interval + window} days after the last adequate
 *       assessment (or origin): censored at that last adequate assessment.</li>
 *   <li>Otherwise the event on its date: progression (the earliest date it can be declared), death
 *       before the first post-baseline assessment, or death between assessments.</li>
 *   <li>No event: censored at the last adequate assessment (origin when there is none). For TTP a
 *       death without progression is censored this way too.</li>
 * </ol>
 * An adequate assessment is a post-baseline time point whose overall response is not NE.
 */
public final class EndpointDerivation {

    private EndpointDerivation() {
    }

    /**
     * @throws IllegalArgumentException when the origin date is missing or dates contradict each other
     *                                  ({@link EndpointInputs#problems(Origin)})
     */
    public static Endpoints derive(EndpointInputs in, EndpointParameters p) {
        List<String> problems = in.problems(p.origin());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        LocalDate origin = in.originDate(p.origin());
        List<LocalDate> adequate = in.adequateAssessmentDates().stream().filter(d -> d.isAfter(origin)).toList();
        return new Endpoints(p.origin(), origin, os(in, p, origin, adequate),
                progression(Endpoint.PFS, in, p, origin, adequate),
                progression(Endpoint.TTP, in, p, origin, adequate));
    }

    private static TimeToEvent os(EndpointInputs in, EndpointParameters p, LocalDate origin, List<LocalDate> adequate) {
        if (in.deathDate() != null) {
            return TimeToEvent.of(Endpoint.OS, origin, in.deathDate(), EndpointRule.DEATH, p.dayCount());
        }
        LocalDate lastAlive = Stream.concat(
                        Stream.of(origin, in.lastKnownAliveDate(), in.firstProgressionDate(), in.newAnticancerTherapyDate()),
                        adequate.stream())
                .filter(d -> d != null)
                .max(LocalDate::compareTo).orElse(origin);
        EndpointRule rule = in.lostToFollowUp() ? EndpointRule.LOST_TO_FOLLOW_UP : EndpointRule.ALIVE_AT_LAST_CONTACT;
        return TimeToEvent.of(Endpoint.OS, origin, lastAlive, rule, p.dayCount());
    }

    private static TimeToEvent progression(Endpoint endpoint, EndpointInputs in, EndpointParameters p, LocalDate origin,
                                           List<LocalDate> adequate) {
        if (!in.baselineTumourAssessment()) {
            return TimeToEvent.of(endpoint, origin, origin, EndpointRule.NO_BASELINE_ASSESSMENT, p.dayCount());
        }
        LocalDate progression = in.firstProgressionDate();
        LocalDate death = endpoint == Endpoint.PFS ? in.deathDate() : null;
        LocalDate eventDate = earliest(progression, death);
        LocalDate therapy = p.censorAtNewAnticancerTherapy() ? in.newAnticancerTherapyDate() : null;

        if (eventDate != null) {
            if (therapy != null && therapy.isBefore(eventDate)) {
                return censoredAt(endpoint, origin, lastOnOrBefore(adequate, therapy, origin),
                        EndpointRule.NEW_THERAPY_BEFORE_PROGRESSION, p);
            }
            LocalDate lastBefore = lastBefore(adequate, eventDate, origin);
            if (missedTooMany(p, lastBefore, eventDate)) {
                return censoredAt(endpoint, origin, lastBefore, EndpointRule.EVENT_AFTER_MISSED_ASSESSMENTS, p);
            }
            EndpointRule rule;
            if (progression != null && !progression.isAfter(eventDate)) {
                rule = EndpointRule.PROGRESSION;
            } else {
                rule = adequate.stream().anyMatch(d -> d.isBefore(eventDate))
                        ? EndpointRule.DEATH_BETWEEN_ASSESSMENTS : EndpointRule.DEATH_BEFORE_FIRST_ASSESSMENT;
            }
            return TimeToEvent.of(endpoint, origin, eventDate, rule, p.dayCount());
        }

        if (therapy != null) {
            return censoredAt(endpoint, origin, lastOnOrBefore(adequate, therapy, origin),
                    EndpointRule.NEW_THERAPY_BEFORE_PROGRESSION, p);
        }
        LocalDate last = adequate.isEmpty() ? origin : adequate.get(adequate.size() - 1);
        EndpointRule rule;
        if (endpoint == Endpoint.TTP && in.deathDate() != null) {
            rule = EndpointRule.DEATH_NOT_A_TTP_EVENT;
        } else if (adequate.isEmpty()) {
            rule = EndpointRule.NO_ADEQUATE_POST_BASELINE_ASSESSMENT;
        } else if (in.lostToFollowUp()) {
            rule = EndpointRule.LOST_TO_FOLLOW_UP;
        } else {
            rule = EndpointRule.NO_PROGRESSION;
        }
        return TimeToEvent.of(endpoint, origin, last, rule, p.dayCount());
    }

    private static TimeToEvent censoredAt(Endpoint endpoint, LocalDate origin, LocalDate date, EndpointRule rule,
                                          EndpointParameters p) {
        return TimeToEvent.of(endpoint, origin, date, rule, p.dayCount());
    }

    /** True when more than {@code n × interval + window} days separate the last adequate assessment and the event. */
    private static boolean missedTooMany(EndpointParameters p, LocalDate lastAdequate, LocalDate eventDate) {
        if (p.scheduledAssessmentIntervalDays() == null) {
            return false;
        }
        long gap = ChronoUnit.DAYS.between(lastAdequate, eventDate);
        long allowed = (long) p.missedAssessmentsForCensoring() * p.scheduledAssessmentIntervalDays()
                + p.assessmentWindowDays();
        return gap > allowed;
    }

    private static LocalDate lastBefore(List<LocalDate> dates, LocalDate limit, LocalDate fallback) {
        return dates.stream().filter(d -> d.isBefore(limit)).reduce((a, b) -> b).orElse(fallback);
    }

    private static LocalDate lastOnOrBefore(List<LocalDate> dates, LocalDate limit, LocalDate fallback) {
        return dates.stream().filter(d -> !d.isAfter(limit)).reduce((a, b) -> b).orElse(fallback);
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isBefore(a) ? a : b;
    }
}
