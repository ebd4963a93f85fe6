package org.tacecrf.domain.endpoint;

/**
 * The rule that decided a subject's event or censoring (clinical rules 7.2-7.3); the code is the
 * message key, {@link #message()} the English default shown in the casebook.
 */
public enum EndpointRule {
    DEATH(true, "event: death"),
    PROGRESSION(true, "event: progression"),
    DEATH_BEFORE_FIRST_ASSESSMENT(true, "event: death before the first post-baseline assessment"),
    DEATH_BETWEEN_ASSESSMENTS(true, "event: death without documented progression"),
    ALIVE_AT_LAST_CONTACT(false, "censored: alive at last contact"),
    LOST_TO_FOLLOW_UP(false, "censored: lost to follow-up"),
    NO_BASELINE_ASSESSMENT(false, "censored: no baseline tumour assessment"),
    NO_ADEQUATE_POST_BASELINE_ASSESSMENT(false, "censored: no adequate post-baseline tumour assessment"),
    NO_PROGRESSION(false, "censored: no progression at the last adequate assessment"),
    NEW_THERAPY_BEFORE_PROGRESSION(false, "censored: new anticancer therapy before progression"),
    EVENT_AFTER_MISSED_ASSESSMENTS(false, "censored: progression or death after missed scheduled assessments"),
    DEATH_NOT_A_TTP_EVENT(false, "censored: death without progression is not a TTP event");

    private final boolean event;
    private final String message;

    EndpointRule(boolean event, String message) {
        this.event = event;
        this.message = message;
    }

    /** True for rules that give an event, false for censoring rules. */
    public boolean event() {
        return event;
    }

    /** English default message. */
    public String message() {
        return message;
    }
}
