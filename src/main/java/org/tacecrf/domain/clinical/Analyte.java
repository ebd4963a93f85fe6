package org.tacecrf.domain.clinical;

import static org.tacecrf.domain.clinical.LabUnit.*;
import static org.tacecrf.domain.clinical.UnitConversion.dividedBy;
import static org.tacecrf.domain.clinical.UnitConversion.identity;
import static org.tacecrf.domain.clinical.UnitConversion.times;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Analytes of the baseline and post-procedure laboratory panels, each with one canonical unit
 * (SI where a clinical SI unit exists), the alternative units sites enter with their conversion
 * factors, and default plausibility ranges in the canonical unit.
 * <p>
 * Conversion factors and where they come from:
 * <ul>
 *   <li>Cell counts: 1 mm³ = 1 µL = 10⁻⁶ L, so n/mm³ = n/1000 × 10⁹/L and 10³/µL = 10⁹/L
 *       (CTCAE v5.0 writes 3000/mm³ next to 3.0 × 10⁹/L).</li>
 *   <li>Haemoglobin: g/dL × 10 = g/L; mmol/L (monomer, Fe basis, 16 114.5 g/mol) × 16.1145 = g/L
 *       (CTCAE v5.0 pairs 10.0 g/dL with 6.2 mmol/L).</li>
 *   <li>Bilirubin (584.66 g/mol): mg/dL × 17.1 = µmol/L, the factor of the Child-Pugh and ALBI
 *       tables (clinical rules 2.1, 2.2).</li>
 *   <li>Albumin g/dL × 10 = g/L; CRP mg/dL × 10 = mg/L.</li>
 *   <li>Creatinine (113.12 g/mol): mg/dL × 88.4 = µmol/L.</li>
 *   <li>Urea: BUN mg/dL (nitrogen, 2 × 14.007 g/mol per urea) × 0.357 = urea mmol/L; urea mg/dL
 *       (60.06 g/mol) × 0.1665 = mmol/L.</li>
 *   <li>Uric acid (168.11 g/mol): mg/dL × 59.48 = µmol/L.</li>
 *   <li>Glucose (180.16 g/mol): mg/dL ÷ 18.016 = mmol/L.</li>
 *   <li>D-dimer, all in fibrinogen-equivalent units (FEU): µg/mL = mg/L; ng/mL = µg/L = mg/L ÷ 1000.
 *       D-dimer units (DDU) are not converted: FEU ≈ 2 × DDU holds only approximately.</li>
 *   <li>AFP: 1 IU = 1.21 ng (WHO 1st International Standard 72/225); µg/L = ng/mL.</li>
 *   <li>PIVKA-II: mAU/mL only. Results in ng/mL come from other assays and have no fixed factor.</li>
 *   <li>CA-125, CA19-9: kU/L = U/mL. Enzymes: 1 U = 1 µmol/min, so µkat/L × 60 = U/L.</li>
 * </ul>
 * Hard ranges mark values that are physiologically impossible (rejected); soft ranges mark
 * unusual values (confirm against the source). Both are defaults for the form library, which
 * a study may narrow; reference ranges (LLN/ULN) are in {@link ReferenceRanges}.
 */
public enum Analyte {
    WBC("White blood cell count", E9_PER_L, "", "0", "500", "1.0", "30",
            times(E3_PER_UL, "1", "10^3/uL equals 10^9/L"),
            dividedBy(PER_MM3, "1000", "1 mm3 = 1 uL = 10^-6 L")),
    NEUTROPHILS("Neutrophil count", E9_PER_L, "", "0", "400", "0.5", "25",
            times(E3_PER_UL, "1", "10^3/uL equals 10^9/L"),
            dividedBy(PER_MM3, "1000", "1 mm3 = 1 uL = 10^-6 L")),
    HAEMOGLOBIN("Haemoglobin", G_PER_L, "", "10", "260", "60", "200",
            times(G_PER_DL, "10", "1 dL = 0.1 L"),
            times(MMOL_PER_L, "16.1145", "haemoglobin monomer molar mass 16 114.5 g/mol")),
    PLATELETS("Platelet count", E9_PER_L, "", "0", "3000", "20", "800",
            times(E3_PER_UL, "1", "10^3/uL equals 10^9/L"),
            dividedBy(PER_MM3, "1000", "1 mm3 = 1 uL = 10^-6 L")),
    ALT("Alanine aminotransferase (ALT)", U_PER_L, "", "0", "20000", "3", "1000",
            times(UKAT_PER_L, "60", "1 U = 1 umol/min = 1/60 ukat")),
    AST("Aspartate aminotransferase (AST)", U_PER_L, "", "0", "30000", "5", "1000",
            times(UKAT_PER_L, "60", "1 U = 1 umol/min = 1/60 ukat")),
    ALP("Alkaline phosphatase (ALP)", U_PER_L, "", "0", "10000", "20", "1500",
            times(UKAT_PER_L, "60", "1 U = 1 umol/min = 1/60 ukat")),
    GGT("Gamma-glutamyltransferase (GGT)", U_PER_L, "", "0", "10000", "5", "2000",
            times(UKAT_PER_L, "60", "1 U = 1 umol/min = 1/60 ukat")),
    ALBUMIN("Albumin", G_PER_L, "", "5", "70", "20", "55",
            times(G_PER_DL, "10", "1 dL = 0.1 L")),
    TOTAL_BILIRUBIN("Total bilirubin", UMOL_PER_L, "", "0", "1000", "2", "300",
            times(MG_PER_DL, "17.1", "bilirubin molar mass 584.66 g/mol")),
    DIRECT_BILIRUBIN("Direct bilirubin", UMOL_PER_L, "", "0", "800", "0", "200",
            times(MG_PER_DL, "17.1", "bilirubin molar mass 584.66 g/mol")),
    UREA("Urea (BUN)", MMOL_PER_L, "", "0.1", "150", "1", "30",
            times(MG_PER_DL_UREA_NITROGEN, "0.357", "urea nitrogen 28.014 g/mol per mol urea"),
            times(MG_PER_DL, "0.1665", "urea molar mass 60.06 g/mol")),
    CREATININE("Creatinine", UMOL_PER_L, "", "5", "3000", "30", "500",
            times(MG_PER_DL, "88.4", "creatinine molar mass 113.12 g/mol")),
    URIC_ACID("Uric acid", UMOL_PER_L, "", "0", "2000", "80", "800",
            times(MG_PER_DL, "59.48", "uric acid molar mass 168.11 g/mol")),
    CRP("C-reactive protein (CRP)", MG_PER_L, "", "0", "1000", "0", "300",
            times(MG_PER_DL, "10", "1 dL = 0.1 L")),
    GLUCOSE("Glucose", MMOL_PER_L, "", "0.5", "100", "2.5", "25",
            dividedBy(MG_PER_DL, "18.016", "glucose molar mass 180.16 g/mol")),
    PROTHROMBIN_TIME("Prothrombin time", SECONDS, "", "5", "200", "9", "30"),
    INR("International normalised ratio (INR)", RATIO, "", "0.5", "20", "0.8", "5"),
    D_DIMER("D-dimer", MG_PER_L, "FEU", "0", "500", "0", "20",
            times(UG_PER_ML, "1", "1 ug/mL = 1 mg/L (FEU)"),
            dividedBy(NG_PER_ML, "1000", "1 ng/mL = 1 ug/L = 0.001 mg/L (FEU)"),
            dividedBy(UG_PER_L, "1000", "1 ug/L = 0.001 mg/L (FEU)")),
    AFP("Alpha-fetoprotein (AFP)", NG_PER_ML, "", "0", "10000000", "0", "60000",
            times(UG_PER_L, "1", "1 ug/L = 1 ng/mL"),
            times(IU_PER_ML, "1.21", "WHO 1st International Standard 72/225: 1 IU = 1.21 ng")),
    PIVKA_II("PIVKA-II (DCP)", MAU_PER_ML, "", "0", "10000000", "0", "75000"),
    CEA("Carcinoembryonic antigen (CEA)", NG_PER_ML, "", "0", "100000", "0", "1000",
            times(UG_PER_L, "1", "1 ug/L = 1 ng/mL")),
    CA_125("CA-125", U_PER_ML, "", "0", "100000", "0", "5000",
            times(KU_PER_L, "1", "1 kU/L = 1 U/mL")),
    CA_19_9("CA19-9", U_PER_ML, "", "0", "1000000", "0", "10000",
            times(KU_PER_L, "1", "1 kU/L = 1 U/mL"));

    private final String label;
    private final LabUnit canonicalUnit;
    private final String unitQualifier;
    private final ValueRange hardRange;
    private final ValueRange softRange;
    private final List<UnitConversion> conversions;

    Analyte(String label, LabUnit canonicalUnit, String unitQualifier, String hardLow, String hardHigh,
            String softLow, String softHigh, UnitConversion... alternatives) {
        this.label = label;
        this.canonicalUnit = canonicalUnit;
        this.unitQualifier = unitQualifier;
        this.hardRange = ValueRange.of(hardLow, hardHigh);
        this.softRange = ValueRange.of(softLow, softHigh);
        List<UnitConversion> all = new ArrayList<>();
        all.add(identity(canonicalUnit));
        all.addAll(List.of(alternatives));
        this.conversions = Collections.unmodifiableList(all);
    }

    public String label() {
        return label;
    }

    public LabUnit canonicalUnit() {
        return canonicalUnit;
    }

    /** Basis of the unit where it matters (D-dimer: "FEU"); empty otherwise. */
    public String unitQualifier() {
        return unitQualifier;
    }

    /** Canonical unit with its qualifier, e.g. "mg/L FEU". */
    public String canonicalUnitLabel() {
        return unitQualifier.isEmpty() ? canonicalUnit.symbol() : canonicalUnit.symbol() + " " + unitQualifier;
    }

    /** Accepted units, canonical first. */
    public List<LabUnit> units() {
        return conversions.stream().map(UnitConversion::unit).toList();
    }

    public List<UnitConversion> conversions() {
        return conversions;
    }

    public boolean accepts(LabUnit unit) {
        return conversion(unit).isPresent();
    }

    public Optional<UnitConversion> conversion(LabUnit unit) {
        return conversions.stream().filter(c -> c.unit() == unit).findFirst();
    }

    /** Value in the canonical unit; the caller keeps the entered value and unit. */
    public BigDecimal toCanonical(BigDecimal value, LabUnit unit) {
        return requireConversion(unit).toCanonical(value);
    }

    public BigDecimal toCanonical(Measurement m) {
        return toCanonical(m.value(), m.unit());
    }

    /** Canonical value expressed in another accepted unit. */
    public BigDecimal fromCanonical(BigDecimal canonical, LabUnit unit) {
        return requireConversion(unit).fromCanonical(canonical);
    }

    /** Converts a measurement into another accepted unit (unchanged when already in it). */
    public BigDecimal convert(Measurement m, LabUnit target) {
        return m.unit() == target ? m.value() : fromCanonical(toCanonical(m), target);
    }

    /** Default hard range (impossible values outside) in the canonical unit. */
    public ValueRange hardRange() {
        return hardRange;
    }

    /** Default soft range (unusual values outside) in the canonical unit. */
    public ValueRange softRange() {
        return softRange;
    }

    public Plausibility plausibility(BigDecimal canonicalValue) {
        if (!hardRange.contains(canonicalValue)) {
            return Plausibility.IMPOSSIBLE;
        }
        return softRange.contains(canonicalValue) ? Plausibility.PLAUSIBLE : Plausibility.UNUSUAL;
    }

    /** Plausibility of an entered value; a unit the analyte does not accept counts as impossible. */
    public Plausibility plausibility(Measurement m) {
        return accepts(m.unit()) ? plausibility(toCanonical(m)) : Plausibility.IMPOSSIBLE;
    }

    private UnitConversion requireConversion(LabUnit unit) {
        return conversion(unit).orElseThrow(() -> new IllegalArgumentException(
                label + " cannot be entered in " + unit.symbol() + "; accepted units: " + units()));
    }
}
