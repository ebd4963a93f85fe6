package org.tacecrf.domain.clinical;

/** Child-Pugh class from the total score: A = 5-6, B = 7-9, C = 10-15. */
public enum ChildPughClass {
    A,
    B,
    C;

    /** Class of a total score 5-15. */
    public static ChildPughClass ofTotal(int total) {
        if (total < 5 || total > 15) {
            throw new IllegalArgumentException("Child-Pugh total must be 5-15, was " + total);
        }
        return total <= 6 ? A : total <= 9 ? B : C;
    }
}
