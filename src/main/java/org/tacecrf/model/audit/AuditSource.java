package org.tacecrf.model.audit;

/** Where a change came from. */
public enum AuditSource {
    /** A user at a form or page. */
    FORM,
    /** A bulk import; the source detail names the import and file. */
    IMPORT,
    /** The REST API; the source detail names the token. */
    API,
    /** A derivation or automatic check; the source detail names the algorithm and version. */
    SYSTEM,
    /** Study, site or user administration. */
    ADMIN
}
