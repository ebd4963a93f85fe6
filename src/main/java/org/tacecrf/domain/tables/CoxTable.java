package org.tacecrf.domain.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tacecrf.domain.report.Cell;
import org.tacecrf.domain.report.HeaderCell;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.stats.CoxCoefficient;
import org.tacecrf.domain.stats.CoxModel;
import org.tacecrf.domain.stats.CoxRegression;
import org.tacecrf.domain.stats.CoxTermTest;
import org.tacecrf.domain.stats.CoxWarning;
import org.tacecrf.domain.stats.Covariate;
import org.tacecrf.domain.stats.StepwiseResult;
import org.tacecrf.domain.stats.SurvivalRow;
import org.tacecrf.domain.stats.Ties;
import org.tacecrf.domain.study.AnalysisConfig;
import org.tacecrf.domain.study.AnalysisConfig.Coding;
import org.tacecrf.domain.study.AnalysisConfig.CoxCovariate;
import org.tacecrf.domain.study.AnalysisConfig.Endpoint;
import org.tacecrf.domain.study.AnalysisConfig.Multivariate;
import org.tacecrf.domain.study.AnalysisVariable;
import org.tacecrf.domain.study.AnalysisVariable.Level;

/**
 * Cox proportional hazards regression of one endpoint: a univariate model per covariate (each on
 * its own complete cases) and a multivariate model built as the study file says (all covariates
 * entered; forward stepwise on the likelihood ratio as SPSS FSTEP(LR); or the covariates whose
 * univariate Wald p is at most the entry p). HR (95 % CI) and Wald p per indicator column against the
 * reference level, shown as "Ref"; the overall Wald p of a covariate with more than two levels on its
 * own row; numeric covariates per unit (ordinal ones per category). Covariates left out of the
 * multivariate model show "–". Levels nobody has are left out of the model. Problems of a fit
 * (possibly infinite coefficients, collinear columns, no convergence) are footnoted.
 */
final class CoxTable {

    private static final String LEFT_OUT = "–";

    private CoxTable() {
    }

    static String id(Endpoint e) {
        return "cox-" + e.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A covariate as entered: the model's covariate and how to read its value. */
    private record Term(CoxCovariate spec, AnalysisVariable variable, Covariate covariate) {
    }

    static StudyTable build(AnalysisDataset d, Endpoint endpoint, String title) {
        AnalysisConfig config = d.study().analysis();
        AnalysisConfig.Cox cox = config.cox();
        SurvivalData data = SurvivalData.of(d.subjects(), endpoint);
        List<Term> terms = terms(config, data.subjects);
        List<SurvivalRow> rows = new ArrayList<>();
        for (int i = 0; i < data.n(); i++) {
            AnalysedSubject s = data.subjects.get(i);
            Map<String, Object> values = new HashMap<>();
            for (Term t : terms) {
                values.put(t.variable().id(), value(t, s));
            }
            rows.add(new SurvivalRow(data.months[i], data.events[i], values));
        }
        Ties ties = cox.ties() == AnalysisConfig.CoxTies.BRESLOW ? Ties.BRESLOW : Ties.EFRON;
        CoxRegression regression = CoxRegression.builder().covariates(terms.stream().map(Term::covariate).toList())
                .rows(rows).ties(ties).build();
        List<CoxModel> univariate = regression.univariate();
        Optional<CoxModel> multivariate = multivariate(cox, terms, rows, ties, regression, univariate);
        Set<String> inModel = multivariate.map(m -> Set.copyOf(m.covariates())).orElse(Set.of());
        boolean showMulti = cox.multivariate() != Multivariate.NONE;

        List<HeaderCell> top = new ArrayList<>(List.of(HeaderCell.tall("Variable", 2), HeaderCell.span("Univariate analysis", 2)));
        if (showMulti) {
            top.add(HeaderCell.span(multivariateTitle(cox.multivariate()), 2));
        }
        List<String> second = new ArrayList<>(List.of("HR (95% CI)", "P value"));
        if (showMulti) {
            second.addAll(List.of("HR (95% CI)", "P value"));
        }
        StudyTable.Builder t = Tables.start(d, id(endpoint), title, "Patients with a derivable " + endpoint.name(),
                        data.n())
                .methods("Cox proportional hazards regression of " + endpoint.label().toLowerCase(java.util.Locale.ROOT)
                        + " (" + data.eventCount() + " events), " + (ties == Ties.BRESLOW ? "Breslow" : "Efron")
                        + " method for ties; hazard ratios with Wald 95% CI and Wald p.")
                .header(top.toArray(HeaderCell[]::new))
                .columns(second.toArray(String[]::new));
        Set<String> warnings = new LinkedHashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            CoxModel uni = univariate.get(i);
            CoxModel multi = multivariate.filter(m -> inModel.contains(term.variable().id())).orElse(null);
            collectWarnings(uni, warnings);
            rows(t, term, uni, multi, showMulti);
        }
        multivariate.ifPresent(m -> collectWarnings(m, warnings));
        int minN = univariate.stream().mapToInt(CoxModel::n).min().orElse(data.n());
        if (minN < data.n()) {
            t.footnote("Each univariate model uses the patients with a value of its covariate (" + minN + " to "
                    + data.n() + ").");
        }
        multivariate.ifPresent(m -> t.footnote("The multivariate model uses " + m.n() + " patients with " + m.events()
                + " events" + (m.excluded() > 0 ? "; " + m.excluded() + " left out for missing covariates" : "")
                + (cox.multivariate() == Multivariate.FORWARD ? "; entry p ≤ " + cox.entryP() + ", removal p > "
                + cox.removalP() : cox.multivariate() == Multivariate.SIGNIFICANT ? "; covariates with univariate p ≤ "
                + cox.entryP() : "") + "."));
        if (showMulti && multivariate.isEmpty()) {
            t.footnote("No covariate qualified for the multivariate model.");
        }
        warnings.forEach(t::footnote);
        t.footnote("HR, hazard ratio; CI, confidence interval; Ref, reference category; –, not in the model.");
        return t.build();
    }

    private static String multivariateTitle(Multivariate m) {
        return switch (m) {
            case FORWARD -> "Multivariate analysis (forward stepwise)";
            case SIGNIFICANT -> "Multivariate analysis (univariate p ≤ entry p)";
            default -> "Multivariate analysis";
        };
    }

    private static List<Term> terms(AnalysisConfig config, List<AnalysedSubject> subjects) {
        List<Term> terms = new ArrayList<>();
        for (CoxCovariate c : config.cox().covariates()) {
            AnalysisVariable v = config.requireVariable(c.variable());
            Covariate covariate;
            if (c.coding() == Coding.NUMBER) {
                covariate = Covariate.numeric(v.id());
            } else {
                Set<String> present = new LinkedHashSet<>();
                subjects.forEach(s -> {
                    String level = VariableReader.level(v, s);
                    if (level != null) {
                        present.add(level);
                    }
                });
                List<String> levels = v.levels().stream().map(Level::code)
                        .filter(l -> present.contains(l) || l.equals(c.reference())).toList();
                if (levels.size() < 2) {
                    // nothing to contrast: the covariate enters with its reference only and is reported as such
                    levels = v.levels().stream().map(Level::code).toList();
                }
                covariate = Covariate.categorical(v.id(), levels, c.reference());
            }
            terms.add(new Term(c, v, covariate));
        }
        return terms;
    }

    private static Object value(Term t, AnalysedSubject s) {
        if (t.spec().coding() == Coding.NUMBER) {
            double x = VariableReader.ordered(t.variable(), s);
            return Double.isNaN(x) ? null : x;
        }
        return VariableReader.level(t.variable(), s);
    }

    private static Optional<CoxModel> multivariate(AnalysisConfig.Cox cox, List<Term> terms, List<SurvivalRow> rows,
                                                   Ties ties, CoxRegression all, List<CoxModel> univariate) {
        return switch (cox.multivariate()) {
            case NONE -> Optional.empty();
            case ENTER -> Optional.of(all.fit());
            case FORWARD -> {
                StepwiseResult r = all.forwardLikelihoodRatio(cox.entryP(), cox.removalP());
                yield r.finalModel().covariates().isEmpty() ? Optional.empty() : Optional.of(r.finalModel());
            }
            case SIGNIFICANT -> {
                List<Covariate> chosen = new ArrayList<>();
                for (int i = 0; i < terms.size(); i++) {
                    double p = univariate.get(i).termTests().stream().findFirst().map(x -> x.wald().pValue())
                            .orElse(Double.NaN);
                    if (p <= cox.entryP()) {
                        chosen.add(terms.get(i).covariate());
                    }
                }
                yield chosen.isEmpty() ? Optional.empty() : Optional.of(CoxRegression.builder().covariates(chosen)
                        .rows(rows).ties(ties).build().fit());
            }
        };
    }

    private static void rows(StudyTable.Builder t, Term term, CoxModel uni, CoxModel multi, boolean showMulti) {
        AnalysisVariable v = term.variable();
        if (term.covariate() instanceof Covariate.Numeric) {
            String unit = v.numeric() ? "per unit" : "per category";
            List<Cell> cells = new ArrayList<>(estimate(uni, v.id()));
            if (showMulti) {
                cells.addAll(multi == null ? leftOut() : estimate(multi, v.id()));
            }
            t.row(0, v.label().en() + " (" + unit + ")", Tables.cells(cells));
            return;
        }
        Covariate.Categorical c = (Covariate.Categorical) term.covariate();
        boolean overall = c.levels().size() > 2;
        List<Cell> head = new ArrayList<>(List.of(Cell.empty(), overall ? termP(uni, v.id()) : Cell.empty()));
        if (showMulti && multi == null) {
            head.addAll(leftOut());
        } else if (showMulti) {
            head.addAll(List.of(Cell.empty(), overall ? termP(multi, v.id()) : Cell.empty()));
        }
        t.row(0, v.label().en(), Tables.cells(head));
        for (String level : c.levels()) {
            String label = v.level(level).map(l -> l.label().en()).orElse(level);
            List<Cell> cells = new ArrayList<>();
            if (level.equals(c.reference())) {
                cells.addAll(List.of(Cell.reference(), Cell.empty()));
                if (showMulti) {
                    cells.addAll(multi == null ? List.of(Cell.empty(), Cell.empty())
                            : List.of(Cell.reference(), Cell.empty()));
                }
            } else {
                String column = v.id() + "=" + level + " vs " + c.reference();
                cells.addAll(estimate(uni, column));
                if (showMulti) {
                    cells.addAll(multi == null ? List.of(Cell.empty(), Cell.empty()) : estimate(multi, column));
                }
            }
            t.row(1, label, Tables.cells(cells));
        }
    }

    private static List<Cell> leftOut() {
        return List.of(Cell.text(LEFT_OUT), Cell.text(LEFT_OUT));
    }

    /** HR (95 % CI) and p of a design column; empty cells when it could not be estimated. */
    private static List<Cell> estimate(CoxModel model, String column) {
        Optional<CoxCoefficient> c = model.coefficient(column);
        if (c.isEmpty() || Double.isNaN(c.get().beta())) {
            return List.of(Cell.text("NE"), Cell.empty());
        }
        CoxCoefficient k = c.get();
        return List.of(Cell.estimate(k.hazardRatio(), k.hazardRatioCi().lower(), k.hazardRatioCi().upper()),
                Double.isNaN(k.pValue()) ? Cell.empty() : Cell.p(k.pValue()));
    }

    private static Cell termP(CoxModel model, String covariate) {
        return model.termTests().stream().filter(x -> x.covariate().equals(covariate)).findFirst()
                .map(CoxTermTest::wald).filter(w -> !Double.isNaN(w.pValue())).map(w -> Cell.p(w.pValue()))
                .orElse(Cell.empty());
    }

    private static void collectWarnings(CoxModel model, Set<String> out) {
        for (CoxWarning w : model.warnings()) {
            out.add(w.message());
        }
    }
}
