package org.tacecrf.domain.response;

/**
 * Response criteria the system evaluates, each with the name and version stored next to every
 * derived value.
 * <p>
 * Fixed thresholds shared by both (RECIST 1.1, Eisenhauer et al. 2009; mRECIST, Lencioni &amp;
 * Llovet 2010): partial response at a fall of at least {@value #PR_DECREASE_PCT} % of the sum of
 * diameters from baseline; progression at a rise of at least {@value #PD_INCREASE_PCT} % over the
 * nadir. RECIST 1.1 also needs an absolute rise of at least {@value #RECIST_PD_ABSOLUTE_MIN_MM} mm;
 * for mRECIST that floor is a study parameter
 * ({@link ResponseParameters#mrecistPdAbsoluteMinMm()}).
 */
public enum Criteria {
    /** RECIST 1.1: longest diameter of non-nodal targets, short axis of nodes. */
    RECIST_1_1("RECIST 1.1", "RECIST 1.1"),
    /** mRECIST for HCC: longest diameter of the arterially enhancing (viable) tumour. */
    MRECIST("mRECIST", "mRECIST (Lencioni & Llovet 2010)");

    /** Fall from baseline, in percent, needed for partial response. */
    public static final double PR_DECREASE_PCT = 30.0;
    /** Rise over the nadir, in percent, needed for progression. */
    public static final double PD_INCREASE_PCT = 20.0;
    /** Absolute rise over the nadir, in mm, RECIST 1.1 needs for progression. */
    public static final double RECIST_PD_ABSOLUTE_MIN_MM = 5.0;

    private final String displayName;
    private final String version;

    Criteria(String displayName, String version) {
        this.displayName = displayName;
        this.version = version;
    }

    /** Short name for screens and CDISC {@code RSCAT}, e.g. "RECIST 1.1". */
    public String displayName() {
        return displayName;
    }

    /** Name and version stored with every derived value, e.g. "mRECIST (Lencioni &amp; Llovet 2010)". */
    public String version() {
        return version;
    }

    /** Absolute rise over the nadir (mm) that progression needs under these criteria. */
    public double pdAbsoluteMinMm(ResponseParameters parameters) {
        return this == RECIST_1_1 ? RECIST_PD_ABSOLUTE_MIN_MM : parameters.mrecistPdAbsoluteMinMm();
    }
}
