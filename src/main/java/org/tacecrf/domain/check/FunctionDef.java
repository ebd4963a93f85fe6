package org.tacecrf.domain.check;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A built-in function: its name, how many arguments it takes, what kind of value each argument
 * must be, the kind of its result, and its implementation. The same parameter kinds drive static
 * validation and the run-time check of each argument.
 */
final class FunctionDef {

    /** What an argument may be. */
    enum Parameter {
        /** Any single value. */
        ANY("a single value"),
        /** Any value, or several (lists are searched). */
        ANY_OR_LIST("any value"),
        /** A single number (or numeric choice code). */
        NUMBER("a number"),
        /** A single date. */
        DATE("a date"),
        /** Numbers, single or several. */
        NUMBERS("numbers"),
        /** Numbers or dates, single or several. */
        ORDERED("numbers or dates");

        final String description;

        Parameter(String description) {
            this.description = description;
        }

        boolean allowsList() {
            return this == ANY_OR_LIST || this == NUMBERS || this == ORDERED;
        }

        boolean accepts(ValueType scalar) {
            return switch (this) {
                case ANY, ANY_OR_LIST -> true;
                case NUMBER, NUMBERS -> TypeRules.numeric(scalar);
                case DATE -> scalar == ValueType.DATE;
                case ORDERED -> TypeRules.numeric(scalar) || scalar == ValueType.DATE;
            };
        }

        /** Throws when a run-time value does not fit this parameter; empty always fits. */
        void check(Value v, FunctionDef f, int index, Evaluation ev, Node argument) {
            if (v instanceof ListValue list) {
                if (!allowsList()) {
                    throw ev.error(argument, f.name + "() takes a single value as " + f.argumentName(index)
                            + ", but " + ev.quote(argument) + " has several values");
                }
                for (Value element : list.values()) {
                    requireKind(element, f, index, ev, argument);
                }
            } else {
                requireKind(v, f, index, ev, argument);
            }
        }

        private void requireKind(Value v, FunctionDef f, int index, Evaluation ev, Node argument) {
            if (!v.isNull() && !accepts(v.type())) {
                throw ev.error(argument, f.wrongKind(index, v.type()));
            }
        }
    }

    /** The computation, given arguments that passed the parameter checks. */
    @FunctionalInterface
    interface Implementation {
        Value apply(Value[] arguments, Evaluation ev, Node.Call call);
    }

    final String name;
    final int minArguments;
    final int maxArguments;
    private final String[] argumentNames;
    private final Parameter[] parameters;
    /** Fixed result kind, or null when the result has the kind of the arguments (min, max, coalesce). */
    final ValueType result;
    private final Implementation implementation;
    final String description;

    /**
     * @param argumentNames names shown in messages; when {@code maxArguments} is unlimited the last
     *                      name and parameter repeat
     */
    FunctionDef(String name, int minArguments, int maxArguments, String[] argumentNames, Parameter[] parameters,
                ValueType result, String description, Implementation implementation) {
        this.name = name;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
        this.argumentNames = argumentNames;
        this.parameters = parameters;
        this.result = result;
        this.description = description;
        this.implementation = implementation;
    }

    boolean isVariadic() {
        return maxArguments == Integer.MAX_VALUE;
    }

    Parameter parameter(int index) {
        return parameters[Math.min(index, parameters.length - 1)];
    }

    Value apply(Value[] arguments, Evaluation ev, Node.Call call) {
        return implementation.apply(arguments, ev, call);
    }

    /** How to call it, e.g. "days(from, to)" or "min(a, b, ...)". */
    String signature() {
        String names = String.join(", ", argumentNames);
        return name + "(" + names + (isVariadic() ? ", ..." : "") + ")";
    }

    String argumentName(int index) {
        if (argumentNames.length == 0) {
            return "argument " + (index + 1);
        }
        return "'" + argumentNames[Math.min(index, argumentNames.length - 1)] + "'";
    }

    String wrongKind(int index, ValueType actual) {
        return name + "() needs " + parameter(index).description + " as " + argumentName(index)
                + ", not " + actual.description();
    }

    /** English for the accepted argument count, e.g. "2 arguments", "1 or 2 arguments", "at least 1 argument". */
    String arity() {
        if (isVariadic()) {
            return "at least " + plural(minArguments);
        }
        if (minArguments == maxArguments) {
            return minArguments == 0 ? "no arguments" : plural(minArguments);
        }
        return minArguments + " or " + plural(maxArguments);
    }

    private static String plural(int n) {
        return n + (n == 1 ? " argument" : " arguments");
    }

    @Override
    public String toString() {
        return signature() + " [" + Arrays.stream(parameters).map(Enum::name).collect(Collectors.joining(",")) + "]";
    }
}
