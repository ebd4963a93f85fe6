package org.tacecrf.domain.check;

/** The empty value: nothing entered, or a result that cannot be computed. See {@link Value#empty()}. */
public final class NullValue implements Value {

    static final NullValue INSTANCE = new NullValue();

    private NullValue() {
    }

    @Override
    public ValueType type() {
        return ValueType.EMPTY;
    }

    @Override
    public String display() {
        return "empty";
    }

    @Override
    public boolean isNull() {
        return true;
    }

    @Override
    public String toString() {
        return "null";
    }
}
