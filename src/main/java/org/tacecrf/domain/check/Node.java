package org.tacecrf.domain.check;

import java.util.List;

/**
 * A node of the syntax tree. The tree is built once by the {@link Parser} and then evaluated many
 * times: each node evaluates itself directly (no reflection, no lookups by name), reading item and
 * parameter values through numbered slots of the {@link Evaluation}.
 * <p>
 * {@code start}/{@code end} are character offsets of the node's text in the expression, used for
 * error positions and to quote the expression in explanations.
 */
abstract class Node {

    final int start;
    final int end;

    Node(int start, int end) {
        this.start = start;
        this.end = end;
    }

    abstract Value evaluate(Evaluation ev);

    /** A constant: number, text, date, true, false or null. */
    static final class Literal extends Node {
        final Value value;

        Literal(Value value, int start, int end) {
            super(start, end);
            this.value = value;
        }

        @Override
        Value evaluate(Evaluation ev) {
            return value;
        }
    }

    /** An item path; {@code slot} numbers the distinct paths of the expression. */
    static final class ItemRef extends Node {
        final Reference reference;
        final int slot;

        ItemRef(Reference reference, int slot, int start, int end) {
            super(start, end);
            this.reference = reference;
            this.slot = slot;
        }

        @Override
        Value evaluate(Evaluation ev) {
            return ev.item(slot, this);
        }
    }

    /** A study parameter, {@code $name}. */
    static final class ParamRef extends Node {
        final String name;
        final int slot;

        ParamRef(String name, int slot, int start, int end) {
            super(start, end);
            this.name = name;
            this.slot = slot;
        }

        @Override
        Value evaluate(Evaluation ev) {
            return ev.parameter(slot, this);
        }
    }

    /** The variable of an every/some, bound to one instance of {@code list} at a time. */
    static final class LocalRef extends Node {
        final String name;
        final int slot;
        final Node list;

        LocalRef(String name, int slot, Node list, int start, int end) {
            super(start, end);
            this.name = name;
            this.slot = slot;
            this.list = list;
        }

        @Override
        Value evaluate(Evaluation ev) {
            return ev.locals[slot];
        }
    }

    /** Unary minus. */
    static final class Negate extends Node {
        final Node operand;

        Negate(Node operand, int start, int end) {
            super(start, end);
            this.operand = operand;
        }

        @Override
        Value evaluate(Evaluation ev) {
            return Operations.negate(ev.scalar(operand), ev, start);
        }
    }

    /** + - * / ^ */
    static final class Arithmetic extends Node {
        final ArithmeticOperator operator;
        final int operatorOffset;
        final Node left;
        final Node right;

        Arithmetic(ArithmeticOperator operator, int operatorOffset, Node left, Node right) {
            super(left.start, right.end);
            this.operator = operator;
            this.operatorOffset = operatorOffset;
            this.left = left;
            this.right = right;
        }

        @Override
        Value evaluate(Evaluation ev) {
            Value l = ev.scalar(left);
            Value r = ev.scalar(right);
            return Operations.arithmetic(operator, l, r, ev, operatorOffset);
        }
    }

    /** not x: true/false swapped, empty stays empty. */
    static final class Not extends Node {
        final Node operand;

        Not(Node operand, int start, int end) {
            super(start, end);
            this.operand = operand;
        }

        @Override
        Value evaluate(Evaluation ev) {
            Value v = ev.condition(operand);
            return v.isNull() ? v : Value.bool(!((BooleanValue) v).value());
        }
    }

    /**
     * x and y and ... / x or y or ... with three-valued (Kleene) logic: false and empty = false,
     * true or empty = true, otherwise empty wins over the neutral value. Operands are evaluated left
     * to right and evaluation stops at the first deciding operand.
     */
    static final class Logical extends Node {
        final boolean and;
        final List<Node> operands;

        Logical(boolean and, List<Node> operands) {
            super(operands.get(0).start, operands.get(operands.size() - 1).end);
            this.and = and;
            this.operands = List.copyOf(operands);
        }

        @Override
        Value evaluate(Evaluation ev) {
            boolean unknown = false;
            for (Node operand : operands) {
                Value v = ev.condition(operand);
                if (v.isNull()) {
                    unknown = true;
                } else if (((BooleanValue) v).value() != and) {
                    return v;
                }
            }
            return unknown ? Value.empty() : Value.bool(and);
        }
    }

    /**
     * One comparison, or a chain in one direction such as {@code a <= b <= c}, meaning
     * {@code a <= b and b <= c} with each operand evaluated once.
     */
    static final class Comparison extends Node {
        final List<Node> operands;
        final List<ComparisonOperator> operators;
        final List<Integer> operatorOffsets;

        Comparison(List<Node> operands, List<ComparisonOperator> operators, List<Integer> operatorOffsets) {
            super(operands.get(0).start, operands.get(operands.size() - 1).end);
            this.operands = List.copyOf(operands);
            this.operators = List.copyOf(operators);
            this.operatorOffsets = List.copyOf(operatorOffsets);
        }

        @Override
        Value evaluate(Evaluation ev) {
            boolean unknown = false;
            Value left = ev.scalar(operands.get(0));
            for (int i = 0; i < operators.size(); i++) {
                Value right = ev.scalar(operands.get(i + 1));
                Value v = Operations.compare(operators.get(i), left, right, ev, operatorOffsets.get(i));
                if (v.isNull()) {
                    unknown = true;
                } else if (!((BooleanValue) v).value()) {
                    return v;
                }
                left = right;
            }
            return unknown ? Value.empty() : BooleanValue.TRUE;
        }

        /** The sub-comparison {@code operands[i] operators[i] operands[i+1]}, as its own node. */
        Comparison pair(int i) {
            return new Comparison(List.of(operands.get(i), operands.get(i + 1)), List.of(operators.get(i)),
                    List.of(operatorOffsets.get(i)));
        }
    }

    /**
     * x in (a, b, ...) and x not in (...). Candidates that are lists (a multi-instance path or a
     * multiple-choice item) are searched element by element. True on a match; otherwise empty when x
     * or a candidate is empty, else false.
     */
    static final class In extends Node {
        final Node value;
        final List<Node> candidates;
        final boolean negated;

        In(Node value, List<Node> candidates, boolean negated, int end) {
            super(value.start, end);
            this.value = value;
            this.candidates = List.copyOf(candidates);
            this.negated = negated;
        }

        @Override
        Value evaluate(Evaluation ev) {
            Value v = ev.scalar(value);
            if (v.isNull()) {
                return v;
            }
            boolean unknown = false;
            for (Node candidate : candidates) {
                Value c = candidate.evaluate(ev);
                if (c instanceof ListValue list) {
                    for (Value element : list.values()) {
                        if (element.isNull()) {
                            unknown = true;
                        } else if (Operations.matches(v, element)) {
                            return Value.bool(!negated);
                        }
                    }
                } else if (c.isNull()) {
                    unknown = true;
                } else if (Operations.matches(v, c)) {
                    return Value.bool(!negated);
                }
            }
            return unknown ? Value.empty() : Value.bool(negated);
        }
    }

    /** if(condition, then, otherwise): only the chosen branch is evaluated; an empty condition gives empty. */
    static final class If extends Node {
        final Node condition;
        final Node then;
        final Node otherwise;

        If(Node condition, Node then, Node otherwise, int start, int end) {
            super(start, end);
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        Value evaluate(Evaluation ev) {
            Value c = ev.condition(condition);
            if (c.isNull()) {
                return c;
            }
            return ((BooleanValue) c).value() ? then.evaluate(ev) : otherwise.evaluate(ev);
        }
    }

    /** A call of a built-in function, resolved when the expression was parsed. */
    static final class Call extends Node {
        final FunctionDef function;
        final List<Node> arguments;
        private final Node[] args;

        Call(FunctionDef function, List<Node> arguments, int start, int end) {
            super(start, end);
            this.function = function;
            this.arguments = List.copyOf(arguments);
            this.args = arguments.toArray(new Node[0]);
        }

        @Override
        Value evaluate(Evaluation ev) {
            Value[] values = new Value[args.length];
            for (int i = 0; i < args.length; i++) {
                Value v = args[i].evaluate(ev);
                function.parameter(i).check(v, function, i, ev, args[i]);
                values[i] = v;
            }
            return function.apply(values, ev, this);
        }
    }

    /**
     * every(x in LIST : condition) and some(x in LIST : condition). every is false when the
     * condition is false for one instance, empty when it is empty for one and false for none, and
     * true otherwise (also for no instances). some is true when the condition is true for one
     * instance, empty when it is empty for one and true for none, false otherwise (also for none).
     */
    static final class Quantifier extends Node {
        final boolean every;
        final String variable;
        final int slot;
        final Node list;
        final Node condition;

        Quantifier(boolean every, String variable, int slot, Node list, Node condition, int start, int end) {
            super(start, end);
            this.every = every;
            this.variable = variable;
            this.slot = slot;
            this.list = list;
            this.condition = condition;
        }

        @Override
        Value evaluate(Evaluation ev) {
            boolean unknown = false;
            for (Value element : instances(list.evaluate(ev))) {
                ev.locals[slot] = element;
                Value v = ev.condition(condition);
                if (v.isNull()) {
                    unknown = true;
                } else if (((BooleanValue) v).value() != every) {
                    return v;
                }
            }
            return unknown ? Value.empty() : Value.bool(every);
        }

        static List<Value> instances(Value v) {
            if (v instanceof ListValue list) {
                return list.values();
            }
            return v.isNull() ? List.of() : List.of(v);
        }
    }
}
