package org.tacecrf.domain.check;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ValueResolver} over values held in memory, keyed by path exactly as written in the
 * expressions. Suits batch runs that load a subject's casebook once, previews, and tests. Paths
 * without a value resolve to empty; an unknown parameter is an {@link EvaluationException}, because
 * a study parameter that an expression uses must be defined.
 */
public final class MapValueResolver implements ValueResolver {

    private final Map<Reference, Value> items;
    private final Map<String, Value> parameters;
    private final LocalDate today;

    private MapValueResolver(Builder builder) {
        this.items = Map.copyOf(builder.items);
        this.parameters = Map.copyOf(builder.parameters);
        this.today = builder.today;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Value resolve(Reference reference) {
        return items.getOrDefault(reference, Value.empty());
    }

    @Override
    public Value parameter(String name) {
        Value value = parameters.get(name);
        if (value == null) {
            throw new EvaluationException("study parameter '" + name + "' is not defined");
        }
        return value;
    }

    @Override
    public LocalDate today() {
        return today != null ? today : LocalDate.now();
    }

    /** Collects values; later calls for the same path replace earlier ones. */
    public static final class Builder {
        private final Map<Reference, Value> items = new HashMap<>();
        private final Map<String, Value> parameters = new HashMap<>();
        private LocalDate today;

        private Builder() {
        }

        public Builder item(String path, Value value) {
            items.put(Reference.of(path), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder number(String path, String decimal) {
            return item(path, Value.number(decimal));
        }

        public Builder date(String path, String isoDate) {
            return item(path, Value.date(isoDate));
        }

        public Builder code(String path, String code) {
            return item(path, Value.code(code));
        }

        /** A multi-instance path: one value per instance, in order. */
        public Builder list(String path, Value... values) {
            return item(path, Value.list(values));
        }

        public Builder parameter(String name, Value value) {
            parameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder today(LocalDate date) {
            this.today = date;
            return this;
        }

        public MapValueResolver build() {
            return new MapValueResolver(this);
        }
    }
}
