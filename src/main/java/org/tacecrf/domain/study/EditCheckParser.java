package org.tacecrf.domain.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.nodes.Node;

import org.tacecrf.domain.check.CheckScope;
import org.tacecrf.domain.check.CheckSeverity;
import org.tacecrf.domain.study.MapReader.IdStyle;

/**
 * Reads an {@code editChecks:} section, of the built-in library or of a study file, and checks that
 * the forms, items and visits a check is attached to exist. In a study file an entry whose id is a
 * built-in check's changes that check instead: {@code {id: x, disabled: true}} switches it off,
 * {@code {id: x, severity: hard}} changes its severity. The expressions themselves are validated
 * later, against the whole study ({@link ExpressionValidator}).
 */
final class EditCheckParser {

    static final List<String> KEYS = List.of("id", "severity", "scope", "kind", "form", "item", "visit", "expression",
            "rule", "message", "disabled");

    private static final List<String> OVERRIDE_KEYS = List.of("id", "disabled", "severity");

    /** A study's change to a built-in check. */
    record Override(String id, boolean disabled, CheckSeverity severity, SourceLocation location) {
    }

    /** The checks of the section, and (in a study) its changes to built-in checks, by id. */
    record Result(List<EditCheckDef> checks, Map<String, Override> overrides) {
    }

    private final Source source;
    private final Origin origin;
    private final Map<String, FormDef> forms;
    private final List<VisitDef> visits;
    private final Map<String, EditCheckDef> builtIn;

    /**
     * @param forms    the forms checks may be attached to (the library's, or those the study collects)
     * @param visits   the study's visits (empty for the library, which knows no visits)
     * @param builtIn  the library's checks a study may change, by id (empty for the library itself)
     */
    EditCheckParser(Source source, Origin origin, Map<String, FormDef> forms, List<VisitDef> visits,
                    Map<String, EditCheckDef> builtIn) {
        this.source = source;
        this.origin = origin;
        this.forms = forms;
        this.visits = visits;
        this.builtIn = builtIn;
    }

    private boolean library() {
        return origin == Origin.LIBRARY;
    }

    Result parse(List<Node> nodes) {
        Map<String, EditCheckDef> checks = new LinkedHashMap<>();
        Map<String, Override> overrides = new LinkedHashMap<>();
        for (Node n : nodes) {
            MapReader r = MapReader.of(source, n, DefinitionParser.named("edit check", n, "id"), KEYS);
            if (!r.valid()) {
                continue;
            }
            Optional<String> id = r.id("id", IdStyle.NAME, true);
            if (id.isPresent() && builtIn.containsKey(id.get())) {
                override(r, builtIn.get(id.get())).ifPresent(o -> {
                    if (overrides.putIfAbsent(o.id(), o) != null) {
                        source.error(ErrorKind.DUPLICATE_ID, o.location(), "built-in check '" + o.id()
                                + "' is changed twice");
                    }
                });
                continue;
            }
            if (library()) {
                r.forbid("disabled", "a built-in check is switched off by the studies that do not want it");
                r.forbid("visit", "the library does not know the studies' visits");
            } else if (r.has("disabled")) {
                r.error(ErrorKind.UNKNOWN_REFERENCE, "id", "'disabled' switches off a built-in check, and there is no"
                        + " built-in check '" + id.orElse("") + "'" + Suggestions.hint(id.orElse(""), builtIn.keySet()));
                continue;
            }
            Optional<EditCheckDef> check = r.has("rule") && library() ? rule(r, id) : check(r, id);
            check.ifPresent(c -> {
                EditCheckDef previous = checks.putIfAbsent(c.id(), c);
                if (previous != null) {
                    source.error(ErrorKind.DUPLICATE_ID, c.location(), "edit check id '" + c.id() + "' is used twice");
                }
            });
        }
        return new Result(List.copyOf(checks.values()), overrides);
    }

    private Optional<Override> override(MapReader r, EditCheckDef check) {
        for (String key : KEYS) {
            if (!OVERRIDE_KEYS.contains(key)) {
                r.forbid(key, "'" + check.id() + "' is a built-in check, which a study may only switch off"
                        + " ('disabled: true') or give another 'severity'; to check something else, write a check"
                        + " with an id of its own");
            }
        }
        boolean disabled = r.bool("disabled", false);
        Optional<CheckSeverity> severity = r.enumValue("severity", CheckSeverity.class, ErrorKind.INVALID_VALUE);
        if (!r.has("disabled") && !r.has("severity")) {
            source.error(ErrorKind.MISSING_KEY, r.location(), "built-in check '" + check.id()
                    + "' is named without a change: add 'disabled: true' or a 'severity'");
            return Optional.empty();
        }
        if (severity.isPresent() && severity.get() == CheckSeverity.HARD && check.kind() == EditCheckDef.Kind.DEVIATION) {
            r.error(ErrorKind.INVALID_VALUE, "severity", "built-in check '" + check.id() + "' records a protocol"
                    + " deviation, which never blocks data entry; it cannot be hard");
            return Optional.empty();
        }
        return Optional.of(new Override(check.id(), disabled, severity.orElse(null), r.location()));
    }

    /** A built-in rule of the library: {@code rule:} with its message; scope and target follow from the rule. */
    private Optional<EditCheckDef> rule(MapReader r, Optional<String> id) {
        for (String key : List.of("scope", "kind", "form", "item", "expression")) {
            r.forbid(key, "a built-in rule determines its scope, kind and form");
        }
        Optional<BuiltInRule> rule = r.enumValue("rule", BuiltInRule.class, ErrorKind.INVALID_VALUE);
        CheckSeverity severity = r.enumValue("severity", CheckSeverity.class, ErrorKind.INVALID_VALUE)
                .orElse(CheckSeverity.SOFT);
        if (severity == CheckSeverity.HARD) {
            r.error(ErrorKind.INVALID_VALUE, "severity", "a built-in rule records a protocol deviation, which never"
                    + " blocks data entry; it cannot be hard");
            return Optional.empty();
        }
        Optional<LocalizedText> message = r.requiredText("message");
        if (id.isEmpty() || rule.isEmpty() || message.isEmpty()) {
            return Optional.empty();
        }
        BuiltInRule k = rule.get();
        return Optional.of(new EditCheckDef(id.get(), EditCheckDef.Kind.DEVIATION, severity, k.scope(), k, k.formId(),
                null, null, null, message.get(), r.textSource("message", "en").orElseThrow(),
                r.textSource("message", "zh").orElse(null), origin, r.location()));
    }

    private Optional<EditCheckDef> check(MapReader r, Optional<String> id) {
        r.forbid("rule", "built-in rules belong to the form library; write the condition as 'expression:'");
        Optional<CheckSeverity> severity = r.requiredEnum("severity", CheckSeverity.class, ErrorKind.INVALID_VALUE);
        Optional<CheckScope> scope = r.requiredEnum("scope", CheckScope.class, ErrorKind.INVALID_VALUE);
        EditCheckDef.Kind kind = r.enumValue("kind", EditCheckDef.Kind.class, ErrorKind.INVALID_VALUE)
                .orElse(EditCheckDef.Kind.QUERY);
        Optional<String> formId = r.id("form", IdStyle.NAME, false);
        Optional<String> itemId = r.id("item", IdStyle.NAME, false);
        Optional<String> visitId = r.id("visit", IdStyle.NAME, false);
        boolean hasExpression = r.require("expression");
        Optional<Expression> expression = r.expression("expression");
        Optional<LocalizedText> message = r.requiredText("message");
        boolean ok = hasExpression && expression.isPresent();
        if (scope.isPresent()) {
            CheckScope s = scope.get();
            if ((s == CheckScope.ITEM || s == CheckScope.FORM) && !r.has("form")) {
                ok = r.require("form") && ok;
            }
            if (s == CheckScope.ITEM && !r.has("item")) {
                ok = r.require("item") && ok;
            }
            if (s == CheckScope.VISIT && library()) {
                r.error(ErrorKind.INVALID_VALUE, "scope", "a built-in check cannot have scope visit: the library"
                        + " does not know the studies' visits");
                ok = false;
            } else if (s == CheckScope.VISIT && !r.has("visit")) {
                ok = r.require("visit") && ok;
            }
        }
        if (severity.isPresent() && severity.get() == CheckSeverity.HARD && kind == EditCheckDef.Kind.DEVIATION) {
            r.error(ErrorKind.INVALID_VALUE, "severity", r.what() + " records a protocol deviation, which never blocks"
                    + " data entry; make it soft");
            ok = false;
        }
        if (itemId.isPresent() && formId.isEmpty() && r.has("item") && !r.has("form")) {
            r.error(ErrorKind.MISSING_KEY, "item", "edit check item '" + itemId.get() + "' needs its 'form'");
            ok = false;
        }
        String collect = library() ? "', which the library does not define" : "', which the study does not collect";
        if (formId.isPresent() && !forms.containsKey(formId.get())) {
            r.error(ErrorKind.UNKNOWN_REFERENCE, "form", r.what() + " refers to form '" + formId.get() + collect
                    + Suggestions.hint(formId.get(), forms.keySet()));
            ok = false;
        } else if (formId.isPresent() && itemId.isPresent() && forms.get(formId.get()).item(itemId.get()).isEmpty()
                && !library()) {
            // a built-in check may report on an item that only some studies add: it applies to those
            r.error(ErrorKind.UNKNOWN_REFERENCE, "item", r.what() + " refers to unknown item '" + itemId.get()
                    + "' of form '" + formId.get() + "'" + Suggestions.hint(itemId.get(),
                    forms.get(formId.get()).items().stream().map(ItemDef::id).toList()));
            ok = false;
        }
        Optional<VisitDef> visit = visitId.flatMap(v -> visits.stream().filter(d -> d.id().equals(v)).findFirst());
        if (visitId.isPresent() && visit.isEmpty()) {
            r.error(ErrorKind.UNKNOWN_REFERENCE, "visit", r.what() + " refers to unknown visit '" + visitId.get()
                    + "'" + Suggestions.hint(visitId.get(), visits.stream().map(VisitDef::id).toList()));
            ok = false;
        } else if (visit.isPresent() && formId.isPresent() && forms.containsKey(formId.get())
                && !visit.get().collects(formId.get())) {
            r.error(ErrorKind.UNKNOWN_REFERENCE, "visit", r.what() + " runs in form '" + formId.get() + "' at visit '"
                    + visitId.get() + "', which does not collect that form");
            ok = false;
        }
        if (!ok || id.isEmpty() || severity.isEmpty() || scope.isEmpty() || message.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EditCheckDef(id.get(), kind, severity.get(), scope.get(), null, formId.orElse(null),
                itemId.orElse(null), visitId.orElse(null), expression.get(), message.get(),
                r.textSource("message", "en").orElseThrow(), r.textSource("message", "zh").orElse(null), origin,
                r.location()));
    }
}
