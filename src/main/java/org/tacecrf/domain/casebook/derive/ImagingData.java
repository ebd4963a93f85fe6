package org.tacecrf.domain.casebook.derive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.response.Assessment;
import org.tacecrf.domain.response.Baseline;
import org.tacecrf.domain.response.BaselineLesion;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.Diameter;
import org.tacecrf.domain.response.LesionLocation;
import org.tacecrf.domain.response.LiverSegment;
import org.tacecrf.domain.response.Modality;
import org.tacecrf.domain.response.NewLesion;
import org.tacecrf.domain.response.NonTargetObservation;
import org.tacecrf.domain.response.NonTargetStatus;
import org.tacecrf.domain.response.Organ;
import org.tacecrf.domain.response.TargetMeasurement;
import org.tacecrf.domain.study.FormDef;

/**
 * Reads the lesion model of the response engine from the imaging forms of the library:
 * {@link Baseline} from {@code baseline_imaging} (group {@code lesions}) and an {@link Assessment}
 * from each {@code imaging_assessment} (groups {@code target_measurements}, {@code non_targets},
 * {@code new_lesions}).
 * <p>
 * A follow-up form is read strictly: a baseline lesion without a row, a row without the value the
 * criteria measure, or new lesions announced but not described make the assessment incomplete, so
 * that no response is computed from half-entered data. A lesion recorded as not assessed (status
 * {@code NOT_DONE} or {@code NOT_EVALUABLE}) is data, and makes the time point NE by the rules.
 */
final class ImagingData {

    static final String BASELINE_FORM = "baseline_imaging";
    static final String ASSESSMENT_FORM = "imaging_assessment";
    static final String ASSESSMENT_DATE = "assessment_date";
    static final String READER = "reader";

    private ImagingData() {
    }

    /** The baseline lesions, whether each is a lymph node, and what keeps the baseline from being usable. */
    record BaselineData(Baseline baseline, FormInstance form, List<String> problems) {

        boolean usable() {
            return problems.isEmpty();
        }

        Optional<BaselineLesion> lesion(String id) {
            return baseline.lesion(id);
        }

        /** Baseline targets lacking the value these criteria sum. */
        List<String> incompleteTargets(Criteria criteria) {
            List<String> out = new ArrayList<>();
            for (BaselineLesion t : baseline.targets()) {
                Diameter value = t.lymphNode() ? t.shortAxis()
                        : criteria == Criteria.RECIST_1_1 ? t.longestDiameter()
                        : t.viableDiameter() != null ? t.viableDiameter()
                        : t.longestDiameter() != null && t.longestDiameter().isZero() ? Diameter.ZERO : null;
                if (value == null) {
                    out.add("Baseline target " + t.id() + " has no " + (t.lymphNode() ? "short axis"
                            : criteria == Criteria.RECIST_1_1 ? "longest diameter" : "viable diameter") + ".");
                }
            }
            return out;
        }
    }

    static BaselineData baseline(Casebook casebook) {
        Optional<FormInstance> form = casebook.firstFilled(BASELINE_FORM);
        if (form.isEmpty()) {
            return new BaselineData(new Baseline(null, List.of()), null, List.of("Baseline imaging is not recorded."));
        }
        FormDef def = casebook.formDef(BASELINE_FORM);
        Row scan = Row.of(def, form.get());
        Modality modality = modality(scan.text("modality"));
        Double slice = scan.number("slice_thickness_mm").map(BigDecimal::doubleValue).orElse(null);
        List<String> problems = new ArrayList<>();
        List<BaselineLesion> lesions = new ArrayList<>();
        for (int repeat : scan.repeats("lesions")) {
            Row r = scan.at("lesions", repeat);
            Optional<String> id = r.text("lesion_id");
            Optional<String> role = r.text("lesion_role");
            Optional<String> organ = r.text("organ");
            if (id.isEmpty() || role.isEmpty() || organ.isEmpty()) {
                problems.add("Baseline lesion row " + repeat + " needs its id, target/non-target role and organ.");
                continue;
            }
            boolean node = organ.get().equals("LYMPH_NODE") || r.yes("lymph_node").orElse(false);
            LesionLocation location = location(node ? "LYMPH_NODE" : organ.get(), r.text("liver_segment"),
                    r.text("location_detail").orElse(null));
            BaselineLesion.Builder b = role.get().equals("TARGET")
                    ? BaselineLesion.target(id.get(), location) : BaselineLesion.nonTarget(id.get(), location);
            r.number("longest_diameter_mm").ifPresent(v -> b.longestDiameter(v.doubleValue()));
            r.number("viable_diameter_mm").ifPresent(v -> b.viableDiameter(v.doubleValue()));
            r.number("short_axis_mm").ifPresent(v -> b.shortAxis(v.doubleValue()));
            r.yes("arterial_enhancement").ifPresent(b::arterialEnhancement);
            if (r.yes("previously_treated").orElse(false)) {
                b.previouslyTreated(false);
            }
            if (r.yes("portal_vein_thrombus").orElse(false) || organ.get().equals("PORTAL_VEIN")) {
                b.portalVeinTumourThrombus();
            }
            if (modality != null) {
                b.modality(modality);
            }
            if (slice != null) {
                b.sliceThicknessMm(slice);
            }
            lesions.add(b.build());
        }
        if (lesions.isEmpty() && problems.isEmpty()) {
            problems.add("No lesions are recorded at baseline imaging.");
        }
        return new BaselineData(new Baseline(scan.date("imaging_date").orElse(null), lesions), form.get(), problems);
    }

    /**
     * A follow-up assessment and what is missing from it. The assessment holds what could be read
     * (null without a scan date); only a complete read is a time point of the response course.
     */
    record Read(Assessment assessment, List<String> problems, List<String> missingItems) {
        boolean complete() {
            return problems.isEmpty();
        }
    }

    /**
     * Reads one {@code imaging_assessment} against the baseline lesions; {@code criteria} decides
     * which measurement each target needs.
     */
    static Read assessment(Casebook casebook, FormInstance form, BaselineData baseline, Criteria criteria) {
        Row scan = Row.of(casebook.formDef(ASSESSMENT_FORM), form);
        Inputs in = new Inputs(scan);
        LocalDate date = in.date(ASSESSMENT_DATE);
        Optional<Boolean> newFound = scan.yes("new_lesions_found");
        if (newFound.isEmpty()) {
            in.missing("new_lesions_found");
        }

        Map<String, Row> targetRows = rowsById(scan, "target_measurements", "target_lesion_id", in);
        Map<String, Row> nonTargetRows = rowsById(scan, "non_targets", "non_target_lesion_id", in);

        List<TargetMeasurement> targets = new ArrayList<>();
        for (BaselineLesion t : baseline.baseline().targets()) {
            Row r = targetRows.get(t.id());
            if (r == null) {
                in.problem("No measurement of target lesion " + t.id() + " is recorded.");
                continue;
            }
            target(t, r, criteria, in).ifPresent(targets::add);
        }
        List<NonTargetObservation> nonTargets = new ArrayList<>();
        for (BaselineLesion nt : baseline.baseline().nonTargets()) {
            Row r = nonTargetRows.get(nt.id());
            if (r == null) {
                in.problem("No status of non-target lesion " + nt.id() + " is recorded.");
                continue;
            }
            nonTarget(nt, r, criteria, in).ifPresent(nonTargets::add);
        }
        List<NewLesion> newLesions = new ArrayList<>();
        for (int repeat : scan.repeats("new_lesions")) {
            Row r = scan.at("new_lesions", repeat);
            Optional<String> id = r.text("new_lesion_id");
            Optional<String> organ = r.text("new_lesion_organ");
            if (id.isEmpty() || organ.isEmpty()) {
                in.problem("New lesion row " + repeat + " needs its id and organ.");
                continue;
            }
            Boolean cytology = r.text("cytology_malignant").map(c -> c.equals("Y") ? Boolean.TRUE
                    : c.equals("N") ? Boolean.FALSE : null).orElse(null);
            newLesions.add(new NewLesion(id.get(), location(organ.get(), r.text("new_lesion_segment"), null),
                    r.number("new_lesion_size_mm").map(BigDecimal::doubleValue).orElse(null),
                    r.yes("typical_pattern").orElse(null), r.yes("equivocal").orElse(false), false, cytology,
                    r.date("first_seen_date").orElse(null)));
        }
        if (newFound.orElse(false) && scan.repeats("new_lesions").isEmpty()) {
            in.problem("New lesions are reported but none is described.");
        }
        if (!newFound.orElse(true) && !scan.repeats("new_lesions").isEmpty()) {
            in.problem("New lesions are described although none is reported.");
        }
        // What could be read is kept even when incomplete, for consistency checks while the form is
        // being filled in; a response is computed only from a complete read.
        Assessment read = date == null ? null
                : new Assessment(date, modality(scan.text("modality")), targets, nonTargets, newLesions, null);
        return new Read(read, in.problems(), in.missing());
    }

    private static Map<String, Row> rowsById(Row scan, String group, String idItem, Inputs in) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int repeat : scan.repeats(group)) {
            Row r = scan.at(group, repeat);
            Optional<String> id = r.text(idItem);
            if (id.isEmpty()) {
                in.problem(r.label(idItem) + " is missing in row " + repeat + ".");
            } else if (rows.putIfAbsent(id.get(), r) != null) {
                in.problem("Lesion " + id.get() + " is recorded twice.");
            }
        }
        return rows;
    }

    private static Optional<TargetMeasurement> target(BaselineLesion t, Row r, Criteria criteria, Inputs in) {
        Optional<Double> ld = r.number("target_ld_mm").map(BigDecimal::doubleValue);
        Optional<Double> sa = r.number("target_short_axis_mm").map(BigDecimal::doubleValue);
        Optional<Double> viable = r.number("target_viable_mm").map(BigDecimal::doubleValue);
        String status = r.text("target_status").orElse(ld.isPresent() || sa.isPresent() || viable.isPresent()
                ? "MEASURED" : "");
        switch (status) {
            case "NOT_DONE" -> {
                return Optional.of(TargetMeasurement.notAssessed(t.id(), r.text("target_not_done_reason")
                        .orElse("not assessed")));
            }
            case "TOO_SMALL" -> {
                return Optional.of(new TargetMeasurement(t.id(), Diameter.tooSmall(), Diameter.tooSmall(),
                        Diameter.tooSmall(), null));
            }
            case "MEASURED" -> {
                boolean needed = t.lymphNode() ? sa.isPresent()
                        : criteria == Criteria.RECIST_1_1 ? ld.isPresent()
                        : viable.isPresent() || ld.map(v -> v == 0.0).orElse(false);
                if (!needed) {
                    String item = t.lymphNode() ? "target_short_axis_mm"
                            : criteria == Criteria.RECIST_1_1 ? "target_ld_mm" : "target_viable_mm";
                    in.problem(r.label(item) + " of target lesion " + t.id() + " is missing.");
                    return Optional.empty();
                }
                return Optional.of(new TargetMeasurement(t.id(), ld.map(Diameter::of).orElse(null),
                        sa.map(Diameter::of).orElse(null), viable.map(Diameter::of).orElse(null), null));
            }
            default -> {
                in.problem("The measurement status of target lesion " + t.id() + " is missing.");
                return Optional.empty();
            }
        }
    }

    private static Optional<NonTargetObservation> nonTarget(BaselineLesion nt, Row r, Criteria criteria, Inputs in) {
        Optional<String> code = r.text("non_target_status");
        if (code.isEmpty()) {
            in.problem("The status of non-target lesion " + nt.id() + " is missing.");
            return Optional.empty();
        }
        NonTargetStatus status;
        try {
            status = NonTargetStatus.valueOf(code.get());
        } catch (IllegalArgumentException e) {
            in.problem("Non-target lesion " + nt.id() + " has the unknown status '" + code.get() + "'.");
            return Optional.empty();
        }
        Optional<Boolean> enhancement = r.yes("non_target_enhancement");
        if (criteria == Criteria.MRECIST && status == NonTargetStatus.PRESENT && !nt.lymphNode() && !nt.effusion()
                && enhancement.isEmpty()) {
            in.problem("mRECIST needs to know whether arterial enhancement persists in non-target lesion "
                    + nt.id() + ".");
            return Optional.empty();
        }
        return Optional.of(new NonTargetObservation(nt.id(), status, enhancement.orElse(null), null, null));
    }

    static Modality modality(Optional<String> code) {
        return code.map(c -> switch (c) {
            case "CT" -> Modality.CT;
            case "MRI" -> Modality.MRI;
            default -> null;
        }).orElse(null);
    }

    /** Location from the organ code list of the library (PORTAL_VEIN and unknown organs become OTHER). */
    static LesionLocation location(String organ, Optional<String> segment, String detail) {
        return switch (organ) {
            case "LIVER" -> LesionLocation.liver(segment.map(ImagingData::segment).orElse(null));
            case "LYMPH_NODE" -> LesionLocation.lymphNode(null);
            case "LUNG" -> LesionLocation.of(Organ.LUNG, detail);
            case "BONE" -> LesionLocation.of(Organ.BONE, detail);
            case "ADRENAL" -> LesionLocation.of(Organ.ADRENAL_GLAND, detail);
            case "PERITONEUM" -> LesionLocation.of(Organ.PERITONEUM, detail);
            case "PORTAL_VEIN" -> LesionLocation.of(Organ.OTHER, "portal vein");
            default -> LesionLocation.of(Organ.OTHER, detail);
        };
    }

    private static LiverSegment segment(String code) {
        return switch (code) {
            case "S1" -> LiverSegment.I;
            case "S2" -> LiverSegment.II;
            case "S3" -> LiverSegment.III;
            case "S4" -> LiverSegment.IV;
            case "S5" -> LiverSegment.V;
            case "S6" -> LiverSegment.VI;
            case "S7" -> LiverSegment.VII;
            case "S8" -> LiverSegment.VIII;
            default -> null;
        };
    }
}
