package org.tacecrf.domain.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import org.tacecrf.domain.casebook.DateTimes;
import org.tacecrf.domain.casebook.derive.StudyParameterMapping;
import org.tacecrf.domain.demo.CohortPlan.Course;
import org.tacecrf.domain.demo.CohortPlan.PlannedForm;
import org.tacecrf.domain.demo.CohortPlan.PlannedSubject;
import org.tacecrf.domain.demo.CohortSpec.Attribution;
import org.tacecrf.domain.demo.CohortSpec.Event;
import org.tacecrf.domain.demo.CohortSpec.GroupRow;
import org.tacecrf.domain.demo.CohortSpec.Per;
import org.tacecrf.domain.demo.CohortSpec.Procedure;
import org.tacecrf.domain.demo.CohortSpec.Profile;
import org.tacecrf.domain.demo.CohortSpec.Term;
import org.tacecrf.domain.demo.CohortSpec.Therapy;
import org.tacecrf.domain.demo.LesionDesigner.Design;
import org.tacecrf.domain.demo.LesionDesigner.Measure;
import org.tacecrf.domain.demo.LesionDesigner.NewNodule;
import org.tacecrf.domain.demo.LesionDesigner.Scan;
import org.tacecrf.domain.qol.QlqC30Scale;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.study.CriterionKind;
import org.tacecrf.domain.study.EligibilityCriterion;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.StudyDesign;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.domain.study.VisitForm;
import org.tacecrf.domain.study.VisitTiming;
import org.tacecrf.domain.study.VisitType;

/**
 * Turns a {@link CohortSpec} into a {@link CohortPlan} for its study.
 * <p>
 * Per patient, in this order: the first TACE date (spread evenly over the enrolment period, so
 * subject numbers follow treatment order); the facts (exact counts, {@link FactAllocator}); the
 * session dates; the scans at the published time points, dated inside their visit windows; death
 * and progression from the published medians ({@link Lifetimes}), after the last event the patient
 * must live to see; later scans every interval of the periodic visit until the one that shows
 * progression; lesion measurements that give each scan its response ({@link LesionDesigner});
 * survival contacts; adverse events with exact counts by grade; other treatments; end of study.
 * Every date lies in its visit window and every value passes the study's edit checks, except the
 * few problems the specification asks for.
 * <p>
 * Serious adverse events: an event of grade 4 (life-threatening, CTCAE v5) is serious, life-threatening
 * and hospitalised; so is every event of a term the specification marks serious, with its criterion.
 * The site learns of it on the onset day or the next, during the day, and reports it within the
 * study's {@code sae.reportingHours} (2 to 20 hours later with 24), to the minute, except the late
 * and unreported reports the specification plants. These times come from a random stream of their
 * own, so marking an event serious leaves the rest of the cohort as the seed draws it. Grade 5
 * events are refused: a fatal event must end on the patient's death, which the survival medians
 * place.
 * <p>
 * Special facts: {@code path} (responses at the time points, e.g. {@code PR>CR}, {@code -} for no
 * scan), {@code sessions}, {@code child_pugh}, {@code lost} ({@code Y}: lost to follow-up after the
 * first session), {@code <marker>_marker} ({@code RESP}, {@code NORESP} or {@code NA}: the
 * tumour-marker response intended at the time point). Facts named like a baseline item are entered
 * there.
 */
public final class CohortGenerator {

    static final String PATH = "path";
    static final String SESSIONS = "sessions";
    static final String CHILD_PUGH = "child_pugh";
    static final String LOST = "lost";
    static final String SESSION = "session";
    /** Fact naming the problem planted in a patient's data, if any. */
    public static final String ANOMALY = "anomaly";
    public static final String LATE_VISIT = "late visit";
    public static final String DISAGREEMENT = "response disagreement";
    /** Seriousness criteria of a grade 4 (life-threatening) event: urgent care means admission. */
    static final List<String> GRADE_4_CRITERIA = List.of("LIFE_THREATENING", "HOSPITALISATION");
    /** Salt of the random stream of the serious events' times, apart from the cohort's. */
    private static final long SAE_STREAM = 0x5AE_24L;
    /** Prefix of the facts holding a baseline laboratory value drawn for the cohort. */
    static final String LAB = "lab:";

    private static final String BASELINE = "baseline";
    private static final String BASELINE_IMAGING = "baseline_imaging";
    private static final String TACE_SESSION = "tace_session";
    private static final String IMAGING = "imaging_assessment";
    private static final String LABS = "labs";
    private static final String POST_LABS = "post_labs";
    private static final String MARKERS = "tumour_markers";
    private static final String SURVIVAL = "survival_contact";
    private static final String ADVERSE_EVENT = "adverse_event";
    private static final String OTHER_TREATMENT = "other_treatment";
    private static final String END_OF_STUDY = "end_of_study";
    private static final String QLQ = "qlq_c30";
    private static final String PES = "pes_assessment";
    private static final List<String> MARKER_ITEMS = List.of("afp", "pivka_ii", "cea", "ca125", "ca19_9");
    /** Upper limit of normal of AST (U/L), for grading transaminase rises (CTCAE v5). */
    private static final double AST_ULN = 40;

    private final StudyDefinition study;
    private final CohortSpec spec;
    private final FormPreview preview;
    private final int maxTargets;
    private final boolean retrospective;
    private final boolean doubleReading;
    private final String treatmentVisit;

    public CohortGenerator(StudyDefinition study, CohortSpec spec) {
        if (!study.id().equals(spec.studyId())) {
            throw new CohortSpecException("the cohort of " + spec.studyId() + " cannot fill study " + study.id());
        }
        this.study = study;
        this.spec = spec;
        this.preview = new FormPreview(study);
        this.maxTargets = study.parameters().mrecist().maxIntrahepaticTargets().orElse(2);
        this.retrospective = study.design().timing() == StudyDesign.Timing.RETROSPECTIVE;
        this.doubleReading = study.parameters().response().doubleReading();
        this.treatmentVisit = study.schedule().stream().filter(v -> v.type() == VisitType.TREATMENT).map(VisitDef::id)
                .findFirst().orElseThrow(() -> new CohortSpecException(study.id() + ": the study has no TACE visit"));
        validate();
    }

    private void validate() {
        spec.arms().keySet().forEach(a -> study.arm(a).orElseThrow(() -> new CohortSpecException(
                spec.studyId() + ": no arm " + a + " in the study")));
        spec.sites().keySet().forEach(s -> study.site(s).orElseThrow(() -> new CohortSpecException(
                spec.studyId() + ": no site " + s + " in the study")));
        spec.imaging().timePoints().forEach(this::visit);
        if (spec.imaging().periodic() != null) {
            visit(spec.imaging().periodic());
        }
        spec.procedures().forEach(p -> visit(p.visitId()));
        spec.baseline().keySet().forEach(item -> form(BASELINE).item(item).orElseThrow(() -> new CohortSpecException(
                spec.studyId() + ": the baseline form has no item " + item)));
        for (Term t : spec.adverseEvents().terms()) {
            if (t.grades().keySet().stream().anyMatch(g -> g >= 5)) {
                throw new CohortSpecException(spec.studyId() + ": " + t.term() + " has grade 5 events; a fatal event must end"
                        + " on the patient's death, which the survival medians place, so the demo does not generate them");
            }
            if (t.serious() != null && !study.codeList("seriousness_criterion").map(c -> c.contains(t.serious())).orElse(false)) {
                throw new CohortSpecException(spec.studyId() + ": " + t.term() + ": no seriousness criterion " + t.serious());
            }
        }
        spec.adverseEvents().profiles().stream().flatMap(p -> p.events().stream()).filter(e -> e.grade() >= 5).findFirst()
                .ifPresent(e -> {
                    throw new CohortSpecException(spec.studyId() + ": " + e.term() + " has a grade 5 event in a profile;"
                            + " the demo does not generate fatal events");
                });
    }

    public CohortPlan generate() {
        return generate(spec.seed());
    }

    public CohortPlan generate(long seed) {
        Random random = new Random(seed);
        int n = spec.patients();
        List<LocalDate> firstTace = spread(n, random);
        List<Map<String, String>> facts = FactAllocator.allocate(spec, random, firstTace);
        // published laboratory means and SDs hold for the cohort, not only on average
        spec.labs().forEach((analyte, d) -> {
            if (!LiverLabs.CHILD_PUGH_ANALYTES.contains(analyte)) {
                String[] values = FactAllocator.draw(d, n, random);
                for (int i = 0; i < n; i++) {
                    facts.get(i).put(LAB + analyte, values[i]);
                }
            }
        });
        List<Patient> patients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            patients.add(new Patient(i + 1, firstTace.get(i), facts.get(i)));
        }
        patients.forEach(p -> p.planTreatmentAndTimePoints(random));
        chooseAnomalies(patients, random);
        if (spec.survival() != null) {
            new Survival(patients, random).draw();
        } else {
            patients.forEach(p -> p.progression = p.forcedProgression());
        }
        for (Patient p : patients) {
            p.planScans(random);
        }
        adverseEvents(patients, random);
        patients.forEach(p -> p.reports = new Random((seed * 1_000_003L + p.index) ^ SAE_STREAM));
        plantSaeReports(patients, new Random(seed ^ SAE_STREAM));
        List<PlannedSubject> subjects = new ArrayList<>();
        for (Patient p : patients) {
            subjects.add(p.build(random));
        }
        return new CohortPlan(study.id(), seed, subjects, screenFailures(subjects, random));
    }

    /** The screen failures, screened among the enrolled patients at their sites. */
    private List<CohortPlan.ScreenFailure> screenFailures(List<PlannedSubject> subjects, Random random) {
        List<CohortPlan.ScreenFailure> out = new ArrayList<>();
        for (CohortSpec.ScreenFailure f : spec.screenFailures()) {
            for (int i = 0; i < f.count(); i++) {
                PlannedSubject near = subjects.get(random.nextInt(subjects.size()));
                Map<String, Boolean> answers = new LinkedHashMap<>();
                for (EligibilityCriterion c : study.eligibility()) {
                    boolean fails = c.id().equals(f.criterion());
                    answers.put(c.id(), (c.kind() == CriterionKind.INCLUSION) != fails);
                }
                if (f.criterion() != null && study.eligibility().stream().noneMatch(c -> c.id().equals(f.criterion()))) {
                    throw new CohortSpecException(spec.studyId() + ": no eligibility criterion " + f.criterion());
                }
                out.add(new CohortPlan.ScreenFailure(near.siteId(), near.screenedOn().plusDays(random.nextInt(5)),
                        random.nextDouble() < 0.65 ? "M" : "F", near.birthYear() == null ? null : near.birthYear() + random.nextInt(11) - 5,
                        answers, f.criterion() == null, f.note()));
            }
        }
        out.sort(Comparator.comparing(CohortPlan.ScreenFailure::screenedOn));
        return out;
    }

    /** First TACE dates spread evenly over the period (one per equal stratum), in order. */
    private List<LocalDate> spread(int n, Random random) {
        long span = ChronoUnit.DAYS.between(spec.period().firstTaceFrom(), spec.period().firstTaceTo());
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(spec.period().firstTaceFrom().plusDays((long) ((i + random.nextDouble()) * span / n)));
        }
        Collections.sort(out);
        return out;
    }

    private void chooseAnomalies(List<Patient> patients, Random random) {
        List<Patient> shuffled = new ArrayList<>(patients);
        Collections.shuffle(shuffled, random);
        int late = spec.anomalies().lateVisits();
        int disagreements = spec.anomalies().disagreements();
        for (Patient p : shuffled) {
            if (p.lost) {
                continue;
            }
            if (late > 0) {
                p.lateVisit = true;
                p.facts.put(ANOMALY, LATE_VISIT);
                late--;
            } else if (disagreements > 0 && p.path.stream().anyMatch(r -> doubleReading ? r == Response.PD : r != null)) {
                p.disagreement = true;
                p.facts.put(ANOMALY, DISAGREEMENT);
                disagreements--;
            }
        }
    }

    // ---- survival -------------------------------------------------------------------------------

    /** Death and progression times by group, from the published medians. */
    private final class Survival {
        private final List<Patient> patients;
        private final Random random;

        Survival(List<Patient> patients, Random random) {
            this.patients = patients;
            this.random = random;
        }

        void draw() {
            CohortSpec.Survival s = spec.survival();
            Map<String, List<Patient>> groups = new LinkedHashMap<>();
            for (Patient p : patients) {
                String g = s.given() == null ? CohortSpec.FactTable.ALL : p.facts.get(s.given());
                groups.computeIfAbsent(g, k -> new ArrayList<>()).add(p);
            }
            groups.forEach((group, members) -> drawGroup(s, group, members));
        }

        private void drawGroup(CohortSpec.Survival s, String group, List<Patient> members) {
            List<Double> hazards = members.stream().map(p -> hazard(s, p)).toList();
            Lifetimes.Model os = Lifetimes.Model.calibrated(s.os(group), hazards);
            double[] uOs = Lifetimes.stratified(members.size(), random);
            for (int i = 0; i < members.size(); i++) {
                Patient p = members.get(i);
                double days = os.days(uOs[i], hazards.get(i));
                long lower = p.mustLiveUntil();
                if (days < lower) {
                    days = lower + random.nextInt(21);
                }
                LocalDate death = p.firstTace.plusDays(Math.round(days));
                p.death = death.isAfter(spec.period().cutOff()) ? null : death;
            }
            Lifetimes.Model progression = Lifetimes.Model.calibrated(s.progression(group), List.of(1.0));
            double[] uPr = Lifetimes.correlated(uOs, s.correlation(), random);
            // the patients whose progression a time point shows take the shortest times; the others
            // the remaining strata, in the order the correlation with death gives them
            double[] sorted = uPr.clone();
            java.util.Arrays.sort(sorted);
            List<Integer> free = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).forcedProgression() == null) {
                    free.add(i);
                }
            }
            free.sort(Comparator.comparingDouble(i -> uPr[i]));
            for (int rank = 0; rank < free.size(); rank++) {
                uPr[free.get(rank)] = sorted[rank];
            }
            for (int i = 0; i < members.size(); i++) {
                Patient p = members.get(i);
                LocalDate forcedDate = p.forcedProgression();
                if (forcedDate != null) {
                    p.progression = forcedDate;
                    continue;
                }
                double days = progression.days(uPr[i], 1.0);
                p.latentProgressionDays = days;
            }
        }

        private double hazard(CohortSpec.Survival s, Patient p) {
            double h = 1.0;
            for (Map.Entry<SpecValue.Condition, Double> e : s.osHazardRatios().entrySet()) {
                if (e.getKey().holds(p.facts)) {
                    h *= e.getValue();
                }
            }
            return h;
        }
    }

    // ---- adverse events -------------------------------------------------------------------------

    /** How a serious event's report is recorded. */
    private enum SaeReport {
        IN_TIME, LATE, NONE
    }

    /**
     * One adverse event of a patient.
     *
     * @param criteria seriousness criteria (empty: not serious)
     */
    private record AdverseEvent(String term, String other, int grade, int session, Attribution attribution,
                                List<String> criteria, SaeReport report) {

        AdverseEvent(String term, String other, int grade, int session, Attribution attribution, String serious) {
            this(term, other, grade, session, attribution, criteria(grade, serious), SaeReport.IN_TIME);
        }

        private static List<String> criteria(int grade, String serious) {
            List<String> out = new ArrayList<>(grade >= 4 ? GRADE_4_CRITERIA : List.of());
            if (serious != null && !out.contains(serious)) {
                out.add(serious);
            }
            return List.copyOf(out);
        }

        boolean serious() {
            return !criteria.isEmpty();
        }

        AdverseEvent reported(SaeReport how) {
            return new AdverseEvent(term, other, grade, session, attribution, criteria, how);
        }
    }

    /** Makes the specification's late and missing reports of serious events, on events drawn at random. */
    private void plantSaeReports(List<Patient> patients, Random random) {
        int late = spec.anomalies().lateSaeReports();
        int unreported = spec.anomalies().unreportedSaes();
        List<int[]> serious = new ArrayList<>();
        for (int i = 0; i < patients.size(); i++) {
            List<AdverseEvent> events = patients.get(i).events;
            for (int k = 0; k < events.size(); k++) {
                if (events.get(k).serious()) {
                    serious.add(new int[]{i, k});
                }
            }
        }
        if (late + unreported > serious.size()) {
            throw new CohortSpecException(spec.studyId() + ": " + late + " late and " + unreported
                    + " unreported serious adverse events are planted but the cohort has " + serious.size());
        }
        Collections.shuffle(serious, random);
        for (int j = 0; j < late + unreported; j++) {
            List<AdverseEvent> events = patients.get(serious.get(j)[0]).events;
            int k = serious.get(j)[1];
            events.set(k, events.get(k).reported(j < late ? SaeReport.LATE : SaeReport.NONE));
        }
    }

    private void adverseEvents(List<Patient> patients, Random random) {
        for (Term term : spec.adverseEvents().terms()) {
            SpecValue.Condition when = term.group() == null ? null : SpecValue.Condition.parse(term.group(), "adverseEvents");
            List<int[]> units = new ArrayList<>();
            for (int i = 0; i < patients.size(); i++) {
                Patient p = patients.get(i);
                if (when != null && !when.holds(p.facts)) {
                    continue;
                }
                int sessions = spec.adverseEvents().per() == Per.SESSION ? p.sessions.size() : 1;
                for (int s = 1; s <= sessions; s++) {
                    units.add(new int[]{i, s});
                }
            }
            if (term.total() > units.size()) {
                throw new CohortSpecException(spec.studyId() + ": " + term.term() + " is counted " + term.total()
                        + " times but there are only " + units.size() + " " + spec.adverseEvents().per().name().toLowerCase() + "s");
            }
            Collections.shuffle(units, random);
            List<Integer> grades = new ArrayList<>();
            term.grades().forEach((g, c) -> grades.addAll(Collections.nCopies(c, g)));
            Collections.shuffle(grades, random);
            for (int k = 0; k < grades.size(); k++) {
                int[] unit = units.get(k);
                patients.get(unit[0]).events.add(new AdverseEvent(term.term(), term.other(), grades.get(k), unit[1],
                        term.attribution(), term.serious()));
            }
        }
        List<Patient> order = new ArrayList<>(patients);
        Collections.shuffle(order, random);
        int next = 0;
        for (Profile profile : spec.adverseEvents().profiles()) {
            for (int c = 0; c < profile.count(); c++) {
                if (next >= order.size()) {
                    throw new CohortSpecException(spec.studyId() + ": the adverse-event profiles need more patients than the cohort has");
                }
                Patient p = order.get(next++);
                for (Event e : profile.events()) {
                    p.events.add(new AdverseEvent(e.term(), null, e.grade(), 1, Attribution.TACE, null));
                }
            }
        }
    }

    // ---- one patient ------------------------------------------------------------------------------

    /** A form to enter, with the date and order it is entered in. */
    private record Pending(LocalDate date, int order, String visitId, int visitRepeat, String formId, FormEntries entries,
                           Map<String, String> confirmations) {
    }

    /** A scan: the visit occurrence it is recorded at, and the response it must show. */
    private record Slot(String visitId, int repeat, LocalDate date) {
    }

    private final class Patient {
        final int index;
        final LocalDate firstTace;
        final Map<String, String> facts;
        final String arm;
        final String site;
        final List<Response> path = new ArrayList<>();
        final boolean lost;
        final List<LocalDate> sessions = new ArrayList<>();
        final Map<String, LocalDate> planned = new HashMap<>();
        final List<Slot> timePointScans = new ArrayList<>();
        final List<Slot> later = new ArrayList<>();
        final List<Slot> scans = new ArrayList<>();
        final List<Response> responses = new ArrayList<>();
        final List<AdverseEvent> events = new ArrayList<>();
        final List<Pending> forms = new ArrayList<>();
        final Map<String, List<LocalDate>> occurrences = new HashMap<>();
        LocalDate death;
        LocalDate progression;
        double latentProgressionDays = Double.NaN;
        boolean lateVisit;
        boolean disagreement;
        LocalDate subsequentTherapy;
        LocalDate lastKnownAlive;
        /** Draws the serious events' times, apart from the cohort's stream. */
        Random reports;
        private int order;

        Patient(int index, LocalDate firstTace, Map<String, String> facts) {
            this.index = index;
            this.firstTace = firstTace;
            this.facts = facts;
            this.arm = facts.get(FactAllocator.ARM);
            this.site = facts.get(FactAllocator.SITE);
            this.lost = "Y".equals(facts.get(LOST));
            String text = facts.getOrDefault(PATH, String.join(">", Collections.nCopies(spec.imaging().timePoints().size(), "-")));
            String[] parts = text.split(">");
            if (parts.length != spec.imaging().timePoints().size()) {
                throw new CohortSpecException(spec.studyId() + ": the path '" + text + "' needs one response per time point "
                        + spec.imaging().timePoints());
            }
            for (String part : parts) {
                path.add(part.trim().equals(SpecValue.NONE) ? null : Response.valueOf(part.trim()));
            }
        }

        // -- dates --

        void planTreatmentAndTimePoints(Random random) {
            int count = Integer.parseInt(facts.getOrDefault(SESSIONS, "1"));
            LocalDate date = firstTace;
            for (int s = 1; s <= count; s++) {
                if (s > 1) {
                    date = date.plusDays(days(spec.treatment().intervalDays(), random));
                }
                sessions.add(date);
            }
            if (lost) {
                return;
            }
            for (int k = 0; k < spec.imaging().timePoints().size(); k++) {
                VisitDef v = visit(spec.imaging().timePoints().get(k));
                LocalDate d = planned(v, random);
                if (path.get(k) != null) {
                    timePointScans.add(new Slot(v.id(), 1, d));
                }
            }
        }

        /** The planned date of a visit's first occurrence: its anchor plus its day, inside the window. */
        LocalDate planned(VisitDef v, Random random) {
            LocalDate known = planned.get(v.id());
            if (known != null) {
                return known;
            }
            VisitTiming t = v.timing();
            LocalDate d = target(v, random).plusDays(jitter(t.windowBefore(), t.windowAfter(), random));
            planned.put(v.id(), d);
            return d;
        }

        /** The target date of a visit's first occurrence: its anchor plus its day. */
        LocalDate target(VisitDef v, Random random) {
            VisitTiming t = v.timing();
            if (t == null) {
                throw new CohortSpecException(spec.studyId() + ": visit " + v.id() + " has no timing to date it by");
            }
            LocalDate anchor = switch (t.anchor()) {
                case FIRST_TACE, EACH_TACE -> firstTace;
                case LAST_TACE -> sessions.get(sessions.size() - 1);
                case ENROLMENT -> firstTace;
                case VISIT -> planned(visit(t.anchorVisitId()), random);
                case PREVIOUS_VISIT -> previousPlanned(v, random);
            };
            return anchor.plusDays(t.day());
        }

        /** A date a few days after the window of a visit's first occurrence closes. */
        LocalDate late(VisitDef v, Random random) {
            return target(v, random).plusDays(v.timing().windowAfter() + 2 + random.nextInt(3));
        }

        private LocalDate previousPlanned(VisitDef v, Random random) {
            List<VisitDef> schedule = study.schedule();
            for (int i = schedule.indexOf(v) - 1; i >= 0; i--) {
                VisitDef earlier = schedule.get(i);
                if (earlier.type() == VisitType.TREATMENT) {
                    return sessions.get(sessions.size() - 1);
                }
                if (earlier.timing() != null && earlier.type() == VisitType.FOLLOW_UP) {
                    return planned(earlier, random);
                }
            }
            return firstTace;
        }

        /** Dates of a repeating visit: the first from its timing, then every interval. */
        List<LocalDate> occurrences(VisitDef v, Random random) {
            return occurrences.computeIfAbsent(v.id(), id -> {
                List<LocalDate> out = new ArrayList<>();
                LocalDate d = lateVisit && v.type() == VisitType.SURVIVAL_CONTACT ? late(v, random) : planned(v, random);
                int max = v.maxRepeats() == null ? 60 : v.maxRepeats();
                while (out.size() < max && !d.isAfter(spec.period().cutOff().plusYears(1))) {
                    out.add(d);
                    if (v.interval() == null) {
                        break;
                    }
                    d = d.plusDays(v.interval().minDays() + 2 + random.nextInt(Math.max(1, v.interval().maxDays()
                            - v.interval().minDays() - 3)));
                }
                return out;
            });
        }

        /** Progression dated by a scan at a published time point, if the path shows it. */
        LocalDate forcedProgression() {
            for (int k = 0; k < timePointScans.size(); k++) {
                if (responseAt(timePointScans.get(k)) == Response.PD) {
                    return timePointScans.get(k).date();
                }
            }
            return null;
        }

        private Response responseAt(Slot scan) {
            return path.get(spec.imaging().timePoints().indexOf(scan.visitId()));
        }

        /** Days after the first TACE the patient must be alive: the last session and time-point scan. */
        long mustLiveUntil() {
            LocalDate last = sessions.get(sessions.size() - 1).plusDays(30);
            for (Slot s : timePointScans) {
                if (s.date().plusDays(7).isAfter(last)) {
                    last = s.date().plusDays(7);
                }
            }
            return ChronoUnit.DAYS.between(firstTace, last);
        }

        /** Scans after the time points: after each later session (for visits timed after each TACE), then periodic. */
        void planScans(Random random) {
            scans.addAll(timePointScans);
            timePointScans.forEach(s -> responses.add(responseAt(s)));
            if (lost || (progression != null && progression.equals(forcedProgression()))) {
                return;
            }
            LocalDate after = scans.isEmpty() ? firstTace : scans.get(scans.size() - 1).date();
            for (String id : spec.imaging().timePoints()) {
                VisitDef v = visit(id);
                if (v.timing() != null && v.timing().anchor() == org.tacecrf.domain.study.Anchor.EACH_TACE) {
                    for (int s = 2; s <= sessions.size(); s++) {
                        LocalDate d = sessions.get(s - 1).plusDays(v.timing().day()
                                + jitter(v.timing().windowBefore(), v.timing().windowAfter(), random));
                        later.add(new Slot(id, s, d));
                    }
                }
            }
            if (spec.imaging().periodic() != null) {
                VisitDef v = visit(spec.imaging().periodic());
                List<LocalDate> dates = occurrences(v, random);
                for (int r = 0; r < dates.size() && r < spec.imaging().maxPeriodicScans(); r++) {
                    later.add(new Slot(v.id(), r + 1, dates.get(r)));
                }
            }
            later.removeIf(s -> !s.date().isAfter(after.plusDays(14)));
            later.sort(Comparator.comparing(Slot::date));
            Response last = responses.isEmpty() ? Response.SD : responses.get(responses.size() - 1);
            if (progression == null && !Double.isNaN(latentProgressionDays) && !later.isEmpty()) {
                LocalDate candidate = firstTace.plusDays(Math.round(latentProgressionDays));
                // the scan nearest to the progression, not before the first one possible
                Slot pd = later.get(later.size() - 1);
                for (int i = 0; i < later.size(); i++) {
                    LocalDate next = i + 1 < later.size() ? later.get(i + 1).date() : null;
                    if (next == null || candidate.isBefore(later.get(i).date().plusDays(
                            ChronoUnit.DAYS.between(later.get(i).date(), next) / 2))) {
                        pd = later.get(i);
                        break;
                    }
                }
                if (candidate.isAfter(later.get(later.size() - 1).date().plusDays(60))) {
                    pd = null;
                }
                if (pd != null && (death == null || pd.date().isBefore(death.minusDays(7)))
                        && !pd.date().isAfter(spec.period().cutOff())) {
                    progression = pd.date();
                }
            }
            for (Slot s : later) {
                if (s.date().isAfter(spec.period().cutOff()) || (death != null && !s.date().isBefore(death.minusDays(7)))) {
                    break;
                }
                boolean pd = s.date().equals(progression);
                scans.add(s);
                responses.add(pd ? Response.PD : last);
                if (pd) {
                    break;
                }
            }
        }

        // -- the forms --

        PlannedSubject build(Random random) {
            LocalDate screened;
            LocalDate consent;
            LocalDate enrolled;
            VisitDef baselineVisit = study.schedule().stream().filter(v -> v.type() == VisitType.BASELINE).findFirst().orElseThrow();
            int window = baselineVisit.timing() == null ? 28 : baselineVisit.timing().windowBefore();
            if (retrospective) {
                screened = spec.period().cutOff().plusDays(14 + index * 60L / spec.patients());
                consent = screened;
                enrolled = screened;
            } else {
                screened = firstTace.minusDays(4 + random.nextInt(Math.max(1, window - 6)));
                consent = screened;
                enrolled = screened.plusDays(random.nextInt(2));
            }
            Map<String, Boolean> eligibility = new LinkedHashMap<>();
            for (EligibilityCriterion c : study.eligibility()) {
                eligibility.put(c.id(), c.kind() == CriterionKind.INCLUSION);
            }
            LocalDate baselineDate = retrospective ? firstTace.minusDays(1 + random.nextInt(Math.min(10, window - 1)))
                    : enrolled.plusDays(random.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(enrolled, firstTace))));
            if (!baselineDate.isBefore(firstTace)) {
                baselineDate = firstTace.minusDays(1);
            }
            Map<String, String> labs = baseline(baselineDate, random);
            Design design = baselineImaging(random);
            sessions(labs, random);
            imaging(design, random);
            followUpLabs(labs, random);
            survival(random);
            therapies(random);
            procedures(random);
            qol(baselineDate, random);
            adverseEventForms(random);
            endOfStudy(random);
            lastKnownAlive = lastKnownAlive();

            forms.sort(Comparator.comparing(Pending::date).thenComparingInt(Pending::order));
            Map<String, Integer> formRepeats = new HashMap<>();
            List<PlannedForm> out = new ArrayList<>();
            for (Pending f : forms) {
                FormDef def = form(f.formId());
                int repeat = 1;
                if (def.repeating()) {
                    repeat = formRepeats.merge(f.visitId() + "#" + f.visitRepeat() + "#" + f.formId(), 1, Integer::sum);
                }
                out.add(new PlannedForm(f.visitId(), f.visitRepeat(), f.formId(), repeat, f.entries().build(), f.confirmations()));
            }
            String age = facts.get("age");
            Integer birthYear = age == null ? null : firstTace.getYear() - Integer.parseInt(age);
            return new PlannedSubject(index, site, arm, screened, consent, enrolled, facts.get("sex"), birthYear, eligibility,
                    out, facts, new Course(firstTace, sessions, progression, death, lastKnownAlive, lost));
        }

        private void add(LocalDate date, String visitId, int visitRepeat, FormEntries entries) {
            forms.add(new Pending(date, order++, visitId, visitRepeat, entries.form().id(), entries, Map.of()));
        }

        private FormEntries entries(String formId) {
            return new FormEntries(form(formId));
        }

        /** Fills items from the specification's values for the form, where not set already. */
        private void defaults(FormEntries e, Map<String, SpecValue> values, Random random) {
            values.forEach((item, value) -> {
                if (e.value(item) == null) {
                    String v = value.resolve(random, facts, firstTace);
                    if (v != null) {
                        e.set(item, v);
                    }
                }
            });
        }

        private Map<String, String> baseline(LocalDate date, Random random) {
            FormEntries e = entries(BASELINE);
            FormDef def = e.form();
            e.set("assessment_date", date.toString());
            for (Map.Entry<String, String> f : facts.entrySet()) {
                if (def.item(f.getKey()).filter(i -> !i.calculated()).isPresent()) {
                    e.set(f.getKey(), f.getValue());
                }
            }
            spec.baseline().forEach((item, value) -> {
                if (e.value(item) == null) {
                    String v = value.resolve(random, facts, firstTace);
                    if (v != null) {
                        e.set(item, v);
                        facts.putIfAbsent(item, v);
                    }
                }
            });
            String ecog = e.value("ecog");
            if (ecog != null && !ecog.equals("0")) {
                e.setIfAbsent("ecog_cancer_related", "Y");
            }
            boolean male = "M".equals(e.value("sex"));
            e.setIfAbsent("height", LiverLabs.round(male ? 160 + 20 * random.nextDouble() : 150 + 16 * random.nextDouble(), 1));
            double height = Double.parseDouble(e.value("height")) / 100;
            e.setIfAbsent("weight", LiverLabs.round(height * height * (19.5 + 6.5 * random.nextDouble()), 1));
            e.setIfAbsent("birth_year", String.valueOf(firstTace.getYear() - Integer.parseInt(e.value("age"))));
            e.setIfAbsent("prior_treatment", "N");
            e.setIfAbsent("macrovascular_invasion", "N");
            e.setIfAbsent("extrahepatic_spread", "NONE");
            LiverLabs.Points points = LiverLabs.points(facts.get(CHILD_PUGH), random);
            e.set("ascites", points.ascitesCode());
            e.set("encephalopathy", points.encephalopathyCode());
            Map<String, String> drawn = new HashMap<>();
            facts.forEach((k, v) -> {
                if (k.startsWith(LAB)) {
                    drawn.put(k.substring(LAB.length()), v);
                }
            });
            Map<String, String> labs = LiverLabs.baseline(points, spec.labs(), drawn, random);
            e.set("lab_date", date.toString());
            labs.forEach(e::setIfPresent);
            boolean anyMarker = MARKER_ITEMS.stream().anyMatch(m -> e.value(m) != null);
            if (anyMarker) {
                e.set("marker_date", date.toString());
            }
            // lesions: the imaging design gives the tumour-burden items
            int count = Integer.parseInt(e.value("lesion_count") == null ? "1" : e.value("lesion_count"));
            e.set("lesion_count", String.valueOf(count));
            BigDecimal largest = e.value("largest_diameter_mm") == null ? null : new BigDecimal(e.value("largest_diameter_mm"));
            BigDecimal sum = e.value("sum_diameters_mm") == null ? null : new BigDecimal(e.value("sum_diameters_mm"));
            design = new LesionDesigner(StudyParameterMapping.response(study.parameters()), random)
                    .baseline(count, largest, sum, e.value("distribution"), maxTargets);
            e.set("largest_diameter_mm", design.largest().setScale(0, java.math.RoundingMode.HALF_UP).toPlainString());
            e.setIfPresent("sum_diameters_mm", design.sumAll().setScale(0, java.math.RoundingMode.HALF_UP).toPlainString());
            Map<String, String> derived = preview.derive(def, e.build(), date);
            String expected = facts.getOrDefault(CHILD_PUGH, "A").substring(0, 1);
            if (!expected.equals(derived.get("child_pugh_class"))) {
                throw new IllegalStateException("patient " + index + ": Child-Pugh " + derived.get("child_pugh_class")
                        + " computed, " + expected + " intended");
            }
            if ("HCC".equals(e.value("diagnosis")) && e.has("bclc_stage")) {
                String suggested = derived.get("bclc_suggested");
                String intended = facts.get("bclc_stage");
                if (intended != null && !intended.equals(suggested)) {
                    throw new CohortSpecException(spec.studyId() + ": patient " + index + " should be BCLC " + intended
                            + " but the data give " + suggested + " (facts " + facts + ")");
                }
                e.set("bclc_stage", suggested);
            }
            add(date, BASELINE, 1, e);
            baselineLabs = labs;
            baselineMarkers = new LinkedHashMap<>();
            for (String m : MARKER_ITEMS) {
                if (e.value(m) != null) {
                    baselineMarkers.put(m, e.value(m));
                }
            }
            baselineDate = date;
            return labs;
        }

        private Design design;
        private Map<String, String> baselineLabs;
        private Map<String, String> baselineMarkers;
        private LocalDate baselineDate;

        private Design baselineImaging(Random random) {
            FormEntries e = entries(BASELINE_IMAGING);
            defaults(e, spec.form(BASELINE_IMAGING), random);
            int maxBefore = Math.min(study.parameters().imaging().baselineMaxDaysBeforeTreatment(), 14);
            e.setIfAbsent("imaging_date", firstTace.minusDays(1 + random.nextInt(maxBefore - 1)).toString());
            LocalDate date = LocalDate.parse(e.value("imaging_date"));
            e.setIfAbsent("phases", "ARTERIAL|PORTAL_VENOUS|DELAYED");
            e.setIfAbsent("modality", random.nextDouble() < 0.6 ? "CT" : "MRI");
            e.setIfAbsent("slice_thickness_mm", "CT".equals(e.value("modality")) ? "1.0" : "3.0");
            int row = 1;
            for (LesionDesigner.Lesion l : design.lesions()) {
                e.row("lesions", row, "lesion_id", l.id());
                e.row("lesions", row, "lesion_role", l.target() ? "TARGET" : "NON_TARGET");
                e.row("lesions", row, "organ", "LIVER");
                e.row("lesions", row, "liver_segment", l.segment());
                e.row("lesions", row, "longest_diameter_mm", l.longest().toPlainString());
                if (l.viable() != null) {
                    e.row("lesions", row, "viable_diameter_mm", l.viable().toPlainString());
                }
                e.row("lesions", row, "arterial_enhancement", "Y");
                e.row("lesions", row, "portal_vein_thrombus", "N");
                if (!l.target()) {
                    e.row("lesions", row, "location_detail", "other intrahepatic nodules");
                }
                row++;
            }
            add(date, BASELINE, 1, e);
            return design;
        }

        private void sessions(Map<String, String> labs, Random random) {
            for (int s = 1; s <= sessions.size(); s++) {
                LocalDate date = sessions.get(s - 1);
                facts.put(SESSION, String.valueOf(s));
                FormEntries e = entries(TACE_SESSION);
                e.set("procedure_date", date.toString());
                defaults(e, spec.treatment().items(), random);
                for (Map.Entry<String, List<GroupRow>> group : spec.treatment().rows().entrySet()) {
                    int row = 1;
                    for (GroupRow r : group.getValue()) {
                        if (r.when() != null && !r.when().holds(facts)) {
                            continue;
                        }
                        for (Map.Entry<String, SpecValue> item : r.items().entrySet()) {
                            e.row(group.getKey(), row, item.getKey(), item.getValue().resolve(random, facts, firstTace));
                        }
                        row++;
                    }
                }
                add(date, treatmentVisit, s, e);
                if (spec.postLabs() != null) {
                    postLabs(s, date, s == 1 || followUpLabs == null ? labs : followUpLabs, random);
                }
                if (spec.pes()) {
                    pes(s, date, random);
                }
            }
            facts.remove(SESSION);
        }

        private Map<String, String> followUpLabs;

        private void postLabs(int session, LocalDate date, Map<String, String> before, Random random) {
            FormEntries e = entries(POST_LABS);
            int hours = Integer.parseInt(spec.postLabs().hours().resolve(random, facts, firstTace));
            e.set("hours_after_procedure", String.valueOf(hours));
            LocalDate labDate = date.plusDays(hours >= 24 ? 1 : 0);
            e.set("lab_date", labDate.toString());
            Map<String, String> after = new LinkedHashMap<>();
            double astBefore = Double.parseDouble(before.get("ast"));
            double astAfter = postAst(astBefore, session, random);
            for (String analyte : LiverLabs.PANEL) {
                String pre = before.get(analyte);
                if (pre == null || !e.has(analyte)) {
                    continue;
                }
                double v = Double.parseDouble(pre);
                int decimals = pre.contains(".") ? pre.length() - pre.indexOf('.') - 1 : 0;
                CohortSpec.Distribution change = spec.postLabs().changes().get(analyte);
                double next = v;
                if (analyte.equals("ast")) {
                    next = astAfter;
                } else if (analyte.equals("alt")) {
                    next = v * (1 + Math.max(0, astAfter / astBefore - 1) * (0.5 + 0.4 * random.nextDouble()));
                } else if (change != null) {
                    next = v + change.mean() + change.sd() * 0.5 * random.nextGaussian();
                }
                if (analyte.equals("direct_bilirubin")) {
                    next = Math.min(next, Double.parseDouble(after.getOrDefault("total_bilirubin", pre)) * 0.6);
                }
                next = Math.max(next, lowest(analyte));
                after.put(analyte, LiverLabs.round(next, decimals));
            }
            after.forEach(e::set);
            add(date, treatmentVisit, session, e);
        }

        /** AST after a session: in the CTCAE v5 band of the patient's transaminase event, else barely changed. */
        private double postAst(double pre, int session, Random random) {
            double reference = pre > AST_ULN ? pre : AST_ULN;
            int grade = events.stream().filter(ev -> ev.session() == session && ev.term().equals("AST_INCREASED"))
                    .mapToInt(AdverseEvent::grade).max().orElse(0);
            return switch (grade) {
                case 0 -> pre > AST_ULN ? pre * (0.9 + 0.5 * random.nextDouble()) : Math.min(AST_ULN, pre * (1 + 0.3 * random.nextDouble()));
                case 1 -> reference * (1.6 + 1.3 * random.nextDouble());
                case 2 -> reference * (3.1 + 1.8 * random.nextDouble());
                default -> reference * (5.3 + 3 * random.nextDouble());
            };
        }

        private double lowest(String analyte) {
            return switch (analyte) {
                case "haemoglobin" -> 60;
                case "platelets" -> 30;
                case "albumin" -> 22;
                case "wbc" -> 1.5;
                default -> 0.1;
            };
        }

        /** The post-embolisation syndrome assessment, consistent with the events after the session. */
        private void pes(int session, LocalDate date, Random random) {
            FormEntries e = entries(PES);
            e.set("pes_date", date.plusDays(3 + random.nextInt(4)).toString());
            int fever = grade(session, "FEVER");
            int pain = grade(session, "ABDOMINAL_PAIN");
            int nausea = Math.max(grade(session, "NAUSEA"), grade(session, "VOMITING"));
            e.set("max_temperature", LiverLabs.round(fever > 0 ? 37.6 + 0.9 * random.nextDouble() : 36.4 + 0.9 * random.nextDouble(), 1));
            int vas = pain == 0 ? random.nextInt(2) : pain == 1 ? 1 + random.nextInt(3) : 4 + random.nextInt(3);
            e.set("pain_vas", String.valueOf(vas));
            e.set("analgesic", vas == 0 ? "NONE" : vas <= 3 ? "NSAID" : "WEAK_OPIOID");
            e.set("nausea_vomiting", nausea > 0 ? "Y" : "N");
            if (nausea > 0) {
                e.set("vomiting_episodes", String.valueOf(nausea == 1 ? 1 + random.nextInt(2) : 3 + random.nextInt(3)));
            }
            e.set("pes_recovery_days", String.valueOf(fever + pain + nausea == 0 ? random.nextInt(2) : 3 + random.nextInt(5)));
            add(date, treatmentVisit, session, e);
        }

        private int grade(int session, String term) {
            return events.stream().filter(ev -> ev.session() == session && ev.term().equals(term)
                    && ev.attribution() == Attribution.TACE).mapToInt(AdverseEvent::grade).max().orElse(0);
        }

        private void imaging(Design base, Random random) {
            if (scans.isEmpty()) {
                return;
            }
            LesionDesigner designer = new LesionDesigner(StudyParameterMapping.response(study.parameters()), random);
            List<Scan> designed = designer.course(base, scans.stream().map(Slot::date).toList(), responses);
            List<Scan> second = doubleReading ? designer.secondReader(base, designed) : null;
            for (int k = 0; k < scans.size(); k++) {
                Slot slot = scans.get(k);
                Scan scan = designed.get(k);
                boolean lastScan = k == scans.size() - 1;
                String modality = random.nextDouble() < 0.6 ? "CT" : "MRI";
                if (doubleReading) {
                    boolean conflict = disagreement && lastScan;
                    add(slot.date(), slot.visitId(), slot.repeat(), assessment(scan, "R1", modality, scan.response(), random));
                    Scan read2 = second.get(k);
                    Response r2 = scan.response();
                    if (conflict && scan.response() == Response.PD) {
                        // the second reader sees no change since the scan before: no new nodule, no growth
                        List<Measure> before = k == 0 ? base.targets().stream()
                                .map(l -> new Measure(l.id(), l.longest(), l.viable())).toList() : second.get(k - 1).targets();
                        r2 = k == 0 ? Response.SD : responses.get(k - 1);
                        Boolean enhancing = k == 0 ? (base.nonTargets().isEmpty() ? null : Boolean.TRUE)
                                : second.get(k - 1).nonTargetEnhancing();
                        read2 = new Scan(read2.date(), r2, before, enhancing, List.of());
                    }
                    add(slot.date(), slot.visitId(), slot.repeat(), assessment(read2, "R2", modality, r2, random));
                    if (conflict && r2 != scan.response()) {
                        add(slot.date(), slot.visitId(), slot.repeat(), assessment(scan, "ADJ", modality, scan.response(), random));
                    }
                } else {
                    Response recorded = scan.response();
                    if (disagreement && lastScan) {
                        recorded = switch (scan.response()) {
                            case SD -> Response.PR;
                            case PR -> Response.SD;
                            case CR -> Response.PR;
                            default -> Response.SD;
                        };
                    }
                    add(slot.date(), slot.visitId(), slot.repeat(), assessment(scan, null, modality, recorded, random));
                }
            }
        }

        private FormEntries assessment(Scan scan, String reader, String modality, Response recorded, Random random) {
            FormEntries e = entries(IMAGING);
            e.set("assessment_date", scan.date().toString());
            e.set("modality", modality);
            e.set("phases", "ARTERIAL|PORTAL_VENOUS|DELAYED");
            if (reader != null) {
                e.set("reader", reader);
            }
            e.set("new_lesions_found", scan.newLesions().isEmpty() ? "N" : "Y");
            int row = 1;
            for (Measure m : scan.targets()) {
                e.row("target_measurements", row, "target_lesion_id", m.id());
                e.row("target_measurements", row, "target_status", "MEASURED");
                e.row("target_measurements", row, "target_ld_mm", m.longest().toPlainString());
                e.row("target_measurements", row, "target_viable_mm", m.viable().toPlainString());
                row++;
            }
            row = 1;
            for (LesionDesigner.Lesion nt : design.nonTargets()) {
                e.row("non_targets", row, "non_target_lesion_id", nt.id());
                e.row("non_targets", row, "non_target_status", "PRESENT");
                e.row("non_targets", row, "non_target_enhancement", Boolean.TRUE.equals(scan.nonTargetEnhancing()) ? "Y" : "N");
                row++;
            }
            row = 1;
            for (NewNodule n : scan.newLesions()) {
                e.row("new_lesions", row, "new_lesion_id", n.id());
                e.row("new_lesions", row, "new_lesion_organ", "LIVER");
                e.row("new_lesions", row, "new_lesion_segment", n.segment());
                e.row("new_lesions", row, "new_lesion_size_mm", n.size().toPlainString());
                e.row("new_lesions", row, "typical_pattern", "Y");
                e.row("new_lesions", row, "equivocal", "N");
                e.row("new_lesions", row, "first_seen_date", scan.date().toString());
                row++;
            }
            e.set("mrecist_investigator", recorded.name());
            defaults(e, spec.form(IMAGING), random);
            return e;
        }

        /** Laboratory tests and tumour markers at the visits of the scans and at other timed follow-up visits. */
        private void followUpLabs(Map<String, String> labs, Random random) {
            if (lost) {
                return;
            }
            List<Slot> visits = new ArrayList<>(scans);
            for (VisitDef v : study.schedule()) {
                if (v.type() == VisitType.FOLLOW_UP && !v.repeating() && v.timing() != null
                        && !spec.imaging().timePoints().contains(v.id()) && !v.id().equals(spec.imaging().periodic())) {
                    LocalDate d = lateVisit && study.schedule().stream().noneMatch(x -> x.type() == VisitType.SURVIVAL_CONTACT)
                            ? late(v, random) : planned(v, random);
                    if ((death == null || d.isBefore(death.minusDays(7))) && !d.isAfter(spec.period().cutOff())) {
                        visits.add(new Slot(v.id(), 1, d));
                    }
                }
            }
            visits.sort(Comparator.comparing(Slot::date));
            Response lastResponse = null;
            for (Slot s : visits) {
                VisitDef v = visit(s.visitId());
                int k = scans.indexOf(s);
                Response response = k >= 0 ? responses.get(k) : lastResponse;
                if (collects(v, LABS, s)) {
                    FormEntries e = entries(LABS);
                    e.set("lab_date", s.date().toString());
                    Map<String, String> values = LiverLabs.followUp(labs, random);
                    values.forEach(e::setIfPresent);
                    add(s.date(), s.visitId(), s.repeat(), e);
                    if (followUpLabs == null) {
                        followUpLabs = values;
                    }
                }
                if (collects(v, MARKERS, s) && !baselineMarkers.isEmpty()) {
                    FormEntries e = entries(MARKERS);
                    e.set("marker_date", s.date().toString());
                    baselineMarkers.forEach((marker, value) -> {
                        String intent = facts.get(marker + "_marker");
                        if ("NA".equals(intent)) {
                            return;
                        }
                        double change = markerChange(marker, intent, response, random);
                        int decimals = value.contains(".") ? value.length() - value.indexOf('.') - 1 : 0;
                        e.set(marker, LiverLabs.round(Math.max(0.1, Double.parseDouble(value) * (1 + change / 100)), decimals));
                    });
                    add(s.date(), s.visitId(), s.repeat(), e);
                }
                if (response != null) {
                    lastResponse = response;
                }
            }
        }

        /** Labs and markers are entered where the visit requires them (and at the scans of the time points). */
        private boolean collects(VisitDef v, String formId, Slot s) {
            Optional<VisitForm> f = v.form(formId);
            return f.isPresent() && (f.get().mandatory() || s.repeat() == 1 && spec.imaging().timePoints().contains(v.id()));
        }

        /** Per cent change of a marker from baseline, by the intended marker response or the scan's response. */
        private double markerChange(String marker, String intent, Response response, Random random) {
            CohortSpec.MarkerChange m = spec.markers().get(marker);
            if (intent != null && m != null) {
                SpecValue v = "RESP".equals(intent) ? m.response() : m.noResponse();
                return Double.parseDouble(v.resolve(random, facts, firstTace));
            }
            if (response == null) {
                return -10 + 20 * random.nextDouble();
            }
            return switch (response) {
                case CR -> -75 + 30 * random.nextDouble();
                case PR -> -60 + 40 * random.nextDouble();
                case PD -> 15 + 60 * random.nextDouble();
                default -> -25 + 45 * random.nextDouble();
            };
        }

        private void survival(Random random) {
            if (spec.survival() == null || lost) {
                return;
            }
            VisitDef v = study.schedule().stream().filter(x -> x.type() == VisitType.SURVIVAL_CONTACT).findFirst().orElse(null);
            if (v == null) {
                return;
            }
            List<LocalDate> dates = occurrences(v, random);
            boolean therapyReported = false;
            for (int r = 0; r < dates.size(); r++) {
                LocalDate d = dates.get(r);
                FormEntries e = entries(SURVIVAL);
                if (death != null && death.isBefore(d)) {
                    e.set("contact_date", d.toString());
                    e.set("vital_status", "DEAD");
                    e.set("death_date", death.toString());
                    e.set("death_cause", random.nextDouble() < 0.8 ? "PROGRESSION" : "LIVER_FAILURE");
                    defaults(e, spec.form(SURVIVAL), random);
                    add(d, v.id(), r + 1, e);
                    return;
                }
                if (d.isAfter(spec.period().cutOff())) {
                    return;
                }
                e.set("contact_date", d.toString());
                e.set("vital_status", "ALIVE");
                if (subsequentTherapy != null && !therapyReported && subsequentTherapy.isBefore(d)) {
                    e.set("new_anticancer_therapy", "Y");
                    e.set("new_therapy_start_date", subsequentTherapy.toString());
                    therapyReported = true;
                } else {
                    e.set("new_anticancer_therapy", "N");
                }
                defaults(e, spec.form(SURVIVAL), random);
                add(d, v.id(), r + 1, e);
            }
        }

        private String logVisit(String formId) {
            return study.schedule().stream().filter(v -> v.type() == VisitType.LOG && v.collects(formId)).map(VisitDef::id)
                    .findFirst().orElseThrow(() -> new CohortSpecException(spec.studyId() + ": no log visit collects " + formId));
        }

        private void therapies(Random random) {
            for (Therapy t : spec.therapies()) {
                if (t.when() != null && !t.when().holds(facts)) {
                    continue;
                }
                LocalDate end = death != null ? death.minusDays(3) : spec.period().cutOff();
                LocalDate start;
                if (t.start() instanceof SpecValue.Literal l && Therapy.AFTER_PROGRESSION.equals(l.text())) {
                    LocalDate from = progression != null ? progression.plusDays(7 + random.nextInt(24))
                            : (scans.isEmpty() ? firstTace : scans.get(scans.size() - 1).date()).plusDays(14 + random.nextInt(27));
                    start = from.isBefore(end) ? from : end.minusDays(random.nextInt(5));
                    if (!start.isAfter(firstTace)) {
                        start = firstTace.plusDays(1);
                    }
                    subsequentTherapy = start;
                } else {
                    start = LocalDate.parse(t.start().resolve(random, facts, firstTace));
                }
                FormEntries e = entries(OTHER_TREATMENT);
                e.set("start_date", start.toString());
                Map<String, String> local = new HashMap<>(facts);
                // Items of the dose log go to its first row, which gets a date after the start.
                Map<String, String> logRow = new LinkedHashMap<>();
                t.items().forEach((item, value) -> {
                    String v = value.resolve(random, local, firstTace);
                    if (v != null) {
                        if (e.form().groupOf(item).map(ItemGroupDef::repeating).orElse(false)) {
                            logRow.put(item, v);
                        } else {
                            e.set(item, v);
                        }
                        local.put(item, v);
                    }
                });
                e.setIfPresent("days_after_first_tace", String.valueOf(ChronoUnit.DAYS.between(firstTace, start)));
                if (t.stop() != null && !Therapy.STOP_AT_PROGRESSION.equals(t.stop())) {
                    LocalDate stop = LocalDate.parse(SpecValue.parse(t.stop(), "therapies.stop").resolve(random, facts, firstTace));
                    if (stop.isAfter(end)) {
                        stop = end;
                    }
                    e.set("ongoing", "N");
                    e.set("stop_date", (stop.isBefore(start) ? start : stop).toString());
                } else if (Therapy.STOP_AT_PROGRESSION.equals(t.stop())) {
                    LocalDate stop = progression != null ? progression.plusDays(random.nextInt(10)) : death;
                    if (stop != null && stop.isAfter(end)) {
                        stop = end;
                    }
                    if (stop == null || stop.isAfter(spec.period().cutOff())) {
                        e.set("ongoing", "Y");
                    } else {
                        e.set("ongoing", "N");
                        e.set("stop_date", (stop.isBefore(start) ? start : stop).toString());
                    }
                }
                doseLogRow(e, logRow, start, random);
                add(start, logVisit(OTHER_TREATMENT), 1, e);
            }
        }

        /**
         * The first row of the treatment's dose log, dated two to eight weeks after the start and
         * never after the stop date; the reason's details default to the record's overall reason.
         */
        private void doseLogRow(FormEntries e, Map<String, String> row, LocalDate start, Random random) {
            if (row.isEmpty()) {
                return;
            }
            String group = e.form().groupOf(row.keySet().iterator().next()).orElseThrow().id();
            LocalDate date = start.plusDays(14 + random.nextInt(43));
            String stop = e.value("stop_date");
            if (stop != null && date.isAfter(LocalDate.parse(stop))) {
                date = LocalDate.parse(stop);
            }
            if (date.isAfter(spec.period().cutOff())) {
                date = spec.period().cutOff();
            }
            e.row(group, 1, "modification_date", date.toString());
            row.forEach((item, value) -> e.row(group, 1, item, value));
            if (!row.containsKey("modification_reason_detail") && e.value("dose_change_reason") != null) {
                e.row(group, 1, "modification_reason_detail", e.value("dose_change_reason"));
            }
        }

        private void procedures(Random random) {
            for (Procedure p : spec.procedures()) {
                VisitDef v = visit(p.visitId());
                LocalDate date = planned(v, random);
                FormEntries e = entries(p.formId());
                e.set("start_date", date.toString());
                p.items().forEach((item, value) -> {
                    String text = value.resolve(random, facts, firstTace);
                    if (text != null) {
                        e.set(item, text);
                    }
                });
                if (e.has("ongoing") && e.value("ongoing") == null) {
                    e.set("ongoing", "N");
                    e.set("stop_date", date.toString());
                }
                add(date, v.id(), 1, e);
                procedureDate = date;
            }
        }

        private LocalDate procedureDate;

        /** QLQ-C30 answers whose scale scores scatter around the published medians. */
        private void qol(LocalDate baselineDate, Random random) {
            for (Map.Entry<String, Map<String, Double>> visitMedians : spec.qol().entrySet()) {
                VisitDef v = visit(visitMedians.getKey());
                LocalDate date;
                if (v.type() == VisitType.BASELINE) {
                    date = baselineDate;
                } else {
                    Optional<Slot> scan = scans.stream().filter(s -> s.visitId().equals(v.id())).findFirst();
                    if (scan.isEmpty()) {
                        continue;
                    }
                    date = scan.get().date();
                }
                FormEntries e = entries(QLQ);
                e.set("qlq_date", date.toString());
                e.set("qlq_mode", "SELF");
                for (QlqC30Scale scale : QlqC30Scale.values()) {
                    Double median = visitMedians.getValue().get(scale.code());
                    double target = median == null ? 30 : median;
                    double score = Math.max(0, Math.min(100, target + 12 * random.nextGaussian()));
                    boolean functional = scale.type() == QlqC30Scale.Type.FUNCTIONAL;
                    double raw = 1 + (functional ? 1 - score / 100 : score / 100) * scale.range();
                    // the answers whose mean is nearest the raw score, spread as evenly as they go
                    int k = scale.items().size();
                    int sum = (int) Math.max(k, Math.min(k * (1 + scale.range()), Math.round(raw * k)));
                    List<Integer> items = new ArrayList<>(scale.items());
                    Collections.shuffle(items, random);
                    for (int j = 0; j < k; j++) {
                        int answer = sum / k + (j < sum % k ? 1 : 0);
                        e.set(String.format("q%02d", items.get(j)), String.valueOf(answer));
                    }
                }
                add(date, v.id(), 1, e);
            }
        }

        private void adverseEventForms(Random random) {
            for (AdverseEvent ev : events) {
                LocalDate onset;
                switch (ev.attribution()) {
                    case DRUG -> {
                        LocalDate start = forms.stream().filter(f -> f.formId().equals(OTHER_TREATMENT)).map(Pending::date)
                                .min(Comparator.naturalOrder()).orElse(firstTace);
                        onset = start.plusDays(7 + random.nextInt(50));
                    }
                    case PROCEDURE -> onset = (procedureDate == null ? firstTace : procedureDate).plusDays(1 + random.nextInt(4));
                    default -> onset = sessions.get(Math.min(ev.session(), sessions.size()) - 1).plusDays(random.nextInt(3));
                }
                LocalDate limit = death != null ? death.minusDays(12) : spec.period().cutOff().minusDays(12);
                if (onset.isAfter(limit)) {
                    onset = sessions.get(0).plusDays(1);
                }
                int recovery = Integer.parseInt(spec.adverseEvents().recoveryDays().resolve(random, facts, firstTace));
                FormEntries e = entries(ADVERSE_EVENT);
                e.set("ae_term", ev.term());
                if (ev.other() != null) {
                    e.set("ae_term_other", ev.other());
                }
                e.set("ae_grade", String.valueOf(ev.grade()));
                e.set("ae_onset_date", onset.toString());
                e.set("ae_ongoing", "N");
                e.set("ae_resolution_date", onset.plusDays(recovery + (ev.grade() >= 3 ? 4 : 0)).toString());
                switch (ev.attribution()) {
                    case TACE -> {
                        e.set("related_session", String.valueOf(Math.min(ev.session(), sessions.size())));
                        e.set("relation_tace", random.nextDouble() < 0.7 ? "PROBABLE" : "DEFINITE");
                        e.set("relation_drug", random.nextDouble() < 0.5 ? "POSSIBLE" : "UNLIKELY");
                        e.set("relation_device", "POSSIBLE");
                    }
                    case DRUG -> {
                        e.set("relation_tace", "NOT_RELATED");
                        e.set("relation_drug", "PROBABLE");
                    }
                    default -> {
                        e.set("relation_tace", "UNLIKELY");
                        e.set("relation_drug", "NOT_RELATED");
                    }
                }
                seriousness(e, ev, onset);
                e.set("action_taken", ev.grade() == 1 ? (random.nextBoolean() ? "NONE" : "SYMPTOMATIC")
                        : ev.attribution() == Attribution.DRUG ? (ev.grade() >= 3 ? "INTERRUPTED" : "DOSE_REDUCED") : "SYMPTOMATIC");
                e.set("outcome", "RECOVERED");
                defaults(e, spec.form(ADVERSE_EVENT), random);
                add(onset, logVisit(ADVERSE_EVENT), 1, e);
            }
        }

        /**
         * Seriousness items: awareness during the day of the onset or the next, the report within the
         * study's reporting hours (2 to 20 hours after awareness with 24), or after them, or none,
         * as planted.
         */
        private void seriousness(FormEntries e, AdverseEvent ev, LocalDate onset) {
            if (!ev.serious()) {
                e.set("ae_serious", "N");
                return;
            }
            e.set("ae_serious", "Y");
            e.set("serious_criteria", String.join("|", ev.criteria()));
            LocalDateTime aware = onset.plusDays(reports.nextInt(10) < 3 ? 1 : 0).atTime(7, 30)
                    .plusMinutes(reports.nextInt(14 * 60 + 1));
            e.set("datetime_aware", DateTimes.iso(aware));
            int deadline = study.parameters().sae().reportingHours() * 60;
            long minutes;
            switch (ev.report()) {
                case LATE -> minutes = deadline + 20 + reports.nextInt(30 * 60);
                case NONE -> {
                    return;
                }
                default -> {
                    int most = Math.max(1, Math.min(20 * 60, deadline - 30));
                    int least = Math.min(120, most / 2);
                    minutes = least + reports.nextInt(most - least + 1);
                }
            }
            e.set("datetime_reported", DateTimes.iso(aware.plusMinutes(minutes)));
        }

        private void endOfStudy(Random random) {
            VisitDef v = study.schedule().stream().filter(x -> x.type() == VisitType.END_OF_STUDY).findFirst().orElse(null);
            if (v == null) {
                return;
            }
            FormEntries e = entries(END_OF_STUDY);
            LocalDate date;
            if (lost) {
                date = firstTace.plusDays(30 + random.nextInt(16));
                e.set("eos_status", "LOST");
                e.set("eos_reason", "Did not return after the first session; could not be reached by telephone.");
            } else if (death != null) {
                date = death;
                e.set("eos_status", "DIED");
                e.set("eos_death_date", death.toString());
            } else {
                LocalDate last = forms.stream().map(Pending::date).max(Comparator.naturalOrder()).orElse(firstTace);
                date = spec.survival() == null ? last : spec.period().cutOff();
                if (date.isBefore(last)) {
                    date = last;
                }
                e.set("eos_status", "COMPLETED");
                e.set("eos_reason", spec.survival() == null ? "Completed the protocol follow-up." : "Alive at the data cut-off.");
            }
            e.set("eos_date", date.toString());
            LocalDate entry = forms.stream().map(Pending::date).max(Comparator.naturalOrder()).orElse(date);
            forms.add(new Pending(entry.isAfter(date) ? entry : date, Integer.MAX_VALUE, v.id(), 1, END_OF_STUDY, e, Map.of()));
        }

        private LocalDate lastKnownAlive() {
            LocalDate last = firstTace;
            for (Pending f : forms) {
                if (f.formId().equals(END_OF_STUDY) || f.formId().equals(ADVERSE_EVENT) || f.formId().equals(OTHER_TREATMENT)) {
                    continue;
                }
                if (f.formId().equals(SURVIVAL) && "DEAD".equals(f.entries().value("vital_status"))) {
                    continue;
                }
                if (f.date().isAfter(last)) {
                    last = f.date();
                }
            }
            return last;
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private VisitDef visit(String id) {
        return study.visit(id).orElseThrow(() -> new CohortSpecException(spec.studyId() + ": the study has no visit " + id));
    }

    private FormDef form(String id) {
        return study.form(id).orElseThrow(() -> new CohortSpecException(spec.studyId() + ": the study has no form " + id));
    }

    private int days(SpecValue value, Random random) {
        return Integer.parseInt(value.resolve(random, Map.of(), LocalDate.MIN));
    }

    /** Days from the target inside the window, kept off its edges. */
    private static int jitter(int before, int after, Random random) {
        int lo = -Math.min(before, Math.max(0, before - 2));
        int hi = Math.min(after, Math.max(0, after - 2));
        lo = Math.max(lo, -4);
        hi = Math.min(hi, 4);
        return lo + random.nextInt(hi - lo + 1);
    }

    /** Counts of a fact over the plan's subjects, for tests and logs. */
    public static Map<String, Integer> tally(CohortPlan plan, String fact) {
        Map<String, Integer> out = new TreeMap<>();
        plan.subjects().forEach(s -> out.merge(String.valueOf(s.facts().get(fact)), 1, Integer::sum));
        return out;
    }
}
