package org.tacecrf.domain.ctcae;

import java.util.Objects;

/**
 * How an event that sites name in their own words is reported in CTCAE.
 *
 * @param event         the event as sites call it, e.g. "Biloma"
 * @param term          CTCAE term to report it under
 * @param specification text for an "Other, specify" term, or null for a named term
 * @param note          English guidance shown to the data-entry user
 */
public record ReportingSuggestion(String event, CtcaeTerm term, String specification, String note) {

    public ReportingSuggestion {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(note, "note");
        if (term.otherSpecify() != (specification != null)) {
            throw new IllegalArgumentException("An 'Other, specify' term needs a specification, a named term none");
        }
    }

    /** The name as it will appear in AE listings. */
    public String reportedName() {
        return term.reportedName(specification);
    }
}
