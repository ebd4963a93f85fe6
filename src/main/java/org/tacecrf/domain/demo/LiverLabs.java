package org.tacecrf.domain.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.tacecrf.domain.demo.CohortSpec.Distribution;

/**
 * Laboratory values consistent with a Child-Pugh class (Pugh 1973, albumin 28/35 g/L, bilirubin
 * 34/51 µmol/L, INR 1.7/2.3): the class is split into the points of its five components first,
 * then each value is drawn inside the band that gives its points, so the derived class is the
 * one assigned. Other analytes follow plausible distributions (or the study's published ones).
 * <p>
 * A class is written {@code A} or {@code B} (5-6 and 7-9 points, split 3:1 and 7:3) or with its
 * points, e.g. {@code A6}, {@code B7}.
 */
final class LiverLabs {

    /** Points of the five Child-Pugh components. */
    record Points(int albumin, int bilirubin, int inr, int ascites, int encephalopathy) {
        int total() {
            return albumin + bilirubin + inr + ascites + encephalopathy;
        }

        String ascitesCode() {
            return switch (ascites) {
                case 1 -> "NONE";
                case 2 -> "MILD";
                default -> "MODERATE_SEVERE";
            };
        }

        String encephalopathyCode() {
            return encephalopathy == 1 ? "NONE" : encephalopathy == 2 ? "GRADE_1_2" : "GRADE_3_4";
        }
    }

    /** Typical values of the other analytes: mean, SD, lowest, highest, decimals. */
    private static final Map<String, Distribution> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("wbc", new Distribution(5.6, 1.8, 2.8, 12.0, null, 2));
        DEFAULTS.put("haemoglobin", new Distribution(128, 16, 85.0, 170.0, null, 0));
        DEFAULTS.put("platelets", new Distribution(175, 65, 60.0, 420.0, null, 0));
        DEFAULTS.put("alt", new Distribution(36, 18, 8.0, 120.0, null, 0));
        DEFAULTS.put("ast", new Distribution(42, 22, 10.0, 150.0, null, 0));
        DEFAULTS.put("alp", new Distribution(130, 60, 40.0, 420.0, null, 0));
        DEFAULTS.put("ggt", new Distribution(110, 80, 12.0, 600.0, null, 0));
        DEFAULTS.put("bun", new Distribution(5.5, 1.5, 2.2, 10.0, null, 2));
        DEFAULTS.put("creatinine", new Distribution(72, 15, 40.0, 130.0, null, 1));
        DEFAULTS.put("uric_acid", new Distribution(300, 70, 130.0, 520.0, null, 0));
        DEFAULTS.put("crp", new Distribution(8, 8, 0.5, 80.0, null, 1));
        DEFAULTS.put("glucose", new Distribution(5.6, 1.0, 3.6, 11.0, null, 1));
        DEFAULTS.put("pt", new Distribution(12.4, 1.0, 10.0, 16.0, null, 1));
        DEFAULTS.put("d_dimer", new Distribution(0.9, 0.7, 0.1, 6.0, null, 2));
        // the Child-Pugh analytes: used inside the band of their points
        DEFAULTS.put("albumin", new Distribution(39.5, 4.0, 22.0, 50.0, null, 1));
        DEFAULTS.put("total_bilirubin", new Distribution(15, 7, 4.0, 80.0, null, 1));
        DEFAULTS.put("inr", new Distribution(1.04, 0.08, 0.85, 2.2, null, 2));
    }

    /** Analytes of the laboratory panel that the generator fills, in the panel's order. */
    static final List<String> PANEL = List.of("wbc", "haemoglobin", "platelets", "alt", "ast", "alp", "ggt", "albumin",
            "total_bilirubin", "direct_bilirubin", "bun", "creatinine", "uric_acid", "crp", "glucose", "pt", "inr", "d_dimer");

    private LiverLabs() {
    }

    /** Splits a class ({@code A}, {@code B}, {@code A6}...) into the points of its components. */
    static Points points(String childPugh, Random random) {
        String c = childPugh == null ? "A" : childPugh.trim();
        int total = switch (c) {
            case "A" -> random.nextDouble() < 0.75 ? 5 : 6;
            case "B" -> random.nextDouble() < 0.7 ? 7 : 8;
            default -> Integer.parseInt(c.substring(1));
        };
        if (total < 5 || total > 9) {
            throw new CohortSpecException("Child-Pugh " + c + ": the demo writes classes A and B (5-9 points)");
        }
        // extra points beyond 5, most often from albumin, then bilirubin, then ascites
        int alb = 1;
        int bili = 1;
        int asc = 1;
        int inr = 1;
        int extra = total - 5;
        String[] order = random.nextDouble() < 0.6 ? new String[]{"alb", "bili", "asc", "inr"}
                : random.nextDouble() < 0.5 ? new String[]{"bili", "alb", "asc", "inr"} : new String[]{"alb", "asc", "bili", "inr"};
        for (int i = 0; extra > 0; i = (i + 1) % order.length) {
            switch (order[i]) {
                case "alb" -> { if (alb < 3) { alb++; extra--; } }
                case "bili" -> { if (bili < 2) { bili++; extra--; } }
                case "asc" -> { if (asc < 2) { asc++; extra--; } }
                default -> { if (inr < 2) { inr++; extra--; } }
            }
        }
        return new Points(alb, bili, inr, asc, 1);
    }

    /** The analytes whose values the Child-Pugh class constrains. */
    static final java.util.Set<String> CHILD_PUGH_ANALYTES = java.util.Set.of("albumin", "total_bilirubin", "inr", "direct_bilirubin");

    /**
     * A laboratory panel at baseline: values as text by item id, the Child-Pugh analytes inside the
     * band of their points, the others as {@code drawn} for the cohort (to the published mean and
     * SD), else from {@code published} or the defaults.
     */
    static Map<String, String> baseline(Points p, Map<String, Distribution> published, Map<String, String> drawn, Random random) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String analyte : PANEL) {
            Distribution d = published.getOrDefault(analyte, DEFAULTS.get(analyte));
            if (drawn.containsKey(analyte)) {
                out.put(analyte, drawn.get(analyte));
                continue;
            }
            switch (analyte) {
                case "albumin" -> out.put(analyte, inBand(d, p.albumin() == 1 ? 35.5 : p.albumin() == 2 ? 28.5 : 22.0,
                        p.albumin() == 1 ? 52.0 : p.albumin() == 2 ? 34.8 : 27.5, random));
                case "total_bilirubin" -> out.put(analyte, inBand(d, p.bilirubin() == 1 ? 3.0 : 35.0,
                        p.bilirubin() == 1 ? 33.0 : 50.0, random));
                case "inr" -> out.put(analyte, inBand(d, p.inr() == 1 ? 0.85 : 1.75, p.inr() == 1 ? 1.35 : 2.2, random));
                case "direct_bilirubin" -> {
                    double total = Double.parseDouble(out.get("total_bilirubin"));
                    out.put(analyte, round(total * (0.2 + 0.25 * random.nextDouble()), 1));
                }
                default -> out.put(analyte, inBand(d, d.min() == null ? 0 : d.min(), d.max() == null ? d.mean() + 4 * d.sd() : d.max(),
                        random));
            }
        }
        return out;
    }

    /** The panel at a later visit: each value within 15 % of its baseline value, Child-Pugh bands not enforced. */
    static Map<String, String> followUp(Map<String, String> before, Random random) {
        Map<String, String> out = new LinkedHashMap<>();
        before.forEach((analyte, value) -> {
            double v = Double.parseDouble(value);
            int decimals = value.contains(".") ? value.length() - value.indexOf('.') - 1 : 0;
            double next = v * (0.85 + 0.3 * random.nextDouble());
            if (analyte.equals("direct_bilirubin")) {
                next = Math.min(next, Double.parseDouble(out.getOrDefault("total_bilirubin", value)) * 0.6);
            }
            out.put(analyte, round(next, decimals));
        });
        return out;
    }

    /** A normal draw of the distribution, redrawn until it falls in [lo, hi] (uniform in the band after 50 tries). */
    static String inBand(Distribution d, double lo, double hi, Random random) {
        for (int i = 0; i < 50; i++) {
            double x = d.mean() + d.sd() * random.nextGaussian();
            if (x >= lo && x <= hi) {
                return round(x, d.decimals());
            }
        }
        return round(lo + (hi - lo) * random.nextDouble(), d.decimals());
    }

    static String round(double x, int decimals) {
        return BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }
}
