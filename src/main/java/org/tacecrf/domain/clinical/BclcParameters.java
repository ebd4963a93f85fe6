package org.tacecrf.domain.clinical;

import java.util.Objects;

/**
 * Study parameters of the system-suggested BCLC stage.
 *
 * @param variant               BCLC 2022 (default) or the legacy Child-Pugh-based table
 * @param psNotCancerRelated    how an ECOG PS 1-2 that the investigator does not attribute to the
 *                              cancer is handled
 */
public record BclcParameters(Variant variant, NonCancerPs psNotCancerRelated) {

    /** BCLC 2022; a PS 1-2 not caused by the cancer is staged as PS 0. */
    public static final BclcParameters DEFAULT = new BclcParameters(Variant.BCLC_2022, NonCancerPs.STAGE_AS_PS_0);

    public BclcParameters {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(psNotCancerRelated, "psNotCancerRelated");
    }

    public static BclcParameters of(Variant variant) {
        return new BclcParameters(variant, NonCancerPs.STAGE_AS_PS_0);
    }

    /** Which version of the decision table. */
    public enum Variant {
        /** Reig et al., J Hepatol 2022: liver function as preserved/end-stage. */
        BCLC_2022,
        /**
         * Pre-2022 table with Child-Pugh classes: stage 0 needs Child-Pugh A, stages A-C
         * Child-Pugh A-B, Child-Pugh C is stage D.
         */
        LEGACY_CHILD_PUGH
    }

    /**
     * Only a cancer-related PS 1-2 makes stage C. For a PS 1-2 caused by something else (e.g. a
     * comorbidity) the table has no explicit row.
     */
    public enum NonCancerPs {
        /** Stage by tumour burden and liver function as if PS were 0 (default). */
        STAGE_AS_PS_0,
        /** Suggest no stage; the investigator decides. */
        NOT_STAGED
    }
}
