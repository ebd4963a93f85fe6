package org.tacecrf.domain.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.tacecrf.domain.demo.CohortSpec.Distribution;
import org.tacecrf.domain.demo.CohortSpec.FactTable;
import org.tacecrf.domain.demo.CohortSpec.Row;

/**
 * Assigns the facts of a {@link CohortSpec} to patients with exact counts: the rows of each table,
 * each repeated by its count, are permuted over the patients of the group the table applies to, so
 * the cohort has the published number in every category whatever the seed. A continuous value is
 * drawn for every patient, standardised to the published mean and SD, then kept in range.
 */
final class FactAllocator {

    static final String ARM = "arm";
    static final String SITE = "site";

    private FactAllocator() {
    }

    /** The facts of every patient, in patient order; {@code anchors} date the day offsets. */
    static List<Map<String, String>> allocate(CohortSpec spec, Random random, List<LocalDate> anchors) {
        int n = spec.patients();
        List<Map<String, String>> facts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            facts.add(new LinkedHashMap<>());
        }
        assign(facts, ARM, expand(spec.arms(), random));
        assign(facts, SITE, expand(spec.sites(), random));
        for (FactTable table : spec.facts()) {
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String group = table.given() == null ? FactTable.ALL : facts.get(i).get(table.given());
                groups.computeIfAbsent(group == null ? SpecValue.NONE : group, g -> new ArrayList<>()).add(i);
            }
            for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
                List<Integer> patients = group.getValue();
                if (!table.continuous().isEmpty()) {
                    Distribution d = table.continuous().get(group.getKey());
                    if (d == null) {
                        throw new CohortSpecException(table.where() + ": no distribution for " + table.given() + " " + group.getKey());
                    }
                    String[] values = draw(d, patients.size(), random);
                    for (int k = 0; k < patients.size(); k++) {
                        facts.get(patients.get(k)).put(table.names().get(0), values[k]);
                    }
                    continue;
                }
                List<Row> rows = table.rows().get(group.getKey());
                if (rows == null) {
                    throw new CohortSpecException(table.where() + ": no counts for " + table.given() + " " + group.getKey());
                }
                List<Row> slots = new ArrayList<>();
                rows.forEach(r -> slots.addAll(Collections.nCopies(r.count(), r)));
                if (slots.size() != patients.size()) {
                    throw new CohortSpecException(table.where() + ": the counts" + (table.given() == null ? "" : " of "
                            + table.given() + " " + group.getKey()) + " add up to " + slots.size() + ", not "
                            + patients.size() + " patients");
                }
                Collections.shuffle(slots, random);
                for (int k = 0; k < patients.size(); k++) {
                    int patient = patients.get(k);
                    Map<String, String> f = facts.get(patient);
                    Row row = slots.get(k);
                    for (int c = 0; c < table.names().size(); c++) {
                        String value = row.values().get(c).resolve(random, f, anchors.get(patient));
                        if (value != null) {
                            f.put(table.names().get(c), value);
                        }
                    }
                }
            }
        }
        return facts;
    }

    private static List<String> expand(Map<String, Integer> counts, Random random) {
        List<String> out = new ArrayList<>();
        counts.forEach((k, c) -> out.addAll(Collections.nCopies(c, k)));
        Collections.shuffle(out, random);
        return out;
    }

    private static void assign(List<Map<String, String>> facts, String name, List<String> values) {
        for (int i = 0; i < facts.size(); i++) {
            facts.get(i).put(name, values.get(i));
        }
    }

    /**
     * n values with exactly the distribution's sample mean and SD (before the range and rounding
     * are applied); log-normal above the shift when there is one.
     */
    static String[] draw(Distribution d, int n, Random random) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian();
        }
        if (n > 1) {
            double mean = 0;
            for (double v : z) {
                mean += v;
            }
            mean /= n;
            double ss = 0;
            for (double v : z) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / (n - 1));
            for (int i = 0; i < n; i++) {
                z[i] = (z[i] - mean) / sd;
            }
        }
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            double x;
            if (d.shift() != null) {
                double m = d.mean() - d.shift();
                double s2 = Math.log(1 + d.sd() * d.sd() / (m * m));
                x = d.shift() + Math.exp(Math.log(m) - s2 / 2 + Math.sqrt(s2) * z[i]);
            } else {
                x = d.mean() + d.sd() * z[i];
            }
            if (d.min() != null) {
                x = Math.max(d.min(), x);
            }
            if (d.max() != null) {
                x = Math.min(d.max(), x);
            }
            out[i] = BigDecimal.valueOf(x).setScale(d.decimals(), RoundingMode.HALF_UP).toPlainString();
        }
        return out;
    }
}
