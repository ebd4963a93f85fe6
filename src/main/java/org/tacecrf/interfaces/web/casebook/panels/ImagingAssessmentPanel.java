package org.tacecrf.interfaces.web.casebook.panels;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.derive.LesionTable;
import org.tacecrf.domain.casebook.derive.LesionTable.CriterionResult;
import org.tacecrf.domain.casebook.derive.LesionTable.LesionRow;
import org.tacecrf.domain.casebook.derive.LesionTable.Measures;
import org.tacecrf.domain.casebook.derive.StudyParameterMapping;
import org.tacecrf.domain.casebook.reading.ReaderSlot;
import org.tacecrf.domain.casebook.derive.SubjectSummary;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.DoubleReading;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.response.RuleViolation;
import org.tacecrf.domain.response.TargetSums;
import org.tacecrf.domain.response.TimePointResponse;
import org.tacecrf.interfaces.web.casebook.FieldModel;
import org.tacecrf.interfaces.web.casebook.FormBacking;
import org.tacecrf.interfaces.web.support.Messages;

/**
 * The lesion table of a tumour response assessment: one line per baseline lesion with its
 * baseline and previous values beside the inputs, and RECIST 1.1 and mRECIST side by side while the
 * nurse types (running sums, changes from baseline and nadir, target, non-target, new-lesion and
 * overall response). The inputs are the form's own field models, so the generic save stores them.
 * On a new assessment a row is prepared for every baseline lesion, with its lesion id filled in.
 */
@Named
@ViewScoped
public class ImagingAssessmentPanel extends FormPanel {

    private static final long serialVersionUID = 1L;

    private boolean prefilled;

    /** One lesion of the table with the inputs of its form row. */
    public record Line(LesionRow lesion, String location, String baseline, String previous, FieldModel status,
                       FieldModel longest, FieldModel viable, FieldModel shortAxis, FieldModel reason,
                       FieldModel enhancement, List<String> findings) {

        public boolean isMeasured() {
            return status != null && "MEASURED".equals(status.getText());
        }

        public boolean isNotDone() {
            return status != null && "NOT_DONE".equals(status.getText());
        }

        public boolean isPresent() {
            return status != null && "PRESENT".equals(status.getText());
        }
    }

    /** One row of the response table: a measure and its value under each criteria, primary first. */
    public record ResultRow(String key, String label, String first, String second, boolean emphasis) {
    }

    public LesionTable getTable() {
        return once("table", () -> {
            prefill();
            LesionTable table = LesionTable.of(study(), saved(), current());
            table.checks().stream().filter(c -> c.field() != null)
                    .forEach(c -> warnAt(c.field(), c.violation().message()));
            return table;
        });
    }

    /** Rows for baseline lesions that have none yet, filled with their lesion id (first view only). */
    private void prefill() {
        if (prefilled || !form.isEditable() || FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        prefilled = true;
        LesionTable table = LesionTable.of(study(), saved(), current());
        for (LesionRow lesion : table.withoutFormRow()) {
            Optional<FormBacking.GroupModel> group = group(lesion.group());
            if (group.isEmpty()) {
                continue;
            }
            FormBacking.RowModel row = group.get().getRows().stream().filter(ImagingAssessmentPanel::blank).findFirst()
                    .orElseGet(() -> {
                        form.addRow(group.get());
                        return group.get().getRows().get(group.get().getRows().size() - 1);
                    });
            String idItem = lesion.target() ? "target_lesion_id" : "non_target_lesion_id";
            row.getFields().stream().filter(f -> f.getKey().itemId().equals(idItem)).findFirst()
                    .ifPresent(f -> f.setText(lesion.lesionId()));
        }
    }

    private static boolean blank(FormBacking.RowModel row) {
        return row.getFields().stream().allMatch(f -> f.entryText() == null || f.entryText().isBlank());
    }

    public List<Line> getTargets() {
        return once("targets", () -> lines(true));
    }

    public List<Line> getNonTargets() {
        return once("nonTargets", () -> lines(false));
    }

    private List<Line> lines(boolean target) {
        LesionTable table = getTable();
        List<Line> out = new ArrayList<>();
        for (LesionRow r : target ? table.targets() : table.nonTargets()) {
            Integer repeat = r.formRow();
            String group = r.group();
            List<String> findings = new ArrayList<>();
            table.checks().stream().filter(c -> c.field() != null && repeat != null && c.field().groupId().equals(group)
                    && c.field().groupRepeat() == repeat).forEach(c -> findings.add(c.violation().message()));
            if (target) {
                out.add(new Line(r, location(r), measures(r.baseline(), r, true), measures(r.previous(), r, false),
                        at(group, repeat, "target_status"), at(group, repeat, "target_ld_mm"),
                        at(group, repeat, "target_viable_mm"), at(group, repeat, "target_short_axis_mm"),
                        at(group, repeat, "target_not_done_reason"), null, findings));
            } else {
                out.add(new Line(r, location(r), measures(r.baseline(), r, true), measures(r.previous(), r, false),
                        at(group, repeat, "non_target_status"), null, null, null, null,
                        at(group, repeat, "non_target_enhancement"), findings));
            }
        }
        return out;
    }

    private FieldModel at(String group, Integer repeat, String itemId) {
        return repeat == null ? null : field(new ItemKey(group, repeat, itemId)).orElse(null);
    }

    /** Rows of the lesion groups that name no baseline lesion, shown with their items to correct or remove. */
    public List<FormBacking.RowModel> getOtherRows() {
        return once("otherRows", () -> {
            Set<ItemKey> matched = new HashSet<>();
            getTable().rows().stream().filter(r -> r.formRow() != null)
                    .forEach(r -> matched.add(new ItemKey(r.group(), r.formRow(), "")));
            List<FormBacking.RowModel> out = new ArrayList<>();
            for (String group : List.of("target_measurements", "non_targets")) {
                group(group).ifPresent(g -> g.getRows().stream()
                        .filter(row -> !matched.contains(new ItemKey(group, row.getRepeat(), "")) && !blank(row))
                        .forEach(out::add));
            }
            return out;
        });
    }

    public FormBacking.GroupModel groupOf(FormBacking.RowModel row) {
        return form.getGroups().stream().filter(g -> g.getRows().contains(row)).findFirst().orElseThrow();
    }

    /** The scan items (date, modality, reader, new lesions found), laid out above the table. */
    public List<FieldModel> getScanFields() {
        return group("scan").map(g -> g.getRows().get(0).getFields()).orElse(List.of());
    }

    /** After an entry in the table changed: messages, conditional items, and the numbers again. */
    public void changed() {
        // A diameter typed against an empty status is a measurement; the status must say so, or the
        // value would be dropped as belonging to a hidden item.
        recompute();
        for (Line line : lines(true)) {
            if (line.status() != null && (line.status().getText() == null || line.status().getText().isBlank())
                    && (filled(line.longest()) || filled(line.viable()) || filled(line.shortAxis()))) {
                line.status().setText("MEASURED");
            }
        }
        form.refresh();
        recompute();
    }

    private static boolean filled(FieldModel f) {
        return f != null && f.getText() != null && !f.getText().isBlank();
    }

    /** Primary criteria first. */
    public List<Criteria> getCriteria() {
        Criteria primary = StudyParameterMapping.criteria(study().parameters().response().primaryCriteria());
        return primary == Criteria.MRECIST ? List.of(Criteria.MRECIST, Criteria.RECIST_1_1)
                : List.of(Criteria.RECIST_1_1, Criteria.MRECIST);
    }

    public String criteriaName(Criteria c) {
        return c.displayName();
    }

    /** The response table: each measure under both criteria, primary first. */
    public List<ResultRow> getResults() {
        return once("results", () -> {
            List<Criteria> order = getCriteria();
            CriterionResult a = getTable().criteria().get(order.get(0));
            CriterionResult b = getTable().criteria().get(order.get(1));
            List<ResultRow> rows = new ArrayList<>();
            rows.add(row("imaging.sum", sum(a), sum(b), true));
            rows.add(row("imaging.baselineSum", mm(a.baselineSumMm()), mm(b.baselineSumMm()), false));
            rows.add(row("imaging.changeFromBaseline", sums(a, s -> pct(s.pctChangeFromBaseline())),
                    sums(b, s -> pct(s.pctChangeFromBaseline())), false));
            rows.add(row("imaging.nadir", sums(a, s -> mm(s.nadirMm())), sums(b, s -> mm(s.nadirMm())), false));
            rows.add(row("imaging.changeFromNadir", sums(a, s -> pct(s.pctChangeFromNadir())),
                    sums(b, s -> pct(s.pctChangeFromNadir())), false));
            rows.add(row("imaging.absoluteChange", sums(a, s -> signedMm(s.absChangeFromNadirMm())),
                    sums(b, s -> signedMm(s.absChangeFromNadirMm())), false));
            rows.add(row("imaging.targetResponse", response(a, TimePointResponse::targetResponse),
                    response(b, TimePointResponse::targetResponse), false));
            rows.add(row("imaging.nonTargetResponse", response(a, TimePointResponse::nonTargetResponse),
                    response(b, TimePointResponse::nonTargetResponse), false));
            rows.add(row("imaging.newLesions", newLesions(a), newLesions(b), false));
            rows.add(row("imaging.overall", response(a, TimePointResponse::overall), response(b, TimePointResponse::overall), true));
            return rows;
        });
    }

    /**
     * One criteria's double reading of this scan.
     *
     * @param status             where the reading stands, in words
     * @param adjudicationNeeded the readers disagree and no adjudicator's reading is saved
     * @param readers            each saved reading: reader and the response computed from their measurements
     */
    public record ReadingLine(String criteria, String status, boolean adjudicationNeeded, List<String> readers) {
    }

    /**
     * With double reading (seed 003), each criteria's reading of this scan as the analysis resolves it
     * ({@link DoubleReading}: awaiting a reader, agreed, adjudication needed, adjudicated), from the
     * saved assessments. Empty with single reading, or before an assessment of the scan is saved.
     */
    public List<ReadingLine> getDoubleReading() {
        return once("doubleReading", () -> {
            if (!study().parameters().response().doubleReading()) {
                return List.of();
            }
            SubjectData.VisitInstance visit = current().visit();
            // The summary is derived from what the user may see; an independent reader sees their own
            // reading, and a status that speaks of the other reader would tell of it.
            boolean independentReader = access.blinding(study().id()).slot().map(ReaderSlot::isReader).orElse(false);
            SubjectSummary summary = casebook.summary(form.getSubjectId());
            List<ReadingLine> out = new ArrayList<>();
            for (Criteria c : getCriteria()) {
                SubjectSummary.CriterionSummary course = summary.responses().get(c);
                if (course == null) {
                    continue;
                }
                course.timePoints().stream()
                        .filter(tp -> tp.readingStatus() != null && tp.visitId().equals(visit.visitId())
                                && tp.visitRepeat() == visit.repeatKey())
                        .findFirst()
                        .ifPresent(tp -> out.add(new ReadingLine(c.displayName(),
                                Messages.text(independentReader ? "reading.blinded" : "reading." + tp.readingStatus().name()),
                                !independentReader && tp.readingStatus() == DoubleReading.Status.ADJUDICATION_NEEDED,
                                tp.readings().stream().map(r -> Messages.text("reading.reader." + r.reader()) + ": "
                                        + (r.response() == null ? "—" : Messages.text("response." + r.response().name())))
                                        .toList())));
            }
            return out;
        });
    }

    /** Why a criteria has no response yet (first reasons only: the form shows the rest at the fields). */
    public List<String> problems(Criteria c) {
        List<String> p = getTable().criteria().get(c).problems();
        return p.size() > 4 ? p.subList(0, 4) : p;
    }

    /** CSS class of an overall response, for colour. */
    public String responseClass(Criteria c) {
        CriterionResult r = getTable().criteria().get(c);
        return r.response() == null ? "response-none" : "response-" + r.response().overall().name();
    }

    /** Findings that concern the assessment as a whole or items not in the table. */
    public List<String> getGeneralFindings() {
        return getTable().checks().stream().filter(c -> c.field() == null
                || !(c.field().groupId().equals("target_measurements") || c.field().groupId().equals("non_targets")))
                .map(LesionTable.Check::violation).map(RuleViolation::message).toList();
    }

    private static ResultRow row(String key, String a, String b, boolean emphasis) {
        return new ResultRow(key.substring(key.indexOf('.') + 1), Messages.text(key), a, b, emphasis);
    }

    private static String sum(CriterionResult r) {
        if (r.targets() == 0) {
            return Messages.text("imaging.noTargets");
        }
        if (r.runningSumMm() == null) {
            return "—";
        }
        String sum = plain(r.runningSumMm()) + " mm";
        return r.measured() < r.targets() ? sum + " " + Messages.text("imaging.ofTargets", r.measured(), r.targets()) : sum;
    }

    private static String sums(CriterionResult r, Function<TargetSums, String> f) {
        return r.response() == null || r.response().targetSums() == null || r.response().targetSums().sumMm() == null
                ? "—" : f.apply(r.response().targetSums());
    }

    private static String response(CriterionResult r, Function<TimePointResponse, Response> f) {
        return r.response() == null ? "—" : Messages.text("response." + f.apply(r.response()).name());
    }

    private static String newLesions(CriterionResult r) {
        return r.response() == null ? "—" : Messages.text("newLesions." + r.response().newLesions().status().name());
    }

    static String mm(BigDecimal v) {
        return v == null ? "—" : plain(v) + " mm";
    }

    static String mm(Double v) {
        return v == null ? "—" : plain(BigDecimal.valueOf(v)) + " mm";
    }

    private static String signedMm(Double v) {
        return v == null ? "—" : (v > 0 ? "+" : "") + plain(BigDecimal.valueOf(v)) + " mm";
    }

    static String pct(Double v) {
        if (v == null) {
            return "—";
        }
        if (v.isInfinite()) {
            return "+∞ %";
        }
        return String.format(Locale.ROOT, "%+.1f %%", v);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private String location(LesionRow r) {
        String organ = r.organ() == null ? "" : label("organ", r.organ());
        return r.segment() == null ? organ : organ + " " + r.segment();
    }

    private String label(String codeListId, String code) {
        return study().codeList(codeListId).flatMap(l -> l.items().stream().filter(i -> i.code().equals(code)).findFirst())
                .map(i -> i.label().get(session.getLocale())).orElse(code);
    }

    /** Baseline or previous values of a lesion as one short text, e.g. "LD 60 · viable 50". */
    private String measures(Measures m, LesionRow r, boolean baseline) {
        if (m.isEmpty()) {
            return "—";
        }
        List<String> parts = new ArrayList<>();
        if (!baseline && m.status() != null && !"MEASURED".equals(m.status())) {
            parts.add(label(r.target() ? "measurement_status" : "non_target_status", m.status()));
        }
        if (r.target() || baseline) {
            if (r.lymphNode()) {
                add(parts, "imaging.sa", m.shortAxisMm());
            } else {
                add(parts, "imaging.ld", m.longestMm());
                add(parts, "imaging.viable", m.viableMm());
            }
        }
        if (m.enhancement() != null) {
            parts.add(Messages.text(m.enhancement() ? "imaging.enhancing" : "imaging.notEnhancing"));
        }
        return parts.isEmpty() ? "—" : String.join(" · ", parts);
    }

    private static void add(List<String> parts, String key, BigDecimal v) {
        if (v != null) {
            parts.add(Messages.text(key) + " " + plain(v));
        }
    }

    public String getPreviousLabel() {
        LesionTable.Previous p = getTable().previous();
        return p == null ? Messages.text("imaging.noPrevious") : Messages.text("imaging.previousOf", String.valueOf(p.date()));
    }

    public String getBaselineLabel() {
        return getTable().baselineDate() == null ? Messages.text("imaging.baseline")
                : Messages.text("imaging.baselineOf", getTable().baselineDate().toString());
    }
}
