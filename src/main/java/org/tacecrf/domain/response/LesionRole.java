package org.tacecrf.domain.response;

/** Role fixed at baseline; new lesions found later are never promoted to target (RECIST 1.1). */
public enum LesionRole {
    TARGET, NON_TARGET
}
