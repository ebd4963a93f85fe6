package org.tacecrf.domain.demo;

/** A cohort specification that cannot be read or does not fit its study (the message says where). */
public class CohortSpecException extends RuntimeException {

    public CohortSpecException(String message) {
        super(message);
    }
}
