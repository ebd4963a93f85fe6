/**
 * Derived values of a subject's casebook.
 * <p>
 * {@link org.tacecrf.domain.casebook.derive.DerivationEngine} computes the calculated items of a
 * form (each built-in derivation bound to its calculator in the clinical, qol, response and
 * endpoint packages, and items written as expressions of the edit-check language), giving a
 * {@link org.tacecrf.domain.casebook.derive.DerivedValue} per item: the value, the algorithm and
 * version, and why it is empty when inputs are missing.
 * {@link org.tacecrf.domain.casebook.derive.SubjectSummary} adds up a whole casebook: treatment,
 * response per criteria, survival facts and the time-to-event endpoints with the rule that decided
 * each. The rules that are this package's own (which earlier value a change is taken from, which
 * marker value is the baseline, how other treatments are classified) are stated on the classes and
 * in docs/derived-values.md.
 */
package org.tacecrf.domain.casebook.derive;
