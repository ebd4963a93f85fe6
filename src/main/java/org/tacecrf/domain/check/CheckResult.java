package org.tacecrf.domain.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The outcome of evaluating an expression as an edit check ({@link Expression#check}), with the
 * values that were read so that the query text can show them.
 */
public final class CheckResult {

    private final Expression expression;
    private final Evaluation evaluation;
    private final ValueResolver resolver;
    private final CheckStatus status;
    private final Value value;
    private final EvaluationException error;

    private CheckResult(Expression expression, Evaluation evaluation, ValueResolver resolver, CheckStatus status,
                        Value value, EvaluationException error) {
        this.expression = expression;
        this.evaluation = evaluation;
        this.resolver = resolver;
        this.status = status;
        this.value = value;
        this.error = error;
    }

    static CheckResult of(Expression expression, Evaluation ev, ValueResolver resolver, Value value) {
        if (value.isNull()) {
            return new CheckResult(expression, ev, resolver, CheckStatus.NOT_EVALUABLE, value, null);
        }
        if (value instanceof BooleanValue b) {
            return new CheckResult(expression, ev, resolver, b.value() ? CheckStatus.PASS : CheckStatus.FAIL, value, null);
        }
        EvaluationException notCondition = new EvaluationException("an edit check must give true or false, but this one gives "
                + value.type().description(), 1, 1);
        return new CheckResult(expression, ev, resolver, CheckStatus.ERROR, value, notCondition);
    }

    static CheckResult error(Expression expression, Evaluation ev, ValueResolver resolver, EvaluationException error) {
        return new CheckResult(expression, ev, resolver, CheckStatus.ERROR, Value.empty(), error);
    }

    public CheckStatus status() {
        return status;
    }

    /** True when the check fails, i.e. the rule is broken and a query (or rejection) is due. */
    public boolean fired() {
        return status == CheckStatus.FAIL;
    }

    /** What the expression gave: true, false or empty (empty also for {@link CheckStatus#ERROR}). */
    public Value value() {
        return value;
    }

    /** For {@link CheckStatus#ERROR}: what went wrong and where in the expression. */
    public Optional<EvaluationException> error() {
        return Optional.ofNullable(error);
    }

    /**
     * The item values that were read, by path, in order of first appearance in the expression.
     * Paths skipped because the result was already decided (false and ..., true or ...) are absent.
     */
    public Map<Reference, Value> itemValues() {
        Map<Reference, Value> read = new LinkedHashMap<>();
        List<Reference> refs = expression.references();
        for (int i = 0; i < refs.size(); i++) {
            if (evaluation.items[i] != null) {
                read.put(refs.get(i), evaluation.items[i]);
            }
        }
        return Collections.unmodifiableMap(read);
    }

    /** The study parameters that were read, by name. */
    public Map<String, Value> parameterValues() {
        Map<String, Value> read = new LinkedHashMap<>();
        List<String> names = expression.parameters();
        for (int i = 0; i < names.size(); i++) {
            if (evaluation.parameters[i] != null) {
                read.put(names.get(i), evaluation.parameters[i]);
            }
        }
        return Collections.unmodifiableMap(read);
    }

    /** Paths that were read and found empty: why a check is {@link CheckStatus#NOT_EVALUABLE}. */
    public List<Reference> emptyItems() {
        List<Reference> empty = new ArrayList<>();
        itemValues().forEach((ref, v) -> {
            if (v.isEmpty()) {
                empty.add(ref);
            }
        });
        return List.copyOf(empty);
    }

    /** {@link #explain(Function)} with paths as labels. */
    public String explain() {
        return explain(Reference::path);
    }

    /**
     * A short English account of the result for the query text or a log, naming items by the given
     * labels. For a failure, the broken part of the rule with the values read, e.g.
     * "direct bilirubin 40 > total bilirubin 30" for {@code bili_direct <= bili_total}; for a check
     * that cannot be evaluated, the empty items; for an error, its reason; for a pass, the values read.
     * A path for which {@code labels} gives null is shown as written.
     */
    public String explain(Function<Reference, String> givenLabels) {
        Function<Reference, String> labels = ref -> Optional.ofNullable(givenLabels.apply(ref)).orElse(ref.path());
        return switch (status) {
            case FAIL -> new Explainer(expression, new Evaluation(evaluation, resolver), labels).whyFalse(expression.root);
            case NOT_EVALUABLE -> {
                List<String> empty = emptyItems().stream().map(labels).collect(Collectors.toList());
                yield empty.isEmpty() ? "cannot be evaluated: a value it needs is empty"
                        : "cannot be evaluated while " + String.join(", ", empty) + (empty.size() == 1 ? " is empty" : " are empty");
            }
            case ERROR -> error.getMessage();
            case PASS -> {
                List<String> parts = new ArrayList<>();
                itemValues().forEach((ref, v) -> parts.add(labels.apply(ref) + " " + Explainer.display(v)));
                parameterValues().forEach((name, v) -> parts.add(name + " " + Explainer.display(v)));
                yield "passed with " + (parts.isEmpty() ? "no values read" : String.join(", ", parts));
            }
        };
    }

    @Override
    public String toString() {
        return status + ": " + explain();
    }
}
