package org.tacecrf.domain.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;

/**
 * Turns a table (CSV or first sheet of a workbook) filled in from a form's template into form
 * records, with every problem the file itself shows: unknown, duplicate or missing columns, rows
 * without a subject, unknown visits, bad repeat numbers, the same form instance twice, and values
 * the form would refuse. Calculated columns (as in an export) are ignored with a warning, so an
 * exported file can be imported again.
 */
public final class TableImport {

    private final StudyDefinition study;
    private final FormDef form;
    private final LocalDate today;
    private final FormLayout layout;

    public TableImport(StudyDefinition study, FormDef form, LocalDate today) {
        this.study = study;
        this.form = form;
        this.today = today;
        this.layout = FormLayout.of(study, form, FormLayout::maxRepeats, true, i -> true);
    }

    public MappedImport map(RawTable table, FileFormat format, TextEncoding encoding) {
        List<ExchangeProblem> problems = new ArrayList<>();
        List<Column> columns = header(table, problems);
        if (problems.stream().anyMatch(ExchangeProblem::error)) {
            return new MappedImport(format, encoding, List.of(), problems);
        }
        if (table.rows().isEmpty()) {
            problems.add(ExchangeProblem.file("exchange.file.noRows"));
            return new MappedImport(format, encoding, List.of(), problems);
        }
        List<ImportRecord> records = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (RawTable.Row row : table.rows()) {
            record(row, columns, problems).ifPresent(record -> {
                String key = record.newSubject() ? null : record.subjectNumber() + "|" + record.visitId() + "|" + record.visitRepeat()
                        + "|" + record.formRepeat();
                Integer first = key == null ? null : seen.putIfAbsent(key, row.number());
                if (first != null) {
                    problems.add(ExchangeProblem.error(row.number(), KeyColumn.SUBJECT_NUMBER.columnName(), record.subjectNumber(),
                            "exchange.row.duplicate", record.target(), first));
                } else {
                    problems.addAll(RecordCheck.check(study, record, today));
                    records.add(record);
                }
            });
        }
        return new MappedImport(format, encoding, records, problems);
    }

    /** The column of each header cell (null for ignored ones), after checking the header as a whole. */
    private List<Column> header(RawTable table, List<ExchangeProblem> problems) {
        List<Column> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int row = table.headerRow();
        for (int i = 0; i < table.header().size(); i++) {
            String name = table.header().get(i);
            if (name.isEmpty()) {
                problems.add(ExchangeProblem.error(row, "#" + (i + 1), "", "exchange.header.blank", i + 1));
                columns.add(null);
                continue;
            }
            if (!names.add(name)) {
                problems.add(ExchangeProblem.error(row, name, name, "exchange.header.duplicate", name));
                columns.add(null);
                continue;
            }
            Optional<Column> column = layout.resolve(name);
            if (column.isEmpty()) {
                List<String> near = layout.suggestions(name);
                problems.add(ExchangeProblem.error(row, name, name, near.isEmpty() ? "exchange.header.unknown" : "exchange.header.unknownNear",
                        name, form.id(), String.join(", ", near)));
                columns.add(null);
            } else if (column.get().calculated()) {
                problems.add(ExchangeProblem.warning(row, name, null, "exchange.header.calculated", name));
                columns.add(null);
            } else if (column.get().isKey() && !FormLayout.keyColumns(study, form).contains(column.get().key())) {
                problems.add(ExchangeProblem.warning(row, name, null, "exchange.header.keyNotUsed", name, form.id()));
                columns.add(null);
            } else {
                columns.add(column.get());
            }
        }
        List<KeyColumn> required = new ArrayList<>(List.of(KeyColumn.SUBJECT_NUMBER));
        if (form.id().equals(FormLayout.ENROLMENT_FORM)) {
            required.add(KeyColumn.SITE);
        } else if (study.visitsCollecting(form.id()).size() > 1) {
            required.add(KeyColumn.VISIT);
        }
        if (form.repeating()) {
            required.add(KeyColumn.FORM_REPEAT);
        }
        for (KeyColumn key : required) {
            if (!names.contains(key.columnName())) {
                problems.add(ExchangeProblem.error(row, key.columnName(), null, "exchange.header.missingKey", key.columnName()));
            }
        }
        if (columns.stream().noneMatch(c -> c != null && c.isItem())) {
            problems.add(ExchangeProblem.error(row, null, null, "exchange.header.noItems", form.id()));
        }
        return columns;
    }

    private Optional<ImportRecord> record(RawTable.Row row, List<Column> columns, List<ExchangeProblem> problems) {
        Map<KeyColumn, String> keys = new LinkedHashMap<>();
        Map<ItemKey, ImportRecord.Cell> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column == null) {
                continue;
            }
            String text = row.cell(i).strip();
            if (column.isKey()) {
                keys.put(column.key(), text);
            } else {
                values.put(column.itemKey(), new ImportRecord.Cell(column.name(), text, null));
            }
        }
        int before = problems.size();
        int n = row.number();
        String site = blankToNull(keys.get(KeyColumn.SITE));
        if (site != null && study.site(site).isEmpty()) {
            problems.add(ExchangeProblem.error(n, KeyColumn.SITE.columnName(), site, "exchange.row.unknownSite", site));
        }
        String subject = blankToNull(keys.get(KeyColumn.SUBJECT_NUMBER));
        boolean enrolment = form.id().equals(FormLayout.ENROLMENT_FORM);
        if (subject == null && !enrolment) {
            problems.add(ExchangeProblem.error(n, KeyColumn.SUBJECT_NUMBER.columnName(), "", "exchange.row.subjectRequired"));
        }
        if (subject == null && enrolment && site == null) {
            problems.add(ExchangeProblem.error(n, KeyColumn.SITE.columnName(), "", "exchange.row.siteRequired"));
        }
        VisitDef visit = visit(n, keys.get(KeyColumn.VISIT), problems);
        int visitRepeat = repeat(n, KeyColumn.VISIT_REPEAT, keys.get(KeyColumn.VISIT_REPEAT), problems);
        if (visit != null && visitRepeat > 1 && !visit.repeating()) {
            problems.add(ExchangeProblem.error(n, KeyColumn.VISIT_REPEAT.columnName(), keys.get(KeyColumn.VISIT_REPEAT),
                    "exchange.row.visitNotRepeating", visit.id()));
        } else if (visit != null && visit.maxRepeats() != null && visitRepeat > visit.maxRepeats()) {
            problems.add(ExchangeProblem.error(n, KeyColumn.VISIT_REPEAT.columnName(), keys.get(KeyColumn.VISIT_REPEAT),
                    "exchange.row.visitMaxRepeats", visit.id(), visit.maxRepeats()));
        }
        String formRepeatText = keys.get(KeyColumn.FORM_REPEAT);
        int formRepeat = 1;
        if (form.repeating() && (formRepeatText == null || formRepeatText.isBlank())) {
            problems.add(ExchangeProblem.error(n, KeyColumn.FORM_REPEAT.columnName(), "", "exchange.row.formRepeatRequired"));
        } else {
            formRepeat = repeat(n, KeyColumn.FORM_REPEAT, formRepeatText, problems);
        }
        Boolean complete = complete(n, keys.get(KeyColumn.FORM_COMPLETE), problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ImportRecord(n, site, subject, visit.id(), visitRepeat, form.id(), formRepeat, complete, values));
    }

    private VisitDef visit(int row, String text, List<ExchangeProblem> problems) {
        List<VisitDef> visits = study.visitsCollecting(form.id());
        if (text == null || text.isBlank()) {
            if (visits.size() == 1) {
                return visits.get(0);
            }
            problems.add(ExchangeProblem.error(row, KeyColumn.VISIT.columnName(), "", "exchange.row.visitRequired",
                    String.join(", ", visits.stream().map(VisitDef::id).toList())));
            return null;
        }
        Optional<VisitDef> visit = visits.stream().filter(v -> v.id().equals(text)).findFirst();
        if (visit.isEmpty()) {
            problems.add(ExchangeProblem.error(row, KeyColumn.VISIT.columnName(), text, "exchange.row.unknownVisit", text, form.id(),
                    String.join(", ", visits.stream().map(VisitDef::id).toList())));
            return null;
        }
        return visit.get();
    }

    private static int repeat(int row, KeyColumn column, String text, List<ExchangeProblem> problems) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        String value = text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
        if (!value.matches("\\d{1,5}") || Integer.parseInt(value) < 1) {
            problems.add(ExchangeProblem.error(row, column.columnName(), text, "exchange.row.badRepeat"));
            return 1;
        }
        return Integer.parseInt(value);
    }

    /** Y, yes, true, 1 or 是 mark complete; N, no, false, 0, 否 or blank leave the state. */
    static Boolean complete(int row, String text, List<ExchangeProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "1", "是", "complete" -> Boolean.TRUE;
            case "n", "no", "false", "0", "否" -> null;
            default -> {
                problems.add(ExchangeProblem.error(row, KeyColumn.FORM_COMPLETE.columnName(), text, "exchange.row.badComplete"));
                yield null;
            }
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
