package org.tacecrf.domain.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a demo cohort must look like, as the publication of its seed study reports it (file format:
 * {@code org/tacecrf/demo/<study id>.yaml}; every count there cites the table or sentence it comes
 * from).
 *
 * @param studyId      the shipped study the cohort fills
 * @param seed         default seed of the random numbers; the same seed gives the same cohort
 * @param period       when first TACE sessions took place and the data cut-off
 * @param sites        patients per site, in order
 * @param arms         patients per arm, in order
 * @param facts        tables of exact counts per category, in the order they are assigned
 * @param baseline     baseline items every patient gets (conditions may name facts)
 * @param labs         distributions of baseline laboratory values (defaults for the others)
 * @param treatment    the TACE session form: intervals between sessions and item values
 * @param imaging      the visits whose responses the publication counts, and later imaging
 * @param survival     survival and progression time distributions; null when not published
 * @param adverseEvents adverse events with their counts by grade
 * @param therapies    other-treatment records (protocol therapy, subsequent treatment)
 * @param procedures   extra procedure visits (e.g. seed implantation after the last session)
 * @param forms        item values of the other forms (modality, contact method...), by form id
 * @param postLabs     laboratory tests after each session, as changes from before; null when not collected
 * @param markers      tumour-marker changes by response; empty for defaults
 * @param qol          EORTC QLQ-C30 median scale scores to aim at, by visit; empty when not collected
 * @param pes          whether each session gets a post-embolisation syndrome assessment consistent with the events
 * @param anomalies    a few realistic problems to leave in the data (queries, deviations)
 * @param screenFailures patients screened but not enrolled, as the publication's flow reports them
 */
public record CohortSpec(String studyId, long seed, Period period, Map<String, Integer> sites, Map<String, Integer> arms,
                         List<FactTable> facts, Map<String, SpecValue> baseline, Map<String, Distribution> labs,
                         Treatment treatment, Imaging imaging, Survival survival, AdverseEvents adverseEvents,
                         List<Therapy> therapies, List<Procedure> procedures, Map<String, Map<String, SpecValue>> forms,
                         PostLabs postLabs, Map<String, MarkerChange> markers, Map<String, Map<String, Double>> qol,
                         boolean pes, Anomalies anomalies, List<ScreenFailure> screenFailures) {

    public CohortSpec {
        sites = ordered(sites);
        arms = ordered(arms);
        facts = List.copyOf(facts);
        baseline = ordered(baseline);
        labs = ordered(labs);
        therapies = List.copyOf(therapies);
        procedures = List.copyOf(procedures);
        forms = ordered(forms);
        markers = ordered(markers);
        qol = ordered(qol);
        screenFailures = List.copyOf(screenFailures);
    }

    /**
     * An unmodifiable copy in the original order: the generator consumes random numbers in the order
     * of the specification, so an order that changed between runs (as {@code Map.copyOf}'s does)
     * would give another cohort for the same seed.
     */
    static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    /** Number of patients. */
    public int patients() {
        return arms.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Item values of a form other than baseline and the TACE session. */
    public Map<String, SpecValue> form(String formId) {
        return forms.getOrDefault(formId, Map.of());
    }

    /**
     * @param firstTaceFrom first day a first TACE session may fall on
     * @param firstTaceTo   last day a first TACE session may fall on
     * @param cutOff        date of the data cut-off: nothing later is known
     */
    public record Period(LocalDate firstTaceFrom, LocalDate firstTaceTo, LocalDate cutOff) {
    }

    /**
     * Exact counts of one category (or a combination of categories) over the patients, or a
     * continuous distribution; per value of a fact assigned before ({@code given}, e.g. the arm).
     *
     * @param names      the facts the table assigns (one value per fact in each row)
     * @param given      fact whose value selects the group of patients, or null for all patients
     * @param rows       the rows by given value ({@link #ALL} without {@code given})
     * @param continuous distributions by given value, for a single numeric fact
     * @param where      where the table is written, for messages
     */
    public record FactTable(List<String> names, String given, Map<String, List<Row>> rows,
                            Map<String, Distribution> continuous, String where) {

        public static final String ALL = "*";

        public FactTable {
            names = List.copyOf(names);
            rows = ordered(rows);
            continuous = ordered(continuous);
        }
    }

    /** One combination of values and how many patients have it. */
    public record Row(List<SpecValue> values, int count) {
        public Row {
            values = List.copyOf(values);
        }
    }

    /**
     * A normal distribution with the published mean and SD, kept within [min, max]; with
     * {@code shift}, a log-normal of that mean and SD above the shift (for skewed values with a
     * floor, e.g. diameters above an inclusion minimum).
     */
    public record Distribution(double mean, double sd, Double min, Double max, Double shift, int decimals) {
    }

    /**
     * The TACE sessions.
     *
     * @param intervalDays days between sessions
     * @param items        items of the non-repeating groups (conditions may name facts)
     * @param rows         rows of repeating groups by group id; a row applies when its condition holds
     */
    public record Treatment(SpecValue intervalDays, Map<String, SpecValue> items, Map<String, List<GroupRow>> rows) {
        public Treatment {
            items = ordered(items);
            rows = ordered(rows);
        }
    }

    /** A row of a repeating group, entered when {@code when} holds (always when null). */
    public record GroupRow(SpecValue.Condition when, Map<String, SpecValue> items) {
        public GroupRow {
            items = ordered(items);
        }
    }

    /**
     * Imaging.
     *
     * @param timePoints        visits whose first occurrence is a published time point, in order;
     *                          the fact {@code path} gives the response at each ({@code PR>CR}, {@code -} for none)
     * @param periodic          the visit of later scans until progression (null: none)
     * @param maxPeriodicScans  scans at most at the periodic visit before the patient is no longer scanned
     */
    public record Imaging(List<String> timePoints, String periodic, int maxPeriodicScans) {
        public Imaging {
            timePoints = List.copyOf(timePoints);
        }
    }

    /**
     * Survival: overall survival and progression (PFS or TTP, as the publication reports it).
     *
     * @param os          OS distribution by value of {@code given}
     * @param progression time to progression by value of {@code given}
     * @param given       fact the distributions depend on (the arm), or null
     * @param osHazardRatios hazard ratios of OS by condition (fact=value), from the publication's Cox model
     * @param correlation rank correlation between progression and death times
     */
    public record Survival(Map<String, Weibull> os, Map<String, Weibull> progression, String given,
                           Map<SpecValue.Condition, Double> osHazardRatios, double correlation) {
        public Survival {
            os = ordered(os);
            progression = ordered(progression);
            osHazardRatios = ordered(osHazardRatios);
        }

        public Weibull os(String group) {
            return pick(os, group);
        }

        public Weibull progression(String group) {
            return pick(progression, group);
        }

        private static Weibull pick(Map<String, Weibull> byGroup, String group) {
            return Optional.ofNullable(byGroup.get(group)).orElseGet(() -> byGroup.get(FactTable.ALL));
        }
    }

    /** A Weibull distribution by its median (months) and shape (1 = exponential). */
    public record Weibull(double medianMonths, double shape) {
    }

    /** What an adverse-event count counts. */
    public enum Per {
        /** TACE sessions: each session has the event once at most (n/sessions tables). */
        SESSION,
        /** Patients: each patient has the event once at most, after the first session. */
        PATIENT
    }

    /** Who the event is attributed to, which decides its timing and causality. */
    public enum Attribution {
        /** The TACE procedure: days after a session. */
        TACE,
        /** A protocol drug given alongside (e.g. sorafenib): weeks after it starts. */
        DRUG,
        /** A later procedure (e.g. seed implantation): days after it. */
        PROCEDURE
    }

    /**
     * Adverse events.
     *
     * @param per          what the counts count
     * @param recoveryDays days from onset to resolution
     * @param terms        events counted independently, with exact counts by grade
     * @param profiles     combinations of events per patient, when the publication counts patients
     *                     with any event of a group (then the terms cannot be drawn independently)
     */
    public record AdverseEvents(Per per, SpecValue recoveryDays, List<Term> terms, List<Profile> profiles) {
        public AdverseEvents {
            terms = List.copyOf(terms);
            profiles = List.copyOf(profiles);
        }

        public static final AdverseEvents NONE = new AdverseEvents(Per.PATIENT, new SpecValue.Literal("5"), List.of(), List.of());
    }

    /**
     * One CTCAE term with its count by grade, for the patients of {@code group} (all when null).
     *
     * @param other   text of an "other, specify" term
     * @param serious the seriousness criterion ({@code seriousness_criterion} code list) that makes
     *                every event of the term serious whatever its grade (a cerebral infarction keeps the
     *                patient in hospital), or null: then only grade 4 events are serious
     */
    public record Term(String term, String other, String group, Map<Integer, Integer> grades, Attribution attribution,
                       String serious) {
        public Term {
            grades = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(grades));
        }

        public int total() {
            return grades.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** A combination of events ({@code term/grade}) that {@code count} patients have. */
    public record Profile(int count, List<Event> events) {
        public Profile {
            events = List.copyOf(events);
        }
    }

    /** One event of a profile. */
    public record Event(String term, int grade) {
    }

    /**
     * An other-treatment record.
     *
     * @param when  condition on the facts (null: every patient)
     * @param start when it starts: days after the first TACE ({@code @a..b}) or {@code afterProgression}
     * @param stop  {@code progression} (stopped at progression, else ongoing), days after the first
     *              TACE ({@code @a..b}), or null (no stop date)
     * @param items the form's items
     */
    public record Therapy(SpecValue.Condition when, SpecValue start, String stop, Map<String, SpecValue> items) {
        public Therapy {
            items = ordered(items);
        }

        public static final String AFTER_PROGRESSION = "afterProgression";
        public static final String STOP_AT_PROGRESSION = "progression";
    }

    /**
     * A procedure visit after the sessions (e.g. 125I seed implantation a month after the last TACE):
     * its date from the visit's timing, and the form it records.
     */
    public record Procedure(String visitId, String formId, Map<String, SpecValue> items) {
        public Procedure {
            items = ordered(items);
        }
    }

    /**
     * Laboratory tests within hours after each session, as changes from the values before it.
     *
     * @param hours   hours after the procedure
     * @param changes change per analyte (item id)
     */
    public record PostLabs(SpecValue hours, Map<String, Distribution> changes) {
        public PostLabs {
            changes = ordered(changes);
        }
    }

    /**
     * How a tumour marker moves by the response of the scan at the same visit (per cent from baseline).
     */
    public record MarkerChange(SpecValue response, SpecValue noResponse) {
    }

    /**
     * Patients screened and not enrolled: {@code criterion} is the eligibility criterion they fail;
     * without one they were eligible but not enrolled, for the reason in {@code note}.
     */
    public record ScreenFailure(int count, String criterion, String note) {
    }

    /**
     * A few realistic problems left in the data, so monitors have something to do.
     *
     * @param lateVisits     follow-up visits dated a few days outside their window (deviations)
     * @param disagreements  scans where the investigator's response differs from the computed one (queries)
     * @param lateSaeReports serious adverse events reported after the study's deadline
     *                       ({@code sae.reportingHours} after the site learned of them)
     * @param unreportedSaes serious adverse events with no report recorded, overdue ever since
     */
    public record Anomalies(int lateVisits, int disagreements, int lateSaeReports, int unreportedSaes) {
        public static final Anomalies NONE = new Anomalies(0, 0, 0, 0);
    }
}
