package org.tacecrf.domain.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.report.Cell;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.study.CodeList;
import org.tacecrf.domain.study.CodeListItem;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * Treatment exposure of the treated patients (at least one TACE session by the cut-off), by arm:
 * sessions per patient (mean ± SD, median and range, and the distribution 1, 2, 3, 4 or more), the
 * total number of procedures, and per session the microsphere sizes and products, the drugs loaded
 * with the dose per session and the cumulative dose per patient, intra-arterial infusions, the
 * embolization endpoint reached, supplementary embolic agents and technical success. Percentages of
 * sessions count a session once per category even when it used several rows of it (e.g. two vials of
 * different sizes), so they may add up to more than 100 %.
 */
final class ExposureTable {

    static final String ID = "exposure";
    private static final String FORM = "tace_session";
    private static final List<String> CODED = List.of("size_range", "product", "drug", "infusion_drug",
            "embolization_endpoint", "embolic_type", "technical_success");

    /** What the table reads from one session, read once: the codes per item and mg per drug. */
    private record SessionInfo(Map<String, Set<String>> codes, Map<String, Double> doses) {

        static SessionInfo of(FormInstance f) {
            Map<String, Set<String>> codes = new HashMap<>();
            Map<Integer, String> drugs = new HashMap<>();
            Map<Integer, Double> mg = new HashMap<>();
            for (Map.Entry<ItemKey, StoredValue> e : f.values().entrySet()) {
                String item = e.getKey().itemId();
                StoredValue v = e.getValue();
                if (v.isEmpty()) {
                    continue;
                }
                if (CODED.contains(item)) {
                    codes.computeIfAbsent(item, k -> new LinkedHashSet<>()).addAll(v.codes());
                }
                if (item.equals("drug")) {
                    drugs.put(e.getKey().groupRepeat(), v.text());
                } else if (item.equals("dose_loaded_mg") && v.number() != null) {
                    mg.put(e.getKey().groupRepeat(), v.number().doubleValue());
                }
            }
            Map<String, Double> doses = new HashMap<>();
            drugs.forEach((row, drug) -> {
                if (mg.containsKey(row)) {
                    doses.merge(drug, mg.get(row), Double::sum);
                }
            });
            return new SessionInfo(codes, doses);
        }

        Set<String> codes(String item) {
            return codes.getOrDefault(item, Set.of());
        }

        double dose(String drug) {
            return doses.getOrDefault(drug, Double.NaN);
        }
    }

    /** A group with its treated patients' sessions read. */
    private record Column(Group group, List<List<SessionInfo>> perPatient, List<SessionInfo> sessions) {
    }

    private ExposureTable() {
    }

    static StudyTable build(AnalysisDataset d, String title) {
        StudyDefinition study = d.study();
        Map<Long, SessionInfo> read = new HashMap<>();
        List<Column> columns = new ArrayList<>();
        for (Group g : d.columns()) {
            List<AnalysedSubject> treated = g.subjects().stream().filter(AnalysedSubject::treated).toList();
            List<List<SessionInfo>> perPatient = new ArrayList<>();
            List<SessionInfo> all = new ArrayList<>();
            for (AnalysedSubject s : treated) {
                List<SessionInfo> sessions = s.sessions().stream()
                        .map(x -> read.computeIfAbsent(x.form().id(), id -> SessionInfo.of(x.form()))).toList();
                perPatient.add(sessions);
                all.addAll(sessions);
            }
            columns.add(new Column(new Group(g.key(), g.label(), treated), perPatient, all));
        }
        List<Group> groups = columns.stream().map(Column::group).toList();
        StudyTable.Builder t = Tables.start(d, ID, title, "Treated patients (at least one TACE session)",
                        groups.get(groups.size() - 1).n())
                .methods("Per patient: mean ± SD, median (range) or n (%) of treated patients. Per session: n (%) of"
                        + " TACE sessions.")
                .header(Tables.header("Characteristic", groups, false));

        row(t, 0, "TACE sessions, total", columns, c -> Cell.count(c.sessions().size()));
        row(t, 0, "Sessions per patient, mean ± SD", columns, c -> Tables.meanSd(perPatient(c), 2));
        row(t, 0, "Sessions per patient, median (range)", columns, c -> Tables.medianRange(perPatient(c), 0));
        for (int k = 1; k <= 4; k++) {
            int count = k;
            row(t, 1, k == 4 ? "4 or more sessions" : k + (k == 1 ? " session" : " sessions"), columns,
                    c -> Tables.countPercent(c.perPatient().stream().filter(p -> count == 4 ? p.size() >= 4
                            : p.size() == count).count(), c.group().n()));
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

    private static double[] perPatient(Column c) {
        return c.perPatient().stream().mapToDouble(List::size).toArray();
    }

    private static void row(StudyTable.Builder t, int level, String label, List<Column> columns,
                            Function<Column, Cell> cell) {
        t.row(level, label, Tables.cells(columns.stream().map(cell).toList()));
    }

    private static void coded(StudyTable.Builder t, StudyDefinition study, List<Column> columns, String label,
                              String itemId) {
        Optional<CodeList> list = study.item(FORM, itemId).flatMap(study::codeListOf);
        if (list.isEmpty()) {
            return;
        }
        Set<String> used = new LinkedHashSet<>();
        columns.forEach(c -> c.sessions().forEach(s -> used.addAll(s.codes(itemId))));
        if (used.isEmpty()) {
            return;
        }
        t.row(0, label, Tables.cells(columns.stream().map(c -> Cell.empty()).toList()));
        for (CodeListItem item : list.get().items()) {
            if (used.contains(item.code())) {
                row(t, 1, item.label().en(), columns, c -> Tables.countPercent(c.sessions().stream()
                        .filter(s -> s.codes(itemId).contains(item.code())).count(), c.sessions().size()));
            }
        }
        row(t, 1, "Not recorded", columns, c -> Cell.count(c.sessions().stream()
                .filter(s -> s.codes(itemId).isEmpty()).count()));
    }

    /** Each drug loaded on microspheres: sessions, dose per session and cumulative dose per patient. */
    private static void drugs(StudyTable.Builder t, StudyDefinition study, List<Column> columns) {
        Map<String, String> labels = new LinkedHashMap<>();
        study.item(FORM, "drug").flatMap(study::codeListOf)
                .ifPresent(l -> l.items().forEach(i -> labels.put(i.code(), i.label().en())));
        Set<String> used = new LinkedHashSet<>();
        columns.forEach(c -> c.sessions().forEach(s -> used.addAll(s.codes("drug"))));
        if (used.isEmpty()) {
            return;
        }
        t.row(0, "Drug loaded on microspheres", Tables.cells(columns.stream().map(c -> Cell.empty()).toList()));
        for (String drug : labels.keySet()) {
            if (!used.contains(drug)) {
                continue;
            }
            row(t, 1, labels.get(drug), columns, c -> Tables.countPercent(c.sessions().stream()
                    .filter(s -> s.codes("drug").contains(drug)).count(), c.sessions().size()));
            row(t, 2, "Dose per session, mg, mean ± SD", columns, c -> Tables.meanSd(c.sessions().stream()
                    .mapToDouble(s -> s.dose(drug)).filter(v -> !Double.isNaN(v)).toArray(), 1));
            row(t, 2, "Cumulative dose per patient, mg, median (range)", columns, c -> Tables.medianRange(
                    c.perPatient().stream().mapToDouble(p -> p.stream().mapToDouble(s -> s.dose(drug))
                            .filter(v -> !Double.isNaN(v)).sum()).filter(v -> v > 0).toArray(), 1));
        }
    }
}
