package org.tacecrf.domain.qol;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.tacecrf.domain.clinical.AlgorithmId;
import org.tacecrf.domain.clinical.Derivation;
import org.tacecrf.domain.clinical.InputProblem;

/**
 * Scoring of the EORTC QLQ-C30 version 3.0 by the official method (Scoring Manual, 3rd edition,
 * 2001; clinical rules section 4):
 * <ol>
 *   <li>Raw score RS = mean of the answered items of the scale.</li>
 *   <li>Functional scales: {@code S = (1 − (RS − 1) / range) × 100}; symptom scales, single items
 *       and global health status: {@code S = (RS − 1) / range × 100}; range 3, or 6 for global
 *       health status.</li>
 *   <li>Half-items rule: a multi-item scale is scored when at least half of its items are
 *       answered (which equals imputing the missing items by the mean of the answered ones);
 *       otherwise, and for an unanswered single item, the score is missing.</li>
 * </ol>
 * A response outside 1-4 (items 1-28) or 1-7 (items 29-30) is not treated as missing: the scales
 * containing it are not scored and the item is reported, because the true answer is unknown.
 * Scores are not rounded; {@link ScaleScore#display()} rounds to one decimal.
 * <p>
 * The optional summary score (Giesinger et al., J Clin Epidemiol 2016;69:79-88) is the mean of
 * the 13 scales other than QL2 and FI, with the eight symptom scales reversed (100 − S). Following
 * the EORTC guidance it is computed only when all 13 scale scores are available; it is produced
 * only on request because only some statistical analysis plans use it.
 */
public final class QlqC30 {

    public static final AlgorithmId ALGORITHM =
            new AlgorithmId("EORTC QLQ-C30 v3.0 scoring (Scoring Manual 3rd ed. 2001, half-items rule)", "1");
    public static final AlgorithmId SUMMARY_ALGORITHM =
            new AlgorithmId("EORTC QLQ-C30 summary score (Giesinger 2016; all 13 scales required)", "1");

    private QlqC30() {
    }

    /**
     * @param responses      the 30 item responses
     * @param includeSummary whether to compute the summary score as well
     */
    public static QlqC30Scores score(QlqC30Responses responses, boolean includeSummary) {
        Map<QlqC30Scale, Derivation<ScaleScore>> scales = new EnumMap<>(QlqC30Scale.class);
        for (QlqC30Scale scale : QlqC30Scale.values()) {
            scales.put(scale, scoreScale(responses, scale));
        }
        return new QlqC30Scores(scales, includeSummary ? Optional.of(summary(scales)) : Optional.empty());
    }

    /** One scale from the responses. */
    public static Derivation<ScaleScore> scoreScale(QlqC30Responses responses, QlqC30Scale scale) {
        List<InputProblem> invalid = new ArrayList<>();
        int sum = 0;
        int answered = 0;
        for (int item : scale.items()) {
            Integer v = responses.item(item);
            if (v == null) {
                continue;
            }
            if (!QlqC30Responses.isValidResponse(item, v)) {
                invalid.add(QlqC30Responses.outOfRange(item, v));
                continue;
            }
            sum += v;
            answered++;
        }
        if (!invalid.isEmpty()) {
            return Derivation.notComputable(ALGORITHM, invalid);
        }
        if (answered < scale.minimumAnswered()) {
            return Derivation.notComputable(ALGORITHM, missingItems(responses, scale, answered));
        }
        double raw = (double) sum / answered;
        double fraction = (raw - 1) / scale.range();
        double score = scale.type() == QlqC30Scale.Type.FUNCTIONAL ? (1 - fraction) * 100 : fraction * 100;
        return Derivation.computed(ALGORITHM, new ScaleScore(scale, raw, score, answered));
    }

    private static List<InputProblem> missingItems(QlqC30Responses responses, QlqC30Scale scale, int answered) {
        String items = scale.items().stream().map(String::valueOf).collect(Collectors.joining(", "));
        String need = scale.items().size() == 1
                ? scale.label() + " (item " + items + ") is not answered."
                : scale.label() + " needs at least " + scale.minimumAnswered() + " of its " + scale.items().size()
                        + " items (" + items + "); " + answered + " answered.";
        List<InputProblem> problems = new ArrayList<>();
        for (int item : scale.items()) {
            if (responses.item(item) == null) {
                problems.add(InputProblem.missing("item" + item, need));
            }
        }
        return problems;
    }

    private static Derivation<SummaryScore> summary(Map<QlqC30Scale, Derivation<ScaleScore>> scales) {
        List<InputProblem> problems = new ArrayList<>();
        double total = 0;
        int count = 0;
        for (QlqC30Scale scale : QlqC30Scale.values()) {
            if (scale == QlqC30Scale.GLOBAL_HEALTH_STATUS || scale == QlqC30Scale.FINANCIAL_DIFFICULTIES) {
                continue;
            }
            Derivation<ScaleScore> d = scales.get(scale);
            if (!d.isComputed()) {
                problems.add(InputProblem.missing(scale.code(),
                        "The summary score needs " + scale.label() + ", which could not be scored."));
                continue;
            }
            double s = d.get().score();
            total += scale.type() == QlqC30Scale.Type.FUNCTIONAL ? s : 100 - s;
            count++;
        }
        return problems.isEmpty()
                ? Derivation.computed(SUMMARY_ALGORITHM, new SummaryScore(total / count))
                : Derivation.notComputable(SUMMARY_ALGORITHM, problems);
    }
}
