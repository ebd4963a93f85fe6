package org.tacecrf.domain.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.VisitSchedule;
import org.tacecrf.domain.check.CheckStatus;
import org.tacecrf.domain.check.Value;
import org.tacecrf.domain.study.BuiltInRule;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;

/**
 * {@link BuiltInRule#VISIT_WINDOW}: every occurrence of a visit with a timing is compared with its
 * window by {@link VisitSchedule}. Done outside the window fails (a protocol deviation); done within
 * passes; not done yet, or not yet due because its anchor has not happened, is not evaluable
 * (overdue visits are the casebook's to show, not a deviation of a visit that took place).
 */
final class VisitWindowRule {

    private VisitWindowRule() {
    }

    static List<RuleResult> run(StudyDefinition study, CheckSubject subject, LocalDate today) {
        SubjectData data = subject.data();
        VisitSchedule schedule = new VisitSchedule(study, data, subject.enrolmentDate());
        List<String> order = study.schedule().stream().map(VisitDef::id).toList();
        List<RuleResult> results = new ArrayList<>();
        data.visits().stream()
                .sorted(Comparator.comparingInt((SubjectData.VisitInstance v) -> order.indexOf(v.visitId()))
                        .thenComparingInt(SubjectData.VisitInstance::repeatKey))
                .forEach(occurrence -> study.visit(occurrence.visitId()).filter(v -> v.timing() != null)
                        .ifPresent(visit -> results.add(result(schedule, visit, occurrence, today))));
        return results;
    }

    private static RuleResult result(VisitSchedule schedule, VisitDef visit, SubjectData.VisitInstance occurrence,
                                     LocalDate today) {
        Optional<VisitSchedule.Expected> expected = schedule.expected(visit, occurrence.repeatKey());
        Map<String, Value> values = new LinkedHashMap<>();
        values.put("visit_date", Value.date(occurrence.date()));
        values.put("target_date", Value.date(expected.map(VisitSchedule.Expected::target).orElse(null)));
        values.put("earliest", Value.date(expected.map(VisitSchedule.Expected::earliest).orElse(null)));
        values.put("latest", Value.date(expected.map(VisitSchedule.Expected::latest).orElse(null)));
        OutcomeTarget target = new OutcomeTarget(occurrence.id(), null, null);
        String name = "visit " + visit.id() + " #" + occurrence.repeatKey();
        return switch (schedule.status(visit, occurrence.repeatKey(), today)) {
            case IN_WINDOW -> new RuleResult(target, CheckStatus.PASS, values, name + " on " + occurrence.date()
                    + " is within " + window(expected.get()));
            case OUT_OF_WINDOW -> new RuleResult(target, CheckStatus.FAIL, values, name + " on " + occurrence.date()
                    + " is outside " + window(expected.get()));
            case PENDING, OVERDUE -> new RuleResult(target, CheckStatus.NOT_EVALUABLE, values, name
                    + " has no date yet");
            case UNSCHEDULED -> new RuleResult(target, CheckStatus.NOT_EVALUABLE, values, name
                    + " has no target date yet: the date it is timed from is not known");
        };
    }

    private static String window(VisitSchedule.Expected e) {
        return e.earliest() + " to " + e.latest();
    }
}
