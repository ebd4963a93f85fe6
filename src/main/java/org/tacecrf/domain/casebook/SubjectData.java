package org.tacecrf.domain.casebook;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * All of one subject's data in memory, read in one pass: visit occurrences, form instances and
 * their values. Derivations, edit checks across forms and visits, and endpoint derivation read it;
 * it is built fresh for each save, so it never goes stale.
 */
public final class SubjectData {

    /** One occurrence of a visit. */
    public record VisitInstance(long id, String visitId, int repeatKey, LocalDate date) {
    }

    /** One form filled at a visit, with its values by item key. */
    public record FormInstance(long id, VisitInstance visit, String formId, int repeatKey, boolean complete,
                               Map<ItemKey, StoredValue> values) {

        public Optional<StoredValue> value(String groupId, int repeat, String itemId) {
            return Optional.ofNullable(values.get(new ItemKey(groupId, repeat, itemId))).filter(v -> !v.isEmpty());
        }

        /** The value of an item in any repeat of its group (the first, for a non-repeating group). */
        public Optional<StoredValue> first(String itemId) {
            return values.entrySet().stream().filter(e -> e.getKey().itemId().equals(itemId) && !e.getValue().isEmpty())
                    .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).findFirst();
        }

        /** Values of an item across the repeats of its group, by repeat. */
        public Map<Integer, StoredValue> repeats(String itemId) {
            Map<Integer, StoredValue> map = new TreeMap<>();
            values.forEach((key, value) -> {
                if (key.itemId().equals(itemId) && !value.isEmpty()) {
                    map.put(key.groupRepeat(), value);
                }
            });
            return map;
        }

        /** The day of a date item, or of a date-time item (rules counted in days read both). */
        public Optional<LocalDate> date(String itemId) {
            return first(itemId).map(StoredValue::day);
        }

        /** The value of a date-time item. */
        public Optional<LocalDateTime> dateTime(String itemId) {
            return first(itemId).map(StoredValue::dateTime);
        }

        public String key() {
            return visit.visitId() + "[" + visit.repeatKey() + "]." + formId + "[" + repeatKey + "]";
        }
    }

    private final long subjectId;
    private final List<VisitInstance> visits;
    private final List<FormInstance> forms;

    public SubjectData(long subjectId, List<VisitInstance> visits, List<FormInstance> forms) {
        this.subjectId = subjectId;
        this.visits = List.copyOf(visits);
        this.forms = List.copyOf(forms);
    }

    public long subjectId() {
        return subjectId;
    }

    public List<VisitInstance> visits() {
        return visits;
    }

    public List<FormInstance> forms() {
        return forms;
    }

    /** Every instance of a form, in visit order then repeat order. */
    public List<FormInstance> forms(String formId) {
        return forms.stream().filter(f -> f.formId().equals(formId))
                .sorted(Comparator.comparing((FormInstance f) -> f.visit().date(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(f -> f.visit().id()).thenComparing(FormInstance::repeatKey))
                .toList();
    }

    public Optional<FormInstance> form(String visitId, String formId) {
        return forms.stream().filter(f -> f.formId().equals(formId) && f.visit().visitId().equals(visitId))
                .min(Comparator.comparing((FormInstance f) -> f.visit().repeatKey()).thenComparing(FormInstance::repeatKey));
    }

    public Optional<FormInstance> form(long formInstanceId) {
        return forms.stream().filter(f -> f.id() == formInstanceId).findFirst();
    }

    /** A copy with one form's values replaced, to derive and check unsaved input. */
    public SubjectData withForm(FormInstance replacement) {
        List<FormInstance> copy = new ArrayList<>(forms.size() + 1);
        boolean replaced = false;
        for (FormInstance f : forms) {
            if (f.id() == replacement.id()) {
                copy.add(replacement);
                replaced = true;
            } else {
                copy.add(f);
            }
        }
        if (!replaced) {
            copy.add(replacement);
        }
        List<VisitInstance> visitCopy = new ArrayList<>(visits);
        if (visitCopy.stream().noneMatch(v -> v.id() == replacement.visit().id())) {
            visitCopy.add(replacement.visit());
        }
        return new SubjectData(subjectId, visitCopy, copy);
    }

    /** Builds a form instance from values keyed by path text. */
    public static Map<ItemKey, StoredValue> valuesOf(Map<String, StoredValue> byPath) {
        Map<ItemKey, StoredValue> map = new LinkedHashMap<>();
        byPath.forEach((path, value) -> map.put(ItemKey.parse(path), value));
        return map;
    }
}
