package org.tacecrf.domain.response;

import java.util.Objects;

/**
 * A lesion identified at baseline, with its permanent ID (e.g. T01..T05, NT01..) reused at every
 * visit (CDISC {@code TULNKID}).
 * <p>
 * What is measured (clinical rules 1.3): non-nodal lesions by their longest diameter (LD) in the
 * axial plane; lymph nodes by their short axis (SA); under mRECIST non-nodal targets by the longest
 * diameter of the arterially enhancing (viable) part. Portal vein tumour thrombus and effusions
 * are non-measurable and can only be non-targets.
 *
 * @param id                        permanent lesion ID
 * @param role                      target or non-target, fixed at baseline
 * @param location                  organ, segment or nodal station
 * @param longestDiameter           LD; may be null for non-measurable non-targets
 * @param shortAxis                 SA; for lymph nodes
 * @param viableDiameter            longest viable (arterially enhancing) diameter, for mRECIST
 * @param arterialEnhancement       intratumoural arterial-phase enhancement seen
 * @param previouslyTreated         treated before (irradiation, earlier TACE, ablation)
 * @param progressedSinceTreatment  a previously treated lesion that has progressed since
 * @param portalVeinTumourThrombus  malignant portal vein thrombus (always non-target)
 * @param effusion                  ascites, pleural or pericardial effusion (non-measurable)
 * @param modality                  imaging technique; null when not recorded (size rules of CT apply)
 * @param phase                     contrast phase of the measurement
 * @param sliceThicknessMm          CT/MRI slice thickness; when above 5 mm the minimum LD is twice it
 */
public record BaselineLesion(
        String id,
        LesionRole role,
        LesionLocation location,
        Diameter longestDiameter,
        Diameter shortAxis,
        Diameter viableDiameter,
        boolean arterialEnhancement,
        boolean previouslyTreated,
        boolean progressedSinceTreatment,
        boolean portalVeinTumourThrombus,
        boolean effusion,
        Modality modality,
        ContrastPhase phase,
        Double sliceThicknessMm) {

    public BaselineLesion {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(location, "location");
    }

    /** True for lymph nodes (measured by short axis; all nodes are one organ). */
    public boolean lymphNode() {
        return location.lymphNode();
    }

    public boolean target() {
        return role == LesionRole.TARGET;
    }

    /** Starts a target lesion. */
    public static Builder target(String id, LesionLocation location) {
        return new Builder(id, LesionRole.TARGET, location);
    }

    /** Starts a non-target lesion. */
    public static Builder nonTarget(String id, LesionLocation location) {
        return new Builder(id, LesionRole.NON_TARGET, location);
    }

    /** Builder for the many optional fields; nothing set by default. */
    public static final class Builder {
        private final String id;
        private final LesionRole role;
        private final LesionLocation location;
        private Diameter longestDiameter;
        private Diameter shortAxis;
        private Diameter viableDiameter;
        private boolean arterialEnhancement;
        private boolean previouslyTreated;
        private boolean progressedSinceTreatment;
        private boolean portalVeinTumourThrombus;
        private boolean effusion;
        private Modality modality;
        private ContrastPhase phase;
        private Double sliceThicknessMm;

        private Builder(String id, LesionRole role, LesionLocation location) {
            this.id = id;
            this.role = role;
            this.location = location;
        }

        public Builder longestDiameter(double mm) {
            this.longestDiameter = Diameter.of(mm);
            return this;
        }

        public Builder longestDiameter(Diameter diameter) {
            this.longestDiameter = diameter;
            return this;
        }

        public Builder shortAxis(double mm) {
            this.shortAxis = Diameter.of(mm);
            return this;
        }

        /** Viable diameter; also records arterial enhancement when it is above 0. */
        public Builder viableDiameter(double mm) {
            this.viableDiameter = Diameter.of(mm);
            this.arterialEnhancement = mm > 0;
            return this;
        }

        public Builder arterialEnhancement(boolean value) {
            this.arterialEnhancement = value;
            return this;
        }

        public Builder previouslyTreated(boolean progressedSince) {
            this.previouslyTreated = true;
            this.progressedSinceTreatment = progressedSince;
            return this;
        }

        public Builder portalVeinTumourThrombus() {
            this.portalVeinTumourThrombus = true;
            return this;
        }

        public Builder effusion() {
            this.effusion = true;
            return this;
        }

        public Builder modality(Modality value) {
            this.modality = value;
            return this;
        }

        public Builder phase(ContrastPhase value) {
            this.phase = value;
            return this;
        }

        public Builder sliceThicknessMm(double value) {
            this.sliceThicknessMm = value;
            return this;
        }

        public BaselineLesion build() {
            return new BaselineLesion(id, role, location, longestDiameter, shortAxis, viableDiameter,
                    arterialEnhancement, previouslyTreated, progressedSinceTreatment,
                    portalVeinTumourThrombus, effusion, modality, phase, sliceThicknessMm);
        }
    }
}
