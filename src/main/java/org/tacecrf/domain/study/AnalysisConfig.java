package org.tacecrf.domain.study;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.tacecrf.domain.study.StudyParameters.ResponseCriteria;

/**
 * What the study tables show, from the {@code analysis:} section of a study file: the variables
 * (their source, type, summary, cut-offs, levels and test), which of them make up the baseline
 * table, the subgroups of the log-rank comparisons, the Cox covariates with their reference levels,
 * the landmarks, the response time points, the laboratory, quality-of-life and biomarker analyses,
 * and which tables are produced. Every part has a default when the file leaves it out
 * ({@link AnalysisConfigParser}); the defaults are documented in docs/analysis.md.
 *
 * @param variables  every variable the tables may use, in the order written
 * @param baseline   ids of the variables of the baseline table, in row order
 * @param subgroups  ids of the categorised variables whose levels are compared by log-rank
 * @param tables     the tables to produce
 * @param tests      default tests of the baseline table by variable type
 * @param survival   endpoints, landmarks and confidence intervals of the survival table
 * @param cox        Cox regression models
 * @param response   criteria and protocol time points of the response table
 * @param labChange  pre/post-procedure laboratory change
 * @param qol        QLQ-C30 before and after treatment
 * @param biomarkers tumour-marker response against imaging response
 */
public record AnalysisConfig(List<AnalysisVariable> variables, List<String> baseline, List<String> subgroups,
                             Set<Table> tables, Tests tests, Survival survival, Cox cox, Responses response,
                             LabChange labChange, Qol qol, Biomarkers biomarkers) {

    public AnalysisConfig {
        variables = List.copyOf(variables);
        baseline = List.copyOf(baseline);
        subgroups = List.copyOf(subgroups);
        tables = tables.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tables));
        Objects.requireNonNull(tests);
        Objects.requireNonNull(survival);
        Objects.requireNonNull(cox);
        Objects.requireNonNull(response);
        Objects.requireNonNull(labChange);
        Objects.requireNonNull(qol);
        Objects.requireNonNull(biomarkers);
    }

    /** The variable with this id. */
    public Optional<AnalysisVariable> variable(String id) {
        return variables.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** The variable with this id; the parser guarantees that referenced ids exist. */
    public AnalysisVariable requireVariable(String id) {
        return variable(id).orElseThrow(() -> new IllegalArgumentException("no analysis variable " + id));
    }

    public boolean produces(Table table) {
        return tables.contains(table);
    }

    /** The kinds of study table, in report order. */
    public enum Table {
        CONSORT, BASELINE, EXPOSURE, RESPONSE, SURVIVAL, SUBGROUPS, COX, ADVERSE_EVENTS, LAB_CHANGE, QOL, BIOMARKERS
    }

    /** How a variable is described and compared. */
    public enum VariableType {
        /** Unordered categories: n (%), chi-square. */
        CATEGORICAL,
        /** Ordered categories (ECOG, Child-Pugh class): n (%), Mann-Whitney on the ranks. */
        ORDINAL,
        /** A number: mean ± SD or median (IQR), t-test or Mann-Whitney; categories through cut-offs. */
        CONTINUOUS
    }

    /** The summary of a continuous variable. */
    public enum Summary { MEAN_SD, MEDIAN_IQR, NONE }

    /** Which category a value equal to a cut-off falls into. */
    public enum CutoffSide {
        /** "≤ 60 / > 60": the cut-off belongs to the lower category (the usual way in the seed tables). */
        LOWER,
        /** "< 60 / ≥ 60". */
        UPPER
    }

    /**
     * A between-group test. With more than two groups a t-test becomes one-way ANOVA and a
     * Mann-Whitney test the Kruskal-Wallis test.
     */
    public enum ComparisonTest {
        /** Pearson chi-square without continuity correction (SPSS "Pearson Chi-Square"). */
        CHI_SQUARE,
        /** Fisher's exact test (two-sided, any r × c). */
        FISHER,
        /** Pearson chi-square, or Fisher's exact test when more than 20 % of expected counts are below 5. */
        CHI_SQUARE_OR_FISHER,
        /** Mann-Whitney U, asymptotic with ties correction (SPSS default). */
        MANN_WHITNEY,
        /** Student's t-test with pooled variance (SPSS "Equal variances assumed"). */
        T_TEST,
        /** Welch's t-test. */
        WELCH,
        /** No test. */
        NONE
    }

    /** Variables the system derives from the casebook rather than reading one item. */
    public enum DerivedVariable {
        /** Treatment arm of the subject. */
        ARM,
        /** Site of the subject. */
        SITE,
        /** Number of TACE sessions by the cut-off. */
        SESSIONS,
        /** Any TACE session with an intra-arterial infusion (e.g. TAI of oxaliplatin). */
        INTRA_ARTERIAL_INFUSION,
        /** Any TACE session with a supplementary embolic agent ("strengthened embolization"). */
        SUPPLEMENTARY_EMBOLIZATION,
        /** Another anticancer treatment running on the day of the first TACE, or given as protocol therapy. */
        CONCOMITANT_TREATMENT,
        /** Another anticancer treatment started after the first TACE (not protocol therapy). */
        SUBSEQUENT_TREATMENT,
        /** Another anticancer treatment with or after TACE: concomitant, subsequent or protocol therapy. */
        COMBINED_TREATMENT,
        /** Best overall response under the primary criteria. */
        BEST_RESPONSE
    }

    /** Default tests of the baseline table by variable type. */
    public record Tests(ComparisonTest categorical, ComparisonTest ordinal, ComparisonTest continuous,
                        ComparisonTest continuousMedian) {
        public static final Tests DEFAULT = new Tests(ComparisonTest.CHI_SQUARE, ComparisonTest.MANN_WHITNEY, ComparisonTest.T_TEST,
                ComparisonTest.MANN_WHITNEY);

        public Tests {
            Objects.requireNonNull(categorical);
            Objects.requireNonNull(ordinal);
            Objects.requireNonNull(continuous);
            Objects.requireNonNull(continuousMedian);
        }
    }

    /** A time-to-event endpoint of the tables. */
    public enum Endpoint {
        OS("Overall survival"), PFS("Progression-free survival"), TTP("Time to progression");

        private final String label;

        Endpoint(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Confidence interval of median survival. */
    public enum MedianCi {
        /** SPSS: median ± 1.96 SE with the SE from a density estimate (symmetric; the seed papers). */
        SPSS,
        /** R {@code survfit} default: Brookmeyer-Crowley inversion of the log-transformed pointwise CI. */
        R_LOG,
        /** As R_LOG with log-log pointwise limits (SAS, Stata). */
        R_LOG_LOG,
        /** As R_LOG with plain pointwise limits. */
        R_PLAIN
    }

    /** Pointwise confidence interval of landmark survival. */
    public enum LandmarkCi { LOG, LOG_LOG, PLAIN }

    /**
     * Survival table.
     *
     * @param endpoints         endpoints in order
     * @param landmarksMonths   landmark times in months (e.g. 6, 12, 24)
     * @param medianCi          interval of the median
     * @param landmarkCi        interval of landmark survival
     * @param subgroupEndpoints endpoints of the subgroup log-rank table and figures
     */
    public record Survival(List<Endpoint> endpoints, List<BigDecimal> landmarksMonths, MedianCi medianCi,
                           LandmarkCi landmarkCi, List<Endpoint> subgroupEndpoints) {
        public Survival {
            endpoints = List.copyOf(endpoints);
            landmarksMonths = List.copyOf(landmarksMonths);
            Objects.requireNonNull(medianCi);
            Objects.requireNonNull(landmarkCi);
            subgroupEndpoints = List.copyOf(subgroupEndpoints);
        }
    }

    /** Tie handling of the Cox models: Efron (R) or Breslow (SPSS). */
    public enum CoxTies { EFRON, BRESLOW }

    /** How the multivariate Cox model is built. */
    public enum Multivariate {
        /** Every covariate entered together (SPSS METHOD=ENTER). */
        ENTER,
        /** Forward stepwise on the likelihood ratio (SPSS METHOD=FSTEP(LR)). */
        FORWARD,
        /** The covariates whose univariate p is at most the entry p, entered together. */
        SIGNIFICANT,
        /** Univariate models only. */
        NONE
    }

    /** How a covariate enters a Cox model. */
    public enum Coding {
        /** Indicator columns against a reference level. */
        CATEGORIES,
        /** The value as a number (per unit; an ordinal variable by its rank). */
        NUMBER
    }

    /**
     * A Cox covariate.
     *
     * @param variable  the analysis variable
     * @param coding    categories or number
     * @param reference level code of the reference category (categories only)
     */
    public record CoxCovariate(String variable, Coding coding, String reference) {
        public CoxCovariate {
            Objects.requireNonNull(variable);
            Objects.requireNonNull(coding);
        }
    }

    /**
     * Cox regression tables, one per endpoint.
     *
     * @param endpoints    endpoints modelled
     * @param ties         tie handling
     * @param multivariate how the multivariate model is built
     * @param entryP       entry p of stepwise and "significant" selection
     * @param removalP     removal p of stepwise selection
     * @param covariates   covariates in row order
     */
    public record Cox(List<Endpoint> endpoints, CoxTies ties, Multivariate multivariate, double entryP,
                      double removalP, List<CoxCovariate> covariates) {
        public Cox {
            endpoints = List.copyOf(endpoints);
            Objects.requireNonNull(ties);
            Objects.requireNonNull(multivariate);
            covariates = List.copyOf(covariates);
        }
    }

    /**
     * Tumour response table.
     *
     * @param criteria   criteria in order, one table each
     * @param timePoints follow-up visits whose protocol time point is tabulated, in order
     */
    public record Responses(List<ResponseCriteria> criteria, List<String> timePoints) {
        public Responses {
            criteria = List.copyOf(criteria);
            timePoints = List.copyOf(timePoints);
        }
    }

    /** Which TACE sessions give a pre/post pair. */
    public enum Sessions { FIRST, ALL }

    /**
     * Laboratory change from before to after a TACE session (post-procedure labs).
     *
     * @param analytes items of the laboratory panel, in row order
     * @param sessions the first session only, or every session
     */
    public record LabChange(List<String> analytes, Sessions sessions) {
        public LabChange {
            analytes = List.copyOf(analytes);
            Objects.requireNonNull(sessions);
        }
    }

    /**
     * QLQ-C30 scale scores at two visits.
     *
     * @param before visit of the first questionnaire (e.g. baseline)
     * @param after  visit of the second (e.g. fu_3m); null when the study has no second one
     * @param scales score items of the qlq_c30 form (e.g. {@code pf2_score}), in row order
     */
    public record Qol(String before, String after, List<String> scales) {
        public Qol {
            scales = List.copyOf(scales);
        }
    }

    /** Time point of the biomarker comparison that means "best overall response". */
    public static final String BEST = "best";

    /**
     * Tumour-marker response against imaging response.
     *
     * @param markers   marker items of the tumour-marker panel (e.g. {@code afp}), in row order
     * @param timePoint follow-up visit whose markers and protocol response are compared, or {@link #BEST}
     *                  (markers at the first follow-up visit with values, imaging by best overall response)
     */
    public record Biomarkers(List<String> markers, String timePoint) {
        public Biomarkers {
            markers = List.copyOf(markers);
            Objects.requireNonNull(timePoint);
        }
    }
}
