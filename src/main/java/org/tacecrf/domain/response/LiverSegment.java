package org.tacecrf.domain.response;

/** Couinaud liver segments I to VIII. */
public enum LiverSegment {
    I, II, III, IV, V, VI, VII, VIII
}
