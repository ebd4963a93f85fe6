package org.tacecrf.domain.clinical;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Inputs of BCLC staging as recorded on the baseline form (clinical rules 2.4). Every field may
 * be null; the stage is still suggested when the missing fields cannot change it.
 *
 * @param noduleCount           number of intrahepatic nodules
 * @param largestDiameterMm     diameter of the largest nodule in mm
 * @param noduleDiametersMm     diameters of the individual nodules in mm (may list only some)
 * @param macrovascularInvasion portal/macrovascular invasion present
 * @param extrahepaticSpread    none, nodal or distant
 * @param ecogPs                ECOG performance status 0-4
 * @param psCancerRelated       whether an impaired PS (1-2) is caused by the cancer
 * @param liverFunction         preserved or end-stage (BCLC 2022)
 * @param childPughClass        Child-Pugh class (legacy, pre-2022 variant)
 */
public record BclcInputs(Integer noduleCount, BigDecimal largestDiameterMm, List<BigDecimal> noduleDiametersMm,
                         Boolean macrovascularInvasion, ExtrahepaticSpread extrahepaticSpread, Integer ecogPs,
                         Boolean psCancerRelated, LiverFunction liverFunction, ChildPughClass childPughClass) {

    public BclcInputs {
        noduleDiametersMm = noduleDiametersMm == null
                ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(noduleDiametersMm));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder taking form values of any numeric type. */
    public static final class Builder {
        private Integer noduleCount;
        private BigDecimal largestDiameterMm;
        private final List<BigDecimal> noduleDiametersMm = new ArrayList<>();
        private Boolean macrovascularInvasion;
        private ExtrahepaticSpread extrahepaticSpread;
        private Integer ecogPs;
        private Boolean psCancerRelated;
        private LiverFunction liverFunction;
        private ChildPughClass childPughClass;

        private Builder() {
        }

        public Builder noduleCount(Integer value) {
            this.noduleCount = value;
            return this;
        }

        public Builder largestDiameterMm(Number value) {
            this.largestDiameterMm = Decimals.of(value);
            return this;
        }

        /** Diameters of individual nodules; null entries (not measured) are skipped. */
        public Builder noduleDiametersMm(Number... values) {
            for (Number v : values) {
                if (v != null) {
                    noduleDiametersMm.add(Decimals.of(v));
                }
            }
            return this;
        }

        public Builder macrovascularInvasion(Boolean value) {
            this.macrovascularInvasion = value;
            return this;
        }

        public Builder extrahepaticSpread(ExtrahepaticSpread value) {
            this.extrahepaticSpread = value;
            return this;
        }

        public Builder ecogPs(Integer value) {
            this.ecogPs = value;
            return this;
        }

        public Builder psCancerRelated(Boolean value) {
            this.psCancerRelated = value;
            return this;
        }

        public Builder liverFunction(LiverFunction value) {
            this.liverFunction = value;
            return this;
        }

        public Builder childPughClass(ChildPughClass value) {
            this.childPughClass = value;
            return this;
        }

        public BclcInputs build() {
            return new BclcInputs(noduleCount, largestDiameterMm, noduleDiametersMm, macrovascularInvasion,
                    extrahepaticSpread, ecogPs, psCancerRelated, liverFunction, childPughClass);
        }
    }
}
