package org.tacecrf.domain.stats;

/** Approximation of the partial likelihood when several events share a time. */
public enum Ties {

    /**
     * Efron (1977), JASA 72:557–565: the k-th of d tied events sees the risk set minus k/d of the
     * tied subjects. R {@code coxph} default ({@code ties = "efron"}).
     */
    EFRON,

    /**
     * Breslow (1974), Biometrics 30:89–99: every tied event sees the full risk set. R
     * {@code ties = "breslow"}. SPSS COXREG is widely reported to offer only this method (not checked
     * against IBM's documentation here), so use it to reproduce SPSS output on data with tied times.
     */
    BRESLOW
}
