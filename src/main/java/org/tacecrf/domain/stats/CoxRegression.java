package org.tacecrf.domain.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * Cox proportional hazards regression on survival rows with named covariates: all covariates
 * together ("enter"), one model per covariate (univariate screening), or forward stepwise selection
 * as SPSS COXREG {@code METHOD=FSTEP(LR)}.
 * <p>
 * Categorical covariates become indicator columns against a named reference level. Rows with a
 * missing time or a missing value of a covariate in the model are left out (complete cases) and
 * counted in {@link CoxModel#excluded()}. Estimation follows R {@code coxph} (see
 * {@link CoxFitter}); with {@link Ties#EFRON} and {@link Ties#BRESLOW} it reproduces
 * {@code coxph(..., ties = "efron")} and {@code ties = "breslow"}.
 * <pre>{@code
 * CoxModel model = CoxRegression.builder()
 *         .covariate(Covariate.numeric("age"))
 *         .covariate(Covariate.categorical("ECOG", List.of("0", "1", "2"), "0"))
 *         .rows(rows)
 *         .build()
 *         .fit();
 * }</pre>
 */
public final class CoxRegression {

    /** Default significance level for entry in stepwise selection (SPSS PIN). */
    public static final double DEFAULT_ENTRY_P = 0.05;
    /** Default significance level for removal in stepwise selection (SPSS POUT). */
    public static final double DEFAULT_REMOVAL_P = 0.10;

    private final List<Covariate> covariates;
    private final List<SurvivalRow> rows;
    private final Ties ties;
    private final double level;

    private CoxRegression(Builder b) {
        this.covariates = List.copyOf(b.covariates);
        this.rows = List.copyOf(b.rows);
        this.ties = b.ties;
        this.level = b.level;
        Set<String> names = new HashSet<>();
        for (Covariate c : covariates) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("The covariate " + c.name() + " is listed twice.");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the model specification. */
    public static final class Builder {
        private final List<Covariate> covariates = new ArrayList<>();
        private final List<SurvivalRow> rows = new ArrayList<>();
        private Ties ties = Ties.EFRON;
        private double level = 0.95;

        private Builder() {
        }

        public Builder covariate(Covariate covariate) {
            covariates.add(Objects.requireNonNull(covariate));
            return this;
        }

        public Builder covariates(List<? extends Covariate> list) {
            list.forEach(this::covariate);
            return this;
        }

        public Builder rows(List<SurvivalRow> data) {
            rows.addAll(data);
            return this;
        }

        /** Tie handling, {@link Ties#EFRON} (R's default) unless set. */
        public Builder ties(Ties value) {
            ties = Objects.requireNonNull(value);
            return this;
        }

        /** Confidence level of the hazard-ratio intervals, 0.95 unless set. */
        public Builder level(double value) {
            Distributions.checkLevel(value);
            level = value;
            return this;
        }

        public CoxRegression build() {
            return new CoxRegression(this);
        }
    }

    /** All covariates entered together, on the rows complete for all of them. */
    public CoxModel fit() {
        Design design = Design.of(covariates, rows);
        return fitTerms(design, allTerms());
    }

    /** One model per covariate, each on the rows complete for that covariate. */
    public List<CoxModel> univariate() {
        List<CoxModel> models = new ArrayList<>();
        for (Covariate c : covariates) {
            Design design = Design.of(List.of(c), rows);
            models.add(fitTerms(design, List.of(0)));
        }
        return models;
    }

    /** Forward stepwise selection with the SPSS default criteria (entry 0.05, removal 0.10). */
    public StepwiseResult forwardLikelihoodRatio() {
        return forwardLikelihoodRatio(DEFAULT_ENTRY_P, DEFAULT_REMOVAL_P);
    }

    /**
     * Forward stepwise selection as SPSS COXREG {@code METHOD=FSTEP(LR)}: starting from the null model,
     * the covariate with the smallest score-test p-value enters if that p is at most
     * {@code entryP} (the score test is computed at the current estimates with the candidate's
     * coefficients at zero, with as many df as the candidate has columns); after each entry, the
     * covariate whose removal gives the largest likelihood-ratio p-value is removed while that p
     * exceeds {@code removalP}. All steps use the rows complete for every candidate covariate, as SPSS.
     * Selection stops when nothing enters, or when a step would return to a model already visited.
     */
    public StepwiseResult forwardLikelihoodRatio(double entryP, double removalP) {
        if (!(entryP > 0 && entryP < 1 && removalP > 0 && removalP < 1) || entryP > removalP) {
            throw new IllegalArgumentException("The entry and removal levels must lie between 0 and 1, entry not above removal.");
        }
        Design design = Design.of(covariates, rows);
        List<Integer> inModel = new ArrayList<>();
        CoxModel current = fitTerms(design, inModel);
        Set<Set<Integer>> visited = new HashSet<>();
        visited.add(Set.of());
        List<StepwiseResult.Step> steps = new ArrayList<>();
        while (true) {
            int bestTerm = -1;
            TestResult bestTest = null;
            for (int term = 0; term < covariates.size(); term++) {
                if (inModel.contains(term)) {
                    continue;
                }
                TestResult score = scoreForEntry(design, inModel, current, term);
                if (!Double.isNaN(score.pValue()) && (bestTest == null || score.pValue() < bestTest.pValue())) {
                    bestTerm = term;
                    bestTest = score;
                }
            }
            if (bestTest == null || bestTest.pValue() > entryP) {
                break;
            }
            List<Integer> candidate = new ArrayList<>(inModel);
            candidate.add(bestTerm);
            if (!visited.add(new HashSet<>(candidate))) {
                break;
            }
            inModel = candidate;
            current = fitTerms(design, inModel);
            steps.add(new StepwiseResult.Step(steps.size() + 1, StepwiseResult.Action.ENTERED,
                    covariates.get(bestTerm).name(), bestTest, current));
            boolean cycled = false;
            while (inModel.size() > 1) {
                int worst = -1;
                TestResult worstTest = null;
                CoxModel worstModel = null;
                for (int term : inModel) {
                    List<Integer> reduced = new ArrayList<>(inModel);
                    reduced.remove(Integer.valueOf(term));
                    CoxModel smaller = fitTerms(design, reduced);
                    double lr = 2 * (current.logLik() - smaller.logLik());
                    // df = estimated coefficients dropped (collinear columns were never estimated)
                    double df = current.likelihoodRatio().df() - smaller.likelihoodRatio().df();
                    TestResult test = new TestResult("Likelihood-ratio test for removal", lr, df,
                            Distributions.chiSquareUpperTail(lr, df));
                    if (worstTest == null || test.pValue() > worstTest.pValue()) {
                        worst = term;
                        worstTest = test;
                        worstModel = smaller;
                    }
                }
                if (worstTest == null || !(worstTest.pValue() > removalP)) {
                    break;
                }
                List<Integer> reduced = new ArrayList<>(inModel);
                reduced.remove(Integer.valueOf(worst));
                if (!visited.add(new HashSet<>(reduced))) {
                    cycled = true;
                    break;
                }
                inModel = reduced;
                current = worstModel;
                steps.add(new StepwiseResult.Step(steps.size() + 1, StepwiseResult.Action.REMOVED,
                        covariates.get(worst).name(), worstTest, current));
            }
            if (cycled) {
                break;
            }
        }
        List<StepwiseResult.Candidate> outside = new ArrayList<>();
        for (int term = 0; term < covariates.size(); term++) {
            if (!inModel.contains(term)) {
                outside.add(new StepwiseResult.Candidate(covariates.get(term).name(),
                        scoreForEntry(design, inModel, current, term)));
            }
        }
        return new StepwiseResult(steps, current, outside, entryP, removalP);
    }

    /** Score test for adding one covariate to the current model, at the current estimates. */
    private TestResult scoreForEntry(Design design, List<Integer> inModel, CoxModel current, int term) {
        String method = "Score test for entry";
        List<Integer> columns = new ArrayList<>();
        for (int t : inModel) {
            columns.addAll(design.columnsOf(t));
        }
        int modelColumns = columns.size();
        columns.addAll(design.columnsOf(term));
        List<Integer> kept = design.nonCollinear(columns);
        int added = kept.size() - (int) kept.stream().filter(c -> columns.indexOf(c) < modelColumns).count();
        if (added == 0 || design.data.events() == 0) {
            return new TestResult(method, Double.NaN, added, Double.NaN);
        }
        double[] start = new double[kept.size()];
        for (int k = 0; k < kept.size(); k++) {
            String name = design.columnNames.get(kept.get(k));
            start[k] = columns.indexOf(kept.get(k)) < modelColumns
                    ? current.coefficient(name).map(CoxCoefficient::beta).filter(b -> !Double.isNaN(b)).orElse(0.0)
                    : 0.0;
        }
        double stat = new CoxFitter(design.data, toArray(kept), ties).scoreStatistic(start);
        return new TestResult(method, stat, added, Distributions.chiSquareUpperTail(stat, added));
    }

    private List<Integer> allTerms() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < covariates.size(); i++) {
            all.add(i);
        }
        return all;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Fits the model with the given covariates (indices into the design's terms). */
    private CoxModel fitTerms(Design design, List<Integer> terms) {
        List<Integer> columns = new ArrayList<>();
        List<String> termNames = new ArrayList<>();
        for (int t : terms) {
            columns.addAll(design.columnsOf(t));
            termNames.add(design.terms.get(t).name());
        }
        List<Integer> kept = design.nonCollinear(columns);
        List<CoxWarning> warnings = new ArrayList<>();
        for (int c : columns) {
            if (!kept.contains(c)) {
                warnings.add(new CoxWarning(CoxWarning.Kind.COLLINEAR, design.columnNames.get(c),
                        "The column " + design.columnNames.get(c)
                                + " is constant or a combination of other columns and was left out."));
            }
        }
        int n = design.data.n();
        int events = design.data.events();
        int q = kept.size();
        if (events == 0) {
            warnings.add(new CoxWarning(CoxWarning.Kind.NO_EVENTS, null, "There are no events, so no hazard ratio can be estimated."));
            List<CoxCoefficient> coefficients = new ArrayList<>();
            for (int c : columns) {
                coefficients.add(undefinedCoefficient(design, c));
            }
            TestResult none = new TestResult("", Double.NaN, q, Double.NaN);
            return new CoxModel(termNames, ties, coefficients, List.of(), n, 0, design.excluded, 0, 0,
                    named("Likelihood-ratio test", none), named("Wald test", none), named("Score (log-rank) test", none),
                    0, false, warnings, new double[0][0]);
        }
        CoxFitter fitter = new CoxFitter(design.data, toArray(kept), ties);
        if (q == 0) {
            double ll0 = fitter.nullLogLik();
            List<CoxCoefficient> coefficients = new ArrayList<>();
            for (int c : columns) {
                coefficients.add(undefinedCoefficient(design, c));
            }
            TestResult none = new TestResult("", Double.NaN, 0, Double.NaN);
            return new CoxModel(termNames, ties, coefficients, List.of(), n, events, design.excluded, ll0, ll0,
                    named("Likelihood-ratio test", none), named("Wald test", none), named("Score (log-rank) test", none),
                    0, true, warnings, new double[0][0]);
        }
        CoxFitter.Fit fit = fitter.fit();
        double z = Distributions.normalCritical(level);
        List<CoxCoefficient> coefficients = new ArrayList<>();
        for (int c : columns) {
            int k = kept.indexOf(c);
            if (k < 0) {
                coefficients.add(undefinedCoefficient(design, c));
                continue;
            }
            double beta = fit.beta()[k];
            double se = Math.sqrt(fit.covariance()[k][k]);
            coefficients.add(new CoxCoefficient(design.columnNames.get(c), design.termOfColumn.get(c), beta, se,
                    Math.exp(beta), new ConfidenceInterval(Math.exp(beta - z * se), Math.exp(beta + z * se), level),
                    beta / se, Distributions.normalTwoSided(beta / se)));
        }
        if (!fit.converged()) {
            warnings.add(new CoxWarning(CoxWarning.Kind.NOT_CONVERGED, null,
                    "The estimation did not converge within " + CoxFitter.MAX_ITERATIONS + " iterations."));
        } else {
            for (int k = 0; k < q; k++) {
                double step = 0;
                for (int l = 0; l < q; l++) {
                    step += fit.covariance()[k][l] * fit.score()[l];
                }
                step = Math.abs(step);
                double beta = fit.beta()[k];
                if (!Double.isFinite(fit.score()[k])
                        || (step > CoxFitter.EPS && step > CoxFitter.TOLERANCE_INFINITE * Math.abs(beta))) {
                    String name = design.columnNames.get(kept.get(k));
                    warnings.add(new CoxWarning(CoxWarning.Kind.INFINITE_COEFFICIENT, name,
                            "The likelihood converged before the coefficient of " + name
                                    + "; the coefficient may be infinite (for example no events in one group)."));
                }
            }
        }
        double lr = 2 * (fit.logLik() - fit.logLikNull());
        double wald = quadraticForm(fit.beta(), fit.information());
        TestResult lrTest = new TestResult("Likelihood-ratio test", lr, q, Distributions.chiSquareUpperTail(lr, q));
        TestResult waldTest = new TestResult("Wald test", wald, q, Distributions.chiSquareUpperTail(wald, q));
        TestResult scoreTest = new TestResult("Score (log-rank) test", fit.scoreTest(), q,
                Distributions.chiSquareUpperTail(fit.scoreTest(), q));
        List<CoxTermTest> termTests = new ArrayList<>();
        for (int t : terms) {
            List<Integer> idx = new ArrayList<>();
            for (int c : design.columnsOf(t)) {
                int k = kept.indexOf(c);
                if (k >= 0) {
                    idx.add(k);
                }
            }
            if (idx.isEmpty()) {
                continue;
            }
            double[] b = new double[idx.size()];
            double[][] v = new double[idx.size()][idx.size()];
            for (int a = 0; a < idx.size(); a++) {
                b[a] = fit.beta()[idx.get(a)];
                for (int c = 0; c < idx.size(); c++) {
                    v[a][c] = fit.covariance()[idx.get(a)][idx.get(c)];
                }
            }
            double stat = quadraticForm(b, inverseOrNaN(v));
            termTests.add(new CoxTermTest(design.terms.get(t).name(), new TestResult("Wald test", stat, idx.size(),
                    Distributions.chiSquareUpperTail(stat, idx.size()))));
        }
        return new CoxModel(termNames, ties, coefficients, termTests, n, events, design.excluded, fit.logLikNull(),
                fit.logLik(), lrTest, waldTest, scoreTest, fit.iterations(), fit.converged(), warnings, fit.covariance());
    }

    private static TestResult named(String method, TestResult t) {
        return new TestResult(method, t.statistic(), t.df(), t.pValue());
    }

    private static CoxCoefficient undefinedCoefficient(Design design, int column) {
        return new CoxCoefficient(design.columnNames.get(column), design.termOfColumn.get(column), Double.NaN,
                Double.NaN, Double.NaN, ConfidenceInterval.undefined(0.95), Double.NaN, Double.NaN);
    }

    private static double quadraticForm(double[] b, double[][] m) {
        double s = 0;
        for (int i = 0; i < b.length; i++) {
            for (int j = 0; j < b.length; j++) {
                s += b[i] * m[i][j] * b[j];
            }
        }
        return s;
    }

    private static double[][] inverseOrNaN(double[][] v) {
        RealMatrix m = new Array2DRowRealMatrix(v, true);
        var solver = new LUDecomposition(m).getSolver();
        if (!solver.isNonSingular()) {
            double[][] nan = new double[v.length][v.length];
            for (double[] row : nan) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            return nan;
        }
        return solver.getInverse().getData();
    }

    /** Design matrix of the complete cases for a list of covariates. */
    private static final class Design {
        final List<Covariate> terms;
        final List<String> columnNames = new ArrayList<>();
        final List<String> termOfColumn = new ArrayList<>();
        final List<List<Integer>> termColumns = new ArrayList<>();
        final CoxData data;
        final int excluded;

        private Design(List<Covariate> terms, List<SurvivalRow> rows) {
            this.terms = terms;
            for (Covariate c : terms) {
                List<Integer> idx = new ArrayList<>();
                for (String name : c.columnNames()) {
                    idx.add(columnNames.size());
                    columnNames.add(name);
                    termOfColumn.add(c.name());
                }
                termColumns.add(idx);
            }
            int p = columnNames.size();
            List<double[]> values = new ArrayList<>();
            List<Double> times = new ArrayList<>();
            List<Boolean> events = new ArrayList<>();
            int dropped = 0;
            for (SurvivalRow row : rows) {
                double[] x = encode(row);
                if (x == null || !Double.isFinite(row.time())) {
                    dropped++;
                    continue;
                }
                values.add(x);
                times.add(row.time());
                events.add(row.event());
            }
            int n = values.size();
            double[][] columns = new double[p][n];
            double[] time = new double[n];
            boolean[] event = new boolean[n];
            for (int i = 0; i < n; i++) {
                time[i] = times.get(i);
                event[i] = events.get(i);
                for (int k = 0; k < p; k++) {
                    columns[k][i] = values.get(i)[k];
                }
            }
            this.data = new CoxData(time, event, columns);
            this.excluded = dropped;
        }

        static Design of(List<Covariate> terms, List<SurvivalRow> rows) {
            return new Design(terms, rows);
        }

        List<Integer> columnsOf(int term) {
            return termColumns.get(term);
        }

        /** The row's design values, or null when a covariate value is missing. */
        private double[] encode(SurvivalRow row) {
            double[] x = new double[columnNames.size()];
            int k = 0;
            for (Covariate c : terms) {
                Object value = row.values().get(c.name());
                if (value == null) {
                    return null;
                }
                if (c instanceof Covariate.Numeric) {
                    if (!(value instanceof Number number)) {
                        throw new IllegalArgumentException("The value of " + c.name() + " must be a number.");
                    }
                    double v = number.doubleValue();
                    if (!Double.isFinite(v)) {
                        return null;
                    }
                    x[k++] = v;
                } else {
                    Covariate.Categorical cat = (Covariate.Categorical) c;
                    String level = value.toString();
                    if (!cat.levels().contains(level)) {
                        throw new IllegalArgumentException("The value " + level + " of " + c.name()
                                + " is not one of its levels " + cat.levels() + ".");
                    }
                    for (String contrast : cat.contrastLevels()) {
                        x[k++] = contrast.equals(level) ? 1 : 0;
                    }
                }
            }
            return x;
        }

        /**
         * The columns, in order, that are not constant and not a linear combination of the columns
         * before them (residual variance below 1e-9 of the column's own variance), from the centred
         * cross-product matrix.
         */
        List<Integer> nonCollinear(List<Integer> columns) {
            int n = data.n();
            int q = columns.size();
            double[][] centred = new double[q][];
            for (int a = 0; a < q; a++) {
                double[] col = data.column(columns.get(a));
                double mean = 0;
                for (double v : col) {
                    mean += v;
                }
                mean = n == 0 ? 0 : mean / n;
                centred[a] = new double[n];
                for (int i = 0; i < n; i++) {
                    centred[a][i] = col[i] - mean;
                }
            }
            double[][] cross = new double[q][q];
            for (int a = 0; a < q; a++) {
                for (int b = 0; b <= a; b++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += centred[a][i] * centred[b][i];
                    }
                    cross[a][b] = s;
                    cross[b][a] = s;
                }
            }
            List<Integer> keptIdx = new ArrayList<>();
            Set<Integer> kept = new LinkedHashSet<>();
            for (int a = 0; a < q; a++) {
                double own = cross[a][a];
                if (!(own > 0)) {
                    continue;
                }
                double residual = own;
                if (!keptIdx.isEmpty()) {
                    int m = keptIdx.size();
                    double[][] sub = new double[m][m];
                    double[] rhs = new double[m];
                    for (int i = 0; i < m; i++) {
                        rhs[i] = cross[keptIdx.get(i)][a];
                        for (int j = 0; j < m; j++) {
                            sub[i][j] = cross[keptIdx.get(i)][keptIdx.get(j)];
                        }
                    }
                    RealVector r = new ArrayRealVector(rhs, false);
                    try {
                        RealVector coef = new CholeskyDecomposition(new Array2DRowRealMatrix(sub, false))
                                .getSolver().solve(r);
                        residual = own - coef.dotProduct(r);
                    } catch (MathIllegalArgumentException singular) {
                        residual = 0;
                    }
                }
                if (residual > 1e-9 * own) {
                    keptIdx.add(a);
                    kept.add(columns.get(a));
                }
            }
            return new ArrayList<>(kept);
        }
    }
}
