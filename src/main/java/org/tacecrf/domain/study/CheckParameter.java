package org.tacecrf.domain.study;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The study parameters an expression may read as {@code $name}: protocol numbers that must not be
 * typed into every rule. Their values come from the study's {@code parameters:} section (or its
 * defaults); {@link #MAX_DOSE_PER_VIAL_MG} depends on the drug of the row the check runs in.
 */
public enum CheckParameter {

    /**
     * {@code parameters.dose.maxPerVialMg} of the drug ({@code drug}, code list {@code loaded_drug}) of
     * the current row; empty when the row names no drug or the study sets no limit for it. Available
     * where the current form has a {@code drug} item in the current row or in a group that does not repeat.
     */
    MAX_DOSE_PER_VIAL_MG("max_dose_per_vial_mg", "highest dose loaded into one vial, in mg, for the drug of the current row",
            null),
    /** {@code parameters.imaging.baselineMaxDaysBeforeTreatment}. */
    BASELINE_IMAGING_MAX_DAYS("baseline_imaging_max_days", "baseline imaging at most this many days before treatment",
            p -> BigDecimal.valueOf(p.imaging().baselineMaxDaysBeforeTreatment())),
    /** {@code parameters.response.confirmMinDays}. */
    RESPONSE_CONFIRM_MIN_DAYS("response_confirm_min_days", "minimum days from a response to its confirmation",
            p -> BigDecimal.valueOf(p.response().confirmMinDays())),
    /** {@code parameters.response.sdMinDays}. */
    RESPONSE_SD_MIN_DAYS("response_sd_min_days", "minimum days from treatment start for stable disease to count",
            p -> BigDecimal.valueOf(p.response().sdMinDays())),
    /** {@code parameters.biomarker.responseDeclinePct}. */
    MARKER_RESPONSE_DECLINE_PCT("marker_response_decline_pct", "tumour-marker decline, in %, counted as response",
            p -> p.biomarker().responseDeclinePct()),
    /** {@code parameters.biomarker.progressionRisePct}. */
    MARKER_PROGRESSION_RISE_PCT("marker_progression_rise_pct", "tumour-marker rise, in %, counted as progression",
            p -> p.biomarker().progressionRisePct()),
    /** {@code parameters.sae.reportingHours}. */
    SAE_REPORTING_HOURS("sae_reporting_hours", "hours within which a serious adverse event is reported",
            p -> BigDecimal.valueOf(p.sae().reportingHours())),
    /** {@code parameters.childPugh.albuminCutoff}. */
    CHILD_PUGH_ALBUMIN_CUTOFF("child_pugh_albumin_cutoff", "albumin cut-off in g/L between 2 and 3 Child-Pugh points",
            p -> BigDecimal.valueOf(p.childPugh().albuminCutoff()));

    /** The item whose code selects the loading limit of {@link #MAX_DOSE_PER_VIAL_MG}. */
    public static final String DRUG_ITEM = "drug";

    private final String expressionName;
    private final String description;
    private final Function<StudyParameters, BigDecimal> value;

    CheckParameter(String expressionName, String description, Function<StudyParameters, BigDecimal> value) {
        this.expressionName = expressionName;
        this.description = description;
        this.value = value;
    }

    /** The name written after {@code $}. */
    public String expressionName() {
        return expressionName;
    }

    /** English description for the documentation and tools. */
    public String description() {
        return description;
    }

    /** Whether the value depends on the row the check runs in, not only on the study. */
    public boolean rowDependent() {
        return value == null;
    }

    /** The value for the study; empty for a row-dependent parameter. */
    public Optional<BigDecimal> value(StudyParameters parameters) {
        return value == null ? Optional.empty() : Optional.of(value.apply(parameters));
    }

    public static Optional<CheckParameter> byName(String expressionName) {
        return Arrays.stream(values()).filter(p -> p.expressionName.equals(expressionName)).findFirst();
    }

    /** Whether an item is the drug that selects the loading limit: {@code drug} coded by {@code loaded_drug}. */
    static boolean isDrugItem(ItemDef item) {
        return item.id().equals(DRUG_ITEM) && ParametersParser.LOADED_DRUG_LIST.equals(item.codeListId());
    }
}
