package org.tacecrf.domain.check;

/** true or false. Use {@link Value#bool(boolean)} to get one of the two instances. */
public record BooleanValue(boolean value) implements Value {

    static final BooleanValue TRUE = new BooleanValue(true);
    static final BooleanValue FALSE = new BooleanValue(false);

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }

    @Override
    public String display() {
        return Boolean.toString(value);
    }

    @Override
    public String toString() {
        return display();
    }
}
