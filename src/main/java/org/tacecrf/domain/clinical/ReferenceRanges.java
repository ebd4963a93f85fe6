package org.tacecrf.domain.clinical;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Table of reference ranges (LLN/ULN) per analyte and, where relevant, per sex. Immutable: a
 * study builds its own table with {@link #with}.
 * <p>
 * The {@linkplain #defaults() defaults} are adult ranges for when a laboratory's own range was
 * not captured. Haematology follows the Chinese national adult reference intervals WS/T 405-2012
 * and liver enzymes, albumin and renal markers follow WS/T 404 (the seed studies are from Chinese
 * centres); the rest are cut-offs in wide laboratory use. Where WS/T 404 splits by age the
 * 20-59-year band is used, except ALP (women) where the 50-79-year band fits an HCC population.
 * They are marked {@link ReferenceRange.Origin#DEFAULT}: CTCAE grading must use the reporting
 * laboratory's range whenever it is known.
 */
public final class ReferenceRanges {

    private final Map<Analyte, Map<Sex, ReferenceRange>> bySex;
    private final Map<Analyte, ReferenceRange> common;

    private ReferenceRanges(Map<Analyte, Map<Sex, ReferenceRange>> bySex, Map<Analyte, ReferenceRange> common) {
        this.bySex = bySex;
        this.common = common;
    }

    /** An empty table. */
    public static ReferenceRanges empty() {
        return new ReferenceRanges(new EnumMap<>(Analyte.class), new EnumMap<>(Analyte.class));
    }

    private static final ReferenceRanges DEFAULTS = buildDefaults();

    /** Built-in adult defaults (see class comment). */
    public static ReferenceRanges defaults() {
        return DEFAULTS;
    }

    /**
     * Range for an analyte. For a sex-specific analyte the sex is required: with a null sex the
     * result is empty rather than a guess.
     */
    public Optional<ReferenceRange> find(Analyte analyte, Sex sex) {
        Map<Sex, ReferenceRange> perSex = bySex.get(analyte);
        if (perSex != null && !perSex.isEmpty()) {
            return sex == null ? Optional.empty() : Optional.ofNullable(perSex.get(sex));
        }
        return Optional.ofNullable(common.get(analyte));
    }

    public boolean isSexSpecific(Analyte analyte) {
        Map<Sex, ReferenceRange> perSex = bySex.get(analyte);
        return perSex != null && !perSex.isEmpty();
    }

    /**
     * A copy with one range replaced. {@code sex == null} sets a range for both sexes (and drops
     * any sex-specific ones for that analyte).
     */
    public ReferenceRanges with(Analyte analyte, Sex sex, ReferenceRange range) {
        if (!analyte.accepts(range.unit())) {
            throw new IllegalArgumentException(analyte.label() + " has no unit " + range.unit().symbol());
        }
        Map<Analyte, Map<Sex, ReferenceRange>> newBySex = new EnumMap<>(Analyte.class);
        bySex.forEach((a, m) -> newBySex.put(a, new EnumMap<>(m)));
        Map<Analyte, ReferenceRange> newCommon = new EnumMap<>(common);
        if (sex == null) {
            newBySex.remove(analyte);
            newCommon.put(analyte, range);
        } else {
            newCommon.remove(analyte);
            newBySex.computeIfAbsent(analyte, a -> new EnumMap<>(Sex.class)).put(sex, range);
        }
        return new ReferenceRanges(freeze(newBySex), Collections.unmodifiableMap(newCommon));
    }

    private static Map<Analyte, Map<Sex, ReferenceRange>> freeze(Map<Analyte, Map<Sex, ReferenceRange>> m) {
        Map<Analyte, Map<Sex, ReferenceRange>> out = new EnumMap<>(Analyte.class);
        m.forEach((a, perSex) -> out.put(a, Collections.unmodifiableMap(perSex)));
        return Collections.unmodifiableMap(out);
    }

    private static ReferenceRanges buildDefaults() {
        String wst405 = "WS/T 405-2012 adult reference interval";
        String wst404 = "WS/T 404 adult reference interval";
        String common = "cut-off in common laboratory use";
        ReferenceRanges r = empty();
        r = r.with(Analyte.WBC, null, def("3.5", "9.5", LabUnit.E9_PER_L, wst405));
        r = r.with(Analyte.NEUTROPHILS, null, def("1.8", "6.3", LabUnit.E9_PER_L, wst405));
        r = r.with(Analyte.HAEMOGLOBIN, Sex.MALE, def("130", "175", LabUnit.G_PER_L, wst405));
        r = r.with(Analyte.HAEMOGLOBIN, Sex.FEMALE, def("115", "150", LabUnit.G_PER_L, wst405));
        r = r.with(Analyte.PLATELETS, null, def("125", "350", LabUnit.E9_PER_L, wst405));
        r = r.with(Analyte.ALT, Sex.MALE, def("9", "50", LabUnit.U_PER_L, wst404));
        r = r.with(Analyte.ALT, Sex.FEMALE, def("7", "40", LabUnit.U_PER_L, wst404));
        r = r.with(Analyte.AST, Sex.MALE, def("15", "40", LabUnit.U_PER_L, wst404));
        r = r.with(Analyte.AST, Sex.FEMALE, def("13", "35", LabUnit.U_PER_L, wst404));
        r = r.with(Analyte.ALP, Sex.MALE, def("45", "125", LabUnit.U_PER_L, wst404));
        r = r.with(Analyte.ALP, Sex.FEMALE, def("50", "135", LabUnit.U_PER_L, wst404 + " (50-79 years)"));
        r = r.with(Analyte.GGT, Sex.MALE, def("10", "60", LabUnit.U_PER_L, wst404));
        r = r.with(Analyte.GGT, Sex.FEMALE, def("7", "45", LabUnit.U_PER_L, wst404));
        r = r.with(Analyte.ALBUMIN, null, def("40", "55", LabUnit.G_PER_L, wst404));
        r = r.with(Analyte.TOTAL_BILIRUBIN, Sex.MALE, def(null, "26", LabUnit.UMOL_PER_L, wst404));
        r = r.with(Analyte.TOTAL_BILIRUBIN, Sex.FEMALE, def(null, "21", LabUnit.UMOL_PER_L, wst404));
        r = r.with(Analyte.DIRECT_BILIRUBIN, null, def(null, "6.8", LabUnit.UMOL_PER_L, common));
        r = r.with(Analyte.UREA, Sex.MALE, def("3.1", "8.0", LabUnit.MMOL_PER_L, wst404));
        r = r.with(Analyte.UREA, Sex.FEMALE, def("2.6", "7.5", LabUnit.MMOL_PER_L, wst404));
        r = r.with(Analyte.CREATININE, Sex.MALE, def("57", "97", LabUnit.UMOL_PER_L, wst404));
        r = r.with(Analyte.CREATININE, Sex.FEMALE, def("41", "73", LabUnit.UMOL_PER_L, wst404));
        r = r.with(Analyte.URIC_ACID, Sex.MALE, def("208", "428", LabUnit.UMOL_PER_L, common));
        r = r.with(Analyte.URIC_ACID, Sex.FEMALE, def("155", "357", LabUnit.UMOL_PER_L, common));
        r = r.with(Analyte.CRP, null, def(null, "10", LabUnit.MG_PER_L, common));
        r = r.with(Analyte.GLUCOSE, null, def("3.9", "6.1", LabUnit.MMOL_PER_L, "fasting; " + common));
        r = r.with(Analyte.PROTHROMBIN_TIME, null, def("11.0", "14.5", LabUnit.SECONDS,
                "depends on the thromboplastin reagent; " + common));
        r = r.with(Analyte.INR, null, def("0.8", "1.2", LabUnit.RATIO, common));
        r = r.with(Analyte.D_DIMER, null, def(null, "0.5", LabUnit.MG_PER_L, "FEU; " + common));
        r = r.with(Analyte.AFP, null, def(null, "7", LabUnit.NG_PER_ML, common));
        r = r.with(Analyte.PIVKA_II, null, def(null, "40", LabUnit.MAU_PER_ML, common));
        r = r.with(Analyte.CEA, null, def(null, "5", LabUnit.NG_PER_ML, common));
        r = r.with(Analyte.CA_125, null, def(null, "35", LabUnit.U_PER_ML, common));
        r = r.with(Analyte.CA_19_9, null, def(null, "37", LabUnit.U_PER_ML, common));
        return r;
    }

    private static ReferenceRange def(String lln, String uln, LabUnit unit, String source) {
        return new ReferenceRange(lln == null ? null : new BigDecimal(lln), new BigDecimal(uln), unit,
                ReferenceRange.Origin.DEFAULT, "Default: " + source);
    }
}
