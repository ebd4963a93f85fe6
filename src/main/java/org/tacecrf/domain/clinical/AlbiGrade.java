package org.tacecrf.domain.clinical;

/**
 * ALBI grade (Johnson 2015): 1 if ALBI ≤ −2.60, 2 if −2.60 &lt; ALBI ≤ −1.39, 3 if ALBI &gt; −1.39.
 * The modified grade (mALBI, Hiraoka 2017) splits grade 2 at −2.270 into 2a (≤ −2.270) and 2b.
 */
public enum AlbiGrade {
    GRADE_1("1", 1),
    GRADE_2("2", 2),
    GRADE_2A("2a", 2),
    GRADE_2B("2b", 2),
    GRADE_3("3", 3);

    private final String label;
    private final int baseGrade;

    AlbiGrade(String label, int baseGrade) {
        this.label = label;
        this.baseGrade = baseGrade;
    }

    /** As reported: "1", "2", "2a", "2b", "3". */
    public String label() {
        return label;
    }

    /** The unmodified grade 1-3 (2a and 2b are grade 2). */
    public int baseGrade() {
        return baseGrade;
    }
}
