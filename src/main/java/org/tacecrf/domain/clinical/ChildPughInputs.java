package org.tacecrf.domain.clinical;

import java.math.BigDecimal;

/**
 * Values read from the liver-function form for the Child-Pugh score. Any field may be null
 * (left empty); the score is then not computed and the missing fields are named.
 *
 * @param totalBilirubin        total bilirubin as entered (µmol/L or mg/dL)
 * @param albumin               serum albumin as entered (g/L or g/dL)
 * @param inr                   INR, used when the study scores coagulation by INR
 * @param ptProlongationSeconds prothrombin time minus control time in seconds, used when the study
 *                              scores coagulation by PT; see {@link #ptProlongation}
 * @param ascites               ascites as assessed clinically
 * @param encephalopathy        hepatic encephalopathy as assessed clinically
 */
public record ChildPughInputs(Measurement totalBilirubin, Measurement albumin, BigDecimal inr,
                              BigDecimal ptProlongationSeconds, Ascites ascites,
                              HepaticEncephalopathy encephalopathy) {

    /**
     * From form values of any numeric type; empty (null) values stay null and are reported as
     * missing by {@link ChildPugh#calculate}.
     */
    public static ChildPughInputs fromForm(Number totalBilirubin, LabUnit bilirubinUnit, Number albumin,
                                           LabUnit albuminUnit, Number inr, Number ptProlongationSeconds,
                                           Ascites ascites, HepaticEncephalopathy encephalopathy) {
        return new ChildPughInputs(Measurement.ofNullable(totalBilirubin, bilirubinUnit),
                Measurement.ofNullable(albumin, albuminUnit), Decimals.of(inr), Decimals.of(ptProlongationSeconds),
                ascites, encephalopathy);
    }

    /** Seconds of prolongation from the patient's PT and the laboratory's control PT; null if either is missing. */
    public static BigDecimal ptProlongation(Number patientPtSeconds, Number controlPtSeconds) {
        BigDecimal pt = Decimals.of(patientPtSeconds);
        BigDecimal control = Decimals.of(controlPtSeconds);
        return pt == null || control == null ? null : pt.subtract(control);
    }
}
