package org.tacecrf.domain.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Static validation: walks the syntax tree with the types the schema declares, and reports unknown
 * paths and parameters, kinds that do not combine (by the same {@link TypeRules} the evaluator
 * uses), several-valued paths where one value is needed, and non-conditions where a condition is
 * needed. Unknown kinds (an unknown path, {@code null}) are let through so that one mistake is
 * reported once.
 */
final class TypeChecker {

    /** A static type: {@code type} null when unknown; {@code several} for lists. */
    private record Type(ValueType type, boolean several) {
        static final Type UNKNOWN = new Type(null, false);

        static Type of(ValueType type) {
            return new Type(type, false);
        }

        /** A known kind with a value (not empty, not unknown). */
        boolean known() {
            return type != null && type != ValueType.EMPTY;
        }
    }

    private final Expression expression;
    private final ReferenceSchema schema;
    private final Problem.Part part;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<Integer, Type> locals = new HashMap<>();

    TypeChecker(Expression expression, ReferenceSchema schema, Problem.Part part) {
        this.expression = expression;
        this.schema = schema;
        this.part = part;
    }

    Validation run() {
        Type result = type(expression.root);
        problems.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));
        return new Validation(problems, result.known() ? Optional.of(result.type()) : Optional.empty(), result.several());
    }

    private Type type(Node node) {
        if (node instanceof Node.Literal literal) {
            return Type.of(literal.value.type());
        }
        if (node instanceof Node.ItemRef ref) {
            Optional<ItemType> item = schema.item(ref.reference);
            if (item.isEmpty()) {
                report(ref.start, ProblemCode.UNKNOWN_ITEM, unknownItem(ref.reference, schema));
                return Type.UNKNOWN;
            }
            return new Type(item.get().type(), item.get().multiple());
        }
        if (node instanceof Node.ParamRef param) {
            Optional<ValueType> type = schema.parameter(param.name);
            if (type.isEmpty()) {
                report(param.start, ProblemCode.UNKNOWN_PARAMETER, unknownParameter(param.name, schema));
                return Type.UNKNOWN;
            }
            return Type.of(type.get());
        }
        if (node instanceof Node.LocalRef local) {
            return locals.getOrDefault(local.slot, Type.UNKNOWN);
        }
        if (node instanceof Node.Negate negate) {
            Type t = scalar(negate.operand);
            if (t.known() && !TypeRules.numeric(t.type())) {
                report(negate.start, ProblemCode.TYPE_MISMATCH, "'-' cannot be put before " + t.type().description());
            }
            return Type.of(ValueType.NUMBER);
        }
        if (node instanceof Node.Arithmetic arithmetic) {
            return arithmetic(arithmetic);
        }
        if (node instanceof Node.Not not) {
            condition(not.operand);
            return Type.of(ValueType.BOOLEAN);
        }
        if (node instanceof Node.Logical logical) {
            logical.operands.forEach(this::condition);
            return Type.of(ValueType.BOOLEAN);
        }
        if (node instanceof Node.Comparison comparison) {
            return comparison(comparison);
        }
        if (node instanceof Node.In in) {
            return in(in);
        }
        if (node instanceof Node.If conditional) {
            condition(conditional.condition);
            Type a = type(conditional.then);
            Type b = type(conditional.otherwise);
            return new Type(common(List.of(a, b), conditional.start, "if()"), a.several() || b.several());
        }
        if (node instanceof Node.Call call) {
            return call(call);
        }
        if (node instanceof Node.Quantifier quantifier) {
            Type list = type(quantifier.list);
            locals.put(quantifier.slot, new Type(list.type(), false));
            condition(quantifier.condition);
            return Type.of(ValueType.BOOLEAN);
        }
        throw new IllegalStateException("unknown node " + node.getClass());
    }

    private Type arithmetic(Node.Arithmetic node) {
        Type l = scalar(node.left);
        Type r = scalar(node.right);
        if (l.known() && r.known()) {
            ValueType result = TypeRules.arithmetic(node.operator, l.type(), r.type());
            if (result == null) {
                report(node.operatorOffset, ProblemCode.TYPE_MISMATCH, TypeRules.arithmeticError(node.operator, l.type(), r.type()));
                return Type.UNKNOWN;
            }
            return Type.of(result);
        }
        boolean dateInvolved = l.type() == ValueType.DATE || r.type() == ValueType.DATE;
        boolean unknownInvolved = l.type() == null || r.type() == null;
        return dateInvolved || unknownInvolved ? Type.UNKNOWN : Type.of(ValueType.NUMBER);
    }

    private Type comparison(Node.Comparison node) {
        List<Type> types = new ArrayList<>();
        node.operands.forEach(operand -> types.add(scalar(operand)));
        for (int i = 0; i < node.operators.size(); i++) {
            Type l = types.get(i);
            Type r = types.get(i + 1);
            ComparisonOperator op = node.operators.get(i);
            if (l.known() && r.known() && !TypeRules.comparable(op, l.type(), r.type())) {
                report(node.operatorOffsets.get(i), ProblemCode.TYPE_MISMATCH, TypeRules.comparisonError(op, l.type(), r.type()));
            }
        }
        return Type.of(ValueType.BOOLEAN);
    }

    private Type in(Node.In node) {
        Type value = scalar(node.value);
        for (Node candidate : node.candidates) {
            Type c = type(candidate);
            if (value.known() && c.known() && !TypeRules.comparable(ComparisonOperator.EQ, value.type(), c.type())) {
                report(candidate.start, ProblemCode.TYPE_MISMATCH, "'in' cannot look for " + value.type().description()
                        + " among " + (c.several() ? "values that are " : "") + c.type().description());
            }
        }
        return Type.of(ValueType.BOOLEAN);
    }

    private Type call(Node.Call call) {
        FunctionDef f = call.function;
        List<Type> args = new ArrayList<>();
        for (int i = 0; i < call.arguments.size(); i++) {
            Node argument = call.arguments.get(i);
            Type t = type(argument);
            FunctionDef.Parameter p = f.parameter(i);
            if (t.several() && !p.allowsList()) {
                report(argument.start, ProblemCode.SEVERAL_VALUES, f.name + "() takes a single value as " + f.argumentName(i)
                        + ", but " + quote(argument) + " has several values (one per instance)");
            } else if (t.known() && !p.accepts(t.type())) {
                report(argument.start, ProblemCode.TYPE_MISMATCH, f.wrongKind(i, t.type()));
            }
            args.add(t);
        }
        if (f.result != null) {
            return Type.of(f.result);
        }
        boolean several = args.stream().allMatch(Type::several) && f.name.equals("coalesce");
        return new Type(common(args, call.start, f.name + "()"), several);
    }

    /** The kind shared by alternatives (numbers and numeric codes count as numbers); reports a mix. */
    private ValueType common(List<Type> types, int offset, String what) {
        ValueType result = null;
        for (Type t : types) {
            if (!t.known()) {
                continue;
            }
            if (result == null || result == t.type()) {
                result = t.type();
            } else if (TypeRules.numeric(result) && TypeRules.numeric(t.type())) {
                result = ValueType.NUMBER;
            } else if (isTextual(result) && isTextual(t.type())) {
                result = ValueType.TEXT;
            } else {
                report(offset, ProblemCode.TYPE_MISMATCH, what + " mixes " + result.description() + " and " + t.type().description());
                return null;
            }
        }
        return result;
    }

    private static boolean isTextual(ValueType t) {
        return t == ValueType.TEXT || t == ValueType.CODE;
    }

    /** Where one value is needed. */
    private Type scalar(Node node) {
        Type t = type(node);
        if (t.several()) {
            report(node.start, ProblemCode.SEVERAL_VALUES, quote(node)
                    + " has several values (one per instance): use min(), max(), count(), every() or some()");
            return Type.of(t.type());
        }
        return t;
    }

    /** Where true/false is needed. */
    private void condition(Node node) {
        Type t = scalar(node);
        if (t.known() && t.type() != ValueType.BOOLEAN) {
            report(node.start, ProblemCode.NOT_A_CONDITION, quote(node) + " is " + t.type().description()
                    + ", but a condition (true/false) is needed here");
        }
    }

    private String quote(Node node) {
        return "'" + expression.text(node) + "'";
    }

    private void report(int offset, ProblemCode code, String reason) {
        problems.add(new Problem(part, code, reason, expression.line(offset), expression.column(offset)));
    }

    static String unknownItem(Reference reference, ReferenceSchema schema) {
        List<String> known = schema.knownItems().stream().map(Reference::path).collect(Collectors.toList());
        return "unknown item '" + reference.path() + "'"
                + Suggestions.closest(reference.path(), known, false).map(s -> " \u2014 did you mean '" + s + "'?").orElse("");
    }

    static String unknownParameter(String name, ReferenceSchema schema) {
        return "unknown study parameter '$" + name + "'"
                + Suggestions.closest(name, schema.knownParameters(), false).map(s -> " \u2014 did you mean '$" + s + "'?").orElse("");
    }
}
