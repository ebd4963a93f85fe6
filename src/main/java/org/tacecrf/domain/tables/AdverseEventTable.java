package org.tacecrf.domain.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.report.Cell;
import org.tacecrf.domain.report.HeaderCell;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.study.CodeList;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.tables.AnalysedSubject.Session;

/**
 * Adverse events of the treated patients (at least one TACE session by the cut-off) with onset on or
 * before the cut-off, by CTCAE grade (1 to 5, any, 3 or higher) and arm, in two tables:
 * <ul>
 *   <li>per patient: patients with the event, counted once at their worst grade, n (%) of the treated
 *       patients of the arm; the first row counts patients with any event;</li>
 *   <li>per session: TACE sessions followed by the event (worst grade per session), n (%) of the
 *       sessions. An event belongs to the session its "related session" names, else to the latest
 *       session on or before its onset; events before the first session are counted per patient only.</li>
 * </ul>
 * Terms are CTCAE terms of the code list, "other, specify" terms by their text, in order of
 * decreasing frequency. With two or more arms the any-grade counts are compared with the study's
 * categorical test (Pearson chi-square by default).
 */
final class AdverseEventTable {

    static final String PATIENTS = "ae-patients";
    static final String SESSIONS = "ae-sessions";
    private static final String FORM = "adverse_event";
    private static final String[] GRADES = {"Any grade", "Grade 1", "Grade 2", "Grade 3", "Grade 4", "Grade 5",
            "Grade ≥3"};

    /** One adverse event. */
    record Event(String term, String label, int grade, LocalDate onset, Integer session) {
    }

    private AdverseEventTable() {
    }

    static StudyTable patients(AnalysisDataset d, String title) {
        return build(d, title, false);
    }

    static StudyTable sessions(AnalysisDataset d, String title) {
        return build(d, title, true);
    }

    /** A unit counted in a column: a patient or a session, with its worst grade per term. */
    private record Unit(Map<String, Integer> worst) {
    }

    private static StudyTable build(AnalysisDataset d, String title, boolean perSession) {
        boolean compare = d.comparesArms();
        List<Group> groups = (compare ? d.arms() : List.of(d.total())).stream().map(g -> new Group(g.key(), g.label(),
                g.subjects().stream().filter(AnalysedSubject::treated).toList())).toList();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, List<Unit>> unitsByGroup = new LinkedHashMap<>();
        for (Group g : groups) {
            List<Unit> units = new ArrayList<>();
            for (AnalysedSubject s : g.subjects()) {
                List<Event> events = events(s, d.study());
                events.forEach(e -> labels.putIfAbsent(e.term(), e.label()));
                if (perSession) {
                    for (Session session : s.sessions()) {
                        units.add(unit(events.stream().filter(e -> e.session() != null
                                && e.session() == session.number()).toList()));
                    }
                } else {
                    units.add(unit(events));
                }
            }
            unitsByGroup.put(g.key(), units);
        }
        int total = unitsByGroup.values().stream().mapToInt(List::size).sum();
        String what = perSession ? "sessions" : "patients";
        StudyTable.Builder t = Tables.start(d, perSession ? SESSIONS : PATIENTS, title,
                        "Treated patients (at least one TACE session)",
                        (int) groups.stream().mapToLong(Group::n).sum())
                .methods("Adverse events by CTCAE " + d.study().parameters().ctcae().version() + " grade; n (%) of "
                        + (perSession ? "TACE sessions (" + total + ")" : "treated patients")
                        + (perSession ? ", each session counted once per term at its worst grade."
                        : ", each patient counted once per term at the worst grade."));
        List<HeaderCell> top = new ArrayList<>(List.of(HeaderCell.tall("Adverse event", 2)));
        List<HeaderCell> second = new ArrayList<>();
        for (Group g : groups) {
            top.add(HeaderCell.span(g.label() + " (" + unitsByGroup.get(g.key()).size() + " " + what + ")", GRADES.length));
            for (String grade : GRADES) {
                second.add(HeaderCell.of(grade));
            }
        }
        if (compare) {
            top.add(HeaderCell.tall("P value", 2));
        }
        t.header(top.toArray(HeaderCell[]::new)).header(second.toArray(HeaderCell[]::new));
        TestNotes tests = new TestNotes();
        row(t, "Any adverse event", null, groups, unitsByGroup, compare, d, tests);
        List<String> terms = new ArrayList<>(labels.keySet());
        Map<String, Long> frequency = new HashMap<>();
        terms.forEach(term -> frequency.put(term, unitsByGroup.values().stream().flatMap(List::stream)
                .filter(u -> u.worst().containsKey(term)).count()));
        terms.sort(Comparator.comparing((String term) -> -frequency.get(term)).thenComparing(labels::get));
        for (String term : terms) {
            row(t, labels.get(term), term, groups, unitsByGroup, compare, d, tests);
        }
        tests.addTo(t);
        if (perSession) {
            t.footnote("Events are assigned to the session recorded as related, else to the latest session on or before"
                    + " their onset; events before the first session are not counted here.");
        }
        return t.build();
    }

    private static Unit unit(List<Event> events) {
        Map<String, Integer> worst = new HashMap<>();
        for (Event e : events) {
            worst.merge(e.term(), e.grade(), Math::max);
        }
        return new Unit(worst);
    }

    /** A row for one term (null: any event). */
    private static void row(StudyTable.Builder t, String label, String term, List<Group> groups,
                            Map<String, List<Unit>> unitsByGroup, boolean compare, AnalysisDataset d, TestNotes tests) {
        List<Cell> cells = new ArrayList<>();
        long[][] anyTable = new long[2][groups.size()];
        for (int j = 0; j < groups.size(); j++) {
            List<Unit> units = unitsByGroup.get(groups.get(j).key());
            int n = units.size();
            int[] byGrade = new int[6];
            int any = 0;
            for (Unit u : units) {
                int g = term == null ? u.worst().values().stream().mapToInt(Integer::intValue).max().orElse(0)
                        : u.worst().getOrDefault(term, 0);
                if (g > 0) {
                    any++;
                    byGrade[g]++;
                }
            }
            cells.add(Tables.countPercent(any, n));
            for (int g = 1; g <= 5; g++) {
                cells.add(Tables.countPercent(byGrade[g], n));
            }
            cells.add(Tables.countPercent(byGrade[3] + byGrade[4] + byGrade[5], n));
            anyTable[0][j] = any;
            anyTable[1][j] = n - any;
        }
        if (compare) {
            cells.add(tests.p(Comparison.counts(anyTable, d.study().analysis().tests().categorical())));
        }
        t.row(term == null ? 0 : 1, label, Tables.cells(cells));
    }

    /** The subject's adverse events with onset by the cut-off, with the session each belongs to. */
    static List<Event> events(AnalysedSubject s, StudyDefinition study) {
        Optional<CodeList> terms = study.item(FORM, "ae_term").flatMap(study::codeListOf);
        List<Event> out = new ArrayList<>();
        for (FormInstance f : s.forms(FORM)) {
            Optional<String> code = f.first("ae_term").map(StoredValue::text);
            Optional<Integer> grade = f.first("ae_grade").map(StoredValue::text).flatMap(AdverseEventTable::grade);
            if (code.isEmpty() || grade.isEmpty()) {
                continue;
            }
            String label = terms.flatMap(l -> l.item(code.get())).map(i -> i.label().en()).orElse(code.get());
            String key = code.get();
            Optional<String> specified = f.first("ae_term_other").map(StoredValue::text).filter(x -> !x.isBlank());
            if (code.get().endsWith("OTHER") && specified.isPresent()) {
                label = label.replace(", specify", "") + ": " + specified.get().strip();
                key = code.get() + ":" + specified.get().strip().toLowerCase(Locale.ROOT);
            }
            LocalDate onset = f.date("ae_onset_date").orElse(null);
            out.add(new Event(key, label, grade.get(), onset, session(s, f, onset)));
        }
        return out;
    }

    private static Optional<Integer> grade(String code) {
        try {
            int g = Integer.parseInt(code.strip());
            return g >= 1 && g <= 5 ? Optional.of(g) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Integer session(AnalysedSubject s, FormInstance f, LocalDate onset) {
        List<Session> sessions = s.sessions();
        Optional<Integer> related = f.first("related_session").map(v -> v.number().intValue());
        if (related.isPresent() && related.get() >= 1 && related.get() <= sessions.size()) {
            return related.get();
        }
        if (onset == null) {
            return null;
        }
        Integer latest = null;
        for (Session session : sessions) {
            if (!session.date().isAfter(onset)) {
                latest = session.number();
            }
        }
        return latest;
    }
}
