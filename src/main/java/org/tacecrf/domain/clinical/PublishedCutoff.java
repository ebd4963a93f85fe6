package org.tacecrf.domain.clinical;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A cut-off of a published table, with the value printed for the canonical unit and the values
 * printed for other units (which need not be exact conversions of it, see {@link BoundaryBasis}).
 *
 * @param analyte   analyte the cut-off applies to
 * @param canonical cut-off in the analyte's canonical unit
 * @param printed   cut-offs printed for other units
 */
public record PublishedCutoff(Analyte analyte, BigDecimal canonical, Map<LabUnit, BigDecimal> printed) {

    public PublishedCutoff {
        Objects.requireNonNull(analyte, "analyte");
        Objects.requireNonNull(canonical, "canonical");
        printed = Map.copyOf(printed);
    }

    /** Cut-off given only in the canonical unit. */
    public static PublishedCutoff of(Analyte analyte, String canonical) {
        return new PublishedCutoff(analyte, new BigDecimal(canonical), Map.of());
    }

    /** Cut-off printed in the canonical unit and in one other unit. */
    public static PublishedCutoff of(Analyte analyte, String canonical, LabUnit otherUnit, String otherValue) {
        return new PublishedCutoff(analyte, new BigDecimal(canonical), Map.of(otherUnit, new BigDecimal(otherValue)));
    }

    /** Cut-off printed in the canonical unit and in two other units. */
    public static PublishedCutoff of(Analyte analyte, String canonical, LabUnit unit1, String value1,
                                     LabUnit unit2, String value2) {
        Map<LabUnit, BigDecimal> m = new EnumMap<>(LabUnit.class);
        m.put(unit1, new BigDecimal(value1));
        m.put(unit2, new BigDecimal(value2));
        return new PublishedCutoff(analyte, new BigDecimal(canonical), m);
    }

    /**
     * The cut-off to compare a value in {@code unit} with: under {@link BoundaryBasis#ENTERED_UNIT}
     * the printed value for that unit when there is one, otherwise the canonical cut-off converted
     * into that unit.
     */
    public BigDecimal in(LabUnit unit, BoundaryBasis basis) {
        if (unit == analyte.canonicalUnit()) {
            return canonical;
        }
        BigDecimal printedValue = printed.get(unit);
        if (basis == BoundaryBasis.ENTERED_UNIT && printedValue != null) {
            return printedValue;
        }
        return analyte.fromCanonical(canonical, unit);
    }

    /**
     * Compares a measurement with this cut-off: negative, zero or positive as the value is below,
     * at or above it. Under {@code CANONICAL_UNIT} the value is converted to the canonical unit.
     */
    public int compare(Measurement m, BoundaryBasis basis) {
        if (basis == BoundaryBasis.CANONICAL_UNIT) {
            return analyte.toCanonical(m).compareTo(canonical);
        }
        return m.value().compareTo(in(m.unit(), basis));
    }
}
