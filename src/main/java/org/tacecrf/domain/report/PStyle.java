package org.tacecrf.domain.report;

/** How a p-value at or above the display floor is written. */
public enum PStyle {
    /** Fixed decimals, as SPSS prints and most journals ask: 0.012, 0.050, 0.417. */
    FIXED_DECIMALS,
    /** Two significant digits: 0.012, 0.050, 0.42, 0.0012 (some journals, e.g. NEJM style). */
    TWO_SIGNIFICANT
}
