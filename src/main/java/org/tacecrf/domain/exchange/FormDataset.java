package org.tacecrf.domain.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.study.CodeList;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * One form as a data set: the columns of its {@link FormLayout} (the import template plus the
 * calculated items) as typed variables, and one row per form instance. Because the columns are the
 * template's, an exported file imports again unchanged.
 */
public final class FormDataset {

    private final FormLayout layout;
    private final List<Variable> variables;

    public FormDataset(FormLayout layout) {
        this.layout = layout;
        this.variables = layout.columns().stream().map(c -> variable(layout.study(), c)).toList();
    }

    public FormLayout layout() {
        return layout;
    }

    public List<Variable> variables() {
        return variables;
    }

    /** The row of one form instance of a subject. */
    public List<String> row(String siteId, String subjectNumber, SubjectData.FormInstance form) {
        List<String> row = new ArrayList<>(layout.columns().size());
        for (Column column : layout.columns()) {
            if (column.isKey()) {
                row.add(switch (column.key()) {
                    case SITE -> siteId;
                    case SUBJECT_NUMBER -> subjectNumber;
                    case VISIT -> form.visit().visitId();
                    case VISIT_REPEAT -> String.valueOf(form.visit().repeatKey());
                    case FORM_REPEAT -> String.valueOf(form.repeatKey());
                    case FORM_COMPLETE -> form.complete() ? "Y" : "N";
                });
            } else {
                row.add(Optional.ofNullable(form.values().get(column.itemKey())).filter(v -> !v.isEmpty()).map(StoredValue::display)
                        .orElse(""));
            }
        }
        return row;
    }

    static Variable variable(StudyDefinition study, Column column) {
        if (column.isKey()) {
            return switch (column.key()) {
                case SITE -> Variable.code("site", "Site", study.sites().stream()
                        .map(s -> new Variable.ValueLabel(s.id(), s.name().en())).toList());
                case SUBJECT_NUMBER -> Variable.text("subject_number", "Subject number", 64);
                case VISIT -> Variable.code("visit", "Visit", study.schedule().stream()
                        .map(v -> new Variable.ValueLabel(v.id(), v.label().en())).toList());
                case VISIT_REPEAT -> Variable.integer("visit_repeat", "Occurrence of the visit");
                case FORM_REPEAT -> Variable.integer("form_repeat", "Entry number of the repeating form");
                case FORM_COMPLETE -> Variable.code("form_complete", "Form marked complete",
                        List.of(new Variable.ValueLabel("Y", "Complete"), new Variable.ValueLabel("N", "In progress")));
            };
        }
        ItemDef item = column.item();
        String label = item.label().en() + (item.unit() == null ? "" : " (" + item.unit() + ")")
                + (column.group().repeating() ? ", row " + column.repeat() : "");
        return itemVariable(study, column.name(), label, item);
    }

    /** The variable of an item value, by the item's storage type and code list. */
    static Variable itemVariable(StudyDefinition study, String name, String label, ItemDef item) {
        Optional<CodeList> codes = study.codeListOf(item);
        if (codes.isPresent() && item.type() != org.tacecrf.domain.study.ItemType.MULTI_CHOICE) {
            return Variable.code(name, label, codes.get().items().stream()
                    .map(i -> new Variable.ValueLabel(i.code(), i.label().en())).toList());
        }
        if (item.type() == org.tacecrf.domain.study.ItemType.MULTI_CHOICE) {
            int width = codes.map(c -> c.codes().stream().mapToInt(String::length).sum() + c.codes().size()).orElse(255);
            return Variable.text(name, label + " [codes separated by |]", width);
        }
        return switch (item.dataType()) {
            case INTEGER -> Variable.integer(name, label);
            case FLOAT -> Variable.decimal(name, label, item.precision());
            case DATE -> Variable.date(name, label);
            case DATETIME -> Variable.dateTime(name, label);
            case TEXT -> Variable.text(name, label, item.maxLength() == null ? 255 : item.maxLength());
        };
    }

}
