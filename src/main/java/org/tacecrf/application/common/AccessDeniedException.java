package org.tacecrf.application.common;

import jakarta.ejb.ApplicationException;

/**
 * The caller may not do this or see this (role or site). Rolls the transaction back; shown as a
 * 403 page in the browser and a JSON 403 in the API.
 */
@ApplicationException(rollback = true)
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
