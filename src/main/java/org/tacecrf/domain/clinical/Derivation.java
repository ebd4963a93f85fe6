package org.tacecrf.domain.clinical;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Outcome of a clinical calculation: either a value, or an explicit "not computable" naming the
 * inputs that were missing or invalid. Both carry the {@link AlgorithmId} so that even a missing
 * score records which algorithm declined to compute it. A calculator never substitutes a default
 * for a missing input: a wrong score is worse than no score.
 *
 * @param <T> type of the derived value
 */
public final class Derivation<T> {

    private final AlgorithmId algorithm;
    private final T value;
    private final List<InputProblem> problems;

    private Derivation(AlgorithmId algorithm, T value, List<InputProblem> problems) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.value = value;
        this.problems = List.copyOf(problems);
    }

    public static <T> Derivation<T> computed(AlgorithmId algorithm, T value) {
        return new Derivation<>(algorithm, Objects.requireNonNull(value, "value"), List.of());
    }

    public static <T> Derivation<T> notComputable(AlgorithmId algorithm, List<InputProblem> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("A value that cannot be computed needs at least one reason");
        }
        return new Derivation<>(algorithm, null, problems);
    }

    public static <T> Derivation<T> notComputable(AlgorithmId algorithm, InputProblem problem) {
        return notComputable(algorithm, List.of(problem));
    }

    public AlgorithmId algorithm() {
        return algorithm;
    }

    public boolean isComputed() {
        return value != null;
    }

    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /** The value; throws if it could not be computed. */
    public T get() {
        if (value == null) {
            throw new IllegalStateException(algorithm.label() + " not computable: " + reason());
        }
        return value;
    }

    /** Problems that prevented the computation; empty when computed. */
    public List<InputProblem> problems() {
        return problems;
    }

    /** Keys of the inputs reported as missing. */
    public List<String> missingInputs() {
        return problems.stream()
                .filter(p -> p.kind() == InputProblem.Kind.MISSING)
                .map(InputProblem::input)
                .distinct()
                .toList();
    }

    /** English explanation of why there is no value; empty when computed. */
    public String reason() {
        return problems.stream().map(InputProblem::message).collect(Collectors.joining(" "));
    }

    /** Derives another value from this one, keeping the algorithm and any problems. */
    public <U> Derivation<U> map(Function<? super T, ? extends U> mapper) {
        return value == null
                ? new Derivation<>(algorithm, null, problems)
                : new Derivation<>(algorithm, Objects.requireNonNull(mapper.apply(value)), List.of());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Derivation<?> d
                && algorithm.equals(d.algorithm)
                && Objects.equals(value, d.value)
                && problems.equals(d.problems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, value, problems);
    }

    @Override
    public String toString() {
        return value != null
                ? algorithm.label() + ": " + value
                : algorithm.label() + ": not computable (" + reason() + ")";
    }
}
