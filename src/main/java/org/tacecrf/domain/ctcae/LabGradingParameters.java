package org.tacecrf.domain.ctcae;

import java.util.Objects;

import org.tacecrf.domain.clinical.BoundaryBasis;

/**
 * Study parameters of CTCAE laboratory grading.
 *
 * @param missingBaseline    what to do when a baseline-dependent term has no baseline
 * @param unknownAnticoagulation what to do when INR is graded without the anticoagulation status
 * @param boundaryBasis      how haemoglobin in mmol/L meets the g/L cut-offs (the only analyte here
 *                           whose printed cut-offs are not exact conversions: 6.2 mmol/L = 99.9 g/L)
 */
public record LabGradingParameters(MissingBaseline missingBaseline, UnknownAnticoagulation unknownAnticoagulation,
                                   BoundaryBasis boundaryBasis) {

    /** Strict: no grade without a baseline or anticoagulation status; cut-offs in the entered unit. */
    public static final LabGradingParameters DEFAULT = new LabGradingParameters(
            MissingBaseline.NOT_GRADABLE, UnknownAnticoagulation.NOT_GRADABLE, BoundaryBasis.ENTERED_UNIT);

    public LabGradingParameters {
        Objects.requireNonNull(missingBaseline, "missingBaseline");
        Objects.requireNonNull(unknownAnticoagulation, "unknownAnticoagulation");
        Objects.requireNonNull(boundaryBasis, "boundaryBasis");
    }

    public LabGradingParameters withMissingBaseline(MissingBaseline value) {
        return new LabGradingParameters(value, unknownAnticoagulation, boundaryBasis);
    }

    public LabGradingParameters withUnknownAnticoagulation(UnknownAnticoagulation value) {
        return new LabGradingParameters(missingBaseline, value, boundaryBasis);
    }

    public LabGradingParameters withBoundaryBasis(BoundaryBasis value) {
        return new LabGradingParameters(missingBaseline, unknownAnticoagulation, value);
    }

    /**
     * ALT, AST, bilirubin, ALP and GGT are graded against the baseline when it was abnormal, and
     * creatinine also by multiples of baseline; without a baseline the grade may be wrong.
     */
    public enum MissingBaseline {
        /** No grade; the baseline is reported missing (default). */
        NOT_GRADABLE,
        /**
         * Treat the baseline as normal: ULN criteria only (the pharmaverse admiral convention).
         * Can overstate increases in subjects whose baseline was in fact abnormal, and understate
         * creatinine grades that only the baseline criterion would reach.
         */
        TREAT_AS_NORMAL
    }

    /** INR criteria differ for anticoagulated subjects (multiples of baseline). */
    public enum UnknownAnticoagulation {
        /** No grade; the status is reported missing (default). */
        NOT_GRADABLE,
        /** Grade with the absolute INR criteria for subjects not on anticoagulation. */
        ASSUME_NOT_ANTICOAGULATED
    }
}
