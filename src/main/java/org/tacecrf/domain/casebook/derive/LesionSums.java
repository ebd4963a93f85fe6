package org.tacecrf.domain.casebook.derive;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.tacecrf.domain.clinical.AlgorithmId;
import org.tacecrf.domain.response.BaselineLesion;
import org.tacecrf.domain.response.Diameter;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;

/**
 * Sum of diameters over the target lesions (clinical rules 1.4), for the diameter item named by
 * the derivation's argument. Lymph nodes count by their short axis, as both RECIST 1.1 and
 * mRECIST measure them; a lesion "too small to measure" counts as 5 mm.
 * <ul>
 *   <li>Baseline form (rows with {@code lesion_role}): the rows marked TARGET.</li>
 *   <li>Follow-up form (rows with {@code target_lesion_id}): one row per baseline target, which
 *       must all be present and measured; a target not assessed leaves the sum empty, because a
 *       partial sum is not the sum of diameters.</li>
 *   <li>Any other repeating group: all its rows.</li>
 * </ul>
 */
final class LesionSums {

    static final String ALGORITHM = new AlgorithmId(
            "Sum of target-lesion diameters (nodes by short axis, too small to measure = 5 mm)", "1").label();

    private LesionSums() {
    }

    static DerivedValue derive(Casebook casebook, Row row, String diameterItem, ItemDef target) {
        Optional<ItemGroupDef> group = row.def().groupOf(diameterItem);
        if (group.isEmpty()) {
            return DerivedValue.empty(ALGORITHM, "The diameter item " + diameterItem + " is not on this form.");
        }
        String g = group.get().id();
        Inputs in = new Inputs(row);
        BigDecimal sum;
        if (group.get().item("lesion_role").isPresent()) {
            sum = baselineSum(row, g, diameterItem, in);
        } else if (group.get().item("target_lesion_id").isPresent()) {
            sum = followUpSum(casebook, row, g, diameterItem, in);
        } else {
            sum = BigDecimal.ZERO;
            for (int repeat : row.repeats(g)) {
                Row r = row.at(g, repeat);
                Optional<BigDecimal> v = r.number(diameterItem);
                if (v.isEmpty()) {
                    in.problem(r.label(diameterItem) + " is missing in row " + repeat + ".");
                } else {
                    sum = sum.add(v.get());
                }
            }
        }
        if (in.hasProblems()) {
            return in.empty(ALGORITHM);
        }
        return DerivedValue.of(Numbers.stored(sum, target), ALGORITHM);
    }

    private static BigDecimal baselineSum(Row row, String group, String diameterItem, Inputs in) {
        BigDecimal sum = BigDecimal.ZERO;
        int targets = 0;
        for (int repeat : row.repeats(group)) {
            Row r = row.at(group, repeat);
            if (!r.text("lesion_role").map("TARGET"::equals).orElse(false)) {
                continue;
            }
            targets++;
            boolean node = r.text("organ").map("LYMPH_NODE"::equals).orElse(false) || r.yes("lymph_node").orElse(false);
            String item = node ? "short_axis_mm" : diameterItem;
            Optional<BigDecimal> v = r.number(item);
            if (v.isEmpty()) {
                in.problem(r.label(item) + " of target lesion " + r.text("lesion_id").orElse("in row " + repeat)
                        + " is missing.");
            } else {
                sum = sum.add(v.get());
            }
        }
        if (targets == 0) {
            in.problem("No target lesion is recorded.");
        }
        return sum;
    }

    private static BigDecimal followUpSum(Casebook casebook, Row row, String group, String diameterItem, Inputs in) {
        ImagingData.BaselineData baseline = ImagingData.baseline(casebook);
        if (!baseline.usable()) {
            baseline.problems().forEach(in::problem);
            return null;
        }
        List<BaselineLesion> targets = baseline.baseline().targets();
        if (targets.isEmpty()) {
            in.problem("No target lesion is recorded at baseline.");
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BaselineLesion t : targets) {
            Optional<Row> match = row.repeats(group).stream().map(rep -> row.at(group, rep))
                    .filter(r -> r.text("target_lesion_id").map(t.id()::equals).orElse(false)).findFirst();
            if (match.isEmpty()) {
                in.problem("No measurement of target lesion " + t.id() + " is recorded.");
                continue;
            }
            Row r = match.get();
            String status = r.text("target_status").orElse("MEASURED");
            if (status.equals("NOT_DONE")) {
                in.problem("Target lesion " + t.id() + " was not assessed.");
            } else if (status.equals("TOO_SMALL")) {
                sum = sum.add(BigDecimal.valueOf(Diameter.TOO_SMALL_TO_MEASURE_MM));
            } else {
                String item = t.lymphNode() && row.def().item("target_short_axis_mm").isPresent()
                        ? "target_short_axis_mm" : diameterItem;
                Optional<BigDecimal> v = r.number(item);
                if (v.isEmpty()) {
                    in.problem(r.label(item) + " of target lesion " + t.id() + " is missing.");
                } else {
                    sum = sum.add(v.get());
                }
            }
        }
        return sum;
    }
}
