package org.tacecrf.domain.clinical;

import java.util.Objects;

/**
 * Name and version of the algorithm that produced a derived value, stored next to the value so
 * that a score, grade or stage can always be traced to the exact rules (and study parameters)
 * used. The name carries the variant, e.g. {@code "Child-Pugh (Pugh 1973; albumin 28/35 g/L ...)"};
 * the version changes whenever this implementation changes a result.
 *
 * @param name    algorithm name including the variant that affects results
 * @param version implementation version of that algorithm
 */
public record AlgorithmId(String name, String version) {

    public AlgorithmId {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (name.isBlank() || version.isBlank()) {
            throw new IllegalArgumentException("Algorithm name and version must not be blank");
        }
    }

    /** Display form, e.g. {@code "ALBI (Johnson 2015) v1"}. */
    public String label() {
        return name + " v" + version;
    }

    @Override
    public String toString() {
        return label();
    }
}
