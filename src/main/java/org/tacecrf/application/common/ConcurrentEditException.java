package org.tacecrf.application.common;

import jakarta.ejb.ApplicationException;

/**
 * Someone else saved the same record after this user opened it. Nothing is overwritten; the user
 * reloads and sees the other change first.
 */
@ApplicationException(rollback = true)
public class ConcurrentEditException extends RuntimeException {

    public ConcurrentEditException(String what) {
        super(what + " was changed by someone else after you opened it");
    }
}
