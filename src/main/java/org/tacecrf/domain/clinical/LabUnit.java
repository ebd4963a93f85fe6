package org.tacecrf.domain.clinical;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Units in which sites enter laboratory values. A unit says nothing about the analyte: the
 * factor between units is a property of the analyte (see {@link Analyte}), e.g. mg/dL to
 * µmol/L is ×17.1 for bilirubin but ×88.4 for creatinine.
 */
public enum LabUnit {
    /** 10⁹ cells per litre (SI count unit). */
    E9_PER_L("10^9/L", "x10^9/L", "×10⁹/L", "10⁹/L"),
    /** 10³ cells per microlitre ("K/µL"); numerically equal to 10⁹/L. */
    E3_PER_UL("10^3/uL", "x10^3/uL", "×10³/µL", "10³/µL", "K/uL", "K/µL"),
    /** Cells per cubic millimetre, identical to cells per microlitre. */
    PER_MM3("/mm3", "/mm³", "/uL", "/µL", "cells/uL", "cells/µL"),
    G_PER_L("g/L"),
    G_PER_DL("g/dL"),
    MG_PER_DL("mg/dL"),
    /** Blood urea nitrogen expressed as mg of nitrogen per dL (BUN). */
    MG_PER_DL_UREA_NITROGEN("mg/dL BUN", "mg/dL (BUN)", "mg/dL urea nitrogen"),
    MG_PER_L("mg/L"),
    UMOL_PER_L("umol/L", "µmol/L", "μmol/L"),
    MMOL_PER_L("mmol/L"),
    UG_PER_ML("ug/mL", "µg/mL", "μg/mL"),
    UG_PER_L("ug/L", "µg/L", "μg/L"),
    NG_PER_ML("ng/mL"),
    IU_PER_ML("IU/mL"),
    /** Enzyme activity, µmol of substrate per minute per litre; "IU/L" is the same unit. */
    U_PER_L("U/L", "IU/L"),
    UKAT_PER_L("ukat/L", "µkat/L", "μkat/L"),
    U_PER_ML("U/mL"),
    KU_PER_L("kU/L"),
    MAU_PER_ML("mAU/mL"),
    SECONDS("s", "sec", "seconds"),
    /** Dimensionless ratio (INR). */
    RATIO("ratio");

    private final String symbol;
    private final List<String> aliases;

    LabUnit(String symbol, String... aliases) {
        this.symbol = symbol;
        this.aliases = List.of(aliases);
    }

    /** Plain-ASCII symbol used for display and storage. */
    public String symbol() {
        return symbol;
    }

    /**
     * Looks a unit up by its symbol or a common spelling (case-insensitive; micro sign, Greek mu
     * and "u" are accepted alike).
     */
    public static Optional<LabUnit> fromSymbol(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = normalise(text);
        for (LabUnit unit : values()) {
            if (normalise(unit.symbol).equals(wanted)) {
                return Optional.of(unit);
            }
            for (String alias : unit.aliases) {
                if (normalise(alias).equals(wanted)) {
                    return Optional.of(unit);
                }
            }
        }
        return Optional.empty();
    }

    private static String normalise(String s) {
        return s.trim().replace('µ', 'u').replace('μ', 'u').replace(" ", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
