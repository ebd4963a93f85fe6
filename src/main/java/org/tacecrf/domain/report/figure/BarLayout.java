package org.tacecrf.domain.report.figure;

/** How the series of a bar chart share a category. */
public enum BarLayout {
    /** One bar per category, the series stacked (proportions of patients by response). */
    STACKED,
    /** Side-by-side bars per category. */
    GROUPED
}
