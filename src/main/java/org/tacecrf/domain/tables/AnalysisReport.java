package org.tacecrf.domain.tables;

import org.tacecrf.domain.report.Report;
import org.tacecrf.domain.report.ReportItem;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.study.AnalysisConfig;

/**
 * The whole set of tables and figures as one report (HTML or PDF through the report renderers): a
 * title page with the study, the data cut-off, when it was generated and the methods (population,
 * cut-off rules, tests and their conventions), then the tables and the figures in catalogue order.
 */
public final class AnalysisReport {

    private AnalysisReport() {
    }

    /** @param generated when and by what the report was made, e.g. "2024-04-02 10:15 UTC, TACE eCRF" */
    public static Report of(AnalysisDataset d, StudyTables.Result result, String generated) {
        return of(d.study().title().en(), d.cutOffDate().orElse(null), methods(d), result, generated);
    }

    /**
     * The report of tables computed earlier, from what their dataset said.
     *
     * @param methods {@link #methods(AnalysisDataset)} of the dataset
     */
    public static Report of(String studyTitle, java.time.LocalDate cutOff, String methods, StudyTables.Result result,
                            String generated) {
        Report.Builder b = Report.builder(studyTitle, "Study tables").dataCutOff(cutOff).generated(generated)
                .methods(methods);
        for (StudyTable t : result.tables()) {
            b.table(t);
        }
        for (ReportItem.Figure f : result.figures()) {
            b.figure(f.id(), f.title(), f.caption(), f.chart(), f.width(), f.height());
        }
        return b.build();
    }

    /** The methods of the title page: population and N, cut-off rules, tests and their conventions. */
    public static String methods(AnalysisDataset d) {
        AnalysisConfig a = d.study().analysis();
        String cutOff = d.cutOffDate().map(c -> "Data cut-off " + c + ": patients enrolled after it and data dated"
                + " after it are not used; overall survival is censored at the cut-off and progression-free survival"
                + " and time to progression at the last adequate tumour assessment on or before it; best overall"
                + " response is derived from the assessments up to it.").orElse("No data cut-off: all data entered"
                + " are used.");
        return d.population() + ": " + d.n() + " patients" + (d.lockedOnly() ? " (locked casebooks only)" : "")
                + ". " + cutOff
                + "\n\nCategorical data are n (%) of the patients with a value; continuous data mean ± SD or median"
                + " (IQR, SPSS weighted-average quartiles). Arms are compared by Pearson's chi-square test without"
                + " continuity correction or Fisher's exact test for counts, the Mann-Whitney U test (asymptotic,"
                + " corrected for ties) for ordered categories, and Student's t-test for means, unless the study file"
                + " names another test; each p-value names its test in a footnote. All tests are two-sided."
                + "\n\nSurvival is estimated by Kaplan-Meier with Greenwood's variance and compared by the log-rank"
                + " test; the confidence interval of the median is "
                + SurvivalData.medianMethodText(a.survival().medianCi()) + ". Hazard ratios come from Cox"
                + " proportional hazards models (" + (a.cox().ties() == AnalysisConfig.CoxTies.BRESLOW ? "Breslow"
                : "Efron") + " ties) with Wald confidence intervals and p-values. Response rates have exact"
                + " Clopper-Pearson 95% confidence intervals."
                + "\n\nThe statistics agree with R 4.2.2 (stats, survival 3.5-3) under the conventions named;"
                + " SPSS conventions (no continuity correction, quartile definition, symmetric median CI) are used"
                + " where the published tables of these studies used them.";
    }
}
