package org.tacecrf.domain.response;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small builders for lesion data in tests. */
final class Fixtures {

    static final LocalDate BASELINE = LocalDate.of(2024, 1, 2);
    static final LocalDate TREATMENT = LocalDate.of(2024, 1, 10);

    private Fixtures() {
    }

    static LocalDate day(int daysAfterTreatment) {
        return TREATMENT.plusDays(daysAfterTreatment);
    }

    /** A typical enhancing HCC target: LD = viable LD = {@code mm}, arterial phase. */
    static BaselineLesion liverTarget(String id, LiverSegment segment, double mm) {
        return BaselineLesion.target(id, LesionLocation.liver(segment))
                .longestDiameter(mm).viableDiameter(mm).modality(Modality.CT).phase(ContrastPhase.ARTERIAL).build();
    }

    static BaselineLesion nodalTarget(String id, NodalStation station, double shortAxisMm) {
        return BaselineLesion.target(id, LesionLocation.lymphNode(station)).shortAxis(shortAxisMm)
                .modality(Modality.CT).build();
    }

    static BaselineLesion liverNonTarget(String id, LiverSegment segment) {
        return BaselineLesion.nonTarget(id, LesionLocation.liver(segment)).arterialEnhancement(true).build();
    }

    /** Baseline with one liver target per sum value given (segments VIII, VII, ...). */
    static Baseline targets(double... mm) {
        List<BaselineLesion> lesions = new ArrayList<>();
        LiverSegment[] segments = {LiverSegment.VIII, LiverSegment.VII, LiverSegment.VI, LiverSegment.V};
        for (int i = 0; i < mm.length; i++) {
            lesions.add(liverTarget(id(i), segments[i], mm[i]));
        }
        return new Baseline(BASELINE, lesions);
    }

    static String id(int index) {
        return String.format("T%02d", index + 1);
    }

    /** Assessment where target i has LD = viable LD = mm[i]. */
    static Assessment measured(LocalDate date, double... mm) {
        List<TargetMeasurement> targets = new ArrayList<>();
        for (int i = 0; i < mm.length; i++) {
            targets.add(TargetMeasurement.of(id(i), mm[i], mm[i]));
        }
        return Assessment.of(date, targets, List.of(), List.of());
    }

    static Assessment assessment(LocalDate date, TargetMeasurement... targets) {
        return Assessment.of(date, Arrays.asList(targets), List.of(), List.of());
    }

    static Assessment withNonTargets(Assessment a, NonTargetObservation... observations) {
        return new Assessment(a.date(), a.modality(), a.targets(), Arrays.asList(observations), a.newLesions(),
                a.tumourMarkersNormal());
    }

    static Assessment withNewLesions(Assessment a, NewLesion... lesions) {
        return new Assessment(a.date(), a.modality(), a.targets(), a.nonTargets(), Arrays.asList(lesions),
                a.tumourMarkersNormal());
    }

    static Baseline plus(Baseline baseline, BaselineLesion... more) {
        List<BaselineLesion> lesions = new ArrayList<>(baseline.lesions());
        lesions.addAll(Arrays.asList(more));
        return new Baseline(baseline.date(), lesions);
    }
}
