package org.tacecrf.domain.tables;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.report.Cell;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.study.CodeList;
import org.tacecrf.domain.study.CodeListItem;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.tables.AnalysedSubject.Session;

/**
 * Treatment exposure of the treated patients (at least one TACE session by the cut-off), by arm:
 * sessions per patient (mean ± SD, median and range, and the distribution 1, 2, 3, 4 or more), the
 * total number of procedures, and per session the microsphere sizes, the drugs loaded with the dose
 * per session and the cumulative dose per patient, intra-arterial infusions, the embolization
 * endpoint reached, supplementary embolic agents and technical success. Percentages of sessions
 * count a session once per category even when it used several rows of it (e.g. two vials of
 * different sizes), so they may add up to more than 100 %.
 */
final class ExposureTable {

    static final String ID = "exposure";
    private static final String FORM = "tace_session";

    private ExposureTable() {
    }

    static StudyTable build(AnalysisDataset d, String title) {
        StudyDefinition study = d.study();
        List<Group> columns = d.columns().stream().map(g -> new Group(g.key(), g.label(),
                g.subjects().stream().filter(AnalysedSubject::treated).toList())).toList();
        int treated = columns.get(columns.size() - 1).n();
        StudyTable.Builder t = Tables.start(d, ID, title, "Treated patients (at least one TACE session)", treated)
                .methods("Per patient: mean ± SD, median (range) or n (%) of treated patients. Per session: n (%) of"
                        + " TACE sessions.")
                .header(Tables.header("Characteristic", columns, false));

        row(t, 0, "TACE sessions, total", columns, g -> Cell.count(sessions(g).size()));
        row(t, 0, "Sessions per patient, mean ± SD", columns, g -> Tables.meanSd(perPatient(g), 2));
        row(t, 0, "Sessions per patient, median (range)", columns, g -> Tables.medianRange(perPatient(g), 0));
        for (int k = 1; k <= 4; k++) {
            int count = k;
            row(t, 1, k == 4 ? "4 or more sessions" : k + (k == 1 ? " session" : " sessions"), columns,
                    g -> Tables.countPercent(g.subjects().stream().filter(s -> count == 4 ? s.sessions().size() >= 4
                            : s.sessions().size() == count).count(), g.n()));
        }

        t.section("Per session");
        coded(t, study, columns, "Microsphere size", "size_range");
        coded(t, study, columns, "Microsphere product", "product");
        drugs(t, study, columns);
        coded(t, study, columns, "Intra-arterial infusion", "infusion_drug");
        coded(t, study, columns, "Embolization endpoint reached", "embolization_endpoint");
        coded(t, study, columns, "Supplementary embolic agent", "embolic_type");
        coded(t, study, columns, "Technical success", "technical_success");
        t.footnote("A session is counted once in each category it used, so percentages of sessions may add up to more"
                + " than 100%.");
        return t.build();
    }

    private static List<Session> sessions(Group g) {
        return g.subjects().stream().flatMap(s -> s.sessions().stream()).toList();
    }

    private static double[] perPatient(Group g) {
        return g.subjects().stream().mapToDouble(s -> s.sessions().size()).toArray();
    }

    private static void row(StudyTable.Builder t, int level, String label, List<Group> columns,
                            Function<Group, Cell> cell) {
        t.row(level, label, Tables.cells(columns.stream().map(cell).toList()));
    }

    /** Codes of an item used in any row of a session, in code-list order. */
    private static Set<String> codes(FormInstance f, String itemId) {
        Set<String> out = new LinkedHashSet<>();
        f.repeats(itemId).values().forEach(v -> out.addAll(v.codes()));
        return out;
    }

    private static void coded(StudyTable.Builder t, StudyDefinition study, List<Group> columns, String label,
                              String itemId) {
        Optional<CodeList> list = study.item(FORM, itemId).flatMap(study::codeListOf);
        if (list.isEmpty()) {
            return;
        }
        Set<String> used = new LinkedHashSet<>();
        columns.forEach(g -> sessions(g).forEach(s -> used.addAll(codes(s.form(), itemId))));
        if (used.isEmpty()) {
            return;
        }
        t.row(0, label, Tables.cells(columns.stream().map(g -> Cell.empty()).toList()));
        for (CodeListItem item : list.get().items()) {
            if (!used.contains(item.code())) {
                continue;
            }
            row(t, 1, item.label().en(), columns, g -> {
                List<Session> s = sessions(g);
                return Tables.countPercent(s.stream().filter(x -> codes(x.form(), itemId).contains(item.code()))
                        .count(), s.size());
            });
        }
        row(t, 1, "Not recorded", columns, g -> Cell.count(sessions(g).stream()
                .filter(x -> codes(x.form(), itemId).isEmpty()).count()));
    }

    /** Each drug loaded on microspheres: sessions, dose per session and cumulative dose per patient. */
    private static void drugs(StudyTable.Builder t, StudyDefinition study, List<Group> columns) {
        Map<String, String> labels = new LinkedHashMap<>();
        study.item(FORM, "drug").flatMap(study::codeListOf)
                .ifPresent(l -> l.items().forEach(i -> labels.put(i.code(), i.label().en())));
        Set<String> used = new LinkedHashSet<>();
        columns.forEach(g -> sessions(g).forEach(s -> used.addAll(codes(s.form(), "drug"))));
        if (used.isEmpty()) {
            return;
        }
        t.row(0, "Drug loaded on microspheres", Tables.cells(columns.stream().map(g -> Cell.empty()).toList()));
        for (String drug : labels.keySet()) {
            if (!used.contains(drug)) {
                continue;
            }
            row(t, 1, labels.get(drug), columns, g -> {
                List<Session> s = sessions(g);
                return Tables.countPercent(s.stream().filter(x -> codes(x.form(), "drug").contains(drug)).count(),
                        s.size());
            });
            row(t, 2, "Dose per session, mg, mean ± SD", columns, g -> Tables.meanSd(sessions(g).stream()
                    .mapToDouble(x -> dose(x.form(), drug)).filter(v -> !Double.isNaN(v)).toArray(), 1));
            row(t, 2, "Cumulative dose per patient, mg, median (range)", columns, g -> Tables.medianRange(
                    g.subjects().stream().mapToDouble(s -> s.sessions().stream().mapToDouble(x -> dose(x.form(), drug))
                            .filter(v -> !Double.isNaN(v)).sum()).filter(v -> v > 0).toArray(), 1));
        }
    }

    /** mg of the drug loaded in one session (all its rows), NaN when the session does not load it with a dose. */
    private static double dose(FormInstance f, String drug) {
        Map<Integer, StoredValue> drugs = f.repeats("drug");
        Map<Integer, StoredValue> doses = f.repeats("dose_loaded_mg");
        double total = 0;
        boolean any = false;
        for (Map.Entry<Integer, StoredValue> e : drugs.entrySet()) {
            StoredValue dose = doses.get(e.getKey());
            if (drug.equals(e.getValue().text()) && dose != null && dose.number() != null) {
                total += dose.number().doubleValue();
                any = true;
            }
        }
        return any ? total : Double.NaN;
    }
}
