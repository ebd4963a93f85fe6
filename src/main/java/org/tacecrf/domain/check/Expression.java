package org.tacecrf.domain.check;

import java.util.List;

/**
 * An expression of the edit-check language, parsed once and then evaluated many times. Used for
 * edit checks (a condition that must hold) and calculated items (a value). The language is
 * described in docs/edit-check-language.md.
 *
 * <pre>{@code
 * Expression e = Expression.parse("bili_direct <= bili_total");
 * e.validate(schema);             // unknown paths and type errors, with positions
 * e.references();                 // [bili_direct, bili_total]: re-run when one changes
 * CheckResult r = e.check(resolver);   // PASS, FAIL or NOT_EVALUABLE (or ERROR)
 * }</pre>
 * Instances are immutable and safe to share between threads; each evaluation has its own state.
 */
public final class Expression {

    private final SourceText source;
    final Node root;
    private final List<Reference> references;
    private final List<String> parameters;
    private final int localCount;

    private Expression(SourceText source, Parser.Result parsed) {
        this.source = source;
        this.root = parsed.root();
        this.references = parsed.references();
        this.parameters = parsed.parameters();
        this.localCount = parsed.localCount();
    }

    /**
     * Parses expression text.
     *
     * @throws ParseException with the line, column and reason of the first syntax error, an unknown
     *                        function or a wrong number of arguments
     */
    public static Expression parse(String source) {
        SourceText text = new SourceText(source == null ? "" : source);
        return new Expression(text, Parser.parse(text));
    }

    /** The text as written. */
    public String source() {
        return source.text();
    }

    /**
     * The distinct item paths the expression reads, in order of first appearance. The caller
     * re-runs a check when one of these items changes.
     */
    public List<Reference> references() {
        return references;
    }

    /** The distinct study parameters ({@code $name}) the expression reads, in order of first appearance. */
    public List<String> parameters() {
        return parameters;
    }

    /** Checks paths, parameters and types against the study definition. */
    public Validation validate(ReferenceSchema schema) {
        return new TypeChecker(this, schema, Problem.Part.EXPRESSION).run();
    }

    /**
     * Computes the value, for a calculated item. Empty inputs give an empty result where the value
     * depends on them.
     *
     * @throws EvaluationException when values have kinds the expression cannot work with
     */
    public Value evaluate(ValueResolver resolver) {
        return root.evaluate(new Evaluation(this, resolver));
    }

    /**
     * Evaluates the expression as an edit check: an assertion that must be true. It fails only when
     * the expression is false; empty means the check cannot be evaluated yet and does not fire.
     * Never throws for problems of the expression: those give {@link CheckStatus#ERROR}.
     */
    public CheckResult check(ValueResolver resolver) {
        Evaluation ev = new Evaluation(this, resolver);
        try {
            return CheckResult.of(this, ev, resolver, root.evaluate(ev));
        } catch (EvaluationException e) {
            return CheckResult.error(this, ev, resolver, e);
        }
    }

    int itemCount() {
        return references.size();
    }

    int parameterCount() {
        return parameters.size();
    }

    int localCount() {
        return localCount;
    }

    String text(Node node) {
        return source.slice(node.start, node.end);
    }

    int line(int offset) {
        return source.line(offset);
    }

    int column(int offset) {
        return source.column(offset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expression other && other.source().equals(source());
    }

    @Override
    public int hashCode() {
        return source().hashCode();
    }

    @Override
    public String toString() {
        return source();
    }
}
