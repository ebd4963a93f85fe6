package org.tacecrf.domain.clinical;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems found while reading a calculator's inputs, so that one "not computable"
 * result names every missing or invalid input at once instead of only the first. Each read
 * method returns the usable value, or null after recording why it cannot be used.
 */
public final class InputChecks {

    private final List<InputProblem> problems = new ArrayList<>();

    /**
     * Validates a laboratory measurement: present, in a unit the analyte accepts, and inside the
     * analyte's hard range.
     *
     * @return the measurement as entered, or null when unusable
     */
    public Measurement lab(String input, String label, Analyte analyte, Measurement m) {
        if (m == null) {
            problems.add(InputProblem.missing(input, label + " is missing."));
            return null;
        }
        if (!analyte.accepts(m.unit())) {
            problems.add(InputProblem.invalid(input, label + " cannot be entered in " + m.unit().symbol()
                    + "; use one of " + analyte.units() + "."));
            return null;
        }
        BigDecimal canonical = analyte.toCanonical(m);
        if (analyte.plausibility(canonical) == Plausibility.IMPOSSIBLE) {
            problems.add(InputProblem.invalid(input, label + " " + m + " is outside the possible range "
                    + analyte.hardRange().describe() + " " + analyte.canonicalUnitLabel() + "."));
            return null;
        }
        return m;
    }

    /** As {@link #lab}, returning the value in the analyte's canonical unit. */
    public BigDecimal labCanonical(String input, String label, Analyte analyte, Measurement m) {
        Measurement valid = lab(input, label, analyte, m);
        return valid == null ? null : analyte.toCanonical(valid);
    }

    /** Validates a plain number against an accepted range. */
    public BigDecimal number(String input, String label, BigDecimal value, ValueRange range, String unit) {
        if (value == null) {
            problems.add(InputProblem.missing(input, label + " is missing."));
            return null;
        }
        if (!range.contains(value)) {
            problems.add(InputProblem.invalid(input, label + " " + value.toPlainString() + unitSuffix(unit)
                    + " is outside the accepted range " + range.describe() + unitSuffix(unit) + "."));
            return null;
        }
        return value;
    }

    /** Checks that a coded or boolean value is present. */
    public <T> T required(String input, String label, T value) {
        if (value == null) {
            problems.add(InputProblem.missing(input, label + " is missing."));
        }
        return value;
    }

    public void add(InputProblem problem) {
        problems.add(problem);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public List<InputProblem> problems() {
        return List.copyOf(problems);
    }

    private static String unitSuffix(String unit) {
        return unit == null || unit.isEmpty() ? "" : " " + unit;
    }
}
