package org.tacecrf.domain.clinical;

/** Hepatic encephalopathy as graded for the Child-Pugh score (West Haven grades; clinical rules 2.1). */
public enum HepaticEncephalopathy {
    /** None: 1 point. */
    NONE(1),
    /** West Haven grade 1-2, or suppressed by medication: 2 points. */
    GRADE_1_2_OR_CONTROLLED(2),
    /** West Haven grade 3-4, or refractory: 3 points. */
    GRADE_3_4_OR_REFRACTORY(3);

    private final int childPughPoints;

    HepaticEncephalopathy(int childPughPoints) {
        this.childPughPoints = childPughPoints;
    }

    public int childPughPoints() {
        return childPughPoints;
    }
}
