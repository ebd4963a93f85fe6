package org.tacecrf.domain.endpoint;

/** Time 0 of the endpoints: randomisation in randomised trials, otherwise enrolment or first TACE. */
public enum Origin {
    ENROLMENT, FIRST_TACE, RANDOMISATION
}
