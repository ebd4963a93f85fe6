package org.tacecrf.application.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.tacecrf.domain.exchange.ExchangeProblem;

/**
 * Adds up record outcomes into the counts of a report, keeping the first {@link ImportReport#MAX_LISTED}
 * problems and changes, so an import of any size reports in bounded memory.
 */
public final class ImportTally {

    int records;
    int formsChanged;
    int formsUnchanged;
    int valuesChanged;
    int queries;
    int errors;
    int warnings;
    final Set<String> created = new HashSet<>();
    final Set<String> updated = new HashSet<>();
    final List<ExchangeProblem> problems = new ArrayList<>();
    final List<ImportReport.ValueChange> changes = new ArrayList<>();
    private int newSubjects;

    void add(RecordOutcome outcome) {
        records++;
        problems(outcome.problems());
        if (outcome.subjectCreated()) {
            created.add(outcome.subjectNumber() == null ? "#" + newSubjects++ : outcome.subjectNumber() + "#" + newSubjects++);
        } else if (outcome.changed() && outcome.subjectNumber() != null) {
            updated.add(outcome.subjectNumber());
        }
        if (outcome.changed()) {
            formsChanged++;
        } else if (!outcome.hasErrors()) {
            formsUnchanged++;
        }
        valuesChanged += outcome.changes().size();
        queries += outcome.queries();
        for (ImportReport.ValueChange change : outcome.changes()) {
            if (changes.size() < ImportReport.MAX_LISTED) {
                changes.add(change);
            }
        }
    }

    void problems(List<ExchangeProblem> list) {
        for (ExchangeProblem problem : list) {
            if (problem.error()) {
                errors++;
            } else {
                warnings++;
            }
            if (problems.size() < ImportReport.MAX_LISTED) {
                problems.add(problem);
            }
        }
    }

    boolean hasErrors() {
        return errors > 0;
    }
}
