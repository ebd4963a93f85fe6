package org.tacecrf.domain.casebook.derive;

import java.util.Comparator;
import java.util.Optional;

import org.tacecrf.domain.clinical.BoundaryBasis;
import org.tacecrf.domain.clinical.ChildPughParameters;
import org.tacecrf.domain.clinical.ChildPughParameters.AlbuminCutoffs;
import org.tacecrf.domain.clinical.ChildPughParameters.BilirubinCutoffs;
import org.tacecrf.domain.clinical.ChildPughParameters.CoagulationMeasure;
import org.tacecrf.domain.endpoint.DayCount;
import org.tacecrf.domain.endpoint.EndpointParameters;
import org.tacecrf.domain.endpoint.Origin;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.MarkerThresholds;
import org.tacecrf.domain.response.ResponseParameters;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.StudyParameters;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.domain.study.VisitType;

/**
 * Turns a study's parameters (the points its protocol fixes) into the parameter records of the
 * calculators, so that every caller applies them the same way.
 */
public final class StudyParameterMapping {

    private StudyParameterMapping() {
    }

    /**
     * Child-Pugh cut-offs and coagulation measure of the study. Cut-offs are compared in the unit
     * the value was entered in ({@link BoundaryBasis#ENTERED_UNIT}): a bilirubin entered in mg/dL
     * meets the printed 2/3 mg/dL cut-offs, as the investigator reads the table; the study file has
     * no key to change this.
     */
    public static ChildPughParameters childPugh(StudyParameters.ChildPugh p) {
        return new ChildPughParameters(
                p.albuminCutoff() == 30 ? AlbuminCutoffs.G_L_30_35 : AlbuminCutoffs.G_L_28_35,
                p.bilirubinScale() == StudyParameters.BilirubinScale.CHOLESTATIC
                        ? BilirubinCutoffs.CHOLESTATIC : BilirubinCutoffs.STANDARD,
                p.coagulation() == StudyParameters.Coagulation.PT
                        ? CoagulationMeasure.PT_SECONDS_PROLONGED : CoagulationMeasure.INR,
                BoundaryBasis.ENTERED_UNIT);
    }

    /** Response rules of the study; what the study file does not set keeps the published default. */
    public static ResponseParameters response(StudyParameters p) {
        return ResponseParameters.builder()
                .maxTargets(p.recist().maxTargets())
                .maxTargetsPerOrgan(p.recist().maxTargetsPerOrgan())
                .maxIntrahepaticTargets(p.mrecist().maxIntrahepaticTargets().isPresent()
                        ? p.mrecist().maxIntrahepaticTargets().getAsInt() : null)
                .mrecistPdAbsoluteMinMm(p.mrecist().pdAbsoluteMinMm())
                .markersRequiredForNonTargetCr(p.response().tumourMarkersInCompleteResponse())
                .confirmationRequired(p.response().confirmationRequired())
                .confirmMinDays(p.response().confirmMinDays())
                .sdMinDays(p.response().sdMinDays())
                .baselineMaxDaysBeforeTreatment(p.imaging().baselineMaxDaysBeforeTreatment())
                .build();
    }

    public static Criteria criteria(StudyParameters.ResponseCriteria c) {
        return c == StudyParameters.ResponseCriteria.RECIST_1_1 ? Criteria.RECIST_1_1 : Criteria.MRECIST;
    }

    public static MarkerThresholds markers(StudyParameters.Biomarker b) {
        return new MarkerThresholds(b.responseDeclinePct().doubleValue(), b.progressionRisePct().doubleValue());
    }

    /**
     * Endpoint rules of the study. The missed-assessment rule needs the planned spacing of tumour
     * assessments: it is taken from the repeating follow-up visit that collects
     * {@code imaging_assessment} (its longest interval, with the window after the target day as
     * tolerance); without such a visit the rule is off. Days are counted as elapsed days.
     */
    public static EndpointParameters endpoints(StudyDefinition study) {
        StudyParameters.Endpoints e = study.parameters().endpoints();
        Origin origin = switch (e.origin()) {
            case FIRST_TACE -> Origin.FIRST_TACE;
            case ENROLMENT -> Origin.ENROLMENT;
            case RANDOMISATION -> Origin.RANDOMISATION;
        };
        EndpointParameters p = new EndpointParameters(origin, e.censorAtNewTherapy(), null,
                e.missedAssessmentsForCensoring(), 0, DayCount.ELAPSED);
        Optional<VisitDef> periodic = study.schedule().stream()
                .filter(v -> v.type() == VisitType.FOLLOW_UP && v.repeating() && v.interval() != null)
                .filter(v -> v.collects("imaging_assessment"))
                .max(Comparator.comparingInt(v -> v.interval().maxDays()));
        return periodic.map(v -> p.withMissedAssessmentRule(v.interval().maxDays(), e.missedAssessmentsForCensoring(),
                v.timing() == null ? 0 : v.timing().windowAfter())).orElse(p);
    }
}
