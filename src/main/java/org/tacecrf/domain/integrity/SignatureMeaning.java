package org.tacecrf.domain.integrity;

/**
 * The meaning of a signature, which 21 CFR 11.50(a)(3) requires every signed record to show.
 * The statement is stored with the signature in English, as signed, so a later change of wording
 * never alters what someone signed; pages show the stored text.
 */
public enum SignatureMeaning {
    /** The investigator's review and confirmation of the data (ODM SignatureDef meaning "approval"). */
    INVESTIGATOR_REVIEW("Approval", "I have reviewed these data and confirm they are accurate.");

    private final String odmMeaning;
    private final String statement;

    SignatureMeaning(String odmMeaning, String statement) {
        this.odmMeaning = odmMeaning;
        this.statement = statement;
    }

    /** The meaning as exports name it (ODM {@code SignatureDef/Meaning}). */
    public String odmMeaning() {
        return odmMeaning;
    }

    public String statement() {
        return statement;
    }

    /** Resource-bundle key of a short name of the meaning. */
    public String messageKey() {
        return "signature.meaning." + name();
    }
}
