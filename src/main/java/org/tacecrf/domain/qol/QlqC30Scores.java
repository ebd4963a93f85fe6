package org.tacecrf.domain.qol;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.tacecrf.domain.clinical.Derivation;

/**
 * All scores of one QLQ-C30 questionnaire. Each scale is computed or "not computable" on its own,
 * because the half-items rule applies per scale.
 *
 * @param scales  the 15 scales
 * @param summary the summary score, present only when requested
 */
public record QlqC30Scores(Map<QlqC30Scale, Derivation<ScaleScore>> scales,
                           Optional<Derivation<SummaryScore>> summary) {

    public QlqC30Scores {
        if (scales.size() != QlqC30Scale.values().length) {
            throw new IllegalArgumentException("All 15 scales must be present");
        }
        scales = Collections.unmodifiableMap(new EnumMap<>(scales));
    }

    public Derivation<ScaleScore> scale(QlqC30Scale scale) {
        return scales.get(scale);
    }
}
