package org.tacecrf.domain.tables;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.casebook.derive.SubjectSummary.OtherTreatment;
import org.tacecrf.domain.casebook.derive.TreatmentTiming;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.study.AnalysisVariable;
import org.tacecrf.domain.study.AnalysisVariable.Level;

/**
 * Reads an analysis variable for a subject at the cut-off: the number of a continuous variable and
 * the level its value falls into. An item is read from the first instance of its form that holds
 * it. Derived variables: the arm and site; the number of TACE sessions; whether any session had an
 * intra-arterial infusion or a supplementary embolic (missing for untreated subjects); other
 * anticancer treatments by their timing relative to the first TACE (missing without a dated TACE);
 * best overall response under the primary criteria (Non-CR/Non-PD counted as SD, no response as NE).
 */
final class VariableReader {

    private VariableReader() {
    }

    /** The number, or NaN when missing (or the variable is not numeric). */
    static double number(AnalysisVariable v, AnalysedSubject s) {
        if (!v.numeric()) {
            return Double.NaN;
        }
        if (v.derived() != null) {
            return s.sessions().size();
        }
        return s.<Double>cached("n:" + v.id(), () -> s.firstNumber(v.formId(), v.itemId())
                .map(BigDecimal::doubleValue).orElse(Double.NaN));
    }

    /** The rank of the subject's level (1 for the first), or NaN; what an ordinal test compares. */
    static double rank(AnalysisVariable v, AnalysedSubject s) {
        String level = level(v, s);
        return level == null ? Double.NaN : v.level(level).map(Level::rank).orElse(0);
    }

    /** The value a rank test or a numeric Cox covariate uses: the number, or the level's rank. */
    static double ordered(AnalysisVariable v, AnalysedSubject s) {
        return v.numeric() ? number(v, s) : rank(v, s);
    }

    /** The code of the level the subject falls into, or null when missing (or not categorised). */
    static String level(AnalysisVariable v, AnalysedSubject s) {
        if (!v.categorised() || v.multiple()) {
            return null;
        }
        return s.cached("l:" + v.id(), () -> computeLevel(v, s));
    }

    private static String computeLevel(AnalysisVariable v, AnalysedSubject s) {
        if (v.numeric()) {
            double x = number(v, s);
            return Double.isNaN(x) ? null : v.levelOf(BigDecimal.valueOf(x)).map(Level::code).orElse(null);
        }
        Optional<String> code = v.derived() != null ? derivedCode(v, s)
                : s.firstValue(v.formId(), v.itemId()).map(StoredValue::text);
        return code.flatMap(v::levelOfCode).map(Level::code).orElse(null);
    }

    /** The levels of a multiple-choice variable the subject has; empty when none is recorded. */
    static Set<String> levels(AnalysisVariable v, AnalysedSubject s) {
        Set<String> out = new LinkedHashSet<>();
        s.firstValue(v.formId(), v.itemId()).ifPresent(value -> value.codes()
                .forEach(c -> v.levelOfCode(c).ifPresent(l -> out.add(l.code()))));
        return out;
    }

    /** Whether the subject's multiple-choice value is recorded at all. */
    static boolean recorded(AnalysisVariable v, AnalysedSubject s) {
        return s.firstValue(v.formId(), v.itemId()).isPresent();
    }

    private static Optional<String> derivedCode(AnalysisVariable v, AnalysedSubject s) {
        return switch (v.derived()) {
            case ARM -> Optional.ofNullable(s.armId());
            case SITE -> Optional.of(s.facts().siteId());
            case SESSIONS -> Optional.empty();
            case INTRA_ARTERIAL_INFUSION -> anySession(s, "infusion_drug");
            case SUPPLEMENTARY_EMBOLIZATION -> anySession(s, "embolic_type");
            case CONCOMITANT_TREATMENT -> treatment(s, t -> t.timing() == TreatmentTiming.CONCOMITANT
                    || t.protocolTherapy());
            case SUBSEQUENT_TREATMENT -> treatment(s, t -> t.timing() == TreatmentTiming.SUBSEQUENT
                    && !t.protocolTherapy());
            case COMBINED_TREATMENT -> treatment(s, t -> t.timing() == TreatmentTiming.CONCOMITANT
                    || t.timing() == TreatmentTiming.SUBSEQUENT || t.protocolTherapy());
            case BEST_RESPONSE -> Optional.of(bestResponse(s));
        };
    }

    private static Optional<String> anySession(AnalysedSubject s, String itemId) {
        if (!s.treated()) {
            return Optional.empty();
        }
        boolean any = s.sessions().stream().map(AnalysedSubject.Session::form)
                .anyMatch((FormInstance f) -> !f.repeats(itemId).isEmpty());
        return Optional.of(any ? "Y" : "N");
    }

    private static Optional<String> treatment(AnalysedSubject s, java.util.function.Predicate<OtherTreatment> which) {
        if (s.summary().firstTaceDate() == null || !s.treated()) {
            return Optional.empty();
        }
        return Optional.of(s.otherTreatments().stream().anyMatch(which) ? "Y" : "N");
    }

    private static String bestResponse(AnalysedSubject s) {
        Criteria primary = s.summary().primaryCriteria();
        Response best = s.response(primary).best();
        if (best == null) {
            return "NE";
        }
        return switch (best) {
            case CR, PR, SD, PD -> best.name();
            case NON_CR_NON_PD -> "SD";
            default -> "NE";
        };
    }
}
