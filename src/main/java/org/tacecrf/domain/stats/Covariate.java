package org.tacecrf.domain.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * A covariate of a regression model and the design-matrix columns it produces.
 */
public sealed interface Covariate permits Covariate.Numeric, Covariate.Categorical {

    /** Name of the variable, also the key of its value in a {@link SurvivalRow}. */
    String name();

    /** Names of the design-matrix columns of this covariate. */
    List<String> columnNames();

    /** A numeric covariate entered as one column (its effect is per unit). */
    static Covariate numeric(String name) {
        return new Numeric(name);
    }

    /**
     * A categorical covariate entered as indicator (dummy) columns, one per level other than the
     * reference: {@code "ECOG=1 vs 0"}, {@code "ECOG=2 vs 0"}.
     */
    static Covariate categorical(String name, List<String> levels, String reference) {
        return new Categorical(name, levels, reference);
    }

    /** A numeric covariate; values are {@link Number}s, {@code null} or {@code NaN} when missing. */
    record Numeric(String name) implements Covariate {

        public Numeric {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A covariate needs a name.");
            }
        }

        @Override
        public List<String> columnNames() {
            return List.of(name);
        }
    }

    /**
     * A categorical covariate; values are matched to the levels by {@code toString()}, {@code null}
     * when missing.
     *
     * @param name      variable name
     * @param levels    all levels, in the order the columns should appear
     * @param reference the level every other level is compared with
     */
    record Categorical(String name, List<String> levels, String reference) implements Covariate {

        public Categorical {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A covariate needs a name.");
            }
            levels = List.copyOf(levels);
            if (levels.size() < 2) {
                throw new IllegalArgumentException("The categorical covariate " + name + " needs at least two levels.");
            }
            if (!levels.contains(reference)) {
                throw new IllegalArgumentException("The reference level of " + name + " must be one of its levels.");
            }
            if (levels.stream().distinct().count() != levels.size()) {
                throw new IllegalArgumentException("The levels of " + name + " must be distinct.");
            }
        }

        /** The non-reference levels, one column each. */
        public List<String> contrastLevels() {
            List<String> out = new ArrayList<>(levels);
            out.remove(reference);
            return out;
        }

        @Override
        public List<String> columnNames() {
            return contrastLevels().stream().map(level -> name + "=" + level + " vs " + reference).toList();
        }
    }
}
