package org.tacecrf.domain.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.report.Cell;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.study.AnalysisConfig;
import org.tacecrf.domain.study.EligibilityCriterion;
import org.tacecrf.domain.tables.AnalysedSubject.ProtocolPoint;

/**
 * CONSORT flow counts up to the cut-off: patients screened, not eligible (by the criteria they failed,
 * a patient counted under each), eligible but not enrolled (by the reason recorded), enrolled by arm,
 * treated, assessed at each response time point and for best overall response, analysed for each
 * survival endpoint, died, lost to follow-up and withdrawn. Counts before enrolment come from the
 * screening log and appear in the total column only.
 */
final class ConsortTable {

    static final String ID = "consort";

    private ConsortTable() {
    }

    static StudyTable build(AnalysisDataset d, String title) {
        List<Group> columns = d.columns();
        AnalysisConfig config = d.study().analysis();
        StudyTable.Builder t = Tables.start(d, ID, title, d.population(), d.n())
                .methods("Counts of patients; screening counts from the screening log of the sites included.")
                .header(Tables.header("Stage", columns, false));
        int last = columns.size() - 1;
        List<ScreeningEntry> log = d.screening();
        screeningRow(t, 0, "Patients screened", log.size(), last);
        List<ScreeningEntry> notEligible = log.stream().filter(e -> e.outcome() == ScreeningEntry.Outcome.NOT_ELIGIBLE)
                .toList();
        screeningRow(t, 1, "Not eligible", notEligible.size(), last);
        Map<String, Integer> byCriterion = new LinkedHashMap<>();
        d.study().eligibility().forEach(c -> byCriterion.put(c.id(), 0));
        int unrecorded = 0;
        for (ScreeningEntry e : notEligible) {
            if (e.failedCriteria().isEmpty()) {
                unrecorded++;
            }
            e.failedCriteria().forEach(c -> byCriterion.merge(c, 1, Integer::sum));
        }
        for (EligibilityCriterion c : d.study().eligibility()) {
            if (byCriterion.get(c.id()) > 0) {
                screeningRow(t, 2, c.kind().name().charAt(0) + c.kind().name().substring(1).toLowerCase()
                        + " " + c.id() + ": " + c.text().en(), byCriterion.get(c.id()), last);
            }
        }
        if (unrecorded > 0) {
            screeningRow(t, 2, "Criterion not recorded", unrecorded, last);
        }
        List<ScreeningEntry> notEnrolled = log.stream().filter(e -> e.outcome() == ScreeningEntry.Outcome.NOT_ENROLLED)
                .toList();
        screeningRow(t, 1, "Eligible, not enrolled", notEnrolled.size(), last);
        Map<String, Integer> reasons = new LinkedHashMap<>();
        notEnrolled.forEach(e -> reasons.merge(e.reason() == null || e.reason().isBlank() ? "Reason not recorded"
                : e.reason().strip(), 1, Integer::sum));
        reasons.forEach((reason, n) -> screeningRow(t, 2, reason, n, last));
        screeningRow(t, 1, "Eligible, awaiting enrolment",
                (int) log.stream().filter(e -> e.outcome() == ScreeningEntry.Outcome.ELIGIBLE).count(), last);

        count(t, 0, d.comparesArms() ? "Enrolled and allocated" : "Enrolled", columns, s -> true);
        count(t, 1, "Treated (at least one TACE session)", columns, AnalysedSubject::treated);
        count(t, 1, "Not treated", columns, s -> !s.treated());
        Criteria primary = d.subjects().isEmpty() ? Criteria.MRECIST : d.subjects().get(0).summary().primaryCriteria();
        List<String> labels = new ArrayList<>();
        for (String visitId : config.response().timePoints()) {
            for (AnalysedSubject s : d.subjects()) {
                s.response(primary).protocol().stream().filter(p -> p.visitId().equals(visitId))
                        .map(ProtocolPoint::label).filter(l -> !labels.contains(l)).forEach(labels::add);
            }
        }
        for (String label : labels) {
            count(t, 1, "Evaluable for response at " + label + " (" + primary.displayName() + ")", columns,
                    s -> s.response(primary).protocol().stream().anyMatch(p -> p.label().equals(label) && p.assessed()
                            && p.response() != null && p.response() != Response.NE));
            count(t, 2, "Due, not assessed", columns, s -> s.response(primary).protocol().stream()
                    .anyMatch(p -> p.label().equals(label) && p.due() && !p.assessed()));
        }
        count(t, 1, "Evaluable for best overall response", columns, s -> {
            Response best = s.response(primary).best();
            return best != null && best != Response.NE && best != Response.NA;
        });
        for (AnalysisConfig.Endpoint e : config.survival().endpoints()) {
            count(t, 1, "Analysed for " + e.name(), columns, s -> s.survival(e).isPresent());
        }
        count(t, 1, "Died", columns, s -> s.deathDate().isPresent());
        count(t, 1, "Lost to follow-up", columns, s -> status(s, "LOST"));
        count(t, 1, "Withdrawn", columns, s -> status(s, "WITHDRAWN"));
        t.footnote("A patient not eligible is counted under every criterion failed.");
        return t.build();
    }

    private static void screeningRow(StudyTable.Builder t, int level, String label, int n, int lastColumn) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < lastColumn; i++) {
            cells.add(Cell.empty());
        }
        cells.add(Cell.count(n));
        t.row(level, label, Tables.cells(cells));
    }

    private static void count(StudyTable.Builder t, int level, String label, List<Group> columns,
                              Predicate<AnalysedSubject> which) {
        t.row(level, label, Tables.cells(columns.stream().map(g -> Cell.count(g.subjects().stream().filter(which)
                .count())).toList()));
    }

    /** Whether the end of study (or the last survival contact) by the cut-off says so. */
    private static boolean status(AnalysedSubject s, String code) {
        boolean end = s.forms("end_of_study").stream().anyMatch(f -> f.first("eos_status").map(StoredValue::text)
                .map(code::equals).orElse(false));
        boolean contact = "LOST".equals(code) && s.forms("survival_contact").stream()
                .reduce((a, b) -> b).flatMap(f -> f.first("vital_status")).map(StoredValue::text)
                .map(code::equals).orElse(false);
        return end || contact;
    }
}
