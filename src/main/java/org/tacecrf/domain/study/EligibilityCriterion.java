package org.tacecrf.domain.study;

import java.util.Objects;

/** One inclusion or exclusion criterion of the protocol. */
public record EligibilityCriterion(String id, CriterionKind kind, LocalizedText text, SourceLocation location) {

    public EligibilityCriterion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
