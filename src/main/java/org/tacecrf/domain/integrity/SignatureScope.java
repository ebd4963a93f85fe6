package org.tacecrf.domain.integrity;

/**
 * What an electronic signature covers (clinical-rules §6.3): one form, every form of one visit
 * occurrence, or the subject's whole casebook.
 */
public enum SignatureScope {
    FORM, VISIT, SUBJECT;

    /** Resource-bundle key of the scope's display name. */
    public String messageKey() {
        return "signature.scope." + name();
    }
}
