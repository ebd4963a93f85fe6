package org.tacecrf.domain.study;

import java.util.Map;

import org.tacecrf.domain.check.CheckScope;
import org.tacecrf.domain.check.MapReferenceSchema;
import org.tacecrf.domain.check.ReferenceSchema;
import org.tacecrf.domain.check.ValueType;

/**
 * Rules of the built-in library that are not a condition in the edit-check language, because they
 * need what expressions cannot see: the visit schedule's windows, or which eligibility criteria are
 * inclusions and which exclusions. Written in the library as {@code rule: visit_window} or
 * {@code rule: eligibility} with their messages; a failure is a protocol deviation, never a query.
 * Their messages may show the values listed by {@link #placeholders()}, e.g. {@code {visit_date}}.
 */
public enum BuiltInRule {

    /**
     * A visit occurrence done outside its window (the schedule's target day and window, from its
     * anchor). Runs at every occurrence of a visit with a timing.
     */
    VISIT_WINDOW(CheckScope.VISIT, null, Map.of("visit_date", ValueType.DATE, "target_date", ValueType.DATE,
            "earliest", ValueType.DATE, "latest", ValueType.DATE)),

    /**
     * The eligibility form records an inclusion criterion that is not met or an exclusion criterion
     * that applies, and the subject was enrolled without an eligibility waiver.
     */
    ELIGIBILITY(CheckScope.SUBJECT, "eligibility", Map.of("failed_criteria", ValueType.CODE));

    /** Placeholders with several values. */
    private static final java.util.Set<String> MULTIPLE = java.util.Set.of("failed_criteria");

    private final CheckScope scope;
    private final String formId;
    private final Map<String, ValueType> placeholders;

    BuiltInRule(CheckScope scope, String formId, Map<String, ValueType> placeholders) {
        this.scope = scope;
        this.formId = formId;
        this.placeholders = placeholders;
    }

    public CheckScope scope() {
        return scope;
    }

    /** The form the rule reads and reports on, or null. */
    public String formId() {
        return formId;
    }

    /** The values a message of the rule may show, by placeholder name. */
    public Map<String, ValueType> placeholders() {
        return placeholders;
    }

    /** Whether a placeholder has several values (shown joined by ", "). */
    public static boolean multiple(String placeholder) {
        return MULTIPLE.contains(placeholder);
    }

    /** The schema a message of this rule is validated against. */
    public ReferenceSchema messageSchema() {
        MapReferenceSchema.Builder b = MapReferenceSchema.builder();
        placeholders.forEach((name, type) -> {
            if (multiple(name)) {
                b.multiple(name, type);
            } else {
                b.item(name, type);
            }
        });
        return b.build();
    }
}
