package org.tacecrf.domain.exchange;

/**
 * A user named by audit records or signatures of an ODM file.
 *
 * @param investigator true for investigators (ODM UserType Investigator); everyone else is Other
 */
public record OdmUser(String username, String fullName, boolean investigator) {
}
