package org.tacecrf.domain.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.tacecrf.domain.casebook.derive.StudyParameterMapping;
import org.tacecrf.domain.report.Cell;
import org.tacecrf.domain.report.Formats;
import org.tacecrf.domain.report.ReportItem;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.report.figure.BarChart;
import org.tacecrf.domain.report.figure.BarFigure;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.stats.ConfidenceInterval;
import org.tacecrf.domain.stats.Proportion;
import org.tacecrf.domain.study.AnalysisConfig;
import org.tacecrf.domain.study.AnalysisConfig.ComparisonTest;
import org.tacecrf.domain.study.StudyParameters.ResponseCriteria;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.domain.tables.AnalysedSubject.ProtocolPoint;
import org.tacecrf.domain.tables.AnalysedSubject.ResponseView;

/**
 * Tumour response under one criteria, by arm: at each protocol time point of
 * {@code analysis.response.timePoints} and as best overall response (BOR).
 * <ul>
 *   <li>At a time point the denominator is the patients with an assessment in its window ("evaluated",
 *       as the seed papers report it); patients whose window had opened by the cut-off without an
 *       assessment are counted as "Not assessed". An assessment without a response yet counts as NE.</li>
 *   <li>For BOR the denominator is every patient of the population; patients without a best response
 *       (no dated TACE, or no assessment with a response) count as NE.</li>
 *   <li>ORR = CR + PR, DCR = CR + PR + SD (and Non-CR/Non-PD), each with its exact Clopper-Pearson
 *       95 % confidence interval (R {@code binom.test}).</li>
 *   <li>Arms are compared on the response distribution by Mann-Whitney (CR &gt; PR &gt; SD &gt; PD,
 *       NE left out; Kruskal-Wallis for more arms), and on ORR and DCR by the study's categorical test
 *       (Pearson chi-square by default).</li>
 * </ul>
 */
final class ResponseTable {

    static final List<Response> CATEGORIES = List.of(Response.CR, Response.PR, Response.SD, Response.NON_CR_NON_PD,
            Response.PD, Response.NE);

    private ResponseTable() {
    }

    static String id(ResponseCriteria criteria) {
        return criteria == ResponseCriteria.RECIST_1_1 ? "response-recist" : "response-mrecist";
    }

    static String figureId(ResponseCriteria criteria) {
        return criteria == ResponseCriteria.RECIST_1_1 ? "response-bars-recist" : "response-bars-mrecist";
    }

    /** One column of responses: the response of each evaluated patient (null: not assessed yet). */
    private record Section(String label, boolean best, Map<String, List<Response>> byGroup,
                           Map<String, Integer> notAssessed) {
    }

    static StudyTable build(AnalysisDataset d, ResponseCriteria criteria, String title) {
        Criteria c = StudyParameterMapping.criteria(criteria);
        List<Group> columns = d.columns();
        List<Group> arms = d.arms();
        boolean compare = d.comparesArms();
        AnalysisConfig config = d.study().analysis();
        TestNotes tests = new TestNotes();
        StudyTable.Builder t = Tables.start(d, id(criteria), title, d.population(), d.n())
                .methods("Response by " + c.displayName() + ". At each time point n (%) of the patients assessed in"
                        + " its window; best overall response n (%) of all patients. ORR = CR + PR, DCR = CR + PR + SD;"
                        + " 95% CI exact (Clopper-Pearson).")
                .header(Tables.header("Response", columns, compare));
        for (Section s : sections(d, c)) {
            Map<String, List<Response>> r = s.byGroup();
            List<Cell> head = new ArrayList<>();
            columns.forEach(g -> head.add(Cell.empty()));
            if (compare) {
                head.add(tests.p(Comparison.values(arms.stream().map(g -> r.get(g.key())).toList(),
                        ResponseTable::rank, ComparisonTest.MANN_WHITNEY)));
            }
            t.row(0, s.label(), Tables.cells(head));
            for (Response category : CATEGORIES) {
                boolean any = columns.stream().anyMatch(g -> r.get(g.key()).contains(category));
                if (category == Response.NON_CR_NON_PD && !any) {
                    continue;
                }
                List<Cell> cells = new ArrayList<>();
                columns.forEach(g -> cells.add(Tables.countPercent(r.get(g.key()).stream().filter(category::equals)
                        .count(), r.get(g.key()).size())));
                if (compare) {
                    cells.add(Cell.empty());
                }
                t.row(1, category.label() + " (" + label(category) + ")", Tables.cells(cells));
            }
            rate(t, "ORR (CR + PR)", columns, arms, compare, r, ResponseTable::objective, config, tests);
            rate(t, "DCR (CR + PR + SD)", columns, arms, compare, r, ResponseTable::control, config, tests);
            if (!s.best()) {
                List<Cell> cells = new ArrayList<>();
                columns.forEach(g -> cells.add(Cell.count(s.notAssessed().get(g.key()))));
                if (compare) {
                    cells.add(Cell.empty());
                }
                t.row(1, "Not assessed", Tables.cells(cells));
            }
        }
        tests.addTo(t);
        t.footnote("CR, complete response; PR, partial response; SD, stable disease; PD, progressive disease;"
                + " NE, not evaluable; ORR, objective response rate; DCR, disease control rate.");
        return t.build();
    }

    private static String label(Response r) {
        return r == Response.NON_CR_NON_PD ? "Non-CR/Non-PD" : r.name();
    }

    private static void rate(StudyTable.Builder t, String label, List<Group> columns, List<Group> arms, boolean compare,
                             Map<String, List<Response>> r, java.util.function.Predicate<Response> success,
                             AnalysisConfig config, TestNotes tests) {
        List<Cell> counts = new ArrayList<>();
        List<Cell> intervals = new ArrayList<>();
        Formats formats = Formats.standard();
        for (Group g : columns) {
            List<Response> responses = r.get(g.key());
            int k = (int) responses.stream().filter(success).count();
            counts.add(Tables.countPercent(k, responses.size()));
            if (responses.isEmpty()) {
                intervals.add(Cell.empty());
            } else {
                ConfidenceInterval ci = new Proportion(k, responses.size()).clopperPearson(0.95);
                intervals.add(Cell.estimate(100.0 * k / responses.size(), 100 * ci.lower(), 100 * ci.upper())
                        .withText(formats.interval(100 * ci.lower(), 100 * ci.upper(), 1)));
            }
        }
        if (compare) {
            long[][] table = new long[2][arms.size()];
            for (int j = 0; j < arms.size(); j++) {
                List<Response> responses = r.get(arms.get(j).key());
                table[0][j] = responses.stream().filter(success).count();
                table[1][j] = responses.size() - table[0][j];
            }
            counts.add(tests.p(Comparison.counts(table, config.tests().categorical())));
            intervals.add(Cell.empty());
        }
        t.row(1, label, Tables.cells(counts));
        t.row(2, "95% CI, %", Tables.cells(intervals));
    }

    private static boolean objective(Response r) {
        return r == Response.CR || r == Response.PR;
    }

    private static boolean control(Response r) {
        return objective(r) || r == Response.SD || r == Response.NON_CR_NON_PD;
    }

    /** Higher is better; NE is left out of the rank test. */
    private static double rank(Response r) {
        return switch (r) {
            case CR -> 4;
            case PR -> 3;
            case SD, NON_CR_NON_PD -> 2;
            case PD -> 1;
            default -> Double.NaN;
        };
    }

    /** The protocol time points of the study file in order (one per session for visits after each TACE), then BOR. */
    private static List<Section> sections(AnalysisDataset d, Criteria c) {
        List<Group> columns = d.columns();
        Map<String, Section> byLabel = new LinkedHashMap<>();
        for (String visitId : d.study().analysis().response().timePoints()) {
            List<String> labels = new ArrayList<>();
            for (AnalysedSubject s : d.subjects()) {
                s.response(c).protocol().stream().filter(p -> p.visitId().equals(visitId)).map(ProtocolPoint::label)
                        .filter(l -> !labels.contains(l)).forEach(labels::add);
            }
            if (labels.isEmpty()) {
                labels.add(d.study().visit(visitId).map(VisitDef::label).map(l -> l.en()).orElse(visitId));
            }
            labels.sort(java.util.Comparator.comparingInt(String::length).thenComparing(l -> l));
            for (String label : labels) {
                Map<String, List<Response>> byGroup = new LinkedHashMap<>();
                Map<String, Integer> notAssessed = new LinkedHashMap<>();
                for (Group g : columns) {
                    List<Response> responses = new ArrayList<>();
                    int missing = 0;
                    for (AnalysedSubject s : g.subjects()) {
                        ProtocolPoint p = s.response(c).protocol().stream()
                                .filter(x -> x.visitId().equals(visitId) && x.label().equals(label)).findFirst()
                                .orElse(null);
                        if (p == null || !p.due()) {
                            continue;
                        }
                        if (p.assessed()) {
                            responses.add(Objects.requireNonNullElse(p.response(), Response.NE));
                        } else {
                            missing++;
                        }
                    }
                    byGroup.put(g.key(), responses);
                    notAssessed.put(g.key(), missing);
                }
                byLabel.put(label, new Section(label, false, byGroup, notAssessed));
            }
        }
        Map<String, List<Response>> best = new LinkedHashMap<>();
        for (Group g : columns) {
            best.put(g.key(), g.subjects().stream().map(s -> bestCategory(s.response(c))).toList());
        }
        List<Section> out = new ArrayList<>(byLabel.values());
        out.add(new Section("Best overall response", true, best, Map.of()));
        return out;
    }

    private static Response bestCategory(ResponseView v) {
        Response b = v.best();
        return b == null || b == Response.NA ? Response.NE : b;
    }

    /** Stacked bars of the response categories (% of patients) at each time point and for BOR, by arm. */
    static ReportItem.Figure figure(AnalysisDataset d, ResponseCriteria criteria, String title) {
        Criteria c = StudyParameterMapping.criteria(criteria);
        List<Group> groups = d.arms();
        List<String> categories = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        List<Response> shown = List.of(Response.CR, Response.PR, Response.SD, Response.PD, Response.NE);
        shown.forEach(x -> values.add(new ArrayList<>()));
        for (Section s : sections(d, c)) {
            for (Group g : groups) {
                List<Response> r = s.byGroup().get(g.key());
                categories.add(groups.size() > 1 ? s.label() + ", " + g.label() : s.label());
                for (int i = 0; i < shown.size(); i++) {
                    Response cat = shown.get(i);
                    long k = r.stream().filter(x -> x == cat || cat == Response.SD && x == Response.NON_CR_NON_PD).count();
                    values.get(i).add(r.isEmpty() ? 0.0 : 100.0 * k / r.size());
                }
            }
        }
        List<BarFigure.Series> series = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            series.add(new BarFigure.Series(label(shown.get(i)), values.get(i)));
        }
        BarFigure figure = BarFigure.stackedPercent(categories, series, "Time point");
        return new ReportItem.Figure(figureId(criteria), title, "Tumour response by " + c.displayName()
                + ": % of the patients evaluated at each time point; best overall response of all patients.",
                new BarChart(figure), 900, 520);
    }
}
