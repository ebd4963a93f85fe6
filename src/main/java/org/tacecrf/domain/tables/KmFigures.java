package org.tacecrf.domain.tables;

import java.util.ArrayList;
import java.util.List;

import org.tacecrf.domain.report.Formats;
import org.tacecrf.domain.report.ReportItem;
import org.tacecrf.domain.report.figure.KaplanMeierChart;
import org.tacecrf.domain.report.figure.KmCurve;
import org.tacecrf.domain.report.figure.KmFigure;
import org.tacecrf.domain.stats.KaplanMeierFit;
import org.tacecrf.domain.stats.KaplanMeierStep;
import org.tacecrf.domain.stats.SurvivalEstimate;
import org.tacecrf.domain.stats.SurvivalQuantile;
import org.tacecrf.domain.study.AnalysisConfig;

/**
 * Kaplan-Meier figures: one curve per group with censor marks, a pointwise 95 % band (the study's
 * landmark interval type), the median line, the numbers at risk at the time ticks under the axis,
 * and the log-rank p when there are two or more curves.
 */
final class KmFigures {

    static final int WIDTH = 800;
    static final int HEIGHT = 600;

    /** A curve's name and its data. */
    record Curve(String name, SurvivalData data) {
    }

    private KmFigures() {
    }

    static ReportItem.Figure figure(AnalysisDataset d, String id, String title, String caption,
                                    AnalysisConfig.Endpoint endpoint, List<Curve> curves, double logRankP) {
        AnalysisConfig.Survival config = d.study().analysis().survival();
        List<KmCurve> drawn = new ArrayList<>();
        List<KaplanMeierFit> fits = new ArrayList<>();
        for (Curve c : curves) {
            if (c.data().n() == 0) {
                continue;
            }
            KaplanMeierFit fit = c.data().fit();
            fits.add(fit);
            drawn.add(curve(c.name(), fit, config, List.of()));
        }
        if (drawn.isEmpty()) {
            return null;
        }
        KmFigure.Builder base = KmFigure.builder().xTitle(SurvivalData.timeAxis(d.study()))
                .yTitle(endpoint.label() + " (%)");
        // the ticks follow from the curves; the numbers at risk are then counted at those ticks
        List<Double> ticks = withCurves(base, drawn).build().xTicks();
        KmFigure.Builder b = KmFigure.builder().xTitle(SurvivalData.timeAxis(d.study()))
                .yTitle(endpoint.label() + " (%)").riskTimes(ticks.stream().mapToDouble(Double::doubleValue).toArray());
        for (int i = 0; i < drawn.size(); i++) {
            b.curve(curve(drawn.get(i).name(), fits.get(i), config, ticks));
        }
        if (drawn.size() > 1 && !Double.isNaN(logRankP)) {
            b.annotation("Log-rank " + Formats.standard().pStatement(logRankP));
        }
        return new ReportItem.Figure(id, title, caption, new KaplanMeierChart(b.build()), WIDTH, HEIGHT);
    }

    private static KmFigure.Builder withCurves(KmFigure.Builder b, List<KmCurve> curves) {
        curves.forEach(b::curve);
        return b;
    }

    private static KmCurve curve(String name, KaplanMeierFit fit, AnalysisConfig.Survival config, List<Double> riskTimes) {
        KmCurve.Builder c = KmCurve.builder(name).band(0, 1, 1);
        for (KaplanMeierStep s : fit.steps()) {
            if (s.events() > 0) {
                c.step(s.time(), s.survival());
                SurvivalEstimate e = fit.survivalAt(s.time(), SurvivalData.landmarkType(config.landmarkCi()), 0.95);
                if (e.confidenceInterval().isDefined()) {
                    c.band(s.time(), clamp(e.confidenceInterval().lower()), clamp(e.confidenceInterval().upper()));
                }
            }
            if (s.censored() > 0) {
                c.censor(s.time(), s.survival());
            }
        }
        c.atRisk(fit.atRisk(riskTimes.stream().mapToDouble(Double::doubleValue).toArray()));
        SurvivalQuantile median = fit.median(SurvivalData.medianMethod(config.medianCi()));
        c.median(median.time().orElse(Double.NaN));
        return c.build();
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
