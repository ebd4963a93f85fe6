package org.tacecrf.domain.tables;

import java.util.ArrayList;
import java.util.List;

import org.tacecrf.domain.report.Cell;
import org.tacecrf.domain.report.Formats;
import org.tacecrf.domain.report.HeaderCell;
import org.tacecrf.domain.report.ReportItem;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.study.AnalysisConfig;
import org.tacecrf.domain.study.AnalysisConfig.Endpoint;
import org.tacecrf.domain.study.AnalysisVariable;
import org.tacecrf.domain.study.AnalysisVariable.Level;

/**
 * Survival by the levels of each subgroup variable ({@code analysis.subgroups}) for the subgroup
 * endpoints: n, events and median (95 % CI) per level, the log-rank p across the levels, and one
 * Kaplan-Meier figure per variable and endpoint (as figure 2 of the ICC publication). Patients
 * without a value of the variable are left out of its comparison.
 */
final class SubgroupTable {

    static final String ID = "subgroups";

    private SubgroupTable() {
    }

    static String figureId(Endpoint e, String variable) {
        return "km-" + e.name().toLowerCase(java.util.Locale.ROOT) + "-" + variable;
    }

    static StudyTable build(AnalysisDataset d, String title) {
        AnalysisConfig config = d.study().analysis();
        TestNotes tests = new TestNotes();
        StudyTable.Builder t = Tables.start(d, ID, title, d.population(), d.n())
                .methods("Kaplan-Meier estimates by subgroup; median CI: "
                        + SurvivalData.medianMethodText(config.survival().medianCi()) + ". "
                        + SurvivalData.timeAxis(d.study()) + ".")
                .header(HeaderCell.of("Subgroup"), HeaderCell.of("n"), HeaderCell.of("Events"),
                        HeaderCell.of("Median, months (95% CI)"), HeaderCell.of("P value"));
        Formats formats = Formats.standard();
        AnalysisConfig.Survival medianOnly = new AnalysisConfig.Survival(config.survival().endpoints(), List.of(),
                config.survival().medianCi(), config.survival().landmarkCi(), config.survival().subgroupEndpoints());
        for (Endpoint e : config.survival().subgroupEndpoints()) {
            t.row(0, e.label() + " (" + e.name() + ")", Cell.empty(), Cell.empty(), Cell.empty(), Cell.empty());
            SurvivalData all = SurvivalData.of(d.subjects(), e);
            for (String id : config.subgroups()) {
                AnalysisVariable v = config.requireVariable(id);
                double p = all.logRankP(s -> VariableReader.level(v, s), v.levels().stream().map(Level::code).toList());
                t.row(1, v.label().en(), Cell.empty(), Cell.empty(), Cell.empty(), tests.p(p, "Log-rank test"));
                for (Level level : v.levels()) {
                    List<AnalysedSubject> in = all.subjects.stream()
                            .filter(s -> level.code().equals(VariableReader.level(v, s))).toList();
                    List<Cell> cells = new ArrayList<>(SurvivalTable.row(SurvivalData.of(in, e), medianOnly, formats));
                    cells.add(Cell.empty());
                    t.row(2, level.label().en(), Tables.cells(cells));
                }
            }
        }
        tests.addTo(t);
        return t.build();
    }

    /** The Kaplan-Meier figure of an endpoint by the levels of a subgroup variable; null without data. */
    static ReportItem.Figure figure(AnalysisDataset d, Endpoint e, String variableId, String title) {
        AnalysisVariable v = d.study().analysis().requireVariable(variableId);
        SurvivalData all = SurvivalData.of(d.subjects(), e);
        List<KmFigures.Curve> curves = v.levels().stream().map(level -> new KmFigures.Curve(level.label().en(),
                SurvivalData.of(all.subjects.stream().filter(s -> level.code().equals(VariableReader.level(v, s)))
                        .toList(), e))).toList();
        double p = all.logRankP(s -> VariableReader.level(v, s), v.levels().stream().map(Level::code).toList());
        return KmFigures.figure(d, figureId(e, variableId), title, "Kaplan-Meier estimate by " + v.label().en()
                + "; log-rank test across the groups.", e, curves, p);
    }
}
