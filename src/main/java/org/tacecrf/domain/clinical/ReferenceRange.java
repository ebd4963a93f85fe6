package org.tacecrf.domain.clinical;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Lower and upper limit of normal of a laboratory test, in a stated unit. Either limit may be
 * absent (e.g. tumour markers have only an upper limit).
 *
 * @param lln    lower limit of normal, or null
 * @param uln    upper limit of normal, or null
 * @param unit   unit of both limits
 * @param origin whether this is a built-in default or a study/laboratory value
 * @param source where the limits come from
 */
public record ReferenceRange(BigDecimal lln, BigDecimal uln, LabUnit unit, Origin origin, String source) {

    /** Built-in defaults must be replaced by the reporting laboratory's ranges where known. */
    public enum Origin {
        /** Built-in default; a study or laboratory range overrides it. */
        DEFAULT,
        /** Set by the study or taken from the reporting laboratory. */
        STUDY
    }

    public ReferenceRange {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(source, "source");
        if (lln == null && uln == null) {
            throw new IllegalArgumentException("A reference range needs at least one limit");
        }
        if (lln != null && uln != null && lln.compareTo(uln) > 0) {
            throw new IllegalArgumentException("LLN " + lln + " is above ULN " + uln);
        }
    }

    /** A study or laboratory range. */
    public static ReferenceRange of(Number lln, Number uln, LabUnit unit, String source) {
        return new ReferenceRange(Decimals.of(lln), Decimals.of(uln), unit, Origin.STUDY, source);
    }

    public boolean isDefault() {
        return origin == Origin.DEFAULT;
    }

    /** LLN as a measurement, or null when the range has no lower limit. */
    public Measurement llnMeasurement() {
        return lln == null ? null : new Measurement(lln, unit);
    }

    /** ULN as a measurement, or null when the range has no upper limit. */
    public Measurement ulnMeasurement() {
        return uln == null ? null : new Measurement(uln, unit);
    }
}
