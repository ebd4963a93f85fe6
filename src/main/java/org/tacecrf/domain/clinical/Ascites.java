package org.tacecrf.domain.clinical;

/** Ascites as graded for the Child-Pugh score (clinical rules 2.1). */
public enum Ascites {
    /** No ascites: 1 point. */
    NONE(1),
    /** Mild/slight, or controlled by diuretics: 2 points. */
    MILD_OR_CONTROLLED(2),
    /** Moderate to severe despite diuretics (refractory): 3 points. */
    MODERATE_TO_SEVERE(3);

    private final int childPughPoints;

    Ascites(int childPughPoints) {
        this.childPughPoints = childPughPoints;
    }

    public int childPughPoints() {
        return childPughPoints;
    }
}
