package org.tacecrf.model.user;

/**
 * The four roles of a TACE study team. The names are the Jakarta Security group names used in
 * {@code web.xml} constraints and {@code @RolesAllowed}.
 */
public enum Role {
    /** Research nurse / study coordinator: enrols patients and enters data at their sites. */
    NURSE,
    /** Investigator: reviews, signs and locks casebooks at their sites. */
    INVESTIGATOR,
    /** Monitor: verifies source data, raises and closes queries, runs data-quality reports. */
    MONITOR,
    /** Data manager: sets up studies, sites and users, imports and exports data. */
    DATA_MANAGER;

    public static final String NURSE_NAME = "NURSE";
    public static final String INVESTIGATOR_NAME = "INVESTIGATOR";
    public static final String MONITOR_NAME = "MONITOR";
    public static final String DATA_MANAGER_NAME = "DATA_MANAGER";

    /** Resource-bundle key of the role's display name. */
    public String messageKey() {
        return "role." + name();
    }
}
