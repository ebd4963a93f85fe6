package org.tacecrf.domain.validation;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.StudyDefinitionLoader;

/**
 * Builds a subject's casebook for tests: visits and forms with values written "item=value", or
 * "item#row=value" for a row of a repeating group; values are typed by the item's definition.
 */
final class Casebook {

    static final StudyDefinition DEMO = load("validation-demo.yaml");

    private final StudyDefinition study;
    private final List<SubjectData.VisitInstance> visits = new ArrayList<>();
    private final List<SubjectData.FormInstance> forms = new ArrayList<>();
    private long nextId = 100;

    Casebook(StudyDefinition study) {
        this.study = study;
    }

    Casebook() {
        this(DEMO);
    }

    static StudyDefinition load(String file) {
        try {
            return StudyDefinitionLoader.builtIn().loadFile(Path.of(Casebook.class.getResource(file).toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    SubjectData.VisitInstance visit(String visitId, int repeat, String date) {
        SubjectData.VisitInstance v = new SubjectData.VisitInstance(nextId++, visitId, repeat,
                date == null ? null : LocalDate.parse(date));
        visits.add(v);
        return v;
    }

    /** Adds a form instance (repeat 1 unless the values say "#repeat=n" first). */
    SubjectData.FormInstance form(SubjectData.VisitInstance visit, String formId, String... values) {
        SubjectData.FormInstance f = instance(visit, formId, repeatOf(values), nextId++, values);
        forms.add(f);
        return f;
    }

    /** A form instance that is not added: unsaved input, or a replacement of an instance (same id). */
    SubjectData.FormInstance instance(SubjectData.VisitInstance visit, String formId, int repeat, long id,
                                      String... values) {
        FormDef form = study.form(formId).orElseThrow(() -> new IllegalArgumentException("no form " + formId));
        Map<ItemKey, StoredValue> map = new LinkedHashMap<>();
        for (String entry : values) {
            if (entry.startsWith("#repeat=")) {
                continue;
            }
            String[] kv = entry.split("=", 2);
            String[] itemRow = kv[0].split("#");
            ItemDef item = form.item(itemRow[0]).orElseThrow(() -> new IllegalArgumentException("no item " + kv[0]));
            ItemGroupDef group = form.groupOf(item.id()).orElseThrow();
            int row = itemRow.length > 1 ? Integer.parseInt(itemRow[1]) : 1;
            map.put(new ItemKey(group.id(), row, item.id()), value(item, kv[1]));
        }
        return new SubjectData.FormInstance(id, visit, formId, repeat, false, map);
    }

    private static int repeatOf(String... values) {
        for (String v : values) {
            if (v.startsWith("#repeat=")) {
                return Integer.parseInt(v.substring(8));
            }
        }
        return 1;
    }

    private static StoredValue value(ItemDef item, String text) {
        if (item.numeric()) {
            return StoredValue.number(new BigDecimal(text));
        }
        return switch (item.dataType()) {
            case DATE -> StoredValue.date(LocalDate.parse(text));
            default -> StoredValue.text(text);
        };
    }

    SubjectData data() {
        return new SubjectData(1, visits, forms);
    }

    CheckSubject subject() {
        return new CheckSubject(data(), null, false);
    }
}
