package org.tacecrf.domain.check;

/**
 * When a check runs and how much of the casebook it may look at. The language itself does not
 * depend on the scope; the scope tells the caller when to evaluate and how the resolver reads
 * relative paths. All scopes are also run by a batch run over all subjects, and a check re-runs
 * whenever one of its {@link Expression#references()} changes.
 */
public enum CheckScope {
    /** On change of the target item, before the form is saved; reads the current form. */
    ITEM,
    /** When a form is saved; reads the current form instance. */
    FORM,
    /** When a form of the visit is saved; reads forms of the current visit instance. */
    VISIT,
    /** When any form of the subject is saved; reads across visits (visit.form.item paths). */
    SUBJECT
}
