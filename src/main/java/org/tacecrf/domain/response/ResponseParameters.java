package org.tacecrf.domain.response;

/**
 * Study parameters for response assessment: the points the protocol or statistical analysis plan
 * must fix (marked [VERIFY] in the clinical rules), with defaults from RECIST 1.1 and the mRECIST
 * publication.
 *
 * @param maxTargets                         targets in total (RECIST 1.1: 5)
 * @param maxTargetsPerOrgan                 targets per organ, all nodes one organ (RECIST 1.1: 2)
 * @param maxIntrahepaticTargets             mRECIST protocols that allow "up to 2 intrahepatic
 *                                           targets"; null when the protocol sets no such limit
 * @param minNonNodalDiameterMm              smallest LD of a non-nodal target on CT/MRI (10 mm)
 * @param minNodalShortAxisMm                smallest SA of a nodal target (15 mm)
 * @param minPortaHepatisNodeMm              mRECIST: smallest SA of a malignant porta hepatis node (20 mm)
 * @param mrecistPdAbsoluteMinMm             mRECIST absolute rise over the nadir needed for PD; the
 *                                           publication has none (0), some protocols adopt RECIST's 5 mm
 * @param markersRequiredForNonTargetCr      RECIST 1.1 non-target CR also needs normal tumour markers
 *                                           (whether AFP counts is for the protocol to say)
 * @param recistEffusionRequiresCytology     under RECIST 1.1 too, a new or growing effusion is progression only
 *                                           with malignant cytology (mRECIST always requires it; RECIST 1.1
 *                                           asks for cytology to tell a treatment-related effusion from PD)
 * @param confirmationRequired               CR/PR need a confirming assessment (non-randomised trials
 *                                           with response as primary endpoint)
 * @param confirmMinDays                     minimum days between a response and its confirmation (28)
 * @param maxNeBetweenConfirmation           NE time points allowed between a response and its confirmation
 * @param sdMinDays                          SD counts for best response only when documented at least
 *                                           this many days after the reference date (RECIST suggests 6-8 weeks)
 * @param nonCrNonPdCountsForDiseaseControl  Non-CR/Non-PD (non-target-only disease) counts towards DCR
 * @param baselineMaxDaysBeforeTreatment     baseline imaging at most this many days before treatment (28)
 */
public record ResponseParameters(
        int maxTargets,
        int maxTargetsPerOrgan,
        Integer maxIntrahepaticTargets,
        double minNonNodalDiameterMm,
        double minNodalShortAxisMm,
        double minPortaHepatisNodeMm,
        double mrecistPdAbsoluteMinMm,
        boolean markersRequiredForNonTargetCr,
        boolean recistEffusionRequiresCytology,
        boolean confirmationRequired,
        int confirmMinDays,
        int maxNeBetweenConfirmation,
        int sdMinDays,
        boolean nonCrNonPdCountsForDiseaseControl,
        int baselineMaxDaysBeforeTreatment) {

    public ResponseParameters {
        if (maxTargets < 1 || maxTargetsPerOrgan < 1) {
            throw new IllegalArgumentException("Target limits must be at least 1");
        }
        if (maxIntrahepaticTargets != null && maxIntrahepaticTargets < 1) {
            throw new IllegalArgumentException("The intrahepatic target limit must be at least 1");
        }
        if (mrecistPdAbsoluteMinMm < 0 || confirmMinDays < 0 || sdMinDays < 0 || maxNeBetweenConfirmation < 0
                || baselineMaxDaysBeforeTreatment < 0) {
            throw new IllegalArgumentException("Thresholds and day counts cannot be negative");
        }
    }

    /**
     * RECIST 1.1 limits, mRECIST as published (no 5 mm floor), effusions need malignant cytology, no
     * confirmation, SD from 42 days, Non-CR/Non-PD not counted as disease control.
     */
    public static ResponseParameters defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxTargets = maxTargets;
        b.maxTargetsPerOrgan = maxTargetsPerOrgan;
        b.maxIntrahepaticTargets = maxIntrahepaticTargets;
        b.minNonNodalDiameterMm = minNonNodalDiameterMm;
        b.minNodalShortAxisMm = minNodalShortAxisMm;
        b.minPortaHepatisNodeMm = minPortaHepatisNodeMm;
        b.mrecistPdAbsoluteMinMm = mrecistPdAbsoluteMinMm;
        b.markersRequiredForNonTargetCr = markersRequiredForNonTargetCr;
        b.recistEffusionRequiresCytology = recistEffusionRequiresCytology;
        b.confirmationRequired = confirmationRequired;
        b.confirmMinDays = confirmMinDays;
        b.maxNeBetweenConfirmation = maxNeBetweenConfirmation;
        b.sdMinDays = sdMinDays;
        b.nonCrNonPdCountsForDiseaseControl = nonCrNonPdCountsForDiseaseControl;
        b.baselineMaxDaysBeforeTreatment = baselineMaxDaysBeforeTreatment;
        return b;
    }

    /** Builder with the defaults of {@link #defaults()}. */
    public static final class Builder {
        private int maxTargets = 5;
        private int maxTargetsPerOrgan = 2;
        private Integer maxIntrahepaticTargets;
        private double minNonNodalDiameterMm = 10.0;
        private double minNodalShortAxisMm = 15.0;
        private double minPortaHepatisNodeMm = 20.0;
        private double mrecistPdAbsoluteMinMm = 0.0;
        private boolean markersRequiredForNonTargetCr;
        private boolean recistEffusionRequiresCytology = true;
        private boolean confirmationRequired;
        private int confirmMinDays = 28;
        private int maxNeBetweenConfirmation = 1;
        private int sdMinDays = 42;
        private boolean nonCrNonPdCountsForDiseaseControl;
        private int baselineMaxDaysBeforeTreatment = 28;

        private Builder() {
        }

        public Builder maxTargets(int value) {
            maxTargets = value;
            return this;
        }

        public Builder maxTargetsPerOrgan(int value) {
            maxTargetsPerOrgan = value;
            return this;
        }

        public Builder maxIntrahepaticTargets(Integer value) {
            maxIntrahepaticTargets = value;
            return this;
        }

        public Builder minNonNodalDiameterMm(double value) {
            minNonNodalDiameterMm = value;
            return this;
        }

        public Builder minNodalShortAxisMm(double value) {
            minNodalShortAxisMm = value;
            return this;
        }

        public Builder minPortaHepatisNodeMm(double value) {
            minPortaHepatisNodeMm = value;
            return this;
        }

        public Builder mrecistPdAbsoluteMinMm(double value) {
            mrecistPdAbsoluteMinMm = value;
            return this;
        }

        public Builder markersRequiredForNonTargetCr(boolean value) {
            markersRequiredForNonTargetCr = value;
            return this;
        }

        public Builder recistEffusionRequiresCytology(boolean value) {
            recistEffusionRequiresCytology = value;
            return this;
        }

        public Builder confirmationRequired(boolean value) {
            confirmationRequired = value;
            return this;
        }

        public Builder confirmMinDays(int value) {
            confirmMinDays = value;
            return this;
        }

        public Builder maxNeBetweenConfirmation(int value) {
            maxNeBetweenConfirmation = value;
            return this;
        }

        public Builder sdMinDays(int value) {
            sdMinDays = value;
            return this;
        }

        public Builder nonCrNonPdCountsForDiseaseControl(boolean value) {
            nonCrNonPdCountsForDiseaseControl = value;
            return this;
        }

        public Builder baselineMaxDaysBeforeTreatment(int value) {
            baselineMaxDaysBeforeTreatment = value;
            return this;
        }

        public ResponseParameters build() {
            return new ResponseParameters(maxTargets, maxTargetsPerOrgan, maxIntrahepaticTargets,
                    minNonNodalDiameterMm, minNodalShortAxisMm, minPortaHepatisNodeMm, mrecistPdAbsoluteMinMm,
                    markersRequiredForNonTargetCr, recistEffusionRequiresCytology, confirmationRequired,
                    confirmMinDays, maxNeBetweenConfirmation, sdMinDays, nonCrNonPdCountsForDiseaseControl,
                    baselineMaxDaysBeforeTreatment);
        }
    }
}
