package org.tacecrf.domain.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.tacecrf.domain.casebook.ItemKey;

/**
 * A demo cohort ready to be entered: per subject the screening and enrolment, then every form as a
 * nurse would type it, in the order of entry (earlier visits first, so derivations that read
 * earlier forms find them).
 *
 * @param studyId  the study
 * @param seed     the seed the plan was generated with
 * @param subjects the subjects in order of enrolment
 */
public record CohortPlan(String studyId, long seed, List<PlannedSubject> subjects, List<ScreenFailure> screenFailures) {

    public CohortPlan {
        subjects = List.copyOf(subjects);
        screenFailures = List.copyOf(screenFailures);
    }

    /**
     * A patient screened and not enrolled.
     *
     * @param eligibility per criterion id, whether it applies; an unmet inclusion or a present exclusion fails
     * @param declined    eligible but not enrolled (then {@code note} says why)
     */
    public record ScreenFailure(String siteId, LocalDate screenedOn, String sex, Integer birthYear,
                                Map<String, Boolean> eligibility, boolean declined, String note) {
        public ScreenFailure {
            eligibility = Map.copyOf(eligibility);
        }
    }

    /** Number of form saves the plan needs (for progress). */
    public int formCount() {
        return subjects.stream().mapToInt(s -> s.forms().size()).sum();
    }

    /**
     * One subject.
     *
     * @param index        position in the cohort (1-based), in order of enrolment
     * @param siteId       site
     * @param armId        arm
     * @param screenedOn   date of the screening
     * @param consentDate  date of informed consent
     * @param enrolmentDate date of enrolment
     * @param sex          sex code for the screening log
     * @param birthYear    year of birth for the screening log
     * @param eligibility  per criterion id, whether it applies (an inclusion met, an exclusion present)
     * @param forms        the forms after enrolment, in order of entry
     * @param facts        what was assigned to the patient (categories, response path...), for checks
     * @param course       the designed course (dates of events), for checks
     */
    public record PlannedSubject(int index, String siteId, String armId, LocalDate screenedOn, LocalDate consentDate,
                                 LocalDate enrolmentDate, String sex, Integer birthYear, Map<String, Boolean> eligibility,
                                 List<PlannedForm> forms, Map<String, String> facts, Course course) {

        public PlannedSubject {
            eligibility = Map.copyOf(eligibility);
            forms = List.copyOf(forms);
            facts = Map.copyOf(facts);
        }
    }

    /**
     * One form to save.
     *
     * @param visitId     visit of the schedule
     * @param visitRepeat occurrence of the visit (1 for non-repeating visits)
     * @param formId      form
     * @param formRepeat  instance of a repeating form (1 otherwise)
     * @param entries     values as typed, by item key; codes and ISO dates as text
     * @param confirmations reasons for keeping values a soft check questions, by check id (none for clean data)
     */
    public record PlannedForm(String visitId, int visitRepeat, String formId, int formRepeat, Map<ItemKey, String> entries,
                              Map<String, String> confirmations) {

        public PlannedForm {
            entries = Map.copyOf(entries);
            confirmations = Map.copyOf(confirmations);
        }
    }

    /**
     * The designed course of a patient, in dates; the data entered must reproduce it.
     *
     * @param firstTace     date of the first TACE
     * @param sessions      dates of all sessions
     * @param progression   date of the scan first showing progression; null if none before death or the cut-off
     * @param death         date of death; null if alive at the cut-off
     * @param lastKnownAlive last date known alive (contact or visit)
     * @param lost          lost to follow-up
     */
    public record Course(LocalDate firstTace, List<LocalDate> sessions, LocalDate progression, LocalDate death,
                         LocalDate lastKnownAlive, boolean lost) {

        public Course {
            sessions = List.copyOf(sessions);
        }
    }
}
