package org.tacecrf.domain.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.report.Cell;
import org.tacecrf.domain.report.HeaderCell;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.stats.Descriptives;
import org.tacecrf.domain.stats.TTest;
import org.tacecrf.domain.stats.TTestResult;
import org.tacecrf.domain.study.AnalysisConfig;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.tables.AnalysedSubject.Session;

/**
 * Laboratory change from before to after a TACE session (table 2 of the layered-embolization
 * paper): for each analyte of {@code analysis.labChange}, the patients (or sessions) with both
 * values, mean ± SD before, after and of the change, and the paired t-test (R
 * {@code t.test(after, before, paired = TRUE)}). The after value is the post-procedure laboratory form
 * of the session's visit; the change is the casebook's derived "change from before the procedure"
 * (so before = after − change, the pre-procedure value the derivation chose). By arm when the study
 * compares arms.
 */
final class LabChangeTable {

    static final String ID = "lab-change";
    private static final String FORM = "post_labs";
    /** Data columns: n, before, after, change, t, p. */
    private static final int COLUMNS = 6;

    private LabChangeTable() {
    }

    static StudyTable build(AnalysisDataset d, String title) {
        AnalysisConfig.LabChange config = d.study().analysis().labChange();
        boolean all = config.sessions() == AnalysisConfig.Sessions.ALL;
        List<Group> groups = d.comparesArms() ? d.arms() : List.of(d.total());
        StudyTable.Builder t = Tables.start(d, ID, title, "Treated patients with laboratory tests after "
                        + (all ? "a TACE session" : "the first TACE session"),
                        (int) d.subjects().stream().filter(AnalysedSubject::treated).count())
                .methods("Mean ± SD of the values before and after the procedure and of the change (after − before);"
                        + " paired t-test on the " + (all ? "sessions" : "patients") + " with both values.")
                .header(HeaderCell.of("Laboratory test"), HeaderCell.of(all ? "Sessions" : "n"),
                        HeaderCell.of("Before"), HeaderCell.of("After"), HeaderCell.of("Change"), HeaderCell.of("t"),
                        HeaderCell.of("P value"));
        TestNotes tests = new TestNotes();
        for (Group g : groups) {
            int level = groups.size() > 1 ? 1 : 0;
            if (level == 1) {
                t.row(0, g.heading(), Tables.cells(java.util.Collections.nCopies(COLUMNS, Cell.empty())));
            }
            for (String analyte : config.analytes()) {
                List<double[]> pairs = pairs(g, analyte, all);
                double[] before = pairs.stream().mapToDouble(p -> p[0]).toArray();
                double[] after = pairs.stream().mapToDouble(p -> p[1]).toArray();
                double[] change = pairs.stream().mapToDouble(p -> p[1] - p[0]).toArray();
                String label = label(d, analyte);
                if (pairs.size() < 2) {
                    t.row(level, label, Cell.count(pairs.size()), Tables.meanSd(before, 2), Tables.meanSd(after, 2),
                            Tables.meanSd(change, 2), Cell.empty(), Cell.empty());
                    continue;
                }
                TTestResult r = TTest.paired(after, before);
                boolean constant = Descriptives.of(change).standardDeviation() == 0;
                t.row(level, label, Cell.count(pairs.size()), Tables.meanSd(before, 2), Tables.meanSd(after, 2),
                        Tables.meanSd(change, 2), constant ? Cell.empty() : Cell.number(r.t(), 2),
                        constant ? Cell.empty() : tests.p(r.pValue(), "Paired t-test"));
            }
        }
        tests.addTo(t);
        return t.build();
    }

    private static String label(AnalysisDataset d, String analyte) {
        Optional<ItemDef> item = d.study().item(FORM, analyte);
        return item.map(i -> i.label().en() + (i.unit() == null ? "" : " (" + i.unit() + ")")).orElse(analyte);
    }

    /** (before, after) of each patient's first session, or of every session. */
    private static List<double[]> pairs(Group g, String analyte, boolean allSessions) {
        List<double[]> out = new ArrayList<>();
        for (AnalysedSubject s : g.subjects()) {
            List<Session> sessions = s.sessions();
            for (Session session : allSessions ? sessions : sessions.stream().limit(1).toList()) {
                for (FormInstance f : s.forms(FORM)) {
                    if (f.visit().id() != session.form().visit().id()) {
                        continue;
                    }
                    Optional<Double> after = f.first(analyte).map(StoredValue::number).map(Number::doubleValue);
                    Optional<Double> change = f.first(analyte + "_change").map(StoredValue::number)
                            .map(Number::doubleValue);
                    if (after.isPresent() && change.isPresent()) {
                        out.add(new double[]{after.get() - change.get(), after.get()});
                        break;
                    }
                }
            }
        }
        return out;
    }
}
