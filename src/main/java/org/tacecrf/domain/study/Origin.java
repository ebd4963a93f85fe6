package org.tacecrf.domain.study;

/** Whether a definition element comes from the built-in TACE form library or from a study file. */
public enum Origin {
    /** Defined in the built-in form library; its id is stable across studies. */
    LIBRARY,
    /** Defined (or added to a library form) by one study. */
    STUDY,
    /** Generated from the study file itself, such as the code list of the study's arms. */
    STUDY_SUPPLIED
}
