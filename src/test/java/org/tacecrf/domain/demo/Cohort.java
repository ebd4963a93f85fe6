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
