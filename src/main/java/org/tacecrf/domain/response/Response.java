package org.tacecrf.domain.response;

/**
 * Response categories for target, non-target and overall response, with their CDISC
 * ({@code RSORRES}) codes.
 * <p>
 * Best-overall-response ranking: CR &gt; PR &gt; SD &gt; Non-CR/Non-PD &gt; PD &gt; NE
 * (RECIST 1.1 section 4.4). {@link #NA} is used where a category does not apply, e.g. the target
 * response of a subject with non-target disease only; it ranks below everything.
 */
public enum Response {
    CR("CR", "Complete response", 6),
    PR("PR", "Partial response", 5),
    SD("SD", "Stable disease", 4),
    NON_CR_NON_PD("NON-CR/NON-PD", "Non-CR/Non-PD", 3),
    PD("PD", "Progressive disease", 2),
    NE("NE", "Not evaluable", 1),
    NA("NA", "Not applicable", 0);

    private final String code;
    private final String label;
    private final int rank;

    Response(String code, String label, int rank) {
        this.code = code;
        this.label = label;
        this.rank = rank;
    }

    /** CDISC submission value. */
    public String code() {
        return code;
    }

    /** English label for screens. */
    public String label() {
        return label;
    }

    /** Position in the best-overall-response ranking; higher is better. */
    public int rank() {
        return rank;
    }

    /** True when this is better than {@code other} in the best-overall-response ranking. */
    public boolean betterThan(Response other) {
        return rank > other.rank;
    }

    /** CR or PR: counts towards the objective response rate. */
    public boolean isObjectiveResponse() {
        return this == CR || this == PR;
    }
}
