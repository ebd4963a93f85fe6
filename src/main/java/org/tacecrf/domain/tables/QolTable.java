package org.tacecrf.domain.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.report.Cell;
import org.tacecrf.domain.report.HeaderCell;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.stats.WilcoxonSignedRank;
import org.tacecrf.domain.study.AnalysisConfig;
import org.tacecrf.domain.study.VisitDef;

/**
 * EORTC QLQ-C30 scale scores before and after treatment (table 3 of the NSCLC paper): for each scale
 * of {@code analysis.qol}, the patients with both questionnaires, median (IQR) at each visit and the
 * Wilcoxon signed-rank test (asymptotic, corrected for ties, zero differences dropped; SPSS and R
 * {@code wilcox.test(after, before, paired = TRUE, exact = FALSE, correct = FALSE)}). Scores are the
 * casebook's derived 0-100 scale scores; medians and quartiles are of the complete pairs. By arm when
 * the study compares arms.
 */
final class QolTable {

    static final String ID = "qol";
    private static final String FORM = "qlq_c30";
    /** Data columns: n, before, after, p. */
    private static final int COLUMNS = 4;

    private QolTable() {
    }

    static StudyTable build(AnalysisDataset d, String title) {
        AnalysisConfig.Qol config = d.study().analysis().qol();
        String before = visitLabel(d, config.before());
        String after = visitLabel(d, config.after());
        List<Group> groups = d.comparesArms() ? d.arms() : List.of(d.total());
        StudyTable.Builder t = Tables.start(d, ID, title, d.population(), d.n())
                .methods("QLQ-C30 scores 0-100 (functional scales and global health: higher is better; symptom scales:"
                        + " higher is worse); median (IQR, SPSS weighted-average quartiles) of the patients with both"
                        + " questionnaires.")
                .header(HeaderCell.of("Scale"), HeaderCell.of("n"), HeaderCell.of(before), HeaderCell.of(after),
                        HeaderCell.of("P value"));
        TestNotes tests = new TestNotes();
        for (Group g : groups) {
            int level = groups.size() > 1 ? 1 : 0;
            if (level == 1) {
                t.row(0, g.heading(), Tables.cells(java.util.Collections.nCopies(COLUMNS, Cell.empty())));
            }
            for (String scale : config.scales()) {
                List<double[]> pairs = new ArrayList<>();
                for (AnalysedSubject s : g.subjects()) {
                    Optional<Double> x = score(s, config.before(), scale);
                    Optional<Double> y = score(s, config.after(), scale);
                    if (x.isPresent() && y.isPresent()) {
                        pairs.add(new double[]{x.get(), y.get()});
                    }
                }
                double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
                double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
                Cell p = Cell.empty();
                if (pairs.size() >= 2) {
                    WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(y, x);
                    p = r.n() == 0 ? Cell.empty() : tests.p(r.asymptoticP(), "Wilcoxon signed-rank test (asymptotic,"
                            + " corrected for ties, zero differences dropped)");
                }
                t.row(level, d.study().item(FORM, scale).map(i -> i.label().en()).orElse(scale), Cell.count(pairs.size()),
                        Tables.medianIqr(x, 1), Tables.medianIqr(y, 1), p);
            }
        }
        tests.addTo(t);
        return t.build();
    }

    private static String visitLabel(AnalysisDataset d, String visitId) {
        return d.study().visit(visitId).map(VisitDef::label).map(l -> l.en()).orElse(visitId) + ", median (IQR)";
    }

    /** The scale score of the first questionnaire at the visit. */
    private static Optional<Double> score(AnalysedSubject s, String visitId, String scale) {
        for (FormInstance f : s.forms(FORM)) {
            if (f.visit().visitId().equals(visitId)) {
                return f.first(scale).map(StoredValue::number).map(Number::doubleValue);
            }
        }
        return Optional.empty();
    }
}
