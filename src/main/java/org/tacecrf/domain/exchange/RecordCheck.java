package org.tacecrf.domain.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.ItemValueParser;
import org.tacecrf.domain.casebook.ParsedValue;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * Checks the values of a record by their item definitions with the parser every entry path uses
 * ({@link ItemValueParser}): a value the form would refuse is an error at its row and column, a
 * value outside the soft range a warning. The form service checks again when the record is saved.
 */
public final class RecordCheck {

    private RecordCheck() {
    }

    public static List<ExchangeProblem> check(StudyDefinition study, ImportRecord record, LocalDate today) {
        FormDef form = study.form(record.formId()).orElseThrow();
        ItemValueParser parser = new ItemValueParser(today);
        List<ExchangeProblem> problems = new ArrayList<>();
        for (Map.Entry<ItemKey, ImportRecord.Cell> entry : record.values().entrySet()) {
            ImportRecord.Cell cell = entry.getValue();
            ItemDef item = form.group(entry.getKey().groupId()).flatMap(g -> g.item(entry.getKey().itemId())).orElseThrow();
            if (cell.blank() || item.calculated()) {
                continue;
            }
            ParsedValue parsed = parser.parse(item, study.codeListOf(item).orElse(null), cell.text(), cell.unit());
            parsed.problems().forEach(p -> problems.add(ExchangeProblem.of(record.row(), cell.column(), cell.text(), p)));
        }
        return problems;
    }
}
