package org.tacecrf.application.exchange;

import java.util.List;

import org.tacecrf.domain.exchange.ExchangeProblem;
import org.tacecrf.domain.exchange.ImportRecord;

/**
 * What applying one record did (or would do): whether it created the subject or the form, the
 * values that changed, problems found at that point, and the queries its soft check failures raise.
 *
 * @param subjectNumber the subject's number (assigned when the record created the subject)
 * @param changed       whether anything was written for the record
 */
public record RecordOutcome(ImportRecord record, String subjectNumber, boolean subjectCreated, boolean formCreated, boolean changed,
                            List<ImportReport.ValueChange> changes, List<ExchangeProblem> problems, int queries) {

    public RecordOutcome {
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
    }

    static RecordOutcome refused(ImportRecord record, List<ExchangeProblem> problems) {
        return new RecordOutcome(record, record.subjectNumber(), false, false, false, List.of(), problems, 0);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(ExchangeProblem::error);
    }
}
