package org.tacecrf.domain.exchange;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns that say which form instance a row is: the subject (and its site), the visit
 * occurrence, the form's repeat, and whether the form is marked complete. Their names are reserved:
 * an item with the same id gets a column prefixed with its group.
 */
public enum KeyColumn {
    /** Site code; required to create a subject, otherwise checked against the subject's site. */
    SITE("site", "Site code. Required for a new subject; otherwise it must match the subject's site or be left blank."),
    /** Subject number; on the enrolment template, blank gives the next number of the site. */
    SUBJECT_NUMBER("subject_number", "Subject number. On the enrolment template a blank cell enrols a new subject with the next number of the site."),
    /** Visit id; may be left out when the form is collected at one visit only. */
    VISIT("visit", "Visit id (see the visits below). May be blank when the form is collected at one visit only."),
    /** Occurrence of a repeating visit (1, 2, ...); 1 when blank. */
    VISIT_REPEAT("visit_repeat", "Occurrence of a repeating visit: 1 for the first TACE session, 2 for the second... Blank means 1."),
    /** Instance of a repeating form within the visit (1, 2, ...). */
    FORM_REPEAT("form_repeat", "Number of the entry of a repeating form within the visit (1, 2, 3...). Required for repeating forms."),
    /** Y marks the form complete (required items are then enforced); N or blank leaves the state as it is. */
    FORM_COMPLETE("form_complete", "Y marks the form complete (required items are then checked); N or blank leaves it as it is.");

    private final String columnName;
    private final String description;

    KeyColumn(String columnName, String description) {
        this.columnName = columnName;
        this.description = description;
    }

    public String columnName() {
        return columnName;
    }

    /** What the column holds, for the data dictionary. */
    public String description() {
        return description;
    }

    public static Optional<KeyColumn> byName(String name) {
        return Arrays.stream(values()).filter(k -> k.columnName.equals(name)).findFirst();
    }
}
