package org.tacecrf.domain.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.check.CheckMessage;
import org.tacecrf.domain.check.CheckResult;
import org.tacecrf.domain.check.CheckScope;
import org.tacecrf.domain.check.EvaluationException;
import org.tacecrf.domain.check.Expression;
import org.tacecrf.domain.check.MapValueResolver;
import org.tacecrf.domain.check.MessageTemplate;
import org.tacecrf.domain.check.Reference;
import org.tacecrf.domain.check.Value;
import org.tacecrf.domain.check.ValueResolver;
import org.tacecrf.domain.study.BuiltInRule;
import org.tacecrf.domain.study.CheckContext;
import org.tacecrf.domain.study.EditCheckDef;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.SubjectSchema;

/**
 * Runs a study's edit checks ({@link StudyDefinition#editChecks()}: the built-in TACE rules that
 * apply to it and its own) on a subject's data and reports one {@link CheckOutcome} per check and
 * place. The runner only reports; the caller saves, blocks, opens queries and records deviations.
 * <ul>
 *   <li>{@link #runForm}: when a form instance is saved, with its unsaved values in place: the item
 *       and form checks of that form (for its rows, for checks on an item of a repeating group), and
 *       the visit and subject checks that read any of its items.</li>
 *   <li>{@link #runSubject}: every check for the whole subject (batch run, nightly or after a change
 *       of the definition).</li>
 *   <li>{@link #checksReading} and {@link #runChecks}: the checks of other forms that read a changed
 *       item, to run after a save (an adverse event's onset is checked against the consent date, so
 *       changing the consent date re-runs it).</li>
 * </ul>
 * An item or form check runs in every instance of its form (at its visit only, when it names one);
 * a visit check at every occurrence of its visit; a subject check once. Built once per study
 * definition (it compiles the expressions) and safe to share between threads.
 */
public final class CheckRunner {

    /**
     * A check with its compiled texts and the items it reads; {@code acrossInstances} when a check of
     * a repeating form names its own form in a path, so it also reads the form's other instances at
     * the visit.
     */
    private record Compiled(EditCheckDef def, Expression expression, CheckMessage message, Set<ItemRef> reads,
                            boolean acrossInstances) {
    }

    private record ItemRef(String formId, String itemId) {
    }

    private final StudyDefinition study;
    private final List<Compiled> checks;
    private final Map<CheckContext, SubjectSchema> schemas = new ConcurrentHashMap<>();

    public CheckRunner(StudyDefinition study) {
        this.study = Objects.requireNonNull(study, "study");
        List<Compiled> compiled = new ArrayList<>();
        for (EditCheckDef def : study.editChecks()) {
            compiled.add(compile(study, def));
        }
        this.checks = List.copyOf(compiled);
    }

    private static Compiled compile(StudyDefinition study, EditCheckDef def) {
        // the loader validated every text, so parsing cannot fail here
        CheckMessage message = CheckMessage.of(def.message().en(), def.message().zh());
        Set<ItemRef> reads = new LinkedHashSet<>();
        Expression expression = null;
        boolean acrossInstances = false;
        if (def.rule() == BuiltInRule.ELIGIBILITY) {
            reads.add(new ItemRef(def.formId(), EligibilityRule.CRITERION));
            reads.add(new ItemRef(def.formId(), EligibilityRule.APPLIES));
        } else if (def.rule() == null) {
            expression = Expression.parse(def.expression().text());
            List<Reference> references = new ArrayList<>(expression.references());
            references.addAll(message.english().references());
            if (message.chinese() != null) {
                references.addAll(message.chinese().references());
            }
            for (Reference r : references) {
                reads.add(new ItemRef(r.form() != null ? r.form() : def.formId(), r.item()));
                acrossInstances |= def.formId() != null && def.formId().equals(r.form()) && r.visit() == null
                        && (def.scope() == CheckScope.ITEM || def.scope() == CheckScope.FORM)
                        && study.form(def.formId()).map(FormDef::repeating).orElse(false);
            }
        }
        return new Compiled(def, expression, message, Set.copyOf(reads), acrossInstances);
    }

    public StudyDefinition study() {
        return study;
    }

    /** The checks the runner runs, in the study's order. */
    public List<EditCheckDef> checks() {
        return checks.stream().map(Compiled::def).toList();
    }

    /**
     * The checks that read an item of a form (in their condition or message), wherever they run:
     * re-run them when the item changes.
     */
    public List<EditCheckDef> checksReading(String formId, String itemId) {
        ItemRef ref = new ItemRef(formId, itemId);
        return checks.stream().filter(c -> c.reads().contains(ref)).map(Compiled::def).toList();
    }

    /**
     * The checks of a form that also read its other instances (a path naming the form itself, e.g.
     * the other readers' assessments of a scan): saving one instance can change their outcome in the
     * others, so run them everywhere after a save of the form.
     */
    public List<EditCheckDef> checksAcrossInstances(String formId) {
        return checks.stream().filter(c -> c.acrossInstances() && formId.equals(c.def().formId()))
                .map(Compiled::def).toList();
    }

    /**
     * The checks to run when a form instance is saved, evaluated on the subject's data with the unsaved
     * instance in place of the stored one (or added, when it is new).
     *
     * @param unsaved the form instance with the values as entered
     * @param today   the site's current date, for {@code today()}
     */
    public List<CheckOutcome> runForm(CheckSubject subject, SubjectData.FormInstance unsaved, LocalDate today) {
        CheckSubject s = subject.withForm(unsaved);
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (Compiled c : checks) {
            EditCheckDef def = c.def();
            boolean onForm = (def.scope() == CheckScope.ITEM || def.scope() == CheckScope.FORM) && def.rule() == null
                    && def.formId().equals(unsaved.formId());
            if (onForm) {
                if (def.visitId() == null || def.visitId().equals(unsaved.visit().visitId())) {
                    inForm(c, s, s.data().form(unsaved.id()).orElseThrow(), today, outcomes);
                }
            } else if ((def.scope() == CheckScope.VISIT || def.scope() == CheckScope.SUBJECT)
                    && c.reads().stream().anyMatch(r -> r.formId().equals(unsaved.formId()))) {
                run(c, s, today, outcomes);
            }
        }
        return outcomes;
    }

    /** Every check for the whole subject. */
    public List<CheckOutcome> runSubject(CheckSubject subject, LocalDate today) {
        List<CheckOutcome> outcomes = new ArrayList<>();
        checks.forEach(c -> run(c, subject, today, outcomes));
        return outcomes;
    }

    /**
     * The given checks for the whole subject, everywhere they run; with {@link #checksReading} after a
     * value changed.
     *
     * @throws IllegalArgumentException for an id the study does not run
     */
    public List<CheckOutcome> runChecks(CheckSubject subject, Collection<String> checkIds, LocalDate today) {
        Set<String> wanted = new LinkedHashSet<>(checkIds);
        Set<String> known = new LinkedHashSet<>();
        checks.forEach(c -> known.add(c.def().id()));
        wanted.stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
            throw new IllegalArgumentException("the study runs no check '" + id + "'");
        });
        List<CheckOutcome> outcomes = new ArrayList<>();
        checks.stream().filter(c -> wanted.contains(c.def().id())).forEach(c -> run(c, subject, today, outcomes));
        return outcomes;
    }

    private void run(Compiled c, CheckSubject subject, LocalDate today, List<CheckOutcome> into) {
        EditCheckDef def = c.def();
        if (def.rule() != null) {
            List<RuleResult> results = def.rule() == BuiltInRule.VISIT_WINDOW
                    ? VisitWindowRule.run(study, subject, today) : EligibilityRule.run(study, subject);
            results.forEach(r -> into.add(ruleOutcome(c, r)));
            return;
        }
        SubjectData data = subject.data();
        switch (def.scope()) {
            case ITEM, FORM -> data.forms().stream()
                    .filter(f -> f.formId().equals(def.formId()))
                    .filter(f -> def.visitId() == null || def.visitId().equals(f.visit().visitId()))
                    .forEach(f -> inForm(c, subject, f, today, into));
            case VISIT -> data.visits().stream().filter(v -> v.visitId().equals(def.visitId())).forEach(v -> {
                SubjectResolver resolver = resolver(CheckContext.visit(v.visitId()), data, v, null, 0, today);
                List<SubjectData.FormInstance> forms = def.formId() == null ? List.of() : data.forms().stream()
                        .filter(f -> f.visit().id() == v.id() && f.formId().equals(def.formId())).toList();
                into.add(evaluate(c, resolver, target(def, v.id(), forms)));
            });
            case SUBJECT -> {
                SubjectResolver resolver = resolver(CheckContext.subject(), data, null, null, 0, today);
                List<SubjectData.FormInstance> forms = def.formId() == null ? List.of() : data.forms(def.formId());
                into.add(evaluate(c, resolver, target(def, forms.size() == 1 ? forms.get(0).visit().id() : null, forms)));
            }
        }
    }

    /** An item or form check in one form instance: once, or once per row when it reports on an item of a repeating group. */
    private void inForm(Compiled c, CheckSubject subject, SubjectData.FormInstance instance, LocalDate today,
                        List<CheckOutcome> into) {
        EditCheckDef def = c.def();
        FormDef form = study.form(def.formId()).orElseThrow();
        ItemGroupDef group = def.itemId() == null ? null : form.groupOf(def.itemId()).orElseThrow();
        String visitId = instance.visit().visitId();
        if (group != null && group.repeating()) {
            for (int row : SubjectResolver.rowsOf(instance, group.id())) {
                SubjectResolver resolver = resolver(CheckContext.row(visitId, form.id(), group.id()), subject.data(),
                        instance.visit(), instance, row, today);
                into.add(evaluate(c, resolver, new OutcomeTarget(instance.visit().id(), instance.id(),
                        new ItemKey(group.id(), row, def.itemId()))));
            }
            return;
        }
        SubjectResolver resolver = resolver(CheckContext.form(visitId, form.id()), subject.data(), instance.visit(),
                instance, 0, today);
        into.add(evaluate(c, resolver, new OutcomeTarget(instance.visit().id(), instance.id(),
                group == null ? null : new ItemKey(group.id(), 1, def.itemId()))));
    }

    /** Where a visit or subject check reports: on its form (and item) when the subject has one instance of it. */
    private OutcomeTarget target(EditCheckDef def, Long visitInstanceId, List<SubjectData.FormInstance> forms) {
        if (forms.size() != 1) {
            return new OutcomeTarget(visitInstanceId, null, null);
        }
        SubjectData.FormInstance f = forms.get(0);
        ItemKey item = def.itemId() == null ? null : study.form(def.formId()).flatMap(fd -> fd.groupOf(def.itemId()))
                .filter(g -> !g.repeating()).map(g -> new ItemKey(g.id(), 1, def.itemId())).orElse(null);
        return new OutcomeTarget(f.visit().id(), f.id(), item);
    }

    private SubjectResolver resolver(CheckContext context, SubjectData data, SubjectData.VisitInstance visit,
                                     SubjectData.FormInstance form, int row, LocalDate today) {
        SubjectSchema schema = schemas.computeIfAbsent(context, ctx -> SubjectSchema.of(study, ctx));
        return new SubjectResolver(study, schema, data, visit, form, row, today);
    }

    private CheckOutcome evaluate(Compiled c, SubjectResolver resolver, OutcomeTarget target) {
        CheckResult result = c.expression().check(resolver);
        Map<String, Value> values = new LinkedHashMap<>();
        result.itemValues().forEach((ref, v) -> values.put(ref.path(), v));
        result.parameterValues().forEach((name, v) -> values.put("$" + name, v));
        Function<Reference, String> labels = ref -> resolver.schema().locate(ref).map(p -> p.item().label().en())
                .orElse(null);
        String explanation = result.explain(labels);
        String english = render(c.message().english(), result, resolver, explanation);
        String chinese = c.message().chinese() == null ? english
                : render(c.message().chinese(), result, resolver, explanation);
        EditCheckDef def = c.def();
        return new CheckOutcome(def.id(), def.severity(), def.kind(), def.scope(), target, result.status(), english,
                chinese, values, explanation);
    }

    /** The message with the values the check read; the explanation when a placeholder cannot be read. */
    private static String render(MessageTemplate template, CheckResult result, ValueResolver resolver,
                                 String explanation) {
        try {
            return template.render(result, resolver);
        } catch (EvaluationException e) {
            return explanation;
        }
    }

    private static CheckOutcome ruleOutcome(Compiled c, RuleResult r) {
        MapValueResolver.Builder placeholders = MapValueResolver.builder();
        r.values().forEach(placeholders::item);
        MapValueResolver resolver = placeholders.build();
        String english = c.message().english().render(resolver);
        String chinese = c.message().chinese() == null ? english : c.message().chinese().render(resolver);
        EditCheckDef def = c.def();
        return new CheckOutcome(def.id(), def.severity(), def.kind(), def.scope(), r.target(), r.status(), english,
                chinese, r.values(), r.explanation());
    }
}
