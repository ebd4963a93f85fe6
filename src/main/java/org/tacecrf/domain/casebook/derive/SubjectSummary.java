package org.tacecrf.domain.casebook.derive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.endpoint.Endpoint;
import org.tacecrf.domain.endpoint.TimeToEvent;
import org.tacecrf.domain.response.BestOverallResponse;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.DoubleReading;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * What a subject's casebook adds up to, derived from all of its data and recomputed whenever an
 * input changes: treatment (first TACE, sessions, cumulative dose per drug, other treatments by
 * timing), tumour response per criteria (time points, best overall response, protocol time points,
 * first progression), survival facts (death, last contact, new anticancer therapy) and the
 * time-to-event endpoints with the rule that decided each. Dates are null when not known.
 *
 * @param subjectId                subject
 * @param firstTaceDate            procedure date of the first TACE session
 * @param sessionDates             procedure dates of the TACE sessions in order
 * @param cumulativeDose           dose loaded on microspheres per drug, over all sessions
 * @param primaryCriteria          criteria of the primary response endpoint ({@code response.primaryCriteria})
 * @param responses                RECIST 1.1 and mRECIST, both always derived
 * @param deathDate                date of death (survival contact or end of study)
 * @param lastContactDate          last date the subject was known alive
 * @param newAnticancerTherapyDate start of the first new anticancer therapy (subsequent other treatment
 *                                 not part of the protocol, or one reported at a survival contact)
 * @param lostToFollowUp           the last survival contact or the end of study says lost to follow-up
 * @param os                       overall survival
 * @param otherTreatments          every other-treatment record, classified by timing
 * @param problems                 data problems that affected the summary, in English
 */
public record SubjectSummary(
        long subjectId,
        LocalDate firstTaceDate,
        List<LocalDate> sessionDates,
        List<DrugDose> cumulativeDose,
        Criteria primaryCriteria,
        Map<Criteria, CriterionSummary> responses,
        LocalDate deathDate,
        LocalDate lastContactDate,
        LocalDate newAnticancerTherapyDate,
        boolean lostToFollowUp,
        EndpointResult os,
        List<OtherTreatment> otherTreatments,
        List<String> problems) {

    public SubjectSummary {
        sessionDates = List.copyOf(sessionDates);
        cumulativeDose = List.copyOf(cumulativeDose);
        responses = Map.copyOf(responses);
        otherTreatments = List.copyOf(otherTreatments);
        problems = List.copyOf(problems);
    }

    /** Derives the summary of one subject. */
    public static SubjectSummary derive(StudyDefinition study, SubjectData data) {
        return new SummaryDerivation(study, data).derive();
    }

    public int sessionCount() {
        return sessionDates.size();
    }

    /** The response summary under the study's primary criteria. */
    public CriterionSummary primary() {
        return responses.get(primaryCriteria);
    }

    public CriterionSummary response(Criteria criteria) {
        return responses.get(criteria);
    }

    /** PFS under the primary criteria. */
    public EndpointResult pfs() {
        return primary().pfs();
    }

    /** TTP under the primary criteria. */
    public EndpointResult ttp() {
        return primary().ttp();
    }

    /** Last adequate tumour assessment under the primary criteria. */
    public LocalDate lastAdequateAssessmentDate() {
        return primary().lastAdequateAssessmentDate();
    }

    /**
     * Dose loaded on microspheres for one drug, summed over the sessions.
     *
     * @param drug     code of the {@code loaded_drug} list; "OTHER: name" for other drugs
     * @param loadedMg total mg loaded
     * @param sessions number of sessions that loaded it
     * @param complete false when a session names the drug without a dose (the total is then a lower bound)
     */
    public record DrugDose(String drug, BigDecimal loadedMg, int sessions, boolean complete) {
    }

    /**
     * Response summary under one criteria.
     *
     * @param timePoints                 one per assessment (per scan with double reading), in date order
     * @param bestOverallResponse        BOR with the study's confirmation rule; null when it cannot be derived
     * @param firstProgressionDate       earliest progression date of the time points
     * @param lastAdequateAssessmentDate latest time point with an evaluable response
     * @param protocolTimePoints         response at each follow-up visit of the schedule
     * @param pfs                        progression-free survival under these criteria
     * @param ttp                        time to progression under these criteria
     * @param problems                   why something is missing
     */
    public record CriterionSummary(Criteria criteria, List<TimePoint> timePoints,
                                   BestOverallResponse bestOverallResponse, LocalDate firstProgressionDate,
                                   LocalDate lastAdequateAssessmentDate, List<ProtocolResponse> protocolTimePoints,
                                   EndpointResult pfs, EndpointResult ttp, List<String> problems) {

        public CriterionSummary {
            timePoints = List.copyOf(timePoints);
            protocolTimePoints = List.copyOf(protocolTimePoints);
            problems = List.copyOf(problems);
        }

        public Optional<BestOverallResponse> bor() {
            return Optional.ofNullable(bestOverallResponse);
        }

        /** ORR flag: BOR is CR or PR. */
        public boolean objectiveResponse() {
            return bestOverallResponse != null && bestOverallResponse.objectiveResponse();
        }

        /** DCR flag: BOR is CR, PR or SD (Non-CR/Non-PD as the study counts it). */
        public boolean diseaseControl() {
            return bestOverallResponse != null && bestOverallResponse.diseaseControl();
        }
    }

    /**
     * The analysed response at one time point.
     *
     * @param visitId         visit of the assessment
     * @param visitRepeat     occurrence of that visit
     * @param date            scan date (with double reading, the readers' dates combined by the study's
     *                        progression-date rule)
     * @param response        analysed overall response; null when not available
     * @param progressionDate date progression is dated to when PD
     * @param readingStatus   double-reading status; null for single reading
     * @param readings        the reading(s) behind it
     * @param problems        why there is no response
     */
    public record TimePoint(String visitId, int visitRepeat, LocalDate date, Response response,
                            LocalDate progressionDate, DoubleReading.Status readingStatus, List<Reading> readings,
                            List<String> problems) {

        public TimePoint {
            readings = List.copyOf(readings);
            problems = List.copyOf(problems);
        }

        public boolean available() {
            return response != null && date != null;
        }
    }

    /**
     * One reader's assessment (the only one with single reading).
     *
     * @param formInstanceId  the imaging-assessment form
     * @param reader          R1, R2, ADJ, or null for single reading
     * @param response        time-point response computed from the lesion data; null when not computable
     */
    public record Reading(long formInstanceId, String reader, LocalDate date, Response response,
                          LocalDate progressionDate, List<String> problems) {

        public Reading {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Response at a protocol time point: a follow-up visit with timing, target day from its anchor
     * and its window; the assessment in the window closest to the target date (earlier on a tie).
     *
     * @param visitId        follow-up visit
     * @param label          visit label (with the session number for visits after each TACE)
     * @param anchorDate     date the target day is counted from; null when not known yet
     * @param targetDate     anchor + day
     * @param earliest       first day of the window
     * @param latest         last day of the window
     * @param assessmentDate the assessment chosen; null when none lies in the window
     * @param response       its analysed response; null when none or not available
     * @param problem        why there is no response, or null
     */
    public record ProtocolResponse(String visitId, String label, LocalDate anchorDate, LocalDate targetDate,
                                   LocalDate earliest, LocalDate latest, LocalDate assessmentDate, Response response,
                                   String problem) {
    }

    /**
     * A time-to-event endpoint, or why it cannot be derived.
     *
     * @param result   days, event or censored, and the rule that decided; null when not derivable
     * @param problems why not
     */
    public record EndpointResult(Endpoint endpoint, TimeToEvent result, List<String> problems) {

        public EndpointResult {
            problems = List.copyOf(problems);
        }

        public boolean available() {
            return result != null;
        }

        /** The rule that decided, as English text for the casebook, e.g. "censored: alive at last contact". */
        public String rule() {
            return result != null ? result.rule().message() : String.join(" ", problems);
        }
    }

    /**
     * One other-treatment record classified relative to the first TACE.
     *
     * @param protocolTherapy part of the study treatment (marked so, or recorded at a treatment or
     *                        procedure visit): never a new anticancer therapy
     */
    public record OtherTreatment(long formInstanceId, String category, String agent, LocalDate startDate,
                                 LocalDate stopDate, TreatmentTiming timing, boolean protocolTherapy, String reason) {
    }
}
