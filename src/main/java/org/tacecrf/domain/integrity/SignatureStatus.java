package org.tacecrf.domain.integrity;

/** The stored state of a signature. */
public enum SignatureStatus {
    /** The signed data have not changed since signing. */
    VALID,
    /** Signed data changed afterwards; the signature no longer applies and the data need signing again. */
    INVALIDATED
}
