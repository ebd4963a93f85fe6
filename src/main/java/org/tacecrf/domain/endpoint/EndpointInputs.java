package org.tacecrf.domain.endpoint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.tacecrf.domain.response.DatedResponse;
import org.tacecrf.domain.response.ResponseHistory;

/**
 * What a subject's casebook holds for the endpoint derivations (clinical rules 7.3 lists what to
 * store). Progression and assessment dates belong to one criteria.
 *
 * @param enrolmentDate             enrolment
 * @param firstTaceDate             first TACE session
 * @param randomisationDate         randomisation (randomised trials)
 * @param baselineTumourAssessment  a baseline tumour assessment exists
 * @param adequateAssessmentDates   post-baseline time points whose overall response is not NE
 * @param firstProgressionDate      first radiological progression under the criteria; null if none
 * @param deathDate                 death from any cause; null if alive
 * @param lastKnownAliveDate        last contact at which the subject was alive
 * @param newAnticancerTherapyDate  start of a new anticancer therapy (as the SAP defines it); null if none
 * @param lostToFollowUp            the subject was lost to follow-up (only changes the stated rule)
 */
public record EndpointInputs(
        LocalDate enrolmentDate,
        LocalDate firstTaceDate,
        LocalDate randomisationDate,
        boolean baselineTumourAssessment,
        List<LocalDate> adequateAssessmentDates,
        LocalDate firstProgressionDate,
        LocalDate deathDate,
        LocalDate lastKnownAliveDate,
        LocalDate newAnticancerTherapyDate,
        boolean lostToFollowUp) {

    public EndpointInputs {
        adequateAssessmentDates = adequateAssessmentDates.stream().sorted().toList();
    }

    /** The origin date for the chosen origin; null when not recorded. */
    public LocalDate originDate(Origin origin) {
        return switch (origin) {
            case ENROLMENT -> enrolmentDate;
            case FIRST_TACE -> firstTaceDate;
            case RANDOMISATION -> randomisationDate;
        };
    }

    /** Data problems that make the derivation impossible; empty when the dates are consistent. */
    public List<String> problems(Origin origin) {
        List<String> out = new ArrayList<>();
        LocalDate start = originDate(origin);
        if (start == null) {
            out.add("The origin date (" + origin + ") is missing.");
            return out;
        }
        before(out, "Death", deathDate, start);
        before(out, "First progression", firstProgressionDate, start);
        before(out, "Last known alive", lastKnownAliveDate, start);
        if (deathDate != null) {
            after(out, "First progression", firstProgressionDate, deathDate);
            after(out, "Last known alive", lastKnownAliveDate, deathDate);
            adequateAssessmentDates.stream().filter(d -> d.isAfter(deathDate)).findFirst()
                    .ifPresent(d -> out.add("A tumour assessment (" + d + ") is dated after death."));
        }
        return out;
    }

    private static void before(List<String> out, String what, LocalDate date, LocalDate origin) {
        if (date != null && date.isBefore(origin)) {
            out.add(what + " (" + date + ") is dated before the origin (" + origin + ").");
        }
    }

    private static void after(List<String> out, String what, LocalDate date, LocalDate death) {
        if (date != null && date.isAfter(death)) {
            out.add(what + " (" + date + ") is dated after death (" + death + ").");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder; a baseline tumour assessment is assumed unless stated. */
    public static final class Builder {
        private LocalDate enrolmentDate;
        private LocalDate firstTaceDate;
        private LocalDate randomisationDate;
        private boolean baselineTumourAssessment = true;
        private List<LocalDate> adequateAssessmentDates = List.of();
        private LocalDate firstProgressionDate;
        private LocalDate deathDate;
        private LocalDate lastKnownAliveDate;
        private LocalDate newAnticancerTherapyDate;
        private boolean lostToFollowUp;

        private Builder() {
        }

        public Builder enrolment(LocalDate value) {
            enrolmentDate = value;
            return this;
        }

        public Builder firstTace(LocalDate value) {
            firstTaceDate = value;
            return this;
        }

        public Builder randomisation(LocalDate value) {
            randomisationDate = value;
            return this;
        }

        public Builder noBaselineTumourAssessment() {
            baselineTumourAssessment = false;
            return this;
        }

        public Builder adequateAssessments(List<LocalDate> dates) {
            adequateAssessmentDates = List.copyOf(dates);
            return this;
        }

        public Builder adequateAssessments(LocalDate... dates) {
            return adequateAssessments(List.of(dates));
        }

        public Builder firstProgression(LocalDate value) {
            firstProgressionDate = value;
            return this;
        }

        /**
         * Adequate assessment dates and first progression date from a subject's time-point
         * responses under one criteria.
         */
        public Builder tumourAssessments(List<? extends DatedResponse> timePoints) {
            adequateAssessmentDates = ResponseHistory.adequateAssessmentDates(timePoints);
            firstProgressionDate = ResponseHistory.firstProgressionDate(timePoints).orElse(null);
            return this;
        }

        public Builder death(LocalDate value) {
            deathDate = value;
            return this;
        }

        public Builder lastKnownAlive(LocalDate value) {
            lastKnownAliveDate = value;
            return this;
        }

        public Builder newAnticancerTherapy(LocalDate value) {
            newAnticancerTherapyDate = value;
            return this;
        }

        public Builder lostToFollowUp() {
            lostToFollowUp = true;
            return this;
        }

        public EndpointInputs build() {
            return new EndpointInputs(enrolmentDate, firstTaceDate, randomisationDate, baselineTumourAssessment,
                    adequateAssessmentDates, firstProgressionDate, deathDate, lastKnownAliveDate,
                    newAnticancerTherapyDate, lostToFollowUp);
        }
    }
}
