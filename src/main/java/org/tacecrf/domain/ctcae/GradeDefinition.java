package org.tacecrf.domain.ctcae;

import java.util.Objects;

/**
 * What one grade of a CTCAE term means, paraphrased (the eCRF shows the official wording from
 * the CTEP distribution where the licence and layout allow). In CTCAE text a semicolon means "or".
 *
 * @param grade  1-5
 * @param text   paraphrased definition
 * @param source where the text comes from, so that unverified text can be flagged
 */
public record GradeDefinition(int grade, String text, TextSource source) {

    /** Provenance of a grade text. */
    public enum TextSource {
        /** Term-specific text, paraphrased from the study's clinical rules (CTCAE v5.0). */
        TERM_SPECIFIC,
        /** Term-specific text marked [VERIFY] in the clinical rules: check against the CTEP release. */
        TERM_SPECIFIC_TO_VERIFY,
        /**
         * The CTCAE general grade definition, used for "Other, specify" entries and for terms
         * whose specific wording is not held here; the grades offered are the term's own.
         */
        GENERAL_DEFINITION
    }

    public GradeDefinition {
        if (grade < 1 || grade > 5) {
            throw new IllegalArgumentException("CTCAE grades are 1-5");
        }
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
