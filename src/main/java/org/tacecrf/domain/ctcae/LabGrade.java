package org.tacecrf.domain.ctcae;

import java.util.List;
import java.util.Objects;

/**
 * A CTCAE grade proposed from a laboratory value. It is a severity proposal: whether it is
 * reported as an adverse event follows the protocol, and the investigator's AE grade stays the
 * record of truth (clinical rules 3.2).
 *
 * @param term             the CTCAE term graded
 * @param grade            0 (not increased/decreased) to 4
 * @param rule             the criterion that gave this grade, e.g. "> 3.0-5.0 x ULN" or
 *                         "1.5-3.0 x baseline (baseline abnormal)"
 * @param basis            what the value was compared with
 * @param baselineAbnormal whether the baseline was above its ULN (baseline-dependent terms); null when
 *                         the term does not use it or no baseline was given
 * @param thresholds       the limits that applied to this subject, lowest grade first
 */
public record LabGrade(CtcaeTerm term, int grade, String rule, Basis basis, Boolean baselineAbnormal,
                       List<GradeThreshold> thresholds) {

    /** What the value was compared with. */
    public enum Basis {
        /** Multiples of the upper limit of normal. */
        ULN,
        /** Multiples of the subject's baseline value. */
        BASELINE,
        /** Absolute cut-offs, and the LLN for grade 1 of decreases. */
        ABSOLUTE
    }

    public LabGrade {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(basis, "basis");
        thresholds = List.copyOf(thresholds);
        if (grade < 0 || grade > 4 || (grade > 0 && !term.allows(grade))) {
            throw new IllegalArgumentException("Grade " + grade + " is not defined for " + term.name());
        }
    }
}
