package org.tacecrf.domain.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Says in a line which part of a rule was broken, with the values read: for a failed
 * {@code bili_direct <= bili_total} it gives "direct bilirubin 40 > total bilirubin 30" (the
 * operator that holds instead). It re-evaluates parts of the tree on the values already read.
 */
final class Explainer {

    private final Expression expression;
    private final Evaluation ev;
    private final Function<Reference, String> labels;

    Explainer(Expression expression, Evaluation ev, Function<Reference, String> labels) {
        this.expression = expression;
        this.ev = ev;
        this.labels = labels;
    }

    /** Why a node that evaluated to false is false. */
    String whyFalse(Node node) {
        if (node instanceof Node.Logical logical) {
            if (logical.and) {
                for (Node operand : logical.operands) {
                    if (isFalse(operand)) {
                        return whyFalse(operand);
                    }
                }
            } else {
                List<String> parts = new ArrayList<>();
                logical.operands.forEach(operand -> parts.add(whyFalse(operand)));
                return String.join(" and ", parts);
            }
        } else if (node instanceof Node.Comparison comparison) {
            for (int i = 0; i < comparison.operators.size(); i++) {
                if (isFalse(comparison.pair(i))) {
                    return describe(comparison.operands.get(i)) + " " + comparison.operators.get(i).negate().symbol
                            + " " + describe(comparison.operands.get(i + 1));
                }
            }
        } else if (node instanceof Node.In in) {
            return describe(in.value) + (in.negated ? " in " : " not in ") + candidates(in);
        } else if (node instanceof Node.Not not) {
            return whyTrue(not.operand);
        } else if (node instanceof Node.Quantifier quantifier) {
            return quantifierFalse(quantifier);
        } else if (node instanceof Node.If conditional) {
            Value c = ev.condition(conditional.condition);
            return whyFalse(((BooleanValue) c).value() ? conditional.then : conditional.otherwise);
        } else if (node instanceof Node.Call call && call.function.name.equals("isEmpty")) {
            return describe(call.arguments.get(0)) + " is not empty";
        } else if (node instanceof Node.Call call && call.function.name.equals("notEmpty")) {
            return label(call.arguments.get(0)) + " is empty";
        } else if (node instanceof Node.ItemRef || node instanceof Node.ParamRef || node instanceof Node.LocalRef) {
            return describe(node);
        } else if (node instanceof Node.Literal) {
            return "false";
        }
        return "'" + expression.text(node) + "' is false";
    }

    /** Why a node that evaluated to true is true (for a failed 'not'). */
    private String whyTrue(Node node) {
        if (node instanceof Node.Comparison comparison) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < comparison.operators.size(); i++) {
                parts.add(describe(comparison.operands.get(i)) + " " + comparison.operators.get(i).symbol
                        + " " + describe(comparison.operands.get(i + 1)));
            }
            return String.join(" and ", parts);
        }
        if (node instanceof Node.In in) {
            return describe(in.value) + (in.negated ? " not in " : " in ") + candidates(in);
        }
        if (node instanceof Node.Not not) {
            return whyFalse(not.operand);
        }
        if (node instanceof Node.Logical logical) {
            List<String> parts = new ArrayList<>();
            for (Node operand : logical.operands) {
                boolean isTrue = ev.condition(operand) instanceof BooleanValue b && b.value();
                if (isTrue) {
                    if (!logical.and) {
                        return whyTrue(operand);
                    }
                    parts.add(whyTrue(operand));
                }
            }
            return String.join(" and ", parts);
        }
        if (node instanceof Node.ItemRef || node instanceof Node.ParamRef || node instanceof Node.LocalRef) {
            return describe(node);
        }
        return "'" + expression.text(node) + "' is true";
    }

    private String quantifierFalse(Node.Quantifier quantifier) {
        List<Value> instances = Node.Quantifier.instances(quantifier.list.evaluate(ev));
        if (quantifier.every) {
            for (Value element : instances) {
                ev.locals[quantifier.slot] = element;
                if (isFalse(quantifier.condition)) {
                    return whyFalse(quantifier.condition);
                }
            }
        }
        return "no value of " + label(quantifier.list) + " " + display(Value.list(instances)) + " meets '"
                + expression.text(quantifier.condition) + "'";
    }

    private boolean isFalse(Node node) {
        return ev.condition(node) instanceof BooleanValue b && !b.value();
    }

    private String candidates(Node.In in) {
        List<String> parts = new ArrayList<>();
        in.candidates.forEach(c -> parts.add(describe(c)));
        return "(" + String.join(", ", parts) + ")";
    }

    /** A label and its value ("total bilirubin 30"), a constant as written, or "[text = value]". */
    private String describe(Node node) {
        if (node instanceof Node.Literal literal) {
            Value v = literal.value;
            return v instanceof TextValue t ? "'" + t.text() + "'" : v.isNull() ? "null" : v.display();
        }
        Value v = node.evaluate(ev);
        if (node instanceof Node.ItemRef || node instanceof Node.ParamRef || node instanceof Node.LocalRef) {
            return label(node) + " " + display(v);
        }
        return "[" + expression.text(node) + " = " + display(v) + "]";
    }

    private String label(Node node) {
        if (node instanceof Node.ItemRef ref) {
            return labels.apply(ref.reference);
        }
        if (node instanceof Node.ParamRef param) {
            return param.name;
        }
        if (node instanceof Node.LocalRef local) {
            return label(local.list);
        }
        return expression.text(node);
    }

    static String display(Value v) {
        return v instanceof ListValue ? "(" + v.display() + ")" : v.display();
    }
}
