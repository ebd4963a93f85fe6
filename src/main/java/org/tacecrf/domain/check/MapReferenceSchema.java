package org.tacecrf.domain.check;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A {@link ReferenceSchema} over a fixed table of paths and parameters, keyed by path as written. */
public final class MapReferenceSchema implements ReferenceSchema {

    private final Map<Reference, ItemType> items;
    private final Map<String, ValueType> parameters;

    private MapReferenceSchema(Builder builder) {
        this.items = Map.copyOf(builder.items);
        this.parameters = Map.copyOf(builder.parameters);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<ItemType> item(Reference reference) {
        return Optional.ofNullable(items.get(reference));
    }

    @Override
    public Optional<ValueType> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    @Override
    public Collection<Reference> knownItems() {
        return items.keySet();
    }

    @Override
    public Collection<String> knownParameters() {
        return parameters.keySet();
    }

    public static final class Builder {
        private final Map<Reference, ItemType> items = new LinkedHashMap<>();
        private final Map<String, ValueType> parameters = new LinkedHashMap<>();

        private Builder() {
        }

        /** A path with one value in the check's context. */
        public Builder item(String path, ValueType type) {
            items.put(Reference.of(path), ItemType.single(type));
            return this;
        }

        /** A path with one value per instance (or a multiple-choice item). */
        public Builder multiple(String path, ValueType type) {
            items.put(Reference.of(path), ItemType.multiple(type));
            return this;
        }

        public Builder parameter(String name, ValueType type) {
            Objects.requireNonNull(type, "type");
            if (!type.isScalar()) {
                throw new IllegalArgumentException("a parameter has a scalar type, not " + type);
            }
            parameters.put(Objects.requireNonNull(name, "name"), type);
            return this;
        }

        public MapReferenceSchema build() {
            return new MapReferenceSchema(this);
        }
    }
}
