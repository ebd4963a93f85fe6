package org.tacecrf.domain.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.validation.CheckOutcome;

/** What holds for every shipped demo cohort, whatever its publication. */
class CohortGeneratorTest {

    @ParameterizedTest
    @ValueSource(strings = {"icc-deb-tace", "hcc-deb-sorafenib", "nsclc-lm-tace-125i", "crlm-deb-vs-ctace", "layered-embolization"})
    void theSameSeedGivesTheSameCohort(String studyId) {
        StudyDefinition study = PlannedCasebook.CATALOG.get(studyId);
        CohortSpec spec = CohortSpecReader.forStudy(studyId).orElseThrow();
        assertThat(new CohortGenerator(study, spec).generate(7)).isEqualTo(new CohortGenerator(study, spec).generate(7));
    }

    @Test
    void anotherSeedGivesOtherPatientsWithTheSameCounts() {
        StudyDefinition study = PlannedCasebook.CATALOG.get("icc-deb-tace");
        CohortSpec spec = CohortSpecReader.forStudy("icc-deb-tace").orElseThrow();
        CohortPlan a = new CohortGenerator(study, spec).generate(1);
        CohortPlan b = new CohortGenerator(study, spec).generate(2);
        assertThat(a.subjects()).isNotEqualTo(b.subjects());
        for (String fact : List.of("sex", "ecog", "child_pugh", "path", "sessions", "cholangiectasis", "tai")) {
            assertThat(CohortGenerator.tally(a, fact)).as(fact).isEqualTo(CohortGenerator.tally(b, fact));
        }
        assertThat(a.subjects().stream().map(s -> s.facts().get("sex")).toList())
                .isNotEqualTo(b.subjects().stream().map(s -> s.facts().get("sex")).toList());
    }

    /** The edit checks find only the problems the specification plants: late visits and disagreeing responses. */
    @ParameterizedTest
    @ValueSource(strings = {"icc-deb-tace", "hcc-deb-sorafenib", "nsclc-lm-tace-125i", "crlm-deb-vs-ctace", "layered-embolization"})
    void dataPassTheEditChecksExceptThePlantedProblems(String studyId) {
        Cohort c = Cohort.of(studyId);
        CohortSpec spec = CohortSpecReader.forStudy(studyId).orElseThrow();
        Map<String, Long> failed = c.subjects.stream().flatMap(s -> s.failedChecks().stream())
                .collect(Collectors.groupingBy(CheckOutcome::checkId, Collectors.counting()));
        boolean doubleReading = c.study.parameters().response().doubleReading();
        Map<String, Long> expected = new java.util.TreeMap<>();
        if (spec.anomalies().lateVisits() > 0) {
            expected.put("visit_window", (long) spec.anomalies().lateVisits());
        }
        if (spec.anomalies().disagreements() > 0 && !doubleReading) {
            expected.put("mrecist_investigator_vs_computed", (long) spec.anomalies().disagreements());
        }
        assertThat(new java.util.TreeMap<>(failed)).isEqualTo(expected);
        c.subjects.stream().filter(s -> !s.failedChecks().isEmpty())
                .forEach(s -> assertThat(s.subject.facts()).containsKey(CohortGenerator.ANOMALY));
    }

    /** Each scan's mRECIST response is computed from its measurements and agrees with the one designed. */
    @ParameterizedTest
    @ValueSource(strings = {"icc-deb-tace", "hcc-deb-sorafenib", "nsclc-lm-tace-125i", "crlm-deb-vs-ctace", "layered-embolization"})
    void responsesAreComputedFromTheMeasurements(String studyId) {
        Cohort c = Cohort.of(studyId);
        int scans = 0;
        for (PlannedCasebook s : c.subjects) {
            boolean planted = CohortGenerator.DISAGREEMENT.equals(s.subject.facts().get(CohortGenerator.ANOMALY));
            for (SubjectData.FormInstance f : s.data.forms("imaging_assessment")) {
                String computed = f.first("mrecist_derived").map(StoredValue::text).orElseThrow(
                        () -> new AssertionError("subject " + s.subject.index() + " " + f.key() + ": no computed response"));
                String recorded = f.first("mrecist_investigator").orElseThrow().text();
                if (!planted) {
                    assertThat(computed).as("subject %d %s", s.subject.index(), f.key()).isEqualTo(recorded);
                }
                scans++;
            }
        }
        assertThat(scans).isGreaterThan(c.size() / 2);
    }

    /** The summary the system derives from the entered forms retells the course the generator designed. */
    @ParameterizedTest
    @ValueSource(strings = {"icc-deb-tace", "hcc-deb-sorafenib", "nsclc-lm-tace-125i", "crlm-deb-vs-ctace", "layered-embolization"})
    void theDerivedSummaryIsTheDesignedCourse(String studyId) {
        Cohort c = Cohort.of(studyId);
        for (int i = 0; i < c.size(); i++) {
            CohortPlan.Course course = c.subjects.get(i).subject.course();
            org.tacecrf.domain.casebook.derive.SubjectSummary summary = c.summaries.get(i);
            String who = studyId + " subject " + (i + 1);
            assertThat(summary.firstTaceDate()).as(who).isEqualTo(course.firstTace());
            assertThat(summary.sessionDates()).as(who).isEqualTo(course.sessions());
            assertThat(summary.deathDate()).as(who).isEqualTo(course.death());
            assertThat(summary.primary().firstProgressionDate()).as(who).isEqualTo(course.progression());
            assertThat(summary.lostToFollowUp()).as(who).isEqualTo(course.lost());
        }
    }

    @Test
    void reducedSorafenibHasItsDatedDoseLogRowAndEveryTreatmentItsLine() {
        Cohort c = Cohort.of("hcc-deb-sorafenib");
        List<SubjectData.FormInstance> sorafenib = c.subjects.stream().flatMap(s -> s.data.forms("other_treatment").stream())
                .filter(f -> f.first("agent").map(StoredValue::text).filter("Sorafenib"::equals).isPresent()).toList();
        assertThat(sorafenib).isNotEmpty().allSatisfy(f ->
                assertThat(f.first("therapy_line").map(StoredValue::number)).contains(java.math.BigDecimal.ONE));
        List<SubjectData.FormInstance> reduced = sorafenib.stream()
                .filter(f -> f.first("dose_change").map(StoredValue::text).filter("REDUCED"::equals).isPresent()).toList();
        // the study reports six patients reduced to 400 mg a day
        assertThat(reduced).hasSize(6).allSatisfy(f -> {
            assertThat(f.value("dose_modifications", 1, "modification_type").map(StoredValue::text)).contains("REDUCED");
            assertThat(f.value("dose_modifications", 1, "modification_reason").map(StoredValue::text)).contains("ADVERSE_EVENT");
            assertThat(f.value("dose_modifications", 1, "modification_reason_detail").map(StoredValue::text))
                    .isEqualTo(f.first("dose_change_reason").map(StoredValue::text));
            assertThat(f.value("dose_modifications", 1, "modification_date").map(StoredValue::date).orElseThrow())
                    .isAfter(f.date("start_date").orElseThrow());
        });
        assertThat(sorafenib.stream().filter(f -> !reduced.contains(f)))
                .allSatisfy(f -> assertThat(f.value("dose_modifications", 1, "modification_type")).isEmpty());
    }

    @Test
    void doubleReadingDisagreementIsAdjudicated() {
        Cohort c = Cohort.of("crlm-deb-vs-ctace");
        List<PlannedCasebook> adjudicated = c.subjects.stream().filter(s -> s.data.forms("imaging_assessment").stream()
                .anyMatch(f -> f.first("reader").map(StoredValue::text).filter("ADJ"::equals).isPresent())).toList();
        assertThat(adjudicated).hasSize(1);
        PlannedCasebook s = adjudicated.get(0);
        assertThat(s.summary().primary().timePoints()).anyMatch(t -> t.readingStatus() != null
                && t.readingStatus().name().equals("ADJUDICATED"));
        // every other scan is read twice and the readers agree
        long unresolved = c.summaries.stream().flatMap(m -> m.primary().timePoints().stream())
                .filter(t -> t.response() == null).count();
        assertThat(unresolved).isZero();
    }

    @Test
    void screenFailuresFollowTheFlowDiagram() {
        CohortPlan plan = Cohort.of("crlm-deb-vs-ctace").plan;
        assertThat(plan.subjects()).hasSize(22);                                          // Fig. 1: 22 analysed
        assertThat(plan.screenFailures()).hasSize(7);                                     // Fig. 1: 29 retrieved, 7 excluded
        assertThat(plan.screenFailures().stream().filter(CohortPlan.ScreenFailure::declined)).hasSize(3); // insufficient data
        assertThat(plan.screenFailures()).filteredOn(f -> !f.declined())
                .allMatch(f -> Boolean.FALSE.equals(f.eligibility().get("in04")) || Boolean.TRUE.equals(f.eligibility().get("ex01")));
    }
}
