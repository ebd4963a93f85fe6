package org.tacecrf.application.exchange;

import java.util.List;

import jakarta.ejb.ApplicationException;

import org.tacecrf.domain.exchange.ExchangeProblem;

/**
 * A record refused while committing: the whole import transaction rolls back, and the problems say
 * where and why.
 */
@ApplicationException(rollback = true)
public class ImportRecordFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ExchangeProblem> problems;

    public ImportRecordFailure(List<ExchangeProblem> problems) {
        super(problems.isEmpty() ? "import refused" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    public List<ExchangeProblem> problems() {
        return problems;
    }
}
