package org.tacecrf.domain.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.derive.SubjectSummary;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.stats.KaplanMeier;
import org.tacecrf.domain.stats.SurvivalQuantileMethod;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * A generated demo cohort as stored casebooks ({@link PlannedCasebook}), with the counts a study
 * table would show: read from the entered and derived data, never from the generator's facts.
 */
final class Cohort {

    private static final Map<String, Cohort> CACHE = new ConcurrentHashMap<>();

    final StudyDefinition study;
    final CohortPlan plan;
    final List<PlannedCasebook> subjects;
    final List<SubjectSummary> summaries;

    private Cohort(String studyId, long seed) {
        study = PlannedCasebook.CATALOG.get(studyId);
        CohortSpec spec = CohortSpecReader.forStudy(studyId).orElseThrow();
        plan = new CohortGenerator(study, spec).generate(seed);
        subjects = PlannedCasebook.of(study, plan);
        summaries = subjects.stream().map(PlannedCasebook::summary).toList();
    }

    /** The shipped cohort of a study with its default seed (generated once per test run). */
    static Cohort of(String studyId) {
        return CACHE.computeIfAbsent(studyId, id -> new Cohort(id, CohortSpecReader.forStudy(id).orElseThrow().seed()));
    }

    static Cohort of(String studyId, long seed) {
        return new Cohort(studyId, seed);
    }

    int size() {
        return subjects.size();
    }

    /** Subjects whose stored baseline value of an item satisfies the condition (in an arm, or all when null). */
    long baseline(String arm, String itemId, Predicate<String> condition) {
        return subjects.stream().filter(s -> arm == null || s.subject.armId().equals(arm))
                .map(s -> s.baseline(itemId)).filter(v -> v != null && condition.test(v)).count();
    }

    long baseline(String itemId, Predicate<String> condition) {
        return baseline(null, itemId, condition);
    }

    static Predicate<String> is(String code) {
        return code::equals;
    }

    static Predicate<String> above(double limit) {
        return v -> new BigDecimal(v).doubleValue() > limit;
    }

    static Predicate<String> atMost(double limit) {
        return v -> new BigDecimal(v).doubleValue() <= limit;
    }

    /** Responses (primary criteria) at the protocol time point of a visit, by arm (all when null). */
    Map<Response, Integer> responsesAt(String arm, String visitId) {
        Map<Response, Integer> out = new TreeMap<>();
        for (int i = 0; i < size(); i++) {
            if (arm != null && !subjects.get(i).subject.armId().equals(arm)) {
                continue;
            }
            summaries.get(i).primary().protocolTimePoints().stream().filter(t -> t.visitId().equals(visitId) && t.response() != null)
                    .findFirst().ifPresent(t -> out.merge(t.response(), 1, Integer::sum));
        }
        return out;
    }

    /** Number of subjects with a given number of TACE sessions, by that number. */
    Map<Integer, Integer> sessions() {
        Map<Integer, Integer> out = new TreeMap<>();
        summaries.forEach(s -> out.merge(s.sessionCount(), 1, Integer::sum));
        return out;
    }

    /** Adverse-event forms of a term, by grade; {@code unit} names what one count is (a session or a patient). */
    Map<Integer, Integer> events(String arm, String term, Function<SubjectData.FormInstance, String> unit) {
        Map<Integer, Integer> out = new TreeMap<>();
        for (PlannedCasebook s : subjects) {
            if (arm != null && !s.subject.armId().equals(arm)) {
                continue;
            }
            Map<String, Integer> worst = new TreeMap<>();
            for (SubjectData.FormInstance f : s.data.forms("adverse_event")) {
                if (f.first("ae_term").map(StoredValue::text).filter(term::equals).isPresent()) {
                    int grade = Integer.parseInt(f.first("ae_grade").orElseThrow().text());
                    worst.merge(unit.apply(f), grade, Math::max);
                }
            }
            worst.values().forEach(g -> out.merge(g, 1, Integer::sum));
        }
        return out;
    }

    /**
     * The study tables the analysis module builds from these casebooks (all data, no cut-off), with
     * the screening log of the enrolled subjects and the plan's screen failures.
     */
    org.tacecrf.domain.tables.StudyTables.Result tables() {
        if (tables == null) {
            List<org.tacecrf.domain.tables.SubjectRecord> records = new java.util.ArrayList<>();
            List<org.tacecrf.domain.tables.ScreeningEntry> log = new java.util.ArrayList<>();
            for (PlannedCasebook s : subjects) {
                CohortPlan.PlannedSubject p = s.subject;
                records.add(org.tacecrf.domain.tables.SubjectRecord.derive(study, new org.tacecrf.domain.tables.SubjectFacts(
                        p.index(), String.format("%s-%03d", p.siteId(), p.index()), p.siteId(), p.armId(), "ENROLLED",
                        p.enrolmentDate(), false), s.data));
                log.add(new org.tacecrf.domain.tables.ScreeningEntry(p.siteId(), p.screenedOn(),
                        org.tacecrf.domain.tables.ScreeningEntry.Outcome.ENROLLED, null, List.of()));
            }
            for (CohortPlan.ScreenFailure f : plan.screenFailures()) {
                List<String> failed = f.eligibility().entrySet().stream().filter(e -> study.eligibility().stream()
                        .anyMatch(c -> c.id().equals(e.getKey()) && (c.kind() == org.tacecrf.domain.study.CriterionKind.INCLUSION) != e.getValue()))
                        .map(Map.Entry::getKey).toList();
                log.add(new org.tacecrf.domain.tables.ScreeningEntry(f.siteId(), f.screenedOn(), f.declined()
                        ? org.tacecrf.domain.tables.ScreeningEntry.Outcome.NOT_ENROLLED
                        : org.tacecrf.domain.tables.ScreeningEntry.Outcome.NOT_ELIGIBLE, f.note(), failed));
            }
            tables = org.tacecrf.domain.tables.StudyTables.build(
                    org.tacecrf.domain.tables.AnalysisDataset.of(study, null, false, records, log));
        }
        return tables;
    }

    private org.tacecrf.domain.tables.StudyTables.Result tables;

    /** A built study table by id. */
    org.tacecrf.domain.report.StudyTable table(String id) {
        return tables().table(id).orElseThrow(() -> new AssertionError("no table " + id + " in "
                + tables().tables().stream().map(org.tacecrf.domain.report.StudyTable::id).toList()));
    }

    /** The printed cell of a table row ("Gender / Male"); column 1 is the first data column. */
    static String cell(org.tacecrf.domain.report.StudyTable t, String rowPath, int column) {
        int r = t.rowPaths().indexOf(rowPath);
        if (r < 0) {
            throw new AssertionError("no row " + rowPath + " in " + t.id() + ": " + t.rowPaths());
        }
        return t.rows().get(r).cells().get(column - 1).text();
    }

    /** Kaplan-Meier median in months of an endpoint over the subjects of an arm (all when null). */
    OptionalDouble median(String arm, Function<SubjectSummary, SubjectSummary.EndpointResult> endpoint) {
        List<SubjectSummary.EndpointResult> results = java.util.stream.IntStream.range(0, size())
                .filter(i -> arm == null || subjects.get(i).subject.armId().equals(arm))
                .mapToObj(i -> endpoint.apply(summaries.get(i))).filter(r -> r != null && r.available()).toList();
        double[] time = results.stream().mapToDouble(r -> r.result().months()).toArray();
        boolean[] event = new boolean[results.size()];
        for (int i = 0; i < event.length; i++) {
            event[i] = results.get(i).result().event();
        }
        return KaplanMeier.fit(time, event).median(SurvivalQuantileMethod.R_LOG).time();
    }
}
