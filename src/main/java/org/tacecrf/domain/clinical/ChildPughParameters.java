package org.tacecrf.domain.clinical;

import java.util.Objects;

/**
 * Study parameters of the Child-Pugh score (clinical rules 2.1, open item 3). Published versions
 * differ, so each study fixes them in its protocol; the defaults are those of most HCC trials.
 *
 * @param albuminCutoffs   28/35 g/L (Pugh 1973, default) or 30/35 g/L (some textbooks)
 * @param bilirubinCutoffs standard (default) or cholestatic (PBC/PSC) cut-offs
 * @param coagulation      INR (default) or PT seconds above control
 * @param boundaryBasis    how values in mg/dL or g/dL meet the cut-offs
 */
public record ChildPughParameters(AlbuminCutoffs albuminCutoffs, BilirubinCutoffs bilirubinCutoffs,
                                  CoagulationMeasure coagulation, BoundaryBasis boundaryBasis) {

    /** Albumin 28/35 g/L, standard bilirubin, INR, cut-offs in the entered unit. */
    public static final ChildPughParameters DEFAULT = new ChildPughParameters(
            AlbuminCutoffs.G_L_28_35, BilirubinCutoffs.STANDARD, CoagulationMeasure.INR, BoundaryBasis.ENTERED_UNIT);

    public ChildPughParameters {
        Objects.requireNonNull(albuminCutoffs, "albuminCutoffs");
        Objects.requireNonNull(bilirubinCutoffs, "bilirubinCutoffs");
        Objects.requireNonNull(coagulation, "coagulation");
        Objects.requireNonNull(boundaryBasis, "boundaryBasis");
    }

    public ChildPughParameters withAlbuminCutoffs(AlbuminCutoffs value) {
        return new ChildPughParameters(value, bilirubinCutoffs, coagulation, boundaryBasis);
    }

    public ChildPughParameters withBilirubinCutoffs(BilirubinCutoffs value) {
        return new ChildPughParameters(albuminCutoffs, value, coagulation, boundaryBasis);
    }

    public ChildPughParameters withCoagulation(CoagulationMeasure value) {
        return new ChildPughParameters(albuminCutoffs, bilirubinCutoffs, value, boundaryBasis);
    }

    public ChildPughParameters withBoundaryBasis(BoundaryBasis value) {
        return new ChildPughParameters(albuminCutoffs, bilirubinCutoffs, coagulation, value);
    }

    /** Albumin cut-offs: 1 point above the upper, 3 points below the lower, 2 points from lower to upper inclusive. */
    public enum AlbuminCutoffs {
        /** 28/35 g/L = 2.8/3.5 g/dL (Pugh 1973, MSD Manual, most HCC trials). */
        G_L_28_35("28", "2.8", "35", "3.5"),
        /** 30/35 g/L = 3.0/3.5 g/dL (e.g. Harrison's). */
        G_L_30_35("30", "3.0", "35", "3.5");

        final PublishedCutoff lower;
        final PublishedCutoff upper;

        AlbuminCutoffs(String lowGL, String lowGdL, String highGL, String highGdL) {
            this.lower = PublishedCutoff.of(Analyte.ALBUMIN, lowGL, LabUnit.G_PER_DL, lowGdL);
            this.upper = PublishedCutoff.of(Analyte.ALBUMIN, highGL, LabUnit.G_PER_DL, highGdL);
        }
    }

    /** Bilirubin cut-offs: 1 point below the lower, 3 points above the upper, 2 points from lower to upper inclusive. */
    public enum BilirubinCutoffs {
        /** 34/51 µmol/L, printed as 2/3 mg/dL. */
        STANDARD("34", "2", "51", "3"),
        /** Cholestatic disease (PBC/PSC): 68/170 µmol/L, printed as 4/10 mg/dL. */
        CHOLESTATIC("68", "4", "170", "10");

        final PublishedCutoff lower;
        final PublishedCutoff upper;

        BilirubinCutoffs(String lowUmol, String lowMg, String highUmol, String highMg) {
            this.lower = PublishedCutoff.of(Analyte.TOTAL_BILIRUBIN, lowUmol, LabUnit.MG_PER_DL, lowMg);
            this.upper = PublishedCutoff.of(Analyte.TOTAL_BILIRUBIN, highUmol, LabUnit.MG_PER_DL, highMg);
        }
    }

    /** Which coagulation measure is scored; the other one is ignored even if entered. */
    public enum CoagulationMeasure {
        /** INR &lt; 1.7, 1.7-2.3, &gt; 2.3. */
        INR,
        /** PT prolonged &lt; 4 s, 4-6 s, &gt; 6 s above control. */
        PT_SECONDS_PROLONGED
    }
}
