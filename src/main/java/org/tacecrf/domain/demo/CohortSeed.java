package org.tacecrf.domain.demo;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The seed a demo cohort is generated from, when the installation sets one: the setting
 * {@code tace.demo.seed.<study id>} for that study, else {@code tace.demo.seed} for every study;
 * without either, the cohort file's own seed applies. The same seed gives the same cohort; another
 * seed permutes who has which fact, so the published counts stay and the individual patients change.
 */
public final class CohortSeed {

    /** The setting that applies to every study. */
    public static final String SETTING = "tace.demo.seed";

    private CohortSeed() {
    }

    /**
     * The seed configured for the study, or empty when none is.
     *
     * @param settings reads a setting by name (empty when absent)
     * @throws IllegalArgumentException when the setting is not a whole number
     */
    public static OptionalLong configured(String studyId, Function<String, Optional<String>> settings) {
        for (String name : new String[] {SETTING + "." + studyId, SETTING}) {
            Optional<String> value = settings.apply(name).map(String::strip).filter(v -> !v.isEmpty());
            if (value.isPresent()) {
                try {
                    return OptionalLong.of(Long.parseLong(value.get()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("The setting " + name + " must be a whole number, not \""
                            + value.get() + "\".", e);
                }
            }
        }
        return OptionalLong.empty();
    }
}
