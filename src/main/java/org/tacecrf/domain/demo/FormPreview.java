package org.tacecrf.domain.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.ItemValueParser;
import org.tacecrf.domain.casebook.ParsedValue;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.derive.DerivationEngine;
import org.tacecrf.domain.casebook.derive.DerivedValue;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * What the form would calculate from entries before they are saved (Child-Pugh class, BCLC
 * suggestion...), by the same parser and derivations a save runs, so the generator can enter the
 * investigator's stage the system will agree with.
 */
final class FormPreview {

    private final StudyDefinition study;
    private final DerivationEngine engine;
    private final ItemValueParser parser = new ItemValueParser(LocalDate.of(2100, 1, 1));

    FormPreview(StudyDefinition study) {
        this.study = study;
        this.engine = new DerivationEngine(study);
    }

    /** The calculated values of a form filled with these entries alone, as text by item id. */
    Map<String, String> derive(FormDef form, Map<ItemKey, String> entries, LocalDate date) {
        Map<ItemKey, StoredValue> values = new LinkedHashMap<>();
        entries.forEach((key, raw) -> {
            ItemDef item = form.item(key.itemId()).orElseThrow();
            ParsedValue parsed = parser.parse(item, study.codeListOf(item).orElse(null), raw, null);
            if (parsed.hasError()) {
                throw new IllegalStateException(form.id() + " " + key + " = " + raw + ": "
                        + parsed.firstError().map(p -> p.englishText()).orElse("invalid"));
            }
            values.put(key, StoredValue.of(parsed));
        });
        SubjectData.VisitInstance visit = new SubjectData.VisitInstance(1, "preview", 1, date);
        SubjectData.FormInstance instance = new SubjectData.FormInstance(1, visit, form.id(), 1, false, values);
        SubjectData data = new SubjectData(1, List.of(visit), List.of(instance));
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<ItemKey, DerivedValue> e : engine.derive(data, instance).entrySet()) {
            Optional<StoredValue> v = e.getValue().computed();
            v.ifPresent(value -> out.put(e.getKey().itemId(), value.display()));
        }
        return out;
    }
}
