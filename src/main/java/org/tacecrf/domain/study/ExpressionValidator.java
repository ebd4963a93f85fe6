package org.tacecrf.domain.study;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tacecrf.domain.check.MessageTemplate;
import org.tacecrf.domain.check.ParseException;
import org.tacecrf.domain.check.Problem;
import org.tacecrf.domain.check.ProblemCode;
import org.tacecrf.domain.check.Reference;
import org.tacecrf.domain.check.ReferenceSchema;
import org.tacecrf.domain.check.Validation;
import org.tacecrf.domain.check.ValueType;

/**
 * Compiles every text of the edit-check language in the library and in a study, and reports what
 * is wrong as a {@link StudyDefinitionError} at the file position of the offending character:
 * syntax ({@link ErrorKind#EXPRESSION_SYNTAX}), paths and parameters that name nothing from where
 * the text runs ({@link ErrorKind#EXPRESSION_REFERENCE}), and kinds that do not fit
 * ({@link ErrorKind#EXPRESSION_TYPE}).
 * <p>
 * A text is validated in every place it runs (an edit check on a form collected at three visits is
 * validated three times, with {@link SubjectSchema}); a problem found in some of these places only
 * names them.
 */
final class ExpressionValidator {

    private static final Pattern UNKNOWN_ITEM = Pattern.compile("^unknown item '([^']+)'");

    private final Problems problems;

    ExpressionValidator(Problems problems) {
        this.problems = problems;
    }

    // ---- the library ----------------------------------------------------------------------

    /**
     * The library alone: conditions of items completely (they see only their own form); for
     * calculations and edit checks the syntax, and that the forms they read exist in the library,
     * since what their paths mean depends on each study's visits.
     */
    void validateLibrary(Collection<FormDef> forms, List<EditCheckDef> checks) {
        Map<String, FormDef> byId = new LinkedHashMap<>();
        forms.forEach(f -> byId.put(f.id(), f));
        for (FormDef form : forms) {
            for (ItemGroupDef group : form.groups()) {
                for (ItemDef item : group.items()) {
                    if (item.visibleWhen() != null) {
                        condition(item, SubjectSchema.withinForm(form, group.repeating() ? group.id() : null));
                    }
                    if (item.calculation() != null && item.calculation().expression() != null) {
                        parse(item.calculation().expression(), calculationWhat(form, item), "");
                    }
                }
            }
        }
        for (EditCheckDef check : checks) {
            String what = "edit check '" + check.id() + "'";
            if (check.rule() != null) {
                messages(check, check.rule().messageSchema(), what, "");
                continue;
            }
            Optional<org.tacecrf.domain.check.Expression> parsed = parse(check.expression(), what, "");
            List<Expression> texts = new ArrayList<>();
            parsed.ifPresent(p -> texts.add(check.expression()));
            List<Reference> references = new ArrayList<>(parsed.map(org.tacecrf.domain.check.Expression::references)
                    .orElse(List.of()));
            for (Expression message : messageSources(check)) {
                parseMessage(message, what, "").ifPresent(t -> {
                    texts.add(message);
                    references.addAll(t.references());
                });
            }
            for (Reference r : new LinkedHashSet<>(references)) {
                libraryPath(check, r, texts, byId, what);
            }
        }
    }

    private void libraryPath(EditCheckDef check, Reference r, List<Expression> texts, Map<String, FormDef> forms,
                             String what) {
        String problem = null;
        if (r.visit() != null && !r.visit().equals(SubjectSchema.ANY_VISIT)) {
            problem = "'" + r.path() + "': the library does not know the studies' visits; write "
                    + SubjectSchema.ANY_VISIT + "." + r.form() + "." + r.item() + " for every visit that collects the form";
        } else if (r.form() != null && !forms.containsKey(r.form())) {
            problem = "'" + r.path() + "' names form '" + r.form() + "', which the library does not define"
                    + Suggestions.hint(r.form(), forms.keySet());
        } else if (r.form() == null && check.formId() == null) {
            problem = "'" + r.path() + "' names no form, and this check does not run in a form:"
                    + " write form.item or " + SubjectSchema.ANY_VISIT + ".form.item";
        }
        if (problem != null) {
            SourceLocation at = texts.isEmpty() ? check.location() : firstOccurrence(texts, r.path());
            problems.add(ErrorKind.EXPRESSION_REFERENCE, at, what + ": " + problem);
        }
    }

    /** Where a path is first written in the texts of a check. */
    private static SourceLocation firstOccurrence(List<Expression> texts, String path) {
        Pattern p = Pattern.compile("(?<![A-Za-z0-9_.$])" + Pattern.quote(path) + "(?![A-Za-z0-9_])");
        for (Expression e : texts) {
            Matcher m = p.matcher(e.text());
            if (m.find()) {
                String before = e.text().substring(0, m.start());
                int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
                int column = m.start() - (before.lastIndexOf('\n') + 1) + 1;
                return e.locate(line, column);
            }
        }
        return texts.get(0).location();
    }

    // ---- a study --------------------------------------------------------------------------

    /**
     * Whether a built-in check applies to the study: the study collects the form the check reports
     * on and every form it reads, with every item it reads. A check for an item that some studies add
     * (such as an investigator's Child-Pugh class) applies to those studies only.
     */
    static boolean applies(EditCheckDef check, StudyDefinition study) {
        if (check.rule() == BuiltInRule.VISIT_WINDOW) {
            return study.schedule().stream().anyMatch(v -> v.timing() != null);
        }
        if (check.rule() == BuiltInRule.ELIGIBILITY) {
            return study.form(BuiltInRule.ELIGIBILITY.formId()).isPresent() && !study.eligibility().isEmpty();
        }
        if (check.formId() != null && (study.form(check.formId()).isEmpty()
                || (check.itemId() != null && study.item(check.formId(), check.itemId()).isEmpty()))) {
            return false;
        }
        List<Reference> references = new ArrayList<>();
        try {
            references.addAll(org.tacecrf.domain.check.Expression.parse(check.expression().text()).references());
            for (Expression message : messageSources(check)) {
                references.addAll(MessageTemplate.parse(message.text()).references());
            }
        } catch (ParseException e) {
            return true; // reported by the validation
        }
        for (Reference r : references) {
            String formId = r.form() != null ? r.form() : check.formId();
            if (formId != null && study.item(formId, r.item()).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Validates the study's conditions, calculations and edit checks (its own and the built-in ones it runs). */
    void validateStudy(StudyDefinition study) {
        for (FormDef form : study.forms()) {
            for (ItemGroupDef group : form.groups()) {
                String rowGroup = group.repeating() ? group.id() : null;
                for (ItemDef item : group.items()) {
                    // built-in items' conditions were validated with the library; they see only their form
                    if (item.visibleWhen() != null && item.origin() == Origin.STUDY) {
                        condition(item, SubjectSchema.of(study, CheckContext.withinForm(form.id(), rowGroup)));
                    }
                    if (item.calculation() != null && item.calculation().expression() != null) {
                        calculation(study, form, rowGroup, item);
                    }
                }
            }
        }
        for (EditCheckDef check : study.editChecks()) {
            String what = "edit check '" + check.id() + "'";
            String where = check.builtIn() ? " (built-in check, in study '" + study.id() + "')" : "";
            if (check.rule() != null) {
                continue; // only the library has rules; their messages were validated with it
            }
            if (check.builtIn() || parse(check.expression(), what, where).isPresent()) {
                editCheck(study, check, what, where);
            }
        }
    }

    /** The places an edit check runs, from its scope, form, item and visit. */
    static List<CheckContext> contexts(StudyDefinition study, EditCheckDef check) {
        return switch (check.scope()) {
            case SUBJECT -> List.of(CheckContext.subject());
            case VISIT -> check.visitId() == null ? List.of() : List.of(CheckContext.visit(check.visitId()));
            case ITEM, FORM -> {
                String rowGroup = check.itemId() == null ? null : study.form(check.formId())
                        .flatMap(f -> f.groupOf(check.itemId())).filter(ItemGroupDef::repeating)
                        .map(ItemGroupDef::id).orElse(null);
                List<String> visits = check.visitId() != null ? List.of(check.visitId())
                        : study.visitsCollecting(check.formId()).stream().map(VisitDef::id).toList();
                yield visits.stream().map(v -> rowGroup == null ? CheckContext.form(v, check.formId())
                        : CheckContext.row(v, check.formId(), rowGroup)).toList();
            }
        };
    }

    private void editCheck(StudyDefinition study, EditCheckDef check, String what, String where) {
        Optional<org.tacecrf.domain.check.Expression> expression = quietly(check.expression());
        List<Optional<MessageTemplate>> templates = new ArrayList<>();
        for (Expression message : messageSources(check)) {
            templates.add(check.builtIn() ? quietlyMessage(message) : parseMessage(message, what, where));
        }
        if (expression.isEmpty()) {
            return;
        }
        List<CheckContext> contexts = contexts(study, check);
        Findings findings = new Findings(contexts.size());
        for (CheckContext context : contexts) {
            SubjectSchema schema = SubjectSchema.of(study, context);
            Validation v = expression.get().validate(schema);
            List<Problem> found = new ArrayList<>(v.problems());
            if (v.several()) {
                found.add(new Problem(Problem.Part.EXPRESSION, ProblemCode.SEVERAL_VALUES,
                        "an edit check must give one true/false, but this expression gives several values", 1, 1));
            } else if (v.resultType().filter(t -> t != ValueType.BOOLEAN).isPresent()) {
                found.add(new Problem(Problem.Part.EXPRESSION, ProblemCode.NOT_A_CONDITION, "an edit check must be a"
                        + " condition (true/false), but this expression gives " + v.resultType().get().description(), 1, 1));
            }
            List<Expression> sources = messageSources(check);
            for (int i = 0; i < templates.size(); i++) {
                Problem.Part part = i == 0 ? Problem.Part.MESSAGE : Problem.Part.MESSAGE_CHINESE;
                templates.get(i).ifPresent(t -> found.addAll(t.validate(schema, part)));
            }
            for (Problem p : found) {
                Expression text = switch (p.part()) {
                    case EXPRESSION -> check.expression();
                    case MESSAGE -> sources.get(0);
                    case MESSAGE_CHINESE -> sources.get(1);
                };
                findings.add(kind(p.code()), text, p.line(), p.column(), explain(p, schema), context);
            }
        }
        findings.report(what, where);
    }

    private void calculation(StudyDefinition study, FormDef form, String rowGroup, ItemDef item) {
        Expression text = item.calculation().expression();
        String what = calculationWhat(form, item);
        Optional<org.tacecrf.domain.check.Expression> expression =
                item.origin() == Origin.STUDY ? parse(text, what, "") : quietly(text);
        if (expression.isEmpty()) {
            return;
        }
        List<VisitDef> visits = study.visitsCollecting(form.id());
        Findings findings = new Findings(visits.size());
        for (VisitDef visit : visits) {
            CheckContext context = rowGroup == null ? CheckContext.form(visit.id(), form.id())
                    : CheckContext.row(visit.id(), form.id(), rowGroup);
            SubjectSchema schema = SubjectSchema.of(study, context);
            Validation v = expression.get().validate(schema);
            for (Problem p : v.problems()) {
                findings.add(kind(p.code()), text, p.line(), p.column(), explain(p, schema), context);
            }
            if (v.several()) {
                findings.add(ErrorKind.EXPRESSION_TYPE, text, 1, 1, "the expression gives several values, but item '"
                        + item.id() + "' holds one: use min(), max(), sum(), count() or every()", context);
            } else if (v.resultType().isPresent() && !fits(v.resultType().get(), item)) {
                findings.add(ErrorKind.EXPRESSION_TYPE, text, 1, 1, "the expression gives "
                        + v.resultType().get().description() + ", but item '" + item.id() + "' is declared as valueType "
                        + valueTypeName(item.calculation().resultType()), context);
            }
        }
        findings.report(what, item.origin() == Origin.LIBRARY ? " (built-in item, in study '" + study.id() + "')" : "");
    }

    /** Whether a calculated value fits the item's declared type; codes count as text. */
    private static boolean fits(ValueType result, ItemDef item) {
        return switch (item.calculation().resultType()) {
            case INTEGER, FLOAT -> result == ValueType.NUMBER;
            case DATE, DATETIME -> result == ValueType.DATE;
            case TEXT -> result == ValueType.TEXT || result == ValueType.CODE;
        };
    }

    private static String valueTypeName(DataType type) {
        return type == DataType.FLOAT ? "decimal" : type.odmName();
    }

    /** An item's {@code visibleWhen}: one true/false from the items of its form. */
    private void condition(ItemDef item, SubjectSchema schema) {
        Expression text = item.visibleWhen();
        String what = "the condition (visibleWhen) of item '" + item.id() + "'";
        Optional<org.tacecrf.domain.check.Expression> expression = parse(text, what, "");
        if (expression.isEmpty()) {
            return;
        }
        Validation v = expression.get().validate(schema);
        Findings findings = new Findings(1);
        for (Problem p : v.problems()) {
            findings.add(kind(p.code()), text, p.line(), p.column(), explain(p, schema), schema.context());
        }
        if (v.several()) {
            findings.add(ErrorKind.EXPRESSION_TYPE, text, 1, 1, "a condition must give one true/false, but this one"
                    + " gives several values", schema.context());
        } else if (v.resultType().filter(t -> t != ValueType.BOOLEAN).isPresent()) {
            findings.add(ErrorKind.EXPRESSION_TYPE, text, 1, 1, "a condition must be true or false, but this one gives "
                    + v.resultType().get().description(), schema.context());
        }
        findings.report(what, "");
    }

    /** Messages of a built-in rule: their placeholders are the rule's values. */
    private void messages(EditCheckDef check, ReferenceSchema schema, String what, String where) {
        List<Expression> sources = messageSources(check);
        for (int i = 0; i < sources.size(); i++) {
            Expression source = sources.get(i);
            Problem.Part part = i == 0 ? Problem.Part.MESSAGE : Problem.Part.MESSAGE_CHINESE;
            parseMessage(source, what, where).ifPresent(t -> {
                for (Problem p : t.validate(schema, part)) {
                    String reason = p.code() == ProblemCode.UNKNOWN_ITEM
                            ? p.reason() + "; " + check.rule().name().toLowerCase(java.util.Locale.ROOT)
                            + " messages may show " + String.join(", ", check.rule().placeholders().keySet().stream()
                            .sorted().map(n -> "{" + n + "}").toList())
                            : p.reason();
                    report(kind(p.code()), source, p.line(), p.column(), what + ": " + reason, where);
                }
            });
        }
    }

    // ---- helpers --------------------------------------------------------------------------

    private static List<Expression> messageSources(EditCheckDef check) {
        List<Expression> sources = new ArrayList<>();
        sources.add(check.messageSource());
        if (check.chineseMessageSource() != null) {
            sources.add(check.chineseMessageSource());
        }
        return sources;
    }

    private static String calculationWhat(FormDef form, ItemDef item) {
        return "the expression of calculated item '" + item.id() + "' of form '" + form.id() + "'";
    }

    private Optional<org.tacecrf.domain.check.Expression> parse(Expression text, String what, String where) {
        try {
            return Optional.of(org.tacecrf.domain.check.Expression.parse(text.text()));
        } catch (ParseException e) {
            report(ErrorKind.EXPRESSION_SYNTAX, text, e.line(), e.column(), what + ": " + e.reason(), where);
            return Optional.empty();
        }
    }

    private Optional<MessageTemplate> parseMessage(Expression text, String what, String where) {
        try {
            return Optional.of(MessageTemplate.parse(text.text()));
        } catch (ParseException e) {
            report(ErrorKind.EXPRESSION_SYNTAX, text, e.line(), e.column(), what + ", message: " + e.reason(), where);
            return Optional.empty();
        }
    }

    /** Built-in texts were parsed with the library; their syntax errors were reported there. */
    private static Optional<org.tacecrf.domain.check.Expression> quietly(Expression text) {
        try {
            return Optional.of(org.tacecrf.domain.check.Expression.parse(text.text()));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<MessageTemplate> quietlyMessage(Expression text) {
        try {
            return Optional.of(MessageTemplate.parse(text.text()));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static ErrorKind kind(ProblemCode code) {
        return switch (code) {
            case UNKNOWN_ITEM, UNKNOWN_PARAMETER -> ErrorKind.EXPRESSION_REFERENCE;
            case TYPE_MISMATCH, SEVERAL_VALUES, NOT_A_CONDITION -> ErrorKind.EXPRESSION_TYPE;
        };
    }

    /** The problem's reason, with the schema's explanation of an unknown path when it has one. */
    private static String explain(Problem p, SubjectSchema schema) {
        if (p.code() == ProblemCode.UNKNOWN_ITEM) {
            Matcher m = UNKNOWN_ITEM.matcher(p.reason());
            if (m.find()) {
                try {
                    return schema.whyUnknown(Reference.of(m.group(1))).orElse(p.reason());
                } catch (IllegalArgumentException e) {
                    return p.reason();
                }
            }
        }
        return p.reason();
    }

    private void report(ErrorKind kind, Expression text, int line, int column, String message, String where) {
        String within = text.position().exact() ? ""
                : " (at " + (line == 1 ? "" : "line " + line + ", ") + "column " + column + " of the text as YAML joins its lines)";
        problems.add(kind, text.locate(line, column), message + within + where);
    }

    /** Problems of one text over the places it runs; each is reported once, naming the places when not all. */
    private final class Findings {

        private record Key(ErrorKind kind, Expression text, int line, int column, String reason) {
        }

        private final int places;
        private final Map<Key, Set<CheckContext>> found = new LinkedHashMap<>();

        Findings(int places) {
            this.places = places;
        }

        void add(ErrorKind kind, Expression text, int line, int column, String reason, CheckContext context) {
            found.computeIfAbsent(new Key(kind, text, line, column, reason), k -> new LinkedHashSet<>()).add(context);
        }

        void report(String what, String where) {
            found.forEach((key, contexts) -> {
                String at = contexts.size() < places
                        ? " (where it runs at " + String.join(", ", contexts.stream().map(CheckContext::visitId)
                        .map(v -> "visit '" + v + "'").toList()) + ")" : "";
                ExpressionValidator.this.report(key.kind(), key.text(), key.line(), key.column(),
                        what + ": " + key.reason() + at, where);
            });
        }
    }
}
