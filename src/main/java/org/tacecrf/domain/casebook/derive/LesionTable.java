package org.tacecrf.domain.casebook.derive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.response.Assessment;
import org.tacecrf.domain.response.AssessmentChecks;
import org.tacecrf.domain.response.BaselineLesion;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.Diameter;
import org.tacecrf.domain.response.NonTargetObservation;
import org.tacecrf.domain.response.NonTargetStatus;
import org.tacecrf.domain.response.RuleViolation;
import org.tacecrf.domain.response.TargetMeasurement;
import org.tacecrf.domain.response.TimePointResponse;
import org.tacecrf.domain.response.ViolationCode;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * The lesion table of one {@code imaging_assessment} as it is being filled in: one row per
 * baseline lesion (targets, then non-targets, in baseline order) with its baseline values, the
 * values of the previous assessment of the same reading course, the values entered now and the
 * form row that holds them; running sums of the target diameters for RECIST 1.1 and mRECIST; the
 * time-point response of each criteria from the response engine (on the unsaved values and the
 * earlier assessments, exactly as the calculated items are derived); and the consistency checks
 * of {@link AssessmentChecks} at the field they concern.
 * <p>
 * The lesion model is read by the same mapping as the derivations ({@link ImagingData}), so what
 * the table shows is what gets stored. Running sum under a criteria: Σ of the value that criteria
 * counts for each target entered so far — the short axis for a lymph node, the longest diameter
 * (RECIST 1.1) or the viable diameter (mRECIST, 0 when a lesion measured 0), 5 mm for "too small to
 * measure" — as in {@link LesionSums}; it becomes the sum of diameters once every target has a value.
 *
 * @param baselineDate     date of the baseline scan, null when not recorded
 * @param previous         the previous assessment of the course, or null for the first
 * @param rows             one per baseline lesion
 * @param unmatched        form rows whose lesion id is not a baseline lesion of that kind
 * @param criteria         RECIST 1.1 and mRECIST
 * @param checks           consistency findings, each at its field when it has one
 * @param baselineProblems why the baseline cannot be used (the table is then empty)
 */
public record LesionTable(LocalDate baselineDate, Previous previous, List<LesionRow> rows, List<ItemKey> unmatched,
                          Map<Criteria, CriterionResult> criteria, List<Check> checks, List<String> baselineProblems) {

    static final String TARGET_GROUP = "target_measurements";
    static final String NON_TARGET_GROUP = "non_targets";
    static final String NEW_LESION_GROUP = "new_lesions";
    static final String SCAN_GROUP = "scan";

    public LesionTable {
        rows = List.copyOf(rows);
        unmatched = List.copyOf(unmatched);
        criteria = Map.copyOf(criteria);
        checks = List.copyOf(checks);
        baselineProblems = List.copyOf(baselineProblems);
    }

    /** The previous assessment shown beside the new values. */
    public record Previous(long formInstanceId, LocalDate date) {
    }

    /**
     * What was recorded for a lesion at one time point; null where nothing was recorded.
     *
     * @param status      measurement status (MEASURED, TOO_SMALL, NOT_DONE) of a target, status of a
     *                    non-target (PRESENT, ABSENT, ...); null at baseline
     * @param enhancement arterial enhancement (baseline) or persisting enhancement (non-target follow-up)
     */
    public record Measures(BigDecimal longestMm, BigDecimal viableMm, BigDecimal shortAxisMm, String status,
                           Boolean enhancement) {

        static final Measures NONE = new Measures(null, null, null, null, null);

        public boolean isEmpty() {
            return longestMm == null && viableMm == null && shortAxisMm == null && status == null && enhancement == null;
        }
    }

    /**
     * One baseline lesion.
     *
     * @param organ    organ code of the baseline row
     * @param segment  liver segment code, or null
     * @param formRow  the row (repeat) of the target or non-target group holding this lesion, or null
     *                 when the form has none yet
     */
    public record LesionRow(String lesionId, boolean target, boolean lymphNode, String organ, String segment,
                            Measures baseline, Measures previous, Measures current, Integer formRow) {

        /** The form group that holds the lesion's values. */
        public String group() {
            return target ? TARGET_GROUP : NON_TARGET_GROUP;
        }
    }

    /**
     * The numbers and the response under one criteria.
     *
     * @param runningSumMm  sum of the values entered so far (see the class comment)
     * @param measured      targets with a value counted by the sum
     * @param targets       baseline targets
     * @param baselineSumMm sum of diameters at baseline; null when a baseline value is missing
     * @param response      the time-point response, or null with the reasons in {@code problems}
     */
    public record CriterionResult(Criteria criteria, BigDecimal runningSumMm, int measured, int targets,
                                  BigDecimal baselineSumMm, TimePointResponse response, List<String> problems) {

        public CriterionResult {
            problems = List.copyOf(problems);
        }

        public boolean computed() {
            return response != null;
        }
    }

    /** A consistency finding and the field it concerns (null for the assessment as a whole). */
    public record Check(RuleViolation violation, ItemKey field) {
    }

    /**
     * Builds the table for {@code current}, the form as entered (unsaved values), against the
     * subject's stored data.
     */
    public static LesionTable of(StudyDefinition study, SubjectData saved, FormInstance current) {
        SubjectData data = saved.withForm(current);
        Casebook casebook = new Casebook(study, data);
        ResponseCourse course = new ResponseCourse(casebook);
        ImagingData.BaselineData base = course.baseline();
        Map<Criteria, CriterionResult> results = new EnumMap<>(Criteria.class);
        if (!base.usable()) {
            for (Criteria c : Criteria.values()) {
                results.put(c, new CriterionResult(c, null, 0, 0, null, null, base.problems()));
            }
            return new LesionTable(null, null, List.of(), List.of(), results, List.of(), base.problems());
        }
        Row scan = casebook.row(current);
        Optional<FormInstance> previousForm = previous(course, current);
        Row previousScan = previousForm.map(casebook::row).orElse(null);
        Row baselineScan = casebook.row(base.form());

        Map<String, Integer> targetRows = rowsById(scan, TARGET_GROUP, "target_lesion_id");
        Map<String, Integer> nonTargetRows = rowsById(scan, NON_TARGET_GROUP, "non_target_lesion_id");
        List<LesionRow> rows = new ArrayList<>();
        for (BaselineLesion lesion : ordered(base)) {
            Row baselineRow = find(baselineScan, "lesions", "lesion_id", lesion.id()).orElse(null);
            Measures baseline = baselineRow == null ? Measures.NONE : baselineMeasures(baselineRow);
            Measures previous = Measures.NONE;
            if (previousScan != null) {
                previous = find(previousScan, groupOf(lesion), idItem(lesion), lesion.id())
                        .map(r -> followUpMeasures(r, lesion.target())).orElse(Measures.NONE);
            }
            Integer formRow = (lesion.target() ? targetRows : nonTargetRows).get(lesion.id());
            Measures now = formRow == null ? Measures.NONE
                    : followUpMeasures(scan.at(groupOf(lesion), formRow), lesion.target());
            rows.add(new LesionRow(lesion.id(), lesion.target(), lesion.lymphNode(),
                    baselineRow == null ? null : baselineRow.text("organ").orElse(null),
                    baselineRow == null ? null : baselineRow.text("liver_segment").orElse(null),
                    baseline, previous, now, formRow));
        }
        List<ItemKey> unmatched = new ArrayList<>();
        targetRows.forEach((id, repeat) -> {
            if (base.lesion(id).filter(BaselineLesion::target).isEmpty()) {
                unmatched.add(new ItemKey(TARGET_GROUP, repeat, "target_lesion_id"));
            }
        });
        nonTargetRows.forEach((id, repeat) -> {
            if (base.lesion(id).filter(l -> !l.target()).isEmpty()) {
                unmatched.add(new ItemKey(NON_TARGET_GROUP, repeat, "non_target_lesion_id"));
            }
        });

        for (Criteria c : Criteria.values()) {
            ResponseCourse.Outcome outcome = course.evaluate(current, c);
            results.put(c, runningSums(c, rows, outcome));
        }
        LesionTable table = new LesionTable(base.baseline().date(),
                previousForm.map(f -> new Previous(f.id(), f.date(ImagingData.ASSESSMENT_DATE).orElse(null))).orElse(null),
                rows, unmatched, results, List.of(), List.of());
        return table.withChecks(checks(casebook, current, base, scan, rows, unmatched));
    }

    private LesionTable withChecks(List<Check> checks) {
        return new LesionTable(baselineDate, previous, rows, unmatched, criteria, checks, baselineProblems);
    }

    /** Lesions that still need a row on the form, so that the table and the stored rows match. */
    public List<LesionRow> withoutFormRow() {
        return rows.stream().filter(r -> r.formRow() == null).toList();
    }

    public List<LesionRow> targets() {
        return rows.stream().filter(LesionRow::target).toList();
    }

    public List<LesionRow> nonTargets() {
        return rows.stream().filter(r -> !r.target()).toList();
    }

    /** Findings at one field. */
    public List<RuleViolation> checksAt(ItemKey field) {
        return checks.stream().filter(c -> field.equals(c.field())).map(Check::violation).toList();
    }

    private static List<BaselineLesion> ordered(ImagingData.BaselineData base) {
        List<BaselineLesion> out = new ArrayList<>(base.baseline().targets());
        out.addAll(base.baseline().nonTargets());
        return out;
    }

    private static String groupOf(BaselineLesion lesion) {
        return lesion.target() ? TARGET_GROUP : NON_TARGET_GROUP;
    }

    private static String idItem(BaselineLesion lesion) {
        return lesion.target() ? "target_lesion_id" : "non_target_lesion_id";
    }

    /** The previous assessment of the course: the latest other one dated before this one (or the latest at all). */
    private static Optional<FormInstance> previous(ResponseCourse course, FormInstance current) {
        Optional<LocalDate> date = current.date(ImagingData.ASSESSMENT_DATE);
        String reader = course.reader(current).orElse(null);
        if (course.doubleReading() && reader == null) {
            return Optional.empty();
        }
        return course.course(current, reader).stream()
                .filter(f -> f.date(ImagingData.ASSESSMENT_DATE).isPresent())
                .filter(f -> date.isEmpty() || f.date(ImagingData.ASSESSMENT_DATE).get().isBefore(date.get()))
                .max(Comparator.comparing((FormInstance f) -> f.date(ImagingData.ASSESSMENT_DATE).orElseThrow())
                        .thenComparing(FormInstance::id));
    }

    private static Map<String, Integer> rowsById(Row scan, String group, String idItem) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int repeat : scan.repeats(group)) {
            scan.at(group, repeat).text(idItem).ifPresent(id -> out.putIfAbsent(id, repeat));
        }
        return out;
    }

    private static Optional<Row> find(Row scan, String group, String idItem, String id) {
        return scan.repeats(group).stream().map(r -> scan.at(group, r))
                .filter(r -> r.text(idItem).map(id::equals).orElse(false)).findFirst();
    }

    private static Measures baselineMeasures(Row r) {
        return new Measures(r.number("longest_diameter_mm").orElse(null), r.number("viable_diameter_mm").orElse(null),
                r.number("short_axis_mm").orElse(null), null, r.yes("arterial_enhancement").orElse(null));
    }

    private static Measures followUpMeasures(Row r, boolean target) {
        if (target) {
            return new Measures(r.number("target_ld_mm").orElse(null), r.number("target_viable_mm").orElse(null),
                    r.number("target_short_axis_mm").orElse(null), r.text("target_status").orElse(null), null);
        }
        return new Measures(null, null, null, r.text("non_target_status").orElse(null),
                r.yes("non_target_enhancement").orElse(null));
    }

    private static CriterionResult runningSums(Criteria c, List<LesionRow> rows, ResponseCourse.Outcome outcome) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal baselineSum = BigDecimal.ZERO;
        int measured = 0;
        int targets = 0;
        for (LesionRow row : rows) {
            if (!row.target()) {
                continue;
            }
            targets++;
            BigDecimal atBaseline = counted(c, row.lymphNode(), row.baseline());
            baselineSum = baselineSum == null || atBaseline == null ? null : baselineSum.add(atBaseline);
            BigDecimal now = counted(c, row.lymphNode(), row.current());
            if (now != null) {
                sum = sum.add(now);
                measured++;
            }
        }
        return new CriterionResult(c, measured == 0 ? null : sum, measured, targets, targets == 0 ? null : baselineSum,
                outcome.response(), outcome.computed() ? List.of() : outcome.problems());
    }

    /** The value a criteria counts for a target, as {@link LesionSums} and the response engine count it. */
    static BigDecimal counted(Criteria c, boolean node, Measures m) {
        if ("NOT_DONE".equals(m.status())) {
            return null;
        }
        if ("TOO_SMALL".equals(m.status())) {
            return BigDecimal.valueOf(Diameter.TOO_SMALL_TO_MEASURE_MM);
        }
        if (node) {
            return m.shortAxisMm();
        }
        if (c == Criteria.RECIST_1_1) {
            return m.longestMm();
        }
        if (m.viableMm() != null) {
            return m.viableMm();
        }
        return m.longestMm() != null && m.longestMm().signum() == 0 ? BigDecimal.ZERO : null;
    }

    /**
     * {@link AssessmentChecks} on what can be read of the form so far. A lesion whose row is still
     * being filled in is not reported as "not recorded": the criteria results say what is missing.
     */
    private static List<Check> checks(Casebook casebook, FormInstance current, ImagingData.BaselineData base, Row scan,
                                      List<LesionRow> rows, List<ItemKey> unmatched) {
        ImagingData.Read read = ImagingData.assessment(casebook, current, base, Criteria.RECIST_1_1);
        if (read.assessment() == null) {
            return List.of();
        }
        // The mapping reads rows by baseline lesion; rows naming no baseline lesion are added back for the checks.
        Assessment a = read.assessment();
        List<TargetMeasurement> targets = new ArrayList<>(a.targets());
        List<NonTargetObservation> nonTargets = new ArrayList<>(a.nonTargets());
        for (ItemKey key : unmatched) {
            String id = scan.at(key.groupId(), key.groupRepeat()).text(key.itemId()).orElseThrow();
            if (key.groupId().equals(TARGET_GROUP)) {
                targets.add(TargetMeasurement.notAssessed(id, "not a baseline target"));
            } else {
                nonTargets.add(NonTargetObservation.of(id, NonTargetStatus.NOT_EVALUABLE));
            }
        }
        a = new Assessment(a.date(), a.modality(), targets, nonTargets, a.newLesions(), a.tumourMarkersNormal());
        Set<String> withRow = new java.util.HashSet<>();
        rows.stream().filter(r -> r.formRow() != null).forEach(r -> withRow.add(r.lesionId()));
        List<Check> out = new ArrayList<>();
        for (RuleViolation v : AssessmentChecks.validate(base.baseline(), a)) {
            boolean notRecorded = v.code() == ViolationCode.TARGET_NOT_RECORDED || v.code() == ViolationCode.NON_TARGET_NOT_RECORDED;
            if (notRecorded && withRow.contains(v.lesionId())) {
                continue;
            }
            out.add(new Check(v, field(v, scan, rows)));
        }
        return out;
    }

    /** The field a finding concerns, so the form can show it there. */
    private static ItemKey field(RuleViolation v, Row scan, List<LesionRow> rows) {
        String id = v.lesionId();
        Optional<LesionRow> lesion = rows.stream().filter(r -> r.lesionId().equals(id) && r.formRow() != null).findFirst();
        return switch (v.code()) {
            case ASSESSMENT_NOT_AFTER_BASELINE -> new ItemKey(SCAN_GROUP, 1, ImagingData.ASSESSMENT_DATE);
            case MODALITY_CHANGED -> new ItemKey(SCAN_GROUP, 1, "modality");
            case NOT_ASSESSED_WITHOUT_REASON -> lesion.map(l -> new ItemKey(TARGET_GROUP, l.formRow(), "target_not_done_reason"))
                    .orElse(null);
            case VIABLE_EXCEEDS_LONGEST -> lesion.map(l -> new ItemKey(TARGET_GROUP, l.formRow(), "target_viable_mm")).orElse(null);
            case MEASUREMENT_MISSING -> lesion.map(l -> new ItemKey(TARGET_GROUP, l.formRow(),
                    l.lymphNode() ? "target_short_axis_mm" : l.current().viableMm() == null ? "target_viable_mm" : "target_ld_mm"))
                    .orElse(null);
            case NEW_LESION_REUSES_BASELINE_ID -> newLesionField(scan, id, "new_lesion_id");
            case NEW_LESION_SEEN_AFTER_SCAN -> newLesionField(scan, id, "first_seen_date");
            case UNKNOWN_LESION_ID, DUPLICATE_ENTRY -> idField(scan, id);
            default -> null;
        };
    }

    private static ItemKey newLesionField(Row scan, String id, String item) {
        return find(scan, NEW_LESION_GROUP, "new_lesion_id", id).map(r -> new ItemKey(NEW_LESION_GROUP, r.repeat(), item))
                .orElse(null);
    }

    /** The last row carrying the id (the second of a duplicate). */
    private static ItemKey idField(Row scan, String id) {
        ItemKey found = null;
        for (String[] g : new String[][] {{TARGET_GROUP, "target_lesion_id"}, {NON_TARGET_GROUP, "non_target_lesion_id"},
                {NEW_LESION_GROUP, "new_lesion_id"}}) {
            for (int repeat : scan.repeats(g[0])) {
                if (scan.at(g[0], repeat).text(g[1]).map(id::equals).orElse(false)) {
                    found = new ItemKey(g[0], repeat, g[1]);
                }
            }
        }
        return found;
    }
}
