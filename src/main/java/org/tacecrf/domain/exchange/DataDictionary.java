package org.tacecrf.domain.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.tacecrf.domain.casebook.DateTimes;
import org.tacecrf.domain.casebook.ItemValueParser;
import org.tacecrf.domain.study.AlternativeUnit;
import org.tacecrf.domain.study.CodeList;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.NumericRange;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;

/**
 * The data dictionary of a form layout: one row per key column and per item (the rows of a
 * repeating group share one entry, "lesion_site__1 … lesion_site__30"), with labels in English and
 * Chinese, type, unit and the other units accepted, decimals, codes with their labels, hard and soft
 * ranges, whether required and when shown, the CDASH name and whether the item identifies the
 * patient; then notes on date formats and visits.
 */
public final class DataDictionary {

    /** The dictionary's columns. */
    public static final List<String> HEADER = List.of("column", "label", "label_zh", "group", "type", "unit", "other_units",
            "decimals", "max_length", "codes", "hard_min", "hard_max", "soft_min", "soft_max", "required", "shown_when", "cdash",
            "identifying", "note");

    private final List<List<String>> rows;
    private final List<String> notes;

    private DataDictionary(List<List<String>> rows, List<String> notes) {
        this.rows = List.copyOf(rows);
        this.notes = List.copyOf(notes);
    }

    /** One row per key column and per item of the layout, in column order. */
    public static DataDictionary of(FormLayout layout) {
        StudyDefinition study = layout.study();
        List<List<String>> rows = new ArrayList<>();
        for (Column column : layout.columns()) {
            if (column.isKey()) {
                rows.add(row(column.name(), column.key().description(), "", "", "key", "", "", "", "", keyCodes(study, column.key()),
                        null, "", "", "", "", ""));
            }
        }
        Map<String, List<Column>> byItem = new LinkedHashMap<>();
        layout.itemColumns().forEach(c -> byItem.computeIfAbsent(c.group().id() + "/" + c.item().id(), k -> new ArrayList<>()).add(c));
        for (List<Column> columns : byItem.values()) {
            Column first = columns.get(0);
            String name = columns.size() == 1 ? first.name() : first.name() + " … " + columns.get(columns.size() - 1).name();
            rows.add(itemRow(study, name, first.group(), first.item()));
        }
        return new DataDictionary(rows, notes(layout));
    }

    public List<List<String>> rows() {
        return rows;
    }

    /** Lines explaining formats and visits, printed below the table. */
    public List<String> notes() {
        return notes;
    }

    private static List<String> itemRow(StudyDefinition study, String column, ItemGroupDef group, ItemDef item) {
        CodeList codes = study.codeListOf(item).orElse(null);
        String note = item.calculated() ? "Calculated by the system; ignored on import."
                : item.type() == org.tacecrf.domain.study.ItemType.MULTI_CHOICE ? "Several codes separated by |" : "";
        List<String> row = row(column, item.label().en(), item.label().zh() == null ? "" : item.label().zh(),
                group.id() + (group.repeating() ? " (repeating, at most " + FormLayout.maxRepeats(group) + " rows)" : ""),
                typeName(item), item.unit() == null ? "" : item.unit(),
                item.alternativeUnits().stream().map(AlternativeUnit::unit).collect(Collectors.joining(", ")),
                item.precision() == null ? "" : item.precision().toString(),
                item.maxLength() == null ? "" : item.maxLength().toString(),
                codes == null ? "" : codes.items().stream().map(i -> i.code() + " = " + i.label().en()
                        + i.label().chinese().map(zh -> " (" + zh + ")").orElse("")).collect(Collectors.joining("; ")),
                item, item.required() ? "yes" : "", item.visibleWhen() == null ? "" : item.visibleWhen().text(),
                item.cdash() == null ? (item.testCode() == null ? "" : item.testCode()) : item.cdash(), item.identifying() ? "yes" : "",
                note);
        return row;
    }

    private static List<String> row(String column, String label, String labelZh, String group, String type, String unit,
                                    String otherUnits, String decimals, String maxLength, String codes, ItemDef ranges,
                                    String required, String shownWhen, String cdash, String identifying, String note) {
        List<String> row = new ArrayList<>(List.of(column, label, labelZh, group, type, unit, otherUnits, decimals, maxLength, codes));
        NumericRange hard = ranges == null ? NumericRange.UNBOUNDED : ranges.hardRange();
        NumericRange soft = ranges == null ? NumericRange.UNBOUNDED : ranges.softRange();
        row.add(plain(hard.min()));
        row.add(plain(hard.max()));
        row.add(plain(soft.min()));
        row.add(plain(soft.max()));
        row.addAll(List.of(required, shownWhen, cdash, identifying, note));
        return row;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** The type as the dictionary names it. */
    public static String typeName(ItemDef item) {
        return switch (item.type()) {
            case INTEGER -> "integer";
            case DECIMAL -> "decimal";
            case TEXT -> "text";
            case DATE -> "date";
            case DATETIME -> "date and time";
            case CHOICE -> "choice";
            case MULTI_CHOICE -> "multiple choice";
            case YES_NO -> "yes/no";
            case CALCULATED -> "calculated (" + item.dataType().odmName() + ")";
        };
    }

    private static String keyCodes(StudyDefinition study, KeyColumn key) {
        return switch (key) {
            case SITE -> study.sites().stream().map(s -> s.id() + " = " + s.name().en()).collect(Collectors.joining("; "));
            case FORM_COMPLETE -> "Y = complete; N = leave as it is";
            default -> "";
        };
    }

    private static List<String> notes(FormLayout layout) {
        List<String> notes = new ArrayList<>();
        notes.add("Form: " + layout.form().id() + " (" + layout.form().label().en() + "). One row per form instance; the first row holds the column names.");
        notes.add("Dates: " + String.join(", ", ItemValueParser.DATE_FORMATS) + ". Month-first or day-first dates with slashes are refused as ambiguous.");
        if (layout.form().items().stream().anyMatch(i -> i.type() == org.tacecrf.domain.study.ItemType.DATETIME)) {
            notes.add("Dates and times: " + String.join(", ", DateTimes.FORMATS)
                    + " (24-hour clock, the site's local time; seconds are dropped). Exported as yyyy-mm-ddThh:mm.");
        }
        notes.add("Numbers: decimal point only (3.5). A decimal comma (3,5) is refused, never guessed. Values are in the unit of the unit column.");
        notes.add("Codes: the code or its exact English or Chinese label. A blank cell clears the value; a column left out of the file leaves the value as it is.");
        notes.add("Files: CSV in UTF-8 (with or without byte-order mark) or GB18030/GBK, separated by commas, semicolons or tabs; or .xlsx (first sheet).");
        if (!layout.form().id().equals(FormLayout.ENROLMENT_FORM)) {
            notes.add("Visits: " + layout.visits().stream().map(DataDictionary::visit).collect(Collectors.joining("; ")));
        }
        return notes;
    }

    private static String visit(VisitDef visit) {
        return visit.id() + " = " + visit.label().en() + (visit.repeating() ? " (repeating)" : "");
    }
}
