package org.tacecrf.domain.check;

import java.time.LocalDate;

/**
 * Supplies the values an expression reads. Implemented by the caller, which knows where the check
 * runs (subject, visit, form and item-group instance) and how ids map to stored data.
 * <p>
 * Contract:
 * <ul>
 *   <li>A path that can have only one instance in the current context resolves to a single value,
 *       or {@link Value#empty()} when nothing was entered.</li>
 *   <li>A path that can have several instances (it crosses a repeating visit, form or item group)
 *       and a multiple-choice item always resolve to a {@link ListValue}, in instance order, even
 *       when there is exactly one instance or none: the number of TACE sessions must not change the
 *       meaning of a check.</li>
 *   <li>Choice items resolve to {@link CodeValue}s (the coded value, not the label).</li>
 * </ul>
 * The evaluator asks for each distinct path at most once per evaluation.
 */
public interface ValueResolver {

    /** The value(s) of an item path. Returning Java null is treated as empty. */
    Value resolve(Reference reference);

    /**
     * The value of a study parameter, written {@code $name} in expressions (for example
     * {@code $max_dose_per_vial_mg}). Returning Java null is treated as empty.
     */
    Value parameter(String name);

    /** The date {@code today()} returns: the site's current date. Override for reproducible runs. */
    default LocalDate today() {
        return LocalDate.now();
    }
}
