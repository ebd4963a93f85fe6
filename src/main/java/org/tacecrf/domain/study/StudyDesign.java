package org.tacecrf.domain.study;

import java.util.Objects;

/**
 * Design of the study as the publication and the registries describe it.
 *
 * @param timing     whether data are collected prospectively or abstracted from records afterwards
 * @param structure  number of arms
 * @param randomised whether subjects are assigned to arms at random
 */
public record StudyDesign(Timing timing, Structure structure, boolean randomised) {

    public enum Timing {
        PROSPECTIVE,
        RETROSPECTIVE
    }

    public enum Structure {
        SINGLE_ARM(1, 1),
        TWO_ARM(2, 2),
        MULTI_ARM(3, Integer.MAX_VALUE);

        private final int minArms;
        private final int maxArms;

        Structure(int minArms, int maxArms) {
            this.minArms = minArms;
            this.maxArms = maxArms;
        }

        public boolean allows(int armCount) {
            return armCount >= minArms && armCount <= maxArms;
        }
    }

    public StudyDesign {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(structure, "structure");
        if (randomised && structure == Structure.SINGLE_ARM) {
            throw new IllegalArgumentException("a single-arm study cannot be randomised");
        }
    }
}
