package org.tacecrf.domain.check;

import java.time.LocalDate;

/**
 * The state of one evaluation of an {@link Expression}: values read so far (one slot per distinct
 * path and parameter, so each is resolved at most once), the variables of every/some, and the
 * resolver. Cheap to create; not shared between threads.
 */
final class Evaluation {

    private final Expression expression;
    private final ValueResolver resolver;
    final Value[] items;
    final Value[] parameters;
    final Value[] locals;
    private LocalDate today;

    Evaluation(Expression expression, ValueResolver resolver) {
        this.expression = expression;
        this.resolver = resolver;
        this.items = new Value[expression.itemCount()];
        this.parameters = new Value[expression.parameterCount()];
        this.locals = new Value[expression.localCount()];
    }

    /** A new evaluation that starts with the values another one has read. */
    Evaluation(Evaluation readSoFar, ValueResolver resolver) {
        this(readSoFar.expression, resolver);
        System.arraycopy(readSoFar.items, 0, items, 0, items.length);
        System.arraycopy(readSoFar.parameters, 0, parameters, 0, parameters.length);
        this.today = readSoFar.today;
    }

    Value item(int slot, Node.ItemRef node) {
        Value v = items[slot];
        if (v == null) {
            try {
                v = resolver.resolve(node.reference);
            } catch (EvaluationException e) {
                throw error(node, e.reason());
            }
            v = v == null ? Value.empty() : v;
            items[slot] = v;
        }
        return v;
    }

    Value parameter(int slot, Node.ParamRef node) {
        Value v = parameters[slot];
        if (v == null) {
            try {
                v = resolver.parameter(node.name);
            } catch (EvaluationException e) {
                throw error(node, e.reason());
            }
            v = v == null ? Value.empty() : v;
            parameters[slot] = v;
        }
        return v;
    }

    LocalDate today() {
        if (today == null) {
            today = resolver.today();
        }
        return today;
    }

    /** Evaluates a node where one value is needed; a list is an error. */
    Value scalar(Node node) {
        Value v = node.evaluate(this);
        if (v instanceof ListValue) {
            throw error(node, quote(node) + " has several values (one per instance): use min(), max(), count(), every() or some()");
        }
        return v;
    }

    /** Evaluates a node where true, false or empty is needed. */
    Value condition(Node node) {
        Value v = scalar(node);
        if (!v.isNull() && !(v instanceof BooleanValue)) {
            throw error(node, quote(node) + " is " + v.type().description() + ", but a condition (true/false) is needed here");
        }
        return v;
    }

    /** The node's text in quotes, for messages. */
    String quote(Node node) {
        return "'" + expression.text(node) + "'";
    }

    EvaluationException error(Node node, String reason) {
        return error(node.start, reason);
    }

    EvaluationException error(int offset, String reason) {
        return new EvaluationException(reason, expression.line(offset), expression.column(offset));
    }
}
