package org.tacecrf.domain.study;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.tacecrf.domain.study.AnalysisConfig.CutoffSide;
import org.tacecrf.domain.study.AnalysisConfig.DerivedVariable;
import org.tacecrf.domain.study.AnalysisConfig.Summary;
import org.tacecrf.domain.study.AnalysisConfig.ComparisonTest;
import org.tacecrf.domain.study.AnalysisConfig.VariableType;

/**
 * One variable of the study tables, resolved against the study: read from an item (the first filled
 * instance of its form) or derived from the casebook, with its type, summary, cut-offs and the levels
 * its values fall into.
 * <p>
 * Levels: for a coded item, the codes of its code list in order, or the study's groups of codes;
 * for a number with cut-offs, one level per interval, coded {@code le60}/{@code gt60} (cut-off in the
 * lower category) or {@code lt60}/{@code ge60} (in the upper), {@code gt25le50} in between; for a
 * derived variable its fixed levels (arms, sites, Y/N, response categories). A continuous variable
 * without cut-offs has no levels.
 *
 * @param id        id used by the baseline list, subgroups and Cox covariates
 * @param label     row label
 * @param formId    form of the item, or null for a derived variable
 * @param itemId    item, or null for a derived variable
 * @param derived   the derived variable, or null
 * @param type      categorical, ordinal or continuous
 * @param summary   summary of a continuous variable ({@link Summary#NONE} for coded ones)
 * @param cutoffs   increasing cut-offs of a continuous variable (empty when none)
 * @param cutoffSide which category a value equal to a cut-off falls into
 * @param levels    the categories, in order (empty for a continuous variable without cut-offs)
 * @param multiple  a multiple-choice item: a subject may fall into several levels
 * @param test      the test chosen in the file, or null for the default of the type
 * @param decimals  decimals of the mean, SD, median and quartiles
 * @param location  where the variable was written (or the analysis section, for defaults)
 */
public record AnalysisVariable(String id, LocalizedText label, String formId, String itemId, DerivedVariable derived,
                               VariableType type, Summary summary, List<BigDecimal> cutoffs, CutoffSide cutoffSide,
                               List<Level> levels, boolean multiple, ComparisonTest test, int decimals,
                               SourceLocation location) {

    /**
     * One category of a variable.
     *
     * @param code  level code (a code of the item's list, a group code or a generated interval code)
     * @param label label in tables
     * @param codes the item's codes that fall into this level (the level's own code for an ungrouped list)
     * @param rank  order on an ordinal scale, from 1
     */
    public record Level(String code, LocalizedText label, List<String> codes, int rank) {
        public Level {
            Objects.requireNonNull(code);
            Objects.requireNonNull(label);
            codes = List.copyOf(codes);
        }
    }

    public AnalysisVariable {
        Objects.requireNonNull(id);
        Objects.requireNonNull(label);
        if ((derived == null) == (itemId == null)) {
            throw new IllegalArgumentException("variable " + id + " reads an item or is derived, not both");
        }
        Objects.requireNonNull(type);
        Objects.requireNonNull(summary);
        cutoffs = List.copyOf(cutoffs);
        Objects.requireNonNull(cutoffSide);
        levels = List.copyOf(levels);
    }

    /** Whether values fall into levels (coded, or cut into intervals). */
    public boolean categorised() {
        return !levels.isEmpty();
    }

    /** Whether the variable holds a number (continuous, possibly also cut into levels). */
    public boolean numeric() {
        return type == VariableType.CONTINUOUS;
    }

    public Optional<Level> level(String code) {
        return levels.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /** The level a coded value falls into. */
    public Optional<Level> levelOfCode(String code) {
        return levels.stream().filter(l -> l.codes().contains(code)).findFirst();
    }

    /** The interval a number falls into (continuous variables with cut-offs). */
    public Optional<Level> levelOf(BigDecimal value) {
        if (cutoffs.isEmpty() || value == null) {
            return Optional.empty();
        }
        int index = 0;
        for (BigDecimal c : cutoffs) {
            int cmp = value.compareTo(c);
            boolean above = cutoffSide == CutoffSide.LOWER ? cmp > 0 : cmp >= 0;
            if (above) {
                index++;
            }
        }
        return Optional.of(levels.get(index));
    }

    /** "baseline.age" or "derived: sessions", for messages. */
    public String source() {
        return derived != null ? "derived: " + derived.name().toLowerCase(java.util.Locale.ROOT) : formId + "." + itemId;
    }
}
