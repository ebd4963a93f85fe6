package org.tacecrf.domain.clinical;

/**
 * How a value entered in a non-canonical unit is compared with a published cut-off.
 * <p>
 * Score tables often print each cut-off in two units whose values are rounded separately, so
 * they do not convert exactly: Child-Pugh bilirubin "2 mg/dL" is 34.2 µmol/L but the SI column
 * says 34; CTCAE anaemia "6.2 mmol/L" is 99.9 g/L but the g/L column says 100. The two choices
 * differ only for values lying between the two versions of a cut-off.
 */
public enum BoundaryBasis {
    /**
     * Compare the entered value with the cut-off printed for the entered unit; units without a
     * printed cut-off are converted to the canonical unit. The result matches what the
     * investigator reads off the table next to the source document. Default.
     */
    ENTERED_UNIT,
    /** Convert every value to the canonical unit and compare with the canonical cut-off. */
    CANONICAL_UNIT
}
