package org.tacecrf.domain.clinical;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Three-valued (Kleene) truth value that remembers which inputs were missing when it is
 * unknown. Lets a decision table be evaluated top-down with incomplete inputs: a rule that is
 * already true or false regardless of a missing input does not need it.
 */
final class Condition {

    enum Value { TRUE, FALSE, UNKNOWN }

    private static final Condition TRUE = new Condition(Value.TRUE, Set.of());
    private static final Condition FALSE = new Condition(Value.FALSE, Set.of());

    private final Value value;
    private final Set<String> missing;

    private Condition(Value value, Set<String> missing) {
        this.value = value;
        this.missing = missing;
    }

    static Condition of(boolean b) {
        return b ? TRUE : FALSE;
    }

    static Condition unknown(String... missingInputs) {
        return new Condition(Value.UNKNOWN, Set.of(missingInputs));
    }

    /** True/false from a nullable answer; unknown (naming the input) when null. */
    static Condition of(Boolean b, String input) {
        return b == null ? unknown(input) : of(b.booleanValue());
    }

    Value value() {
        return value;
    }

    Set<String> missing() {
        return missing;
    }

    Condition and(Condition other) {
        if (value == Value.FALSE || other.value == Value.FALSE) {
            return FALSE;
        }
        if (value == Value.TRUE && other.value == Value.TRUE) {
            return TRUE;
        }
        return unknownOf(this, other);
    }

    Condition or(Condition other) {
        if (value == Value.TRUE || other.value == Value.TRUE) {
            return TRUE;
        }
        if (value == Value.FALSE && other.value == Value.FALSE) {
            return FALSE;
        }
        return unknownOf(this, other);
    }

    Condition not() {
        return switch (value) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> this;
        };
    }

    private static Condition unknownOf(Condition a, Condition b) {
        Set<String> m = new LinkedHashSet<>(a.missing);
        m.addAll(b.missing);
        return new Condition(Value.UNKNOWN, Collections.unmodifiableSet(m));
    }
}
