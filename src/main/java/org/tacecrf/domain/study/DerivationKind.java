package org.tacecrf.domain.study;

import java.util.List;

/**
 * The catalogue of built-in derivations a calculated item may name with {@code derive:}. The
 * definition only names them and checks that their inputs exist in the same form; the code that
 * computes each value is bound to these names elsewhere. Inputs are item ids of the same form; an
 * entry such as {@code "inr|pt"} is satisfied by either item. References are to
 * {@code clinical-rules.md} of the project.
 */
public enum DerivationKind implements YamlName {

    /** Body-mass index, weight [kg] / height [m]²; kg/m². */
    BMI(DataType.FLOAT, Argument.NONE, List.of("height", "weight")),

    /**
     * Child-Pugh points 5-15 from bilirubin, albumin, INR or PT prolongation, ascites and
     * encephalopathy (Pugh 1973; cut-offs set by the study's {@code childPugh} parameters; §2.1).
     */
    CHILD_PUGH_POINTS(DataType.INTEGER, Argument.NONE,
            List.of("total_bilirubin", "albumin", "inr|pt", "ascites", "encephalopathy")),

    /** Child-Pugh class: A = 5-6 points, B = 7-9, C = 10-15 (§2.1). */
    CHILD_PUGH_CLASS(DataType.TEXT, Argument.NONE,
            List.of("total_bilirubin", "albumin", "inr|pt", "ascites", "encephalopathy")),

    /**
     * ALBI score = 0.66 × log10(bilirubin [µmol/L]) − 0.085 × albumin [g/L] (Johnson et al.,
     * J Clin Oncol 2015;33:550-558; §2.2).
     */
    ALBI_SCORE(DataType.FLOAT, Argument.NONE, List.of("total_bilirubin", "albumin")),

    /** ALBI grade: 1 if score ≤ −2.60, 2 if ≤ −1.39, else 3 (§2.2). */
    ALBI_GRADE(DataType.TEXT, Argument.NONE, List.of("total_bilirubin", "albumin")),

    /** BCLC stage suggested by the 2022 decision table (Reig et al., J Hepatol 2022; §2.4). */
    BCLC_SUGGESTED(DataType.TEXT, Argument.NONE, List.of("lesion_count", "largest_diameter_mm",
            "macrovascular_invasion", "extrahepatic_spread", "ecog", "child_pugh_class")),

    /** Ordinal number of the TACE session for the subject, by procedure date. */
    TACE_SESSION_NUMBER(DataType.INTEGER, Argument.NONE, List.of("procedure_date")),

    /** Days between this session's procedure date and the previous session's. */
    DAYS_SINCE_PREVIOUS_SESSION(DataType.INTEGER, Argument.NONE, List.of("procedure_date")),

    /** Drug concentration of the loading solution: dose loaded [mg] / volume [mL]. */
    DRUG_CONCENTRATION(DataType.FLOAT, Argument.NONE, List.of("dose_loaded_mg", "drug_volume_ml")),

    /**
     * Change of a laboratory value from the last value before the procedure:
     * post − pre, in the item's canonical unit. Argument: the lab item.
     */
    LAB_CHANGE_FROM_PRE(DataType.FLOAT, Argument.ITEM, List.of()),

    /**
     * Sum of the diameters named by the argument over the target lesions (RECIST 1.1 / mRECIST
     * sum of diameters, §1.4). Argument: the diameter item.
     */
    SUM_OF_DIAMETERS(DataType.FLOAT, Argument.ITEM, List.of()),

    /** Overall time-point response by RECIST 1.1 computed from the lesion data (§1.5-1.8). */
    RECIST_RESPONSE(DataType.TEXT, Argument.NONE,
            List.of("target_lesion_id", "target_ld_mm", "non_target_status", "new_lesions_found")),

    /** Overall time-point response by mRECIST computed from the viable-tumour data (§1.5-1.8). */
    MRECIST_RESPONSE(DataType.TEXT, Argument.NONE,
            List.of("target_lesion_id", "target_viable_mm", "non_target_status", "new_lesions_found")),

    /**
     * Percent change of a tumour marker from its baseline value:
     * 100 × (value − baseline) / baseline. Argument: the marker item.
     */
    BIOMARKER_CHANGE_PCT(DataType.FLOAT, Argument.ITEM, List.of()),

    /**
     * Biomarker response category: RESPONSE when the change is a decline of at least
     * {@code biomarker.responseDeclinePct}, PROGRESSION when a rise of at least
     * {@code biomarker.progressionRisePct}, STABLE otherwise. Argument: the marker item.
     */
    BIOMARKER_RESPONSE(DataType.TEXT, Argument.ITEM, List.of()),

    /**
     * EORTC QLQ-C30 v3.0 scale score 0-100 by the scoring manual (raw score, linear transformation,
     * half rule; §4.3-4.4). Argument: the scale code.
     */
    QLQ_C30_SCALE(DataType.FLOAT, Argument.CODE, List.of(),
            List.of("QL2", "PF2", "RF2", "EF", "CF", "SF", "FA", "NV", "PA", "DY", "SL", "AP", "CO", "DI", "FI")),

    /** Days from adverse-event onset to resolution. */
    DAYS_TO_RECOVERY(DataType.INTEGER, Argument.NONE, List.of("ae_onset_date", "ae_resolution_date")),

    /**
     * Timing of another anticancer treatment relative to the day of the subject's first TACE:
     * PREVIOUS (stopped before it), CONCOMITANT (running on it), SUBSEQUENT (started after it).
     */
    TREATMENT_TIMING(DataType.TEXT, Argument.NONE, List.of("start_date", "stop_date", "ongoing"));

    /** What the {@code of:} argument of a derivation must be. */
    public enum Argument {
        /** No argument allowed. */
        NONE,
        /** The id of a numeric item in the same form. */
        ITEM,
        /** One of {@link #allowedCodes()}. */
        CODE
    }

    private final DataType resultType;
    private final Argument argument;
    private final List<String> inputs;
    private final List<String> allowedCodes;

    DerivationKind(DataType resultType, Argument argument, List<String> inputs) {
        this(resultType, argument, inputs, List.of());
    }

    DerivationKind(DataType resultType, Argument argument, List<String> inputs, List<String> allowedCodes) {
        this.resultType = resultType;
        this.argument = argument;
        this.inputs = inputs;
        this.allowedCodes = allowedCodes;
    }

    public DataType resultType() {
        return resultType;
    }

    public Argument argument() {
        return argument;
    }

    /** Item ids of the same form the derivation reads; "a|b" means either a or b. */
    public List<String> inputs() {
        return inputs;
    }

    /** For {@link Argument#CODE}: the codes accepted as argument. */
    public List<String> allowedCodes() {
        return allowedCodes;
    }

    /** The name used in YAML, e.g. {@code child_pugh_points}. */
    @Override
    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
