package org.tacecrf.domain.casebook.derive;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.clinical.Derivation;
import org.tacecrf.domain.qol.QlqC30;
import org.tacecrf.domain.qol.QlqC30Responses;
import org.tacecrf.domain.qol.QlqC30Scale;
import org.tacecrf.domain.qol.ScaleScore;
import org.tacecrf.domain.study.ItemDef;

/** EORTC QLQ-C30 scale score from the 30 answers of the {@code qlq_c30} form (items q01-q30). */
final class QolDerivation {

    private QolDerivation() {
    }

    static String item(int number) {
        return String.format("q%02d", number);
    }

    static DerivedValue scale(Row row, String scaleCode, ItemDef target) {
        String algorithm = QlqC30.ALGORITHM.label();
        Optional<QlqC30Scale> scale = java.util.Arrays.stream(QlqC30Scale.values())
                .filter(s -> s.code().equals(scaleCode)).findFirst();
        if (scale.isEmpty()) {
            return DerivedValue.empty(algorithm, "'" + scaleCode + "' is not a QLQ-C30 scale.");
        }
        Inputs in = new Inputs(row);
        Map<Integer, Integer> answers = new HashMap<>();
        for (int n = 1; n <= QlqC30Responses.ITEM_COUNT; n++) {
            Optional<String> code = row.text(item(n));
            if (code.isPresent()) {
                try {
                    answers.put(n, Integer.valueOf(code.get()));
                } catch (NumberFormatException e) {
                    in.problem("Item " + n + " has the answer '" + code.get() + "', which is not a number.");
                }
            }
        }
        if (in.hasProblems()) {
            return in.empty(algorithm);
        }
        Derivation<ScaleScore> d = QlqC30.scoreScale(QlqC30Responses.of(answers), scale.get());
        if (!d.isComputed()) {
            Map<String, List<String>> items = new HashMap<>();
            for (int n = 1; n <= QlqC30Responses.ITEM_COUNT; n++) {
                items.put("item" + n, List.of(item(n)));
            }
            in.calculatorProblems(d.problems(), items);
            return in.empty(algorithm);
        }
        return DerivedValue.of(Numbers.stored(BigDecimal.valueOf(d.get().score()), target), algorithm);
    }
}
