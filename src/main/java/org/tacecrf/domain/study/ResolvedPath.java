package org.tacecrf.domain.study;

import java.util.List;
import java.util.Objects;

/**
 * What a path of the edit-check language names from a {@link CheckContext}: which visits, which
 * form, group and item, which of these are the current ones, and whether the path has several values.
 * {@link SubjectSchema} computes it for validation; the resolver that reads a subject's data uses the
 * same object, so that the type checker and the evaluation agree on single and multiple values.
 *
 * @param reference    the path as written
 * @param currentVisit true when the path reads the current visit occurrence
 * @param visitIds     when not the current visit: every visit whose occurrences are read, in schedule order
 * @param form         the form read
 * @param currentForm  true when the path reads the current form instance
 * @param group        the group holding the item
 * @param currentRow   true when the path reads the current row of a repeating group
 * @param item         the item read
 * @param multiple     true when the path has several values: it crosses a repeating visit, form or item
 *                     group that is not the current one, more than one visit, or the item is a
 *                     multiple choice
 */
public record ResolvedPath(org.tacecrf.domain.check.Reference reference, boolean currentVisit, List<String> visitIds,
                           FormDef form, boolean currentForm, ItemGroupDef group, boolean currentRow, ItemDef item,
                           boolean multiple) {

    public ResolvedPath {
        Objects.requireNonNull(reference, "reference");
        visitIds = List.copyOf(visitIds);
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(item, "item");
        if (currentVisit != visitIds.isEmpty()) {
            throw new IllegalArgumentException("a path reads the current visit or named visits");
        }
    }
}
