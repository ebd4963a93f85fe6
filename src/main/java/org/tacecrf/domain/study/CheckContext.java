package org.tacecrf.domain.study;

/**
 * Where an expression runs, as far as the study definition can tell: the visit, the form and the
 * row of a repeating item group that its paths are relative to. The same expression can mean
 * different things in different places (a bare {@code vials} is the current row's number of vials);
 * {@link SubjectSchema} gives the rules.
 *
 * @param visitId    the visit of the current occurrence, or null (a subject-level check)
 * @param formId     the current form, or null (a visit- or subject-level check)
 * @param rowGroupId the repeating item group whose current row bare paths refer to, or null
 * @param formOnly   true for a condition that only sees its own form ({@code visibleWhen}, evaluated
 *                   while the form is filled in, before any other form is at hand)
 */
public record CheckContext(String visitId, String formId, String rowGroupId, boolean formOnly) {

    public CheckContext {
        if (rowGroupId != null && formId == null) {
            throw new IllegalArgumentException("a row needs its form");
        }
        if (formOnly && (formId == null || visitId != null)) {
            throw new IllegalArgumentException("a form-only context has a form and no visit");
        }
    }

    /** A subject-level check: no current visit or form. */
    public static CheckContext subject() {
        return new CheckContext(null, null, null, false);
    }

    /** A visit-level check at an occurrence of the visit. */
    public static CheckContext visit(String visitId) {
        return new CheckContext(requireId(visitId), null, null, false);
    }

    /** A check or calculation in an instance of the form at an occurrence of the visit. */
    public static CheckContext form(String visitId, String formId) {
        return new CheckContext(requireId(visitId), requireId(formId), null, false);
    }

    /** As {@link #form}, for one row of a repeating item group. */
    public static CheckContext row(String visitId, String formId, String rowGroupId) {
        return new CheckContext(requireId(visitId), requireId(formId), requireId(rowGroupId), false);
    }

    /** A condition inside one form (and row), such as an item's {@code visibleWhen}. */
    public static CheckContext withinForm(String formId, String rowGroupId) {
        return new CheckContext(null, requireId(formId), rowGroupId, true);
    }

    private static String requireId(String id) {
        if (id == null) {
            throw new IllegalArgumentException("id is required");
        }
        return id;
    }

    @Override
    public String toString() {
        if (formOnly) {
            return "form '" + formId + "'" + (rowGroupId == null ? "" : " row of '" + rowGroupId + "'");
        }
        if (visitId == null) {
            return "subject";
        }
        return "visit '" + visitId + "'" + (formId == null ? "" : ", form '" + formId + "'")
                + (rowGroupId == null ? "" : ", row of '" + rowGroupId + "'");
    }
}
