package org.tacecrf.domain.casebook.derive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.response.BaselineLesion;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.ResponseParameters;
import org.tacecrf.domain.response.RuleViolation;
import org.tacecrf.domain.response.SelectionRules;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * The target-lesion selection of a {@code baseline_imaging} form checked against the baseline
 * rules ({@link SelectionRules}) with the study's parameters (targets in total and per organ,
 * intrahepatic targets under mRECIST, minimum sizes, arterial enhancement of mRECIST targets).
 * <p>
 * Both criteria are checked, since both responses are always derived. An error under the study's
 * primary criteria ({@code response.primaryCriteria}) blocks marking the form complete; an error
 * only the other criteria raises (for example a non-enhancing target when RECIST 1.1 is primary)
 * is shown as a warning, as are warnings of either. Timing against the first TACE is left to the
 * library's baseline-imaging window rule, which records a deviation.
 *
 * @param primary      the study's primary criteria
 * @param targets      target lesions recorded
 * @param byOrgan      targets per organ key (all lymph nodes are one organ)
 * @param findings     one per rule broken, primary criteria first
 * @param readProblems rows that could not be read as lesions (id, role or organ missing)
 */
public record TargetSelection(Criteria primary, int targets, Map<String, Integer> byOrgan, List<Finding> findings,
                              List<String> readProblems) {

    static final String LESIONS = "lesions";

    public TargetSelection {
        byOrgan = Map.copyOf(byOrgan);
        findings = List.copyOf(findings);
        readProblems = List.copyOf(readProblems);
    }

    /**
     * A broken rule.
     *
     * @param criteria the criteria whose rule it is (the primary one when both share it)
     * @param blocking whether it refuses marking the form complete
     * @param field    the field it concerns, or null for the form as a whole
     */
    public record Finding(RuleViolation violation, Criteria criteria, boolean blocking, ItemKey field) {
    }

    /** Checks {@code form}, the baseline imaging as entered (unsaved values), of a subject. */
    public static TargetSelection of(StudyDefinition study, SubjectData saved, FormInstance form) {
        Casebook casebook = new Casebook(study, saved.withForm(form));
        ImagingData.BaselineData base = ImagingData.baseline(casebook);
        Criteria primary = StudyParameterMapping.criteria(study.parameters().response().primaryCriteria());
        ResponseParameters parameters = StudyParameterMapping.response(study.parameters());
        Row scan = casebook.row(form);
        // An empty form or one without lesions is reported by the rules themselves (no lesions).
        List<String> readProblems = base.form() == null || base.usable() ? List.of()
                : base.problems().stream().filter(p -> !p.startsWith("No lesions")).toList();
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Criteria c : List.of(primary, other(primary))) {
            for (RuleViolation v : SelectionRules.validate(c, parameters, base.baseline())) {
                if (seen.add(v.code() + "/" + v.lesionId())) {
                    findings.add(new Finding(v, c, c == primary && v.isError(), field(v, scan, base)));
                }
            }
        }
        Map<String, Integer> byOrgan = new LinkedHashMap<>();
        base.baseline().targets().forEach(t -> byOrgan.merge(t.location().organKey(), 1, Integer::sum));
        return new TargetSelection(primary, base.baseline().targets().size(), byOrgan, findings, readProblems);
    }

    private static Criteria other(Criteria c) {
        return c == Criteria.MRECIST ? Criteria.RECIST_1_1 : Criteria.MRECIST;
    }

    /** Findings that refuse marking the form complete. */
    public List<Finding> blocking() {
        return findings.stream().filter(Finding::blocking).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.blocking()).toList();
    }

    /** The field a rule concerns on the baseline imaging form. */
    private static ItemKey field(RuleViolation v, Row scan, ImagingData.BaselineData base) {
        String item = switch (v.code()) {
            case MODALITY_NOT_FOR_MEASUREMENT -> "modality";
            case NOT_ARTERIAL_PHASE -> "phases";
            case BASELINE_AFTER_TREATMENT, BASELINE_TOO_EARLY -> "imaging_date";
            default -> null;
        };
        if (item != null) {
            return scan.def().groupOf(item).map(g -> new ItemKey(g.id(), 1, item)).orElse(null);
        }
        if (v.lesionId() == null) {
            return null;
        }
        Optional<Row> row = lastRow(scan, v.lesionId());
        if (row.isEmpty()) {
            return null;
        }
        boolean node = base.lesion(v.lesionId()).map(BaselineLesion::lymphNode).orElse(false);
        // The short axis is asked only for rows marked as lymph nodes; otherwise point at the organ.
        String shortAxis = row.get().yes("lymph_node").orElse(false) ? "short_axis_mm" : "organ";
        String target = switch (v.code()) {
            case DUPLICATE_LESION_ID -> "lesion_id";
            case TOO_MANY_TARGETS, TOO_MANY_TARGETS_IN_ORGAN, TOO_MANY_INTRAHEPATIC_TARGETS, NON_MEASURABLE_AS_TARGET ->
                    "lesion_role";
            case TARGET_NOT_MEASURED, TARGET_TOO_SMALL, TARGET_RECORDED_TOO_SMALL_TO_MEASURE ->
                    node ? shortAxis : "longest_diameter_mm";
            case NODAL_TARGET_TOO_SMALL, PORTA_HEPATIS_TARGET_TOO_SMALL, PORTA_HEPATIS_NODE_NOT_MALIGNANT,
                    NORMAL_NODE_RECORDED -> shortAxis;
            case TARGET_NOT_ENHANCING -> "arterial_enhancement";
            case VIABLE_DIAMETER_MISSING, VIABLE_EXCEEDS_LONGEST -> "viable_diameter_mm";
            case PREVIOUSLY_TREATED_TARGET -> "previously_treated";
            case NODES_FROM_SAME_STATION -> "location_detail";
            default -> null;
        };
        return target == null ? null : new ItemKey(LESIONS, row.get().repeat(), target);
    }

    /** The last row with the lesion id (for a duplicate id, the second use). */
    private static Optional<Row> lastRow(Row scan, String lesionId) {
        Row found = null;
        for (int repeat : scan.repeats(LESIONS)) {
            Row r = scan.at(LESIONS, repeat);
            if (r.text("lesion_id").map(lesionId::equals).orElse(false)) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }
}
