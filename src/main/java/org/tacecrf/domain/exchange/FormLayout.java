package org.tacecrf.domain.exchange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;

/**
 * The columns of one form in a flat file, one row per form instance:
 * <ul>
 *   <li>key columns ({@link KeyColumn}): the enrolment form has {@code site}, {@code subject_number}
 *       and {@code form_complete}; every other form has {@code site}, {@code subject_number},
 *       {@code visit}, {@code visit_repeat} (when a visit collecting it repeats), {@code form_repeat}
 *       (when the form repeats) and {@code form_complete};</li>
 *   <li>one column per item, named by the item id; items of a repeating group have one column per
 *       row, {@code <item>__1}, {@code <item>__2} ... up to the group's maximum.</li>
 * </ul>
 * An item whose id is a key column name is written {@code <group>__<item>}.
 */
public final class FormLayout {

    /** The form whose rows create subjects; FormRules copies its dates and arm to the subject. */
    public static final String ENROLMENT_FORM = "enrolment";
    /** Rows of a repeating group in a template when the group sets no maximum. */
    public static final int DEFAULT_TEMPLATE_REPEATS = 10;
    /** Rows accepted on import when the group sets no maximum. */
    public static final int UNBOUNDED_REPEATS = 1000;

    private static final Pattern REPEATED = Pattern.compile("(.+)__(\\d+)");

    private final StudyDefinition study;
    private final FormDef form;
    private final List<Column> columns;
    private final Map<String, Column> byName = new LinkedHashMap<>();
    /** Column base name (item id, or group__item) to its group and item. */
    private final Map<String, Column> bases = new LinkedHashMap<>();

    private FormLayout(StudyDefinition study, FormDef form, List<Column> columns) {
        this.study = study;
        this.form = form;
        this.columns = List.copyOf(columns);
        columns.forEach(c -> byName.put(c.name(), c));
        for (ItemGroupDef group : form.groups()) {
            for (ItemDef item : group.items()) {
                bases.put(baseName(group, item), new Column(baseName(group, item), null, group, item, 1));
            }
        }
    }

    /**
     * The layout of a form.
     *
     * @param repeats    how many rows of each repeating group to give columns for
     * @param calculated whether calculated items get columns (exports: yes; templates: no)
     * @param include    which items get columns (identifying items may be left out)
     */
    public static FormLayout of(StudyDefinition study, FormDef form, ToIntFunction<ItemGroupDef> repeats, boolean calculated,
                                Predicate<ItemDef> include) {
        List<Column> columns = new ArrayList<>();
        keyColumns(study, form).forEach(k -> columns.add(Column.key(k)));
        for (ItemGroupDef group : form.groups()) {
            int rows = group.repeating() ? repeats.applyAsInt(group) : 1;
            for (int r = 1; r <= rows; r++) {
                for (ItemDef item : group.items()) {
                    if ((calculated || !item.calculated()) && include.test(item)) {
                        columns.add(new Column(columnName(group, item, r), null, group, item, r));
                    }
                }
            }
        }
        return new FormLayout(study, form, columns);
    }

    /** The import template of a form: no calculated items, repeating groups up to their maximum (or 10). */
    public static FormLayout template(StudyDefinition study, FormDef form) {
        return of(study, form, g -> g.maxRepeats() == null ? DEFAULT_TEMPLATE_REPEATS : g.maxRepeats(), false, i -> true);
    }

    /** The key columns of a form, in file order. */
    public static List<KeyColumn> keyColumns(StudyDefinition study, FormDef form) {
        if (form.id().equals(ENROLMENT_FORM)) {
            return List.of(KeyColumn.SITE, KeyColumn.SUBJECT_NUMBER, KeyColumn.FORM_COMPLETE);
        }
        List<KeyColumn> keys = new ArrayList<>(List.of(KeyColumn.SITE, KeyColumn.SUBJECT_NUMBER, KeyColumn.VISIT));
        if (study.visitsCollecting(form.id()).stream().anyMatch(VisitDef::repeating)) {
            keys.add(KeyColumn.VISIT_REPEAT);
        }
        if (form.repeating()) {
            keys.add(KeyColumn.FORM_REPEAT);
        }
        keys.add(KeyColumn.FORM_COMPLETE);
        return keys;
    }

    static String baseName(ItemGroupDef group, ItemDef item) {
        return KeyColumn.byName(item.id()).isPresent() ? group.id() + "__" + item.id() : item.id();
    }

    public static String columnName(ItemGroupDef group, ItemDef item, int repeat) {
        return group.repeating() ? baseName(group, item) + "__" + repeat : baseName(group, item);
    }

    public StudyDefinition study() {
        return study;
    }

    public FormDef form() {
        return form;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Column> itemColumns() {
        return columns.stream().filter(Column::isItem).toList();
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * The column a header names: one of this layout, or an item column beyond the layout's rows
     * (a file may carry {@code lesion_site__12} when the template showed ten rows) up to the
     * group's maximum.
     */
    public Optional<Column> resolve(String name) {
        Column column = byName.get(name);
        if (column != null) {
            return Optional.of(column);
        }
        Optional<KeyColumn> key = KeyColumn.byName(name);
        if (key.isPresent()) {
            return Optional.of(Column.key(key.get()));
        }
        Column base = bases.get(name);
        if (base != null && !base.group().repeating()) {
            return Optional.of(base);
        }
        Matcher m = REPEATED.matcher(name);
        if (m.matches() && m.group(2).length() < 6) {
            base = bases.get(m.group(1));
            int repeat = Integer.parseInt(m.group(2));
            if (base != null && base.group().repeating() && repeat >= 1 && repeat <= maxRepeats(base.group())) {
                return Optional.of(new Column(name, null, base.group(), base.item(), repeat));
            }
        }
        return Optional.empty();
    }

    static int maxRepeats(ItemGroupDef group) {
        return group.maxRepeats() == null ? UNBOUNDED_REPEATS : group.maxRepeats();
    }

    /** Known column names closest to an unknown one, for "did you mean" in problem reports. */
    public List<String> suggestions(String unknown) {
        List<String> names = new ArrayList<>(names());
        bases.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        names.sort((a, b) -> Integer.compare(distance(unknown, a), distance(unknown, b)));
        return names.stream().filter(n -> distance(unknown, n) <= Math.max(2, unknown.length() / 3)).limit(3).toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The visits collecting this form, for the dictionary. */
    public List<VisitDef> visits() {
        return Collections.unmodifiableList(study.visitsCollecting(form.id()));
    }
}
