package org.tacecrf.domain.study;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The study's choices where published rules differ or the protocol decides (the points marked
 * [VERIFY] in the clinical rules). One small record per area; every value has a default, and a
 * study file sets only what its protocol changes. Unknown keys and invalid values are rejected when
 * the file is loaded.
 */
public record StudyParameters(ChildPugh childPugh, Albi albi, Response response, Mrecist mrecist, Recist recist,
                              Endpoints endpoints, Imaging imaging, Ctcae ctcae, Dose dose, Biomarker biomarker,
                              Sae sae, Subject subject) {

    public static final StudyParameters DEFAULTS = new StudyParameters(ChildPugh.DEFAULT, Albi.DEFAULT,
            Response.DEFAULT, Mrecist.DEFAULT, Recist.DEFAULT, Endpoints.DEFAULT, Imaging.DEFAULT, Ctcae.DEFAULT,
            Dose.DEFAULT, Biomarker.DEFAULT, Sae.DEFAULT, Subject.DEFAULT);

    public StudyParameters {
        Objects.requireNonNull(childPugh);
        Objects.requireNonNull(albi);
        Objects.requireNonNull(response);
        Objects.requireNonNull(mrecist);
        Objects.requireNonNull(recist);
        Objects.requireNonNull(endpoints);
        Objects.requireNonNull(imaging);
        Objects.requireNonNull(ctcae);
        Objects.requireNonNull(dose);
        Objects.requireNonNull(biomarker);
        Objects.requireNonNull(sae);
        Objects.requireNonNull(subject);
    }

    /** Coagulation measure scored by Child-Pugh. */
    public enum Coagulation {
        /** INR: 1 point < 1.7, 2 points 1.7-2.3, 3 points > 2.3. */
        INR,
        /** Prothrombin time prolonged over control: < 4 s, 4-6 s, > 6 s. */
        PT
    }

    /** Bilirubin cut-offs used by Child-Pugh. */
    public enum BilirubinScale {
        /** < 34, 34-51, > 51 µmol/L. */
        STANDARD,
        /** Cholestatic disease (PBC/PSC): < 68, 68-170, > 170 µmol/L. */
        CHOLESTATIC
    }

    /**
     * Child-Pugh variant (clinical rules §2.1).
     *
     * @param albuminCutoff lower albumin cut-off in g/L between 2 and 3 points: 28 (Pugh, most HCC
     *                      trials) or 30 (some textbooks)
     */
    public record ChildPugh(int albuminCutoff, Coagulation coagulation, BilirubinScale bilirubinScale) {
        public static final Set<Integer> ALBUMIN_CUTOFFS = Set.of(28, 30);
        public static final ChildPugh DEFAULT = new ChildPugh(28, Coagulation.INR, BilirubinScale.STANDARD);

        public ChildPugh {
            if (!ALBUMIN_CUTOFFS.contains(albuminCutoff)) {
                throw new IllegalArgumentException("albumin cut-off must be 28 or 30 g/L: " + albuminCutoff);
            }
            Objects.requireNonNull(coagulation);
            Objects.requireNonNull(bilirubinScale);
        }
    }

    /**
     * ALBI grading (§2.2).
     *
     * @param modifiedGrades split grade 2 into 2a/2b at −2.270 (Hiraoka 2017), only if the protocol asks
     */
    public record Albi(boolean modifiedGrades) {
        public static final Albi DEFAULT = new Albi(false);
    }

    /** Response criteria sets. */
    public enum ResponseCriteria {
        MRECIST("mRECIST"),
        RECIST_1_1("RECIST 1.1");

        private final String label;

        ResponseCriteria(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Tumour response rules (§1.9).
     *
     * @param primaryCriteria      the criteria of the primary response endpoint; both are computed
     * @param confirmationRequired whether CR/PR need a confirming assessment for best overall response
     * @param confirmMinDays       minimum days between response and its confirmation
     * @param sdMinDays            minimum days from treatment start for SD to count as best response
     * @param doubleReading        whether two readers assess each scan, with an adjudicator on conflict
     * @param tumourMarkersInCompleteResponse whether normal tumour markers (e.g. AFP) are required for
     *                             non-target CR (§1.6)
     */
    public record Response(ResponseCriteria primaryCriteria, boolean confirmationRequired, int confirmMinDays,
                           int sdMinDays, boolean doubleReading, boolean tumourMarkersInCompleteResponse) {
        public static final Response DEFAULT = new Response(ResponseCriteria.MRECIST, false, 28, 42, false, false);

        public Response {
            Objects.requireNonNull(primaryCriteria);
        }
    }

    /**
     * mRECIST options (§1.2, §1.5).
     *
     * @param pdAbsoluteMinMm        absolute increase of the viable sum also required for PD; 0 as
     *                               published, 5 if the protocol adopts the RECIST 1.1 floor
     * @param maxIntrahepaticTargets limit of intrahepatic targets if the protocol sets one (often 2)
     */
    public record Mrecist(int pdAbsoluteMinMm, OptionalInt maxIntrahepaticTargets) {
        public static final Mrecist DEFAULT = new Mrecist(0, OptionalInt.empty());

        public Mrecist {
            Objects.requireNonNull(maxIntrahepaticTargets);
        }
    }

    /** RECIST 1.1 target selection limits (§1.2): 5 in total, 2 per organ. */
    public record Recist(int maxTargets, int maxTargetsPerOrgan) {
        public static final Recist DEFAULT = new Recist(5, 2);

        public Recist {
            if (maxTargetsPerOrgan > maxTargets) {
                throw new IllegalArgumentException("targets per organ exceed total targets");
            }
        }
    }

    /** Time zero of the time-to-event endpoints. */
    public enum EndpointOrigin {
        FIRST_TACE,
        ENROLMENT,
        RANDOMISATION
    }

    /** Which scan date dates progression when the images of one time point span several days. */
    public enum ProgressionDateRule {
        EARLIEST_SCAN,
        LATEST_SCAN
    }

    /**
     * Survival endpoints (§7.2-7.3).
     *
     * @param censorAtNewTherapy            censor PFS/TTP at the last adequate assessment before a
     *                                      new anticancer therapy
     * @param missedAssessmentsForCensoring consecutive missed assessments after which a later event
     *                                      is censored at the last adequate assessment
     */
    public record Endpoints(EndpointOrigin origin, boolean censorAtNewTherapy, int missedAssessmentsForCensoring,
                            ProgressionDateRule progressionDate) {
        public static final Endpoints DEFAULT =
                new Endpoints(EndpointOrigin.FIRST_TACE, true, 2, ProgressionDateRule.EARLIEST_SCAN);

        public Endpoints {
            Objects.requireNonNull(origin);
            Objects.requireNonNull(progressionDate);
        }
    }

    /** Imaging timing (§1.1): baseline imaging no more than this many days before treatment. */
    public record Imaging(int baselineMaxDaysBeforeTreatment) {
        public static final Imaging DEFAULT = new Imaging(28);
    }

    /** How post-embolisation syndrome is reported (§3.3); the protocol must fix one way. */
    public enum PostEmbolisationSyndrome {
        /** Each component under its own CTCAE term (fever, abdominal pain, nausea, vomiting, fatigue). */
        COMPONENTS,
        /** "General disorders - Other, specify: post-embolisation syndrome". */
        OTHER_SPECIFY
    }

    /**
     * Adverse-event grading (§3.1).
     *
     * @param version CTCAE version pinned for the study; versions are never mixed within a study
     */
    public record Ctcae(String version, PostEmbolisationSyndrome postEmbolisationSyndrome) {
        public static final Set<String> VERSIONS = Set.of("3.0", "4.0", "4.03", "5.0", "6.0");
        public static final Ctcae DEFAULT = new Ctcae("5.0", PostEmbolisationSyndrome.COMPONENTS);

        public Ctcae {
            if (!VERSIONS.contains(version)) {
                throw new IllegalArgumentException("unknown CTCAE version " + version);
            }
            Objects.requireNonNull(postEmbolisationSyndrome);
        }
    }

    /**
     * Drug loading limits.
     *
     * @param maxPerVialMg highest dose in mg that may be loaded into one vial of microspheres, per
     *                     drug code of the {@code loaded_drug} code list; empty when the protocol sets
     *                     none
     */
    public record Dose(Map<String, BigDecimal> maxPerVialMg) {
        public static final Dose DEFAULT = new Dose(Map.of());

        public Dose {
            maxPerVialMg = Map.copyOf(maxPerVialMg);
        }

        public Optional<BigDecimal> maxPerVialMg(String drugCode) {
            return Optional.ofNullable(maxPerVialMg.get(drugCode));
        }
    }

    /**
     * Tumour-marker response thresholds (as pre-specified in seed study 004, after EASL guidance).
     *
     * @param responseDeclinePct decline from baseline, in percent, that counts as response (50)
     * @param progressionRisePct rise from baseline, in percent, that counts as progression (100)
     */
    public record Biomarker(BigDecimal responseDeclinePct, BigDecimal progressionRisePct) {
        public static final Biomarker DEFAULT = new Biomarker(BigDecimal.valueOf(50), BigDecimal.valueOf(100));

        public Biomarker {
            Objects.requireNonNull(responseDeclinePct);
            Objects.requireNonNull(progressionRisePct);
        }
    }

    /** Serious adverse events must be reported within this many hours of awareness. */
    public record Sae(int reportingHours) {
        public static final Sae DEFAULT = new Sae(24);
    }

    /** Default subject number pattern for sites that do not name their own. */
    public record Subject(SubjectNumberPattern numberPattern) {
        public static final Subject DEFAULT = new Subject(SubjectNumberPattern.parse("{site}-{seq:3}"));

        public Subject {
            Objects.requireNonNull(numberPattern);
        }
    }
}
