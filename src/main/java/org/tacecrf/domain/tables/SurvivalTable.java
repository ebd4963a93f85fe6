package org.tacecrf.domain.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tacecrf.domain.report.Cell;
import org.tacecrf.domain.report.Formats;
import org.tacecrf.domain.report.HeaderCell;
import org.tacecrf.domain.report.ReportItem;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.stats.KaplanMeierFit;
import org.tacecrf.domain.stats.SurvivalEstimate;
import org.tacecrf.domain.stats.SurvivalQuantile;
import org.tacecrf.domain.study.AnalysisConfig;
import org.tacecrf.domain.study.AnalysisConfig.Endpoint;

/**
 * Time-to-event endpoints (OS, PFS, TTP as the study lists them), by arm: patients, events, median
 * with its 95 % confidence interval (by the study's {@code medianCi}), survival at each landmark in
 * months with a pointwise 95 % interval, and the log-rank p between arms. Times are months
 * (days / 30.4375) from the study's origin; PFS and TTP follow the primary response criteria.
 * Patients whose endpoint cannot be derived are left out and counted in a footnote with the reasons.
 * One Kaplan-Meier figure per endpoint.
 */
final class SurvivalTable {

    static final String ID = "survival";

    private SurvivalTable() {
    }

    static String figureId(Endpoint e) {
        return "km-" + e.name().toLowerCase(java.util.Locale.ROOT);
    }

    static StudyTable build(AnalysisDataset d, String title) {
        AnalysisConfig.Survival config = d.study().analysis().survival();
        boolean compare = d.comparesArms();
        List<Group> columns = d.columns();
        List<String> header = new ArrayList<>(List.of("Endpoint", "n", "Events", "Median, months (95% CI)"));
        config.landmarksMonths().forEach(m -> header.add(plain(m) + "-month rate, % (95% CI)"));
        if (compare) {
            header.add("P value");
        }
        TestNotes tests = new TestNotes();
        StudyTable.Builder t = Tables.start(d, ID, title, d.population(), d.n())
                .methods("Kaplan-Meier estimates; median CI: " + SurvivalData.medianMethodText(config.medianCi())
                        + "; rates with a pointwise " + SurvivalData.landmarkType(config.landmarkCi()).rName()
                        + "-transformed 95% CI (Greenwood). " + SurvivalData.timeAxis(d.study()) + ".")
                .header(header.stream().map(HeaderCell::of).toArray(HeaderCell[]::new));
        Formats formats = Formats.standard();
        Map<Endpoint, Integer> excluded = new java.util.EnumMap<>(Endpoint.class);
        for (Endpoint e : config.endpoints()) {
            t.row(0, e.label() + " (" + e.name() + ")", Tables.cells(header.subList(1, header.size()).stream()
                    .map(h -> Cell.empty()).toList()));
            SurvivalData all = SurvivalData.of(d.subjects(), e);
            double p = compare ? all.logRankP(AnalysedSubject::armId, d.arms().stream().map(Group::key).toList())
                    : Double.NaN;
            boolean first = true;
            for (Group g : columns) {
                SurvivalData data = SurvivalData.of(g.subjects(), e);
                List<Cell> cells = new ArrayList<>(row(data, config, formats));
                if (compare) {
                    cells.add(first ? tests.p(p, "Log-rank test") : Cell.empty());
                }
                first = false;
                t.row(1, g.label(), Tables.cells(cells));
            }
            if (all.excluded > 0) {
                excluded.put(e, all.excluded);
            }
        }
        tests.addTo(t);
        excluded.forEach((endpoint, n) -> t.footnote(n + " patient(s) without a derivable " + endpoint.name()
                + " are left out (" + String.join("; ", reasons(d, endpoint)) + ")."));
        t.footnote("OS, overall survival; PFS, progression-free survival; TTP, time to progression; NE, not estimable.");
        return t.build();
    }

    /** n, events, median (CI) and the landmark rates of one group. */
    static List<Cell> row(SurvivalData data, AnalysisConfig.Survival config, Formats formats) {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.count(data.n()));
        cells.add(Cell.count(data.eventCount()));
        if (data.n() == 0) {
            cells.add(Cell.empty());
            config.landmarksMonths().forEach(m -> cells.add(Cell.empty()));
            return cells;
        }
        KaplanMeierFit fit = data.fit();
        SurvivalQuantile median = fit.median(SurvivalData.medianMethod(config.medianCi()));
        cells.add(Cell.medianSurvival(median.time().orElse(Double.NaN), median.lower().orElse(Double.NaN),
                median.upper().orElse(Double.NaN), 1));
        for (BigDecimal m : config.landmarksMonths()) {
            SurvivalEstimate s = fit.survivalAt(m.doubleValue(), SurvivalData.landmarkType(config.landmarkCi()), 0.95);
            double pct = 100 * s.survival();
            double lo = 100 * s.confidenceInterval().lower();
            double hi = 100 * s.confidenceInterval().upper();
            cells.add(Cell.estimate(pct, lo, hi).withText(formats.withInterval(pct, lo, hi, 1)));
        }
        return cells;
    }

    private static List<String> reasons(AnalysisDataset d, Endpoint e) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (AnalysedSubject s : d.subjects()) {
            if (s.survival(e).isEmpty()) {
                List<String> problems = s.survivalProblems(e);
                counts.merge(problems.isEmpty() ? "reason not recorded" : problems.get(0), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().map(x -> x.getValue() + " × " + x.getKey().replaceAll("\\.$", "")).toList();
    }

    /** The Kaplan-Meier figure of an endpoint by arm; null without any patient with the endpoint. */
    static ReportItem.Figure figure(AnalysisDataset d, Endpoint e, String title) {
        List<KmFigures.Curve> curves = d.arms().stream()
                .map(g -> new KmFigures.Curve(g.label(), SurvivalData.of(g.subjects(), e))).toList();
        double p = d.comparesArms() ? SurvivalData.of(d.subjects(), e)
                .logRankP(AnalysedSubject::armId, d.arms().stream().map(Group::key).toList()) : Double.NaN;
        return KmFigures.figure(d, figureId(e), title, "Kaplan-Meier estimate of "
                + e.label().toLowerCase(java.util.Locale.ROOT) + " with pointwise 95% confidence band, censored"
                + " patients marked, numbers at risk below the axis" + (d.comparesArms() ? "; log-rank test between"
                + " arms." : "."), e, curves, p);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
