package org.tacecrf.domain.endpoint;

import java.util.Objects;

/**
 * Study choices for endpoint derivation (statistical analysis plan).
 *
 * @param origin                           time 0: enrolment, first TACE or randomisation
 * @param censorAtNewAnticancerTherapy     censor PFS/TTP at the last adequate assessment before a new
 *                                         anticancer therapy started before progression (FDA primary convention)
 * @param scheduledAssessmentIntervalDays  planned days between tumour assessments; null turns off the
 *                                         missed-assessment rule
 * @param missedAssessmentsForCensoring    consecutive missed assessments after which a progression or
 *                                         death is censored at the last adequate assessment (2)
 * @param assessmentWindowDays             tolerance after a scheduled date before it counts as missed
 * @param dayCount                         how days are counted from origin
 */
public record EndpointParameters(
        Origin origin,
        boolean censorAtNewAnticancerTherapy,
        Integer scheduledAssessmentIntervalDays,
        int missedAssessmentsForCensoring,
        int assessmentWindowDays,
        DayCount dayCount) {

    public EndpointParameters {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(dayCount, "dayCount");
        if (scheduledAssessmentIntervalDays != null && scheduledAssessmentIntervalDays < 1) {
            throw new IllegalArgumentException("The assessment interval must be at least 1 day");
        }
        if (missedAssessmentsForCensoring < 1 || assessmentWindowDays < 0) {
            throw new IllegalArgumentException("Missed-assessment count must be at least 1 and the window 0 or more");
        }
    }

    /**
     * Origin at first TACE, censoring at new anticancer therapy, missed-assessment rule off,
     * elapsed days.
     */
    public static EndpointParameters defaults() {
        return new EndpointParameters(Origin.FIRST_TACE, true, null, 2, 0, DayCount.ELAPSED);
    }

    public EndpointParameters withOrigin(Origin value) {
        return new EndpointParameters(value, censorAtNewAnticancerTherapy, scheduledAssessmentIntervalDays,
                missedAssessmentsForCensoring, assessmentWindowDays, dayCount);
    }

    public EndpointParameters withCensorAtNewAnticancerTherapy(boolean value) {
        return new EndpointParameters(origin, value, scheduledAssessmentIntervalDays, missedAssessmentsForCensoring,
                assessmentWindowDays, dayCount);
    }

    /** Turns on the missed-assessment rule with the planned interval and tolerance. */
    public EndpointParameters withMissedAssessmentRule(int intervalDays, int missed, int windowDays) {
        return new EndpointParameters(origin, censorAtNewAnticancerTherapy, intervalDays, missed, windowDays, dayCount);
    }

    public EndpointParameters withDayCount(DayCount value) {
        return new EndpointParameters(origin, censorAtNewAnticancerTherapy, scheduledAssessmentIntervalDays,
                missedAssessmentsForCensoring, assessmentWindowDays, value);
    }
}
