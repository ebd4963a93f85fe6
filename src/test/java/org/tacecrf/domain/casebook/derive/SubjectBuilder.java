package org.tacecrf.domain.casebook.derive;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.ItemValueParser;
import org.tacecrf.domain.casebook.ParsedValue;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.casebook.SubjectData.VisitInstance;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.StudyCatalog;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * Builds a subject's data against a real study definition: values are typed as a nurse would
 * (text, with an optional unit) and go through {@link ItemValueParser}, so item ids, codes and unit
 * conversions are the shipped ones.
 */
final class SubjectBuilder {

    static final StudyCatalog CATALOG = StudyCatalog.load(
            Path.of(System.getProperty("basedir", ".")).resolve("config/studies"));

    private static final ItemValueParser PARSER = new ItemValueParser(LocalDate.of(2030, 1, 1));

    private final StudyDefinition study;
    private final List<VisitInstance> visits = new ArrayList<>();
    private final List<FormBuilder> forms = new ArrayList<>();
    private long nextId = 1;

    SubjectBuilder(StudyDefinition study) {
        this.study = study;
    }

    static SubjectBuilder of(String studyId) {
        return new SubjectBuilder(CATALOG.get(studyId));
    }

    StudyDefinition study() {
        return study;
    }

    /** A visit occurrence; {@code date} may be null. */
    VisitInstance visit(String visitId, int repeat, String date) {
        if (study.visit(visitId).isEmpty()) {
            throw new IllegalArgumentException("no visit " + visitId + " in " + study.id());
        }
        VisitInstance v = new VisitInstance(nextId++, visitId, repeat, date == null ? null : LocalDate.parse(date));
        visits.add(v);
        return v;
    }

    FormBuilder form(VisitInstance visit, String formId) {
        return form(visit, formId, 1);
    }

    FormBuilder form(VisitInstance visit, String formId, int repeatKey) {
        FormBuilder f = new FormBuilder(nextId++, visit, study.form(formId).orElseThrow(
                () -> new IllegalArgumentException("no form " + formId + " in " + study.id())), repeatKey);
        forms.add(f);
        return f;
    }

    SubjectData build() {
        return new SubjectData(42, visits, forms.stream().map(FormBuilder::instance).toList());
    }

    final class FormBuilder {
        private final long id;
        private final VisitInstance visit;
        private final FormDef def;
        private final int repeatKey;
        private final Map<ItemKey, StoredValue> values = new LinkedHashMap<>();

        private FormBuilder(long id, VisitInstance visit, FormDef def, int repeatKey) {
            this.id = id;
            this.visit = visit;
            this.def = def;
            this.repeatKey = repeatKey;
        }

        /** An item of a non-repeating group (repeat 1). */
        FormBuilder set(String itemId, String raw) {
            return set(itemId, raw, null);
        }

        FormBuilder set(String itemId, String raw, String unit) {
            ItemGroupDef group = def.groupOf(itemId).orElseThrow(() -> new IllegalArgumentException(
                    "no item " + itemId + " on " + def.id()));
            return put(new ItemKey(group.id(), 1, itemId), raw, unit);
        }

        /** Several items of one row of a repeating group: id, value, id, value ... */
        FormBuilder row(String groupId, int repeat, String... itemsAndValues) {
            for (int i = 0; i < itemsAndValues.length; i += 2) {
                put(new ItemKey(groupId, repeat, itemsAndValues[i]), itemsAndValues[i + 1], null);
            }
            return this;
        }

        private FormBuilder put(ItemKey key, String raw, String unit) {
            ItemDef item = def.item(key.itemId()).orElseThrow(() -> new IllegalArgumentException(
                    "no item " + key.itemId() + " on " + def.id()));
            ParsedValue parsed = PARSER.parse(item, study.codeListOf(item).orElse(null), raw, unit);
            if (parsed.hasError()) {
                throw new IllegalArgumentException(key + " = " + raw + ": " + parsed.firstError().orElseThrow().englishText());
            }
            values.put(key, StoredValue.of(parsed));
            return this;
        }

        FormBuilder clear(String itemId) {
            values.keySet().removeIf(k -> k.itemId().equals(itemId));
            return this;
        }

        FormInstance instance() {
            return new FormInstance(id, visit, def.id(), repeatKey, false, values);
        }

        long id() {
            return id;
        }
    }
}
