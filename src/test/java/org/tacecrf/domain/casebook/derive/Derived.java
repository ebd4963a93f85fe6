package org.tacecrf.domain.casebook.derive;

import java.math.BigDecimal;
import java.util.Map;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.derive.SubjectBuilder.FormBuilder;

/** Test helpers: derive one form of a built subject and read its values. */
final class Derived {

    private final Map<ItemKey, DerivedValue> values;

    private Derived(Map<ItemKey, DerivedValue> values) {
        this.values = values;
    }

    static Derived of(SubjectBuilder b, FormBuilder form) {
        SubjectData data = b.build();
        return new Derived(new DerivationEngine(b.study()).derive(data, data.form(form.id()).orElseThrow()));
    }

    Map<ItemKey, DerivedValue> all() {
        return values;
    }

    DerivedValue get(String path) {
        DerivedValue v = values.get(path.contains("[") ? ItemKey.parse(path) : values.keySet().stream()
                .filter(k -> k.itemId().equals(path)).findFirst().orElse(null));
        if (v == null) {
            throw new AssertionError("no derived value " + path + " in " + values.keySet());
        }
        return v;
    }

    BigDecimal number(String path) {
        DerivedValue v = get(path);
        return v.computed().orElseThrow(() -> new AssertionError(path + " is empty: " + v.reason())).number();
    }

    String text(String path) {
        DerivedValue v = get(path);
        return v.computed().orElseThrow(() -> new AssertionError(path + " is empty: " + v.reason())).text();
    }
}
