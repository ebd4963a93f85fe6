package org.tacecrf.domain.endpoint;

/** Time-to-event endpoints derived per subject. */
public enum Endpoint {
    /** Overall survival: death from any cause. */
    OS,
    /** Progression-free survival: first radiological progression or death, whichever comes first. */
    PFS,
    /** Time to progression: radiological progression only; death without progression is censored. */
    TTP
}
