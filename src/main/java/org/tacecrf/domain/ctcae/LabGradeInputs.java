package org.tacecrf.domain.ctcae;

import java.util.Objects;

import org.tacecrf.domain.clinical.Analyte;
import org.tacecrf.domain.clinical.Measurement;
import org.tacecrf.domain.clinical.ReferenceRange;

/**
 * A laboratory result to grade, with the reporting laboratory's limits and the subject's
 * baseline. The value and its limits may be in different accepted units of the analyte.
 *
 * @param analyte           analyte of the result
 * @param value             the result as entered
 * @param lln               lower limit of normal (needed for decreases)
 * @param uln               upper limit of normal (needed for increases)
 * @param baseline          the subject's baseline value (protocol definition, usually the last value
 *                          before the first TACE)
 * @param baselineUln       ULN that applied to the baseline value, to judge whether it was abnormal
 * @param onAnticoagulation whether the subject is anticoagulated (INR only)
 */
public record LabGradeInputs(Analyte analyte, Measurement value, Measurement lln, Measurement uln,
                             Measurement baseline, Measurement baselineUln, Boolean onAnticoagulation) {

    public LabGradeInputs {
        Objects.requireNonNull(analyte, "analyte");
    }

    /** A result with the limits of its laboratory's reference range (which may be null). */
    public static LabGradeInputs of(Analyte analyte, Measurement value, ReferenceRange range) {
        return new LabGradeInputs(analyte, value, range == null ? null : range.llnMeasurement(),
                range == null ? null : range.ulnMeasurement(), null, null, null);
    }

    /** A result with explicit limits. */
    public static LabGradeInputs of(Analyte analyte, Measurement value, Measurement lln, Measurement uln) {
        return new LabGradeInputs(analyte, value, lln, uln, null, null, null);
    }

    public LabGradeInputs withBaseline(Measurement baselineValue, Measurement baselineUlnValue) {
        return new LabGradeInputs(analyte, value, lln, uln, baselineValue, baselineUlnValue, onAnticoagulation);
    }

    public LabGradeInputs withAnticoagulation(Boolean anticoagulated) {
        return new LabGradeInputs(analyte, value, lln, uln, baseline, baselineUln, anticoagulated);
    }
}
