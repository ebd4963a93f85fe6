package org.tacecrf.domain.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An edit check (validation rule) of a study: a condition that the data must meet, with the query
 * text shown when they do not. Built by the study-definition loader, which parses the texts
 * separately so that it can report a {@link ParseException} against the right YAML key and line:
 * <pre>{@code
 * Expression rule = Expression.parse(yamlExpression);          // ParseException: add the YAML line
 * CheckMessage message = new CheckMessage(MessageTemplate.parse(en), zh == null ? null : MessageTemplate.parse(zh));
 * EditCheck check = new EditCheck(id, message, CheckSeverity.SOFT, CheckScope.SUBJECT, target, rule);
 * List<Problem> problems = check.validate(schema);               // Problem.part() says which text
 * }</pre>
 *
 * @param id         unique within the study, as in the study definition
 * @param message    the query text, with placeholders for the values read
 * @param severity   hard (reject) or soft (query)
 * @param scope      when the check runs
 * @param target     where the query is attached
 * @param expression the condition that must be true
 */
public record EditCheck(String id, CheckMessage message, CheckSeverity severity, CheckScope scope,
                        CheckTarget target, Expression expression) {

    public EditCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(expression, "expression");
    }

    /** Parses the expression and messages in one go (for code and tests; a loader parses them one by one). */
    public static EditCheck of(String id, String expression, String english, String chinese, CheckSeverity severity,
                               CheckScope scope, CheckTarget target) {
        return new EditCheck(id, CheckMessage.of(english, chinese), severity, scope, target, Expression.parse(expression));
    }

    /**
     * Validates the expression against the study definition, requires it to be a single condition,
     * and checks the placeholders of the messages.
     */
    public List<Problem> validate(ReferenceSchema schema) {
        Validation validation = expression.validate(schema);
        List<Problem> problems = new ArrayList<>(validation.problems());
        if (validation.several()) {
            problems.add(new Problem(Problem.Part.EXPRESSION, ProblemCode.SEVERAL_VALUES,
                    "an edit check must give one true/false, but this expression gives several values", 1, 1));
        } else if (validation.resultType().filter(t -> t != ValueType.BOOLEAN).isPresent()) {
            problems.add(new Problem(Problem.Part.EXPRESSION, ProblemCode.NOT_A_CONDITION,
                    "an edit check must be a condition (true/false), but this expression gives "
                            + validation.resultType().get().description(), 1, 1));
        }
        problems.addAll(message.english().validate(schema, Problem.Part.MESSAGE));
        if (message.chinese() != null) {
            problems.addAll(message.chinese().validate(schema, Problem.Part.MESSAGE_CHINESE));
        }
        return problems;
    }

    /** The item paths the check reads: re-run it when one of them changes. */
    public List<Reference> references() {
        return expression.references();
    }

    /** Evaluates the check: {@link CheckStatus#FAIL} means a query (soft) or a rejection (hard). */
    public CheckResult evaluate(ValueResolver resolver) {
        return expression.check(resolver);
    }

    /** The query text in the user's language, showing the values the check read. */
    public String queryText(Locale locale, CheckResult result, ValueResolver resolver) {
        return message.forLocale(locale).render(result, resolver);
    }
}
