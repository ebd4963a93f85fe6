package org.tacecrf.domain.validation;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.tacecrf.domain.check.CheckScope;
import org.tacecrf.domain.check.CheckSeverity;
import org.tacecrf.domain.check.CheckStatus;
import org.tacecrf.domain.check.Value;
import org.tacecrf.domain.study.EditCheckDef;

/**
 * The result of running one check at one place (a form instance, a row, a visit occurrence or the
 * subject). Only {@link CheckStatus#FAIL} asks for action:
 * <ul>
 *   <li>a HARD query ({@link #blocksCompletion()}): the form cannot be marked complete until the data
 *       are corrected;</li>
 *   <li>a SOFT query ({@link #raisesQuery()}): the data are saved and a query is opened, unless the
 *       user confirms the value with a reason;</li>
 *   <li>a deviation ({@link #recordsDeviation()}): a protocol deviation is recorded; it never blocks.</li>
 * </ul>
 * A check that passes closes what an earlier failure at the same {@link #key()} opened.
 * {@link CheckStatus#NOT_EVALUABLE} means a value it needs is empty (wait);
 * {@link CheckStatus#ERROR} is a definition problem for data management, never shown to the site.
 *
 * @param checkId         the check's id
 * @param severity        HARD or SOFT
 * @param kind            QUERY or DEVIATION
 * @param scope           the check's scope
 * @param target          where the outcome belongs
 * @param status          PASS, FAIL, NOT_EVALUABLE or ERROR
 * @param messageEnglish  the check's message with the values read
 * @param messageChinese  the Chinese message with the values read (the English one when the check has none)
 * @param values          the values the check read, by path as written ({@code $name} for parameters,
 *                        the placeholder names for built-in rules), in order of reading
 * @param explanation     one English line from the rule itself: the comparison that failed
 *                        ("Direct bilirubin 40 > Total bilirubin 30"), the empty values, or the error
 */
public record CheckOutcome(String checkId, CheckSeverity severity, EditCheckDef.Kind kind, CheckScope scope,
                           OutcomeTarget target, CheckStatus status, String messageEnglish, String messageChinese,
                           Map<String, Value> values, String explanation) {

    public CheckOutcome {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(messageEnglish, "messageEnglish");
        Objects.requireNonNull(messageChinese, "messageChinese");
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        Objects.requireNonNull(explanation, "explanation");
    }

    public boolean failed() {
        return status == CheckStatus.FAIL;
    }

    /** A failed hard query: the form cannot be marked complete. */
    public boolean blocksCompletion() {
        return failed() && kind == EditCheckDef.Kind.QUERY && severity == CheckSeverity.HARD;
    }

    /** A failed soft query: saved, and a query is raised unless the user confirms the value with a reason. */
    public boolean raisesQuery() {
        return failed() && kind == EditCheckDef.Kind.QUERY && severity == CheckSeverity.SOFT;
    }

    /** A failed deviation rule: a protocol deviation to record. */
    public boolean recordsDeviation() {
        return failed() && kind == EditCheckDef.Kind.DEVIATION;
    }

    /** The message for the user's language: Chinese for a Chinese locale, English otherwise. */
    public String message(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? messageChinese : messageEnglish;
    }

    /**
     * Identifies the place the outcome belongs to across runs, "checkId@target": a query or deviation
     * opened for a failure is matched to later outcomes by it.
     */
    public String key() {
        return checkId + "@" + target;
    }

    /** Whether any outcome blocks completing the form. */
    public static boolean anyBlocking(Collection<CheckOutcome> outcomes) {
        return outcomes.stream().anyMatch(CheckOutcome::blocksCompletion);
    }

    @Override
    public String toString() {
        return key() + " " + status + ": " + (failed() ? messageEnglish : explanation);
    }
}
