package org.tacecrf.domain.casebook.derive;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.clinical.AlgorithmId;
import org.tacecrf.domain.response.MarkerCategory;
import org.tacecrf.domain.response.MarkerChange;
import org.tacecrf.domain.response.MarkerThresholds;
import org.tacecrf.domain.response.TumourMarker;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.StudyParameters;

/**
 * Percent change of a tumour marker from its baseline value, and the marker response category.
 * <p>
 * Baseline value: the marker on the baseline form; when the baseline form has none, the earliest
 * {@code tumour_markers} form sampled on or before the first TACE (a pre-treatment sample). A
 * sample taken after treatment started is never a baseline, and a form is never its own baseline.
 */
final class MarkerDerivations {

    static final String MARKER_FORM = "tumour_markers";
    private static final String MARKER_DATE = "marker_date";

    static final String CHANGE = new AlgorithmId(
            "Tumour-marker change from baseline, 100 x (value - baseline) / baseline", "1").label();

    private static final Map<String, TumourMarker> MARKERS = Map.of(
            "afp", TumourMarker.AFP, "pivka_ii", TumourMarker.PIVKA_II, "cea", TumourMarker.CEA,
            "ca125", TumourMarker.CA_125, "ca19_9", TumourMarker.CA19_9);

    private MarkerDerivations() {
    }

    private record Baseline(BigDecimal value, String source) {
    }

    static DerivedValue change(Casebook casebook, Row row, String marker, ItemDef target) {
        Inputs in = new Inputs(row);
        BigDecimal value = in.number(marker);
        Optional<Baseline> baseline = baseline(casebook, row.form(), marker);
        if (baseline.isEmpty()) {
            in.problem("No baseline " + row.label(marker) + " is recorded (baseline form, or a tumour-marker form "
                    + "sampled on or before the first TACE).");
        }
        if (in.hasProblems()) {
            return in.empty(CHANGE);
        }
        BigDecimal base = baseline.get().value();
        if (base.signum() == 0) {
            return DerivedValue.empty(CHANGE, "The baseline value is 0, so a percent change is not defined.");
        }
        BigDecimal pct = value.subtract(base).multiply(BigDecimal.valueOf(100)).divide(base, MathContext.DECIMAL64);
        return DerivedValue.of(Numbers.stored(pct, target), CHANGE, List.of(baseline.get().source()));
    }

    static String responseAlgorithm(MarkerThresholds t) {
        return new AlgorithmId("Tumour-marker response (response at a decline of " + plain(t.responseDeclinePct())
                + " % or more, progression at a rise of " + plain(t.progressionRisePct()) + " % or more)", "1").label();
    }

    static DerivedValue response(Casebook casebook, Row row, String marker, StudyParameters sp) {
        MarkerThresholds thresholds = StudyParameterMapping.markers(sp.biomarker());
        String algorithm = responseAlgorithm(thresholds);
        TumourMarker known = MARKERS.get(marker);
        if (known == null) {
            return DerivedValue.empty(algorithm, row.label(marker) + " is not a tumour marker the response rules know.");
        }
        Inputs in = new Inputs(row);
        BigDecimal value = in.number(marker);
        Optional<Baseline> baseline = baseline(casebook, row.form(), marker);
        if (baseline.isEmpty()) {
            in.problem("No baseline " + row.label(marker) + " is recorded (baseline form, or a tumour-marker form "
                    + "sampled on or before the first TACE).");
        }
        if (in.hasProblems()) {
            return in.empty(algorithm);
        }
        MarkerChange change = MarkerChange.of(known, baseline.get().value().doubleValue(), value.doubleValue(), thresholds);
        if (change.category() == MarkerCategory.UNDEFINED) {
            return DerivedValue.empty(algorithm, "The baseline value is 0, so the response is not defined.");
        }
        return DerivedValue.of(StoredValue.text(change.category().name()), algorithm, List.of(baseline.get().source()));
    }

    private static Optional<Baseline> baseline(Casebook casebook, FormInstance self, String marker) {
        Optional<Baseline> onBaselineForm = casebook.filled(Casebook.BASELINE_FORM).stream()
                .filter(f -> f.id() != self.id())
                .flatMap(f -> f.first(marker).map(StoredValue::number).stream()
                        .map(v -> new Baseline(v, "Baseline value " + plain(v) + " from the baseline form.")))
                .findFirst();
        if (onBaselineForm.isPresent()) {
            return onBaselineForm;
        }
        Optional<LocalDate> firstTace = casebook.firstTaceDate();
        if (firstTace.isEmpty()) {
            return Optional.empty();
        }
        return casebook.filled(MARKER_FORM).stream()
                .filter(f -> f.id() != self.id())
                .filter(f -> Casebook.dateOf(f, MARKER_DATE).map(d -> !d.isAfter(firstTace.get())).orElse(false))
                .sorted(java.util.Comparator.comparing((FormInstance f) -> Casebook.dateOf(f, MARKER_DATE).orElseThrow()))
                .flatMap(f -> f.first(marker).map(StoredValue::number).stream()
                        .map(v -> new Baseline(v, "Baseline value " + plain(v) + " sampled on "
                                + Casebook.dateOf(f, MARKER_DATE).orElseThrow() + " before the first TACE.")))
                .findFirst();
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static String plain(double v) {
        return plain(BigDecimal.valueOf(v));
    }
}
