package org.tacecrf.domain.study;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A visit of the schedule (ODM {@code StudyEventDef}) with the forms collected there, in order.
 *
 * @param repeating  whether the visit occurs several times (TACE sessions, periodic follow-up)
 * @param maxRepeats upper limit of occurrences, or null for none
 * @param timing     when the (first) occurrence is due, or null for visits without a target date
 * @param interval   spacing of further occurrences of a repeating visit, or null
 */
public record VisitDef(String id, LocalizedText label, VisitType type, boolean repeating, Integer maxRepeats,
                       VisitTiming timing, RepeatInterval interval, List<VisitForm> forms,
                       SourceLocation location) {

    public VisitDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        forms = List.copyOf(forms);
        if (interval != null && !repeating) {
            throw new IllegalArgumentException("visit " + id + ": only a repeating visit has an interval");
        }
    }

    public Optional<VisitForm> form(String formId) {
        return forms.stream().filter(f -> f.formId().equals(formId)).findFirst();
    }

    public boolean collects(String formId) {
        return form(formId).isPresent();
    }
}
