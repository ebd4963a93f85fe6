package org.tacecrf.domain.casebook.derive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tacecrf.domain.clinical.InputProblem;

/**
 * Reads the inputs of one derivation from a {@link Row} and collects, in one pass, every input
 * that is missing or unusable, so that one empty result names all of them.
 */
final class Inputs {

    private final Row row;
    private final List<String> problems = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    Inputs(Row row) {
        this.row = row;
    }

    BigDecimal number(String itemId) {
        Optional<BigDecimal> n = row.number(itemId);
        if (n.isEmpty()) {
            missing(itemId);
        }
        return n.orElse(null);
    }

    LocalDate date(String itemId) {
        Optional<LocalDate> d = row.date(itemId);
        if (d.isEmpty()) {
            missing(itemId);
        }
        return d.orElse(null);
    }

    void missing(String itemId) {
        missing.add(itemId);
        problems.add(row.label(itemId) + " is missing.");
    }

    void problem(String message) {
        problems.add(message);
    }

    /**
     * Takes over a calculator's problems; its input keys are translated to item ids with
     * {@code itemsByInput} so that missing fields can be highlighted.
     */
    void calculatorProblems(List<InputProblem> calculator, Map<String, List<String>> itemsByInput) {
        for (InputProblem p : calculator) {
            // One sentence may cover several inputs (QLQ-C30 half rule): say it once, highlight all.
            if (!problems.contains(p.message())) {
                problems.add(p.message());
            }
            if (p.kind() == InputProblem.Kind.MISSING) {
                missing.addAll(itemsByInput.getOrDefault(p.input(), List.of()));
            }
        }
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    List<String> missing() {
        return List.copyOf(missing);
    }

    DerivedValue empty(String algorithm) {
        return DerivedValue.empty(algorithm, problems, missing);
    }
}
