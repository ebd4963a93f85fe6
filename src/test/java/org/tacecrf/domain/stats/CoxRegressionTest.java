package org.tacecrf.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tacecrf.domain.stats.Fixtures.ESTIMATE;
import static org.tacecrf.domain.stats.Fixtures.P_VALUE;
import static org.tacecrf.domain.stats.Fixtures.close;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CoxRegressionTest {

    /** Rows of a fixture; numeric columns become Doubles ({@code null} when NA), text columns Strings. */
    private static List<SurvivalRow> rows(Fixtures.Table table, double eventCode, List<String> numeric, List<String> text) {
        double[] time = table.numbers("time");
        boolean[] event = Fixtures.events(table.numbers("status"), eventCode);
        List<SurvivalRow> rows = new ArrayList<>();
        for (int i = 0; i < time.length; i++) {
            Map<String, Object> values = new HashMap<>();
            for (String column : numeric) {
                double v = table.numbers(column)[i];
                values.put(column, Double.isNaN(v) ? null : v);
            }
            for (String column : text) {
                values.put(column, table.texts(column)[i]);
            }
            rows.add(new SurvivalRow(time[i], event[i], values));
        }
        return rows;
    }

    private static final List<String> LUNG_NUMERIC = List.of("age", "sex", "ph.ecog", "ph.karno", "pat.karno", "wt.loss");

    private static CoxModel lungModel(Ties ties) {
        return CoxRegression.builder()
                .covariates(List.of(Covariate.numeric("age"), Covariate.numeric("sex"), Covariate.numeric("ph.ecog")))
                .rows(rows(Fixtures.lung(), 2, LUNG_NUMERIC, List.of()))
                .ties(ties)
                .build()
                .fit();
    }

    private static void coefficients(CoxModel model, double[] beta, double[] se, double[] p) {
        assertThat(model.coefficients()).hasSize(beta.length);
        for (int k = 0; k < beta.length; k++) {
            CoxCoefficient c = model.coefficients().get(k);
            close(c.beta(), beta[k], ESTIMATE);
            close(c.standardError(), se[k], ESTIMATE);
            close(c.pValue(), p[k], P_VALUE);
            close(c.hazardRatio(), Math.exp(beta[k]), ESTIMATE);
        }
    }

    @Test
    void lungEfron() {
        // coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung)
        CoxModel m = lungModel(Ties.EFRON);
        coefficients(m, new double[] {0.0110667645600735, -0.552612395703631, 0.463728475370428},
                new double[] {0.00926741101370053, 0.167739053787264, 0.113577266161997},
                new double[] {0.232415680999612, 0.000986051372138453, 4.44706665185681e-05});
        close(m.coefficients().get(2).z(), 4.08293394480024, ESTIMATE);
        CoxCoefficient sex = m.coefficient("sex").orElseThrow();
        close(sex.hazardRatioCi().lower(), 0.414213018549172, ESTIMATE);
        close(sex.hazardRatioCi().upper(), 0.799435127387147, ESTIMATE);
        close(m.logLikNull(), -744.48045576144, ESTIMATE);
        close(m.logLik(), -729.230121374862, ESTIMATE);
        close(m.likelihoodRatio().statistic(), 30.5006687731566, ESTIMATE);
        close(m.likelihoodRatio().pValue(), 1.0828176991987e-06, P_VALUE);
        close(m.wald().statistic(), 29.9292512092047, ESTIMATE);  // fit$wald.test
        close(m.score().statistic(), 30.4999227049491, ESTIMATE);
        close(m.score().pValue(), 1.08320924769373e-06, P_VALUE);
        assertThat(m.likelihoodRatio().df()).isEqualTo(3);
        assertThat(m.n()).isEqualTo(227);
        assertThat(m.events()).isEqualTo(164);
        assertThat(m.excluded()).isEqualTo(1);   // one missing ph.ecog
        assertThat(m.converged()).isTrue();
        assertThat(m.warnings()).isEmpty();
        assertThat(m.iterations()).isEqualTo(3);  // fit$iter
    }

    @Test
    void lungBreslow() {
        // coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung, ties = "breslow")
        CoxModel m = lungModel(Ties.BRESLOW);
        coefficients(m, new double[] {0.0110411363494885, -0.551889569787597, 0.462947040590164},
                new double[] {0.00926677011353555, 0.167742448021018, 0.113574052061301},
                new double[] {0.233466681401134, 0.00100151482786563, 4.57837314670287e-05});
        close(m.logLikNull(), -744.692819266161, ESTIMATE);
        close(m.logLik(), -729.488705176774, ESTIMATE);
        close(m.likelihoodRatio().statistic(), 30.4082281787737, ESTIMATE);
        close(m.wald().statistic(), 29.8390008396609, ESTIMATE);
        close(m.score().statistic(), 30.4064069153299, ESTIMATE);
        close(m.minus2LogLik(), 2 * 729.488705176774, ESTIMATE);
    }

    @Test
    void heavilyTiedTimesSeparateEfronFromBreslow() {
        // vm$month <- ceiling(veteran$time / 30); coxph(Surv(month, status) ~ karno, ties = ...)
        Fixtures.Table veteran = Fixtures.veteran();
        List<SurvivalRow> rows = new ArrayList<>();
        double[] time = veteran.numbers("time");
        double[] karno = veteran.numbers("karno");
        boolean[] event = Fixtures.events(veteran.numbers("status"), 1);
        for (int i = 0; i < time.length; i++) {
            rows.add(new SurvivalRow(Math.ceil(time[i] / 30), event[i], Map.of("karno", karno[i])));
        }
        CoxModel efron = CoxRegression.builder().covariate(Covariate.numeric("karno")).rows(rows).build().fit();
        CoxModel breslow = CoxRegression.builder().covariate(Covariate.numeric("karno")).rows(rows).ties(Ties.BRESLOW)
                .build().fit();
        close(efron.coefficients().get(0).beta(), -0.0320903410856591, ESTIMATE);
        close(efron.coefficients().get(0).standardError(), 0.00504762424923066, ESTIMATE);
        close(efron.logLik(), -486.831785601056, ESTIMATE);
        close(efron.score().statistic(), 42.082587319918, ESTIMATE);
        close(breslow.coefficients().get(0).beta(), -0.0268144358119189, ESTIMATE);
        close(breslow.coefficients().get(0).standardError(), 0.00500438723494747, ESTIMATE);
        close(breslow.logLik(), -507.434986305093, ESTIMATE);
        close(breslow.wald().statistic(), 28.7101533369074, ESTIMATE);
    }

    @Test
    void categoricalCovariateWithNamedReference() {
        // v$celltype <- relevel(veteran$celltype, ref = "squamous")
        // coxph(Surv(time, status) ~ karno + celltype + trt, data = v)
        CoxModel m = CoxRegression.builder()
                .covariate(Covariate.numeric("karno"))
                .covariate(Covariate.categorical("celltype", List.of("squamous", "smallcell", "adeno", "large"), "squamous"))
                .covariate(Covariate.numeric("trt"))
                .rows(rows(Fixtures.veteran(), 1, List.of("karno", "trt"), List.of("celltype")))
                .build()
                .fit();
        assertThat(m.coefficients()).extracting(CoxCoefficient::name).containsExactly("karno",
                "celltype=smallcell vs squamous", "celltype=adeno vs squamous", "celltype=large vs squamous", "trt");
        assertThat(m.coefficients().get(1).covariate()).isEqualTo("celltype");
        coefficients(m, new double[] {-0.0312712960478022, 0.824980187857131, 1.15399441386177, 0.394625463945811,
                        0.261744090057515},
                new double[] {0.00516508974291703, 0.268911292194788, 0.295037737697125, 0.282243309857458,
                        0.200923055118892},
                new double[] {1.40979848291209e-09, 0.00215602988077008, 9.17835090661867e-05, 0.162060602811662,
                        0.192674437886177});
        CoxCoefficient adeno = m.coefficient("celltype=adeno vs squamous").orElseThrow();
        close(adeno.hazardRatioCi().lower(), 1.77843021567705, ESTIMATE);
        close(adeno.hazardRatioCi().upper(), 5.65340350369212, ESTIMATE);
        close(m.likelihoodRatio().statistic(), 61.0690919866106, ESTIMATE);
        assertThat(m.likelihoodRatio().df()).isEqualTo(5);
        close(m.wald().statistic(), 63.4072596000983, ESTIMATE);
        close(m.score().statistic(), 66.5485654450161, ESTIMATE);
        close(m.score().pValue(), 5.3470754933354e-13, P_VALUE);
        // b' V^-1 b over the three celltype coefficients: the overall row SPSS prints for a factor
        CoxTermTest celltype = m.termTests().get(1);
        assertThat(celltype.covariate()).isEqualTo("celltype");
        close(celltype.wald().statistic(), 17.5010845488993, ESTIMATE);
        assertThat(celltype.wald().df()).isEqualTo(3);
        assertThat(m.iterations()).isEqualTo(4);
    }

    @Test
    void sparseCategoryAndMissingValues() {
        // l$ecog <- factor(lung$ph.ecog); coxph(Surv(time, status) ~ ecog + age, data = l): ECOG 3 has one patient
        CoxModel m = CoxRegression.builder()
                .covariate(Covariate.categorical("ECOG", List.of("0", "1", "2", "3"), "0"))
                .covariate(Covariate.numeric("age"))
                .rows(ecogRows())
                .build()
                .fit();
        assertThat(m.coefficients()).extracting(CoxCoefficient::name)
                .containsExactly("ECOG=1 vs 0", "ECOG=2 vs 0", "ECOG=3 vs 0", "age");
        coefficients(m, new double[] {0.358722465165305, 0.856800881209799, 2.10733112782226, 0.0107905056580584},
                new double[] {0.19884488041226, 0.230346483520682, 1.02926323576674, 0.00939489961381325},
                new double[] {0.0712263395594915, 0.000199524470437167, 0.0406171508619482, 0.250741860811525});
        close(m.coefficient("ECOG=3 vs 0").orElseThrow().hazardRatioCi().upper(), 61.8461593392555, ESTIMATE);
        close(m.termTests().get(0).wald().statistic(), 16.6275607944513, ESTIMATE);
        close(m.wald().statistic(), 21.5018985215133, ESTIMATE);
        assertThat(m.excluded()).isEqualTo(1);
        assertThat(m.iterations()).isEqualTo(6);
    }

    private static List<SurvivalRow> ecogRows() {
        Fixtures.Table lung = Fixtures.lung();
        List<SurvivalRow> rows = new ArrayList<>();
        double[] time = lung.numbers("time");
        boolean[] dead = Fixtures.events(lung.numbers("status"), 2);
        String[] ecog = lung.texts("ph.ecog");
        double[] age = lung.numbers("age");
        for (int i = 0; i < time.length; i++) {
            Map<String, Object> values = new HashMap<>();
            values.put("ECOG", ecog[i]);
            values.put("age", age[i]);
            rows.add(new SurvivalRow(time[i], dead[i], values));
        }
        return rows;
    }

    @Test
    void univariateScreeningUsesEachCovariatesOwnCompleteCases() {
        List<CoxModel> models = CoxRegression.builder()
                .covariates(List.of(Covariate.numeric("sex"), Covariate.numeric("wt.loss")))
                .rows(rows(Fixtures.lung(), 2, LUNG_NUMERIC, List.of()))
                .build()
                .univariate();
        assertThat(models).hasSize(2);
        CoxModel sex = models.get(0);                // coxph(Surv(time, status) ~ sex, data = lung)
        assertThat(sex.n()).isEqualTo(228);
        assertThat(sex.events()).isEqualTo(165);
        close(sex.coefficients().get(0).beta(), -0.531023537619508, ESTIMATE);
        close(sex.coefficients().get(0).standardError(), 0.167178583230754, ESTIMATE);
        close(sex.likelihoodRatio().statistic(), 10.6336047308803, ESTIMATE);
        close(sex.wald().statistic(), 10.089421422141, ESTIMATE);
        close(sex.score().statistic(), 10.3251484957465, ESTIMATE); // equals the log-rank statistic without ties
        CoxModel weightLoss = models.get(1);         // coxph(Surv(time, status) ~ wt.loss, data = lung)
        assertThat(weightLoss.n()).isEqualTo(214);
        assertThat(weightLoss.excluded()).isEqualTo(14);
        assertThat(weightLoss.events()).isEqualTo(152);
        close(weightLoss.coefficients().get(0).beta(), 0.00131919255358849, ESTIMATE);
        close(weightLoss.coefficients().get(0).pValue(), 0.828197369227151, P_VALUE);
    }

    @Test
    void monotoneLikelihoodIsReportedAsPossiblyInfinite() {
        // sep: no events in group g = 1; coxph(Surv(time, status) ~ g + age, data = sep) warns
        // "Loglik converged before variable 1; coefficient may be infinite."
        double[] time = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        int[] status = {1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0};
        int[] g = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
        double[] age = {50, 61, 45, 70, 66, 59, 48, 52, 63, 71, 55, 60};
        List<SurvivalRow> rows = new ArrayList<>();
        for (int i = 0; i < time.length; i++) {
            rows.add(new SurvivalRow(time[i], status[i] == 1, Map.of("g", g[i], "age", age[i])));
        }
        CoxModel m = CoxRegression.builder().covariates(List.of(Covariate.numeric("g"), Covariate.numeric("age")))
                .rows(rows).build().fit();
        assertThat(m.hasWarning(CoxWarning.Kind.INFINITE_COEFFICIENT)).isTrue();
        assertThat(m.warnings()).extracting(CoxWarning::column).containsExactly("g");
        // the same iterations as R: coef -22.5156892761018 (se 1.962902e+04) after 20 iterations
        close(m.coefficient("g").orElseThrow().beta(), -22.5156892761018, ESTIMATE);
        assertThat(m.iterations()).isEqualTo(20);
        close(m.coefficient("age").orElseThrow().beta(), -0.071332636781163, ESTIMATE);
        close(m.logLik(), -4.79132039206228, ESTIMATE);
    }

    @Test
    void collinearColumnIsLeftOutWithAWarning() {
        List<SurvivalRow> base = rows(Fixtures.lung(), 2, LUNG_NUMERIC, List.of());
        List<SurvivalRow> rows = new ArrayList<>();
        for (SurvivalRow r : base) {
            Map<String, Object> values = new HashMap<>(r.values());
            values.put("age months", r.values().get("age") == null ? null : 12 * (Double) r.values().get("age"));
            rows.add(new SurvivalRow(r.time(), r.event(), values));
        }
        CoxModel m = CoxRegression.builder()
                .covariates(List.of(Covariate.numeric("age"), Covariate.numeric("age months"), Covariate.numeric("sex"),
                        Covariate.numeric("ph.ecog")))
                .rows(rows).build().fit();
        assertThat(m.hasWarning(CoxWarning.Kind.COLLINEAR)).isTrue();
        assertThat(m.coefficient("age months").orElseThrow().beta()).isNaN();
        close(m.coefficient("age").orElseThrow().beta(), 0.0110667645600735, ESTIMATE);
        assertThat(m.likelihoodRatio().df()).isEqualTo(3);
    }

    @Test
    void noEventsGiveNoEstimates() {
        List<SurvivalRow> rows = List.of(new SurvivalRow(1, false, Map.of("x", 1.0)),
                new SurvivalRow(2, false, Map.of("x", 2.0)));
        CoxModel m = CoxRegression.builder().covariate(Covariate.numeric("x")).rows(rows).build().fit();
        assertThat(m.hasWarning(CoxWarning.Kind.NO_EVENTS)).isTrue();
        assertThat(m.coefficients().get(0).beta()).isNaN();
        assertThat(m.likelihoodRatio().pValue()).isNaN();
    }

    @Test
    void invalidSpecificationsAreRejected() {
        assertThatThrownBy(() -> Covariate.categorical("ECOG", List.of("0", "1"), "2"))
                .isInstanceOf(IllegalArgumentException.class);
        List<SurvivalRow> rows = List.of(new SurvivalRow(1, true, Map.of("ECOG", "5")));
        CoxRegression model = CoxRegression.builder()
                .covariate(Covariate.categorical("ECOG", List.of("0", "1"), "0")).rows(rows).build();
        assertThatThrownBy(model::fit).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not one of its levels");
        assertThatThrownBy(() -> CoxRegression.builder().covariate(Covariate.numeric("a")).covariate(Covariate.numeric("a"))
                .build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forwardStepwiseEntersByScoreAndRemovesByLikelihoodRatio() {
        // Path computed in R with score tests (coxph(..., init = c(b, 0), iter.max = 0)$score) and
        // likelihood-ratio tests of refitted models: see the stepwise section of reference-values.R
        Fixtures.Table data = Fixtures.load("stepwise.csv");
        List<SurvivalRow> rows = rows(data, 1, List.of("x1", "x2", "x3"), List.of("grp"));
        CoxRegression regression = CoxRegression.builder()
                .covariates(List.of(Covariate.numeric("x1"), Covariate.numeric("x2"), Covariate.numeric("x3"),
                        Covariate.categorical("grp", List.of("A", "B", "C"), "A")))
                .rows(rows).build();
        StepwiseResult result = regression.forwardLikelihoodRatio();
        assertThat(result.steps()).extracting(StepwiseResult.Step::action, StepwiseResult.Step::covariate).containsExactly(
                org.assertj.core.groups.Tuple.tuple(StepwiseResult.Action.ENTERED, "x1"),
                org.assertj.core.groups.Tuple.tuple(StepwiseResult.Action.ENTERED, "x2"),
                org.assertj.core.groups.Tuple.tuple(StepwiseResult.Action.ENTERED, "x3"),
                org.assertj.core.groups.Tuple.tuple(StepwiseResult.Action.REMOVED, "x1"));
        close(result.steps().get(0).test().statistic(), 59.4526031030897, ESTIMATE);
        close(result.steps().get(1).test().statistic(), 8.8734432931134, ESTIMATE);
        close(result.steps().get(2).test().statistic(), 6.67223791645762, ESTIMATE);
        close(result.steps().get(3).test().statistic(), 1.06297385128437, ESTIMATE);  // LR for removing x1
        close(result.steps().get(3).test().pValue(), 0.30253789715352, P_VALUE);
        assertThat(result.selected()).containsExactlyInAnyOrder("x2", "x3");
        close(result.finalModel().coefficient("x2").orElseThrow().beta(), 0.590252697722620, ESTIMATE);
        close(result.finalModel().coefficient("x3").orElseThrow().beta(), 0.356518725863087, ESTIMATE);
        close(result.finalModel().logLik(), -1003.12528765068, ESTIMATE);
        // the factor is tested with 2 df against the final model
        StepwiseResult.Candidate grp = result.notInModel().stream().filter(c -> c.covariate().equals("grp")).findFirst()
                .orElseThrow();
        close(grp.score().statistic(), 4.263158798452, ESTIMATE);
        assertThat(grp.score().df()).isEqualTo(2);
        close(result.notInModel().stream().filter(c -> c.covariate().equals("x1")).findFirst().orElseThrow()
                .score().statistic(), 1.05624287119301, ESTIMATE);
    }

    @Test
    void forwardStepwiseWithBreslowTiesAsSpssAndLooserCriteria() {
        StepwiseResult breslow = CoxRegression.builder()
                .covariates(List.of(Covariate.numeric("x1"), Covariate.numeric("x2"), Covariate.numeric("x3"),
                        Covariate.categorical("grp", List.of("A", "B", "C"), "A")))
                .rows(rows(Fixtures.load("stepwise.csv"), 1, List.of("x1", "x2", "x3"), List.of("grp")))
                .ties(Ties.BRESLOW).build().forwardLikelihoodRatio();
        close(breslow.steps().get(0).test().statistic(), 58.6564025309326, ESTIMATE);
        close(breslow.steps().get(3).test().statistic(), 1.0491886655293, ESTIMATE);
        close(breslow.finalModel().coefficient("x2").orElseThrow().beta(), 0.584894231254977, ESTIMATE);
        // lung, complete cases of six candidates (210 patients), entry 0.25 / removal 0.30 enters all six
        StepwiseResult lung = CoxRegression.builder()
                .covariates(LUNG_NUMERIC.stream().map(Covariate::numeric).toList())
                .rows(rows(Fixtures.lung(), 2, LUNG_NUMERIC, List.of()))
                .build().forwardLikelihoodRatio(0.25, 0.30);
        assertThat(lung.steps()).extracting(StepwiseResult.Step::covariate)
                .containsExactly("ph.ecog", "sex", "ph.karno", "pat.karno", "wt.loss", "age");
        assertThat(lung.finalModel().n()).isEqualTo(210);
        close(lung.steps().get(4).test().statistic(), 3.54597935251713, ESTIMATE);
        close(lung.finalModel().logLik(), -640.476371646177, ESTIMATE);
        StepwiseResult strict = CoxRegression.builder()
                .covariates(LUNG_NUMERIC.stream().map(Covariate::numeric).toList())
                .rows(rows(Fixtures.lung(), 2, LUNG_NUMERIC, List.of()))
                .build().forwardLikelihoodRatio();
        assertThat(strict.selected()).containsExactly("ph.ecog", "sex");
        close(strict.finalModel().coefficient("sex").orElseThrow().beta(), -0.571841541572332, ESTIMATE);
    }

    @Test
    void hundredThousandRowsTenCovariatesInSeconds() {
        int n = 100_000;
        int p = 10;
        Random random = new Random(11);
        double[] trueBeta = {0.5, -0.5, 0.25, -0.25, 0.1, -0.1, 0.3, 0, 0.2, -0.2};
        List<Covariate> covariates = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            covariates.add(Covariate.numeric("x" + k));
        }
        List<SurvivalRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> values = new HashMap<>();
            double eta = 0;
            for (int k = 0; k < p; k++) {
                double x = k % 2 == 0 ? random.nextGaussian() : (random.nextBoolean() ? 1.0 : 0.0);
                values.put("x" + k, x);
                eta += trueBeta[k] * x;
            }
            double t = -Math.log(random.nextDouble()) / Math.exp(eta);
            double c = -Math.log(random.nextDouble()) / 0.5;
            // rounding creates ties, as follow-up recorded in days does
            rows.add(new SurvivalRow(Math.ceil(Math.min(t, c) * 100), t <= c, values));
        }
        long start = System.nanoTime();
        CoxModel m = CoxRegression.builder().covariates(covariates).rows(rows).build().fit();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).isLessThan(15);
        assertThat(m.converged()).isTrue();
        for (int k = 0; k < p; k++) {
            assertThat(m.coefficients().get(k).beta()).isCloseTo(trueBeta[k], org.assertj.core.data.Offset.offset(0.05));
        }
    }
}
