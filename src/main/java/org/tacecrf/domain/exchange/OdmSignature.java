package org.tacecrf.domain.exchange;

import java.time.Instant;

/**
 * An electronic signature of a form instance (21 CFR 11.50: printed name through the user, date
 * and time, meaning).
 *
 * @param formDataId the signed form instance
 * @param meaning    what the signature means, e.g. "Approval" or "Review"
 * @param legalReason the statement the signer confirmed
 */
public record OdmSignature(long formDataId, String username, Instant signedAt, String meaning, String legalReason) {
}
