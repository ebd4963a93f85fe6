package org.tacecrf.domain.exchange;

import java.util.Map;

import org.tacecrf.domain.casebook.ItemKey;

/**
 * One form instance as an import file gives it: which subject, visit occurrence and form, whether to
 * mark it complete, and the values of the items the file carries. A value present with blank text
 * clears the item; an item the file does not carry is left as it is.
 *
 * @param row           row (CSV/XLSX) or line (ODM) where the record starts, for reports
 * @param siteId        site given by the file, or null
 * @param subjectNumber subject number, or null for a new subject numbered by its site
 * @param visitId       visit of the schedule
 * @param visitRepeat   occurrence of the visit, from 1
 * @param formId        form
 * @param formRepeat    instance of the form at the visit, from 1
 * @param complete      true to mark the form complete; null leaves the state as it is
 * @param values        values by item key, in file order
 */
public record ImportRecord(int row, String siteId, String subjectNumber, String visitId, int visitRepeat, String formId,
                           int formRepeat, Boolean complete, Map<ItemKey, Cell> values) {

    public ImportRecord {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    /** One value: the column (or ODM item OID) it came from, the text and the unit it was given in (or null). */
    public record Cell(String column, String text, String unit) {

        public boolean blank() {
            return text == null || text.isBlank();
        }
    }

    /** A new subject: an enrolment record without a subject number. */
    public boolean newSubject() {
        return subjectNumber == null;
    }

    /** The form instance this record addresses, e.g. {@code ZJU-001 tace[2] tace_session[1]}. */
    public String target() {
        return (subjectNumber == null ? "(new subject)" : subjectNumber) + " " + visitId + "[" + visitRepeat + "] " + formId + "["
                + formRepeat + "]";
    }
}
