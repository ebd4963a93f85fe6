package org.tacecrf.domain.response;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Percent change of a tumour marker from baseline and its category.
 * <p>
 * {@code change = 100 × (value − baseline) / baseline}; RESPONSE when
 * {@code change ≤ −responseDeclinePct}, PROGRESSION when {@code change ≥ progressionRisePct},
 * STABLE otherwise; UNDEFINED when the baseline is missing or 0 or the value is missing. The
 * thresholds are compared exactly, without rounding.
 *
 * @param marker      the marker
 * @param baseline    baseline value; may be null
 * @param value       follow-up value; may be null
 * @param pctChange   percent change from baseline; null when undefined
 * @param category    response category
 */
public record MarkerChange(TumourMarker marker, Double baseline, Double value, Double pctChange, MarkerCategory category) {

    public static MarkerChange of(TumourMarker marker, Double baseline, Double value, MarkerThresholds thresholds) {
        Objects.requireNonNull(marker, "marker");
        if (baseline == null || value == null || baseline == 0.0) {
            return new MarkerChange(marker, baseline, value, null, MarkerCategory.UNDEFINED);
        }
        if (baseline < 0 || value < 0) {
            throw new IllegalArgumentException(marker.label() + " values cannot be negative");
        }
        BigDecimal base = BigDecimal.valueOf(baseline);
        BigDecimal now = BigDecimal.valueOf(value);
        MarkerCategory category;
        if (PercentChange.fallenBy(now, base, thresholds.responseDeclinePct())) {
            category = MarkerCategory.RESPONSE;
        } else if (PercentChange.risenBy(now, base, thresholds.progressionRisePct())) {
            category = MarkerCategory.PROGRESSION;
        } else {
            category = MarkerCategory.STABLE;
        }
        return new MarkerChange(marker, baseline, value, PercentChange.of(now, base), category);
    }
}
