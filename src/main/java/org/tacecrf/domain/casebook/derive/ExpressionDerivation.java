package org.tacecrf.domain.casebook.derive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.check.CodeValue;
import org.tacecrf.domain.check.DateValue;
import org.tacecrf.domain.check.EvaluationException;
import org.tacecrf.domain.check.Expression;
import org.tacecrf.domain.check.ListValue;
import org.tacecrf.domain.check.NumberValue;
import org.tacecrf.domain.check.ParseException;
import org.tacecrf.domain.check.TextValue;
import org.tacecrf.domain.check.Value;
import org.tacecrf.domain.clinical.AlgorithmId;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * A calculated item defined by an {@code expression:} in the edit-check language. Empty inputs give
 * an empty value naming them; a number is rounded to the item's precision.
 */
final class ExpressionDerivation {

    private final StudyDefinition study;
    private final Map<String, Expression> parsed = new ConcurrentHashMap<>();

    ExpressionDerivation(StudyDefinition study) {
        this.study = study;
    }

    String algorithm(ItemDef item) {
        // Versioned with the study definition, where the expression is written.
        return new AlgorithmId("Expression of study " + study.id() + ": " + item.calculation().expression().text(),
                study.version()).label();
    }

    DerivedValue derive(SubjectData data, Row row, ItemDef item, LocalDate today) {
        String algorithm = algorithm(item);
        String text = item.calculation().expression().text();
        Expression expression;
        try {
            expression = parsed.computeIfAbsent(text, Expression::parse);
        } catch (ParseException e) {
            return DerivedValue.empty(algorithm, "The expression cannot be read: " + e.getMessage());
        }
        CasebookResolver resolver = new CasebookResolver(study, data, row, today);
        Value value;
        try {
            value = expression.evaluate(resolver);
        } catch (EvaluationException e) {
            return DerivedValue.empty(algorithm, "The expression cannot be evaluated: " + e.getMessage());
        }
        if (value.isEmpty()) {
            List<String> paths = resolver.emptyPaths();
            if (paths.isEmpty()) {
                return DerivedValue.empty(algorithm, "The expression gives no value for these data.");
            }
            List<String> local = paths.stream().filter(p -> !p.contains(".") && row.def().item(p).isPresent()).toList();
            return DerivedValue.empty(algorithm, List.of("Empty: " + String.join(", ", paths.stream()
                    .map(p -> row.def().item(p).map(i -> i.label().en()).orElse(p)).toList()) + "."), local);
        }
        if (value instanceof ListValue) {
            return DerivedValue.empty(algorithm, "The expression gives several values; the item holds one.");
        }
        return switch (item.dataType()) {
            case INTEGER, FLOAT -> {
                BigDecimal n = value instanceof NumberValue nv ? nv.value()
                        : value instanceof CodeValue cv ? cv.numeric() : null;
                yield n == null ? wrongType(algorithm, value, "a number")
                        : DerivedValue.of(Numbers.stored(n, item), algorithm);
            }
            case DATE, DATETIME -> value instanceof DateValue dv ? DerivedValue.of(StoredValue.date(dv.date()), algorithm)
                    : wrongType(algorithm, value, "a date");
            case TEXT -> value instanceof CodeValue cv ? DerivedValue.of(StoredValue.text(cv.code()), algorithm)
                    : value instanceof TextValue tv ? DerivedValue.of(StoredValue.text(tv.text()), algorithm)
                    : value instanceof NumberValue nv ? DerivedValue.of(StoredValue.text(nv.display()), algorithm)
                    : wrongType(algorithm, value, "text");
        };
    }

    private static DerivedValue wrongType(String algorithm, Value value, String wanted) {
        return DerivedValue.empty(algorithm, "The expression gives " + value.type().description() + " ("
                + value.display() + "), but the item holds " + wanted + ".");
    }
}
