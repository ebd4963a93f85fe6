package org.tacecrf.domain.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.derive.SaeReporting;
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

    /** The moment the planted unreported events are judged at: after every demo cohort. */
    private static final java.time.LocalDateTime NOW = java.time.LocalDateTime.of(2030, 1, 1, 0, 0);

    /**
     * Events of grade 4 and of the terms the specification marks serious are serious, and only they;
     * the site learns of each during the day of the onset or the next and reports it, to the minute,
     * within the study's reporting hours, except the planted late and missing reports.
     */
    @ParameterizedTest
    @ValueSource(strings = {"icc-deb-tace", "hcc-deb-sorafenib", "nsclc-lm-tace-125i", "crlm-deb-vs-ctace", "layered-embolization"})
    void seriousEventsAreReportedInTimeExceptThePlantedOnes(String studyId) {
        Cohort c = Cohort.of(studyId);
        CohortSpec spec = CohortSpecReader.forStudy(studyId).orElseThrow();
        Map<SaeReporting.Status, Long> statuses = statuses(c, spec);
        Map<SaeReporting.Status, Long> expected = new java.util.TreeMap<>();
        long serious = c.subjects.stream().flatMap(s -> s.data.forms("adverse_event").stream())
                .filter(f -> markedSerious(spec, f)).count();
        long planted = spec.anomalies().lateSaeReports() + spec.anomalies().unreportedSaes();
        if (serious > planted) {
            expected.put(SaeReporting.Status.REPORTED_IN_TIME, serious - planted);
        }
        if (spec.anomalies().lateSaeReports() > 0) {
            expected.put(SaeReporting.Status.REPORTED_LATE, (long) spec.anomalies().lateSaeReports());
        }
        if (spec.anomalies().unreportedSaes() > 0) {
            expected.put(SaeReporting.Status.OVERDUE, (long) spec.anomalies().unreportedSaes());
        }
        assertThat(statuses).isEqualTo(expected);
    }

    /** The two cerebral infarctions of the ICC cohort are its serious events: one reported late, one not reported. */
    @Test
    void theIccCohortHasALateAndAnUnreportedSeriousEvent() {
        Cohort c = Cohort.of("icc-deb-tace");
        List<SubjectData.FormInstance> serious = c.subjects.stream().flatMap(s -> s.data.forms("adverse_event").stream())
                .filter(f -> f.first("ae_serious").map(StoredValue::text).filter("Y"::equals).isPresent()).toList();
        assertThat(serious).hasSize(2).allSatisfy(f -> {
            assertThat(f.first("ae_term").orElseThrow().text()).isEqualTo("STROKE");
            assertThat(f.first("serious_criteria").orElseThrow().codes()).containsExactly("HOSPITALISATION");
        });
        assertThat(serious).extracting(f -> SaeReporting.of(f, c.study.parameters().sae().reportingHours(), NOW).status())
                .containsExactlyInAnyOrder(SaeReporting.Status.REPORTED_LATE, SaeReporting.Status.OVERDUE);
        assertThat(serious).filteredOn(f -> SaeReporting.of(f, c.study.parameters().sae().reportingHours(), NOW).status() == SaeReporting.Status.REPORTED_LATE)
                .singleElement().satisfies(f -> assertThat(SaeReporting.of(f, c.study.parameters().sae().reportingHours(), NOW).late()).isPositive());
    }

    /** Grade 4 events are serious (life-threatening, hospitalised) and reported in time; the rest of the cohort stays as it was. */
    @Test
    void gradeFourEventsAreSeriousAndLeaveTheRestOfTheCohortAsItWas() {
        StudyDefinition study = PlannedCasebook.CATALOG.get("icc-deb-tace");
        String yaml = resource("icc-deb-tace");
        String fever = "    - {term: FEVER, grades: {1: 58}}";
        assertThat(yaml).contains(fever);
        CohortSpec withGrade4 = CohortSpecReader.read(yaml.replace(fever, fever + "\n    - {term: HEPATIC_FAILURE, grades: {3: 1, 4: 2}}")
                .replaceAll("(?m)^  (lateSaeReports|unreportedSaes):.*$", ""), "grade4.yaml");
        CohortPlan plan = new CohortGenerator(study, withGrade4).generate();
        List<SubjectData.FormInstance> failures = PlannedCasebook.of(study, plan).stream()
                .flatMap(s -> s.data.forms("adverse_event").stream())
                .filter(f -> f.first("ae_term").map(StoredValue::text).filter("HEPATIC_FAILURE"::equals).isPresent()).toList();
        assertThat(failures).hasSize(3);
        assertThat(failures).filteredOn(f -> f.first("ae_grade").orElseThrow().text().equals("4")).hasSize(2).allSatisfy(f -> {
            assertThat(f.first("ae_serious").orElseThrow().text()).isEqualTo("Y");
            assertThat(f.first("serious_criteria").orElseThrow().codes()).containsExactly("LIFE_THREATENING", "HOSPITALISATION");
            SaeReporting r = SaeReporting.of(f, study.parameters().sae().reportingHours(), NOW);
            assertThat(r.status()).isEqualTo(SaeReporting.Status.REPORTED_IN_TIME);
            assertThat(r.exact()).isTrue();
            assertThat(java.time.Duration.between(r.aware().time(), r.reported().time()).toMinutes()).isBetween(60L, 20 * 60L);
        });
        assertThat(failures).filteredOn(f -> f.first("ae_grade").orElseThrow().text().equals("3"))
                .singleElement().satisfies(f -> assertThat(f.first("ae_serious").orElseThrow().text()).isEqualTo("N"));

        // the serious events' times come from a stream of their own: without any, every other entry is the same
        CohortSpec plain = CohortSpecReader.read(yaml.replace(", serious: HOSPITALISATION", "")
                .replaceAll("(?m)^  (lateSaeReports|unreportedSaes):.*$", ""), "plain.yaml");
        CohortPlan shipped = new CohortGenerator(study, CohortSpecReader.forStudy("icc-deb-tace").orElseThrow()).generate();
        CohortPlan notSerious = new CohortGenerator(study, plain).generate();
        assertThat(withoutSeriousness(shipped)).isEqualTo(withoutSeriousness(notSerious));
        assertThat(shipped).isNotEqualTo(notSerious);
    }

    @Test
    void fatalEventsAreRefused() {
        StudyDefinition study = PlannedCasebook.CATALOG.get("icc-deb-tace");
        String fever = "    - {term: FEVER, grades: {1: 58}}";
        CohortSpec fatal = CohortSpecReader.read(resource("icc-deb-tace").replace(fever,
                fever + "\n    - {term: HEPATIC_FAILURE, grades: {5: 1}}"), "fatal.yaml");
        assertThatThrownBy(() -> new CohortGenerator(study, fatal)).isInstanceOf(CohortSpecException.class)
                .hasMessageContaining("grade 5");
    }

    @Test
    void moreReportsPlantedThanSeriousEventsAreRefused() {
        StudyDefinition study = PlannedCasebook.CATALOG.get("icc-deb-tace");
        CohortSpec tooMany = CohortSpecReader.read(resource("icc-deb-tace").replace("unreportedSaes: 1", "unreportedSaes: 2"),
                "many.yaml");
        assertThatThrownBy(() -> new CohortGenerator(study, tooMany).generate()).isInstanceOf(CohortSpecException.class)
                .hasMessageContaining("serious adverse events");
    }

    /** Reporting states of the serious events; checks on the way that exactly the marked events are serious. */
    private static Map<SaeReporting.Status, Long> statuses(Cohort c, CohortSpec spec) {
        Map<SaeReporting.Status, Long> out = new java.util.TreeMap<>();
        int hours = c.study.parameters().sae().reportingHours();
        for (PlannedCasebook s : c.subjects) {
            for (SubjectData.FormInstance f : s.data.forms("adverse_event")) {
                String who = "subject " + s.subject.index() + " " + f.key();
                boolean serious = markedSerious(spec, f);
                assertThat(f.first("ae_serious").orElseThrow().text()).as(who).isEqualTo(serious ? "Y" : "N");
                if (!serious) {
                    continue;
                }
                java.time.LocalDate onset = f.date("ae_onset_date").orElseThrow();
                java.time.LocalDateTime aware = f.dateTime("datetime_aware").orElseThrow();
                assertThat(aware.toLocalDate()).as(who).isBetween(onset, onset.plusDays(1));
                assertThat(f.first("serious_criteria")).as(who).isPresent();
                f.dateTime("datetime_reported").ifPresent(r -> assertThat(r).as(who).isAfter(aware));
                out.merge(SaeReporting.of(f, hours, NOW).status(), 1L, Long::sum);
            }
        }
        return out;
    }

    private static boolean markedSerious(CohortSpec spec, SubjectData.FormInstance f) {
        String term = f.first("ae_term").orElseThrow().text();
        return Integer.parseInt(f.first("ae_grade").orElseThrow().text()) >= 4
                || spec.adverseEvents().terms().stream().anyMatch(t -> t.term().equals(term) && t.serious() != null);
    }

    private static List<List<Map<ItemKey, String>>> withoutSeriousness(CohortPlan plan) {
        return plan.subjects().stream().map(s -> s.forms().stream().map(f -> {
            Map<ItemKey, String> entries = new java.util.HashMap<>(f.entries());
            entries.keySet().removeIf(k -> k.groupId().equals("seriousness") && !k.itemId().equals("action_taken")
                    && !k.itemId().equals("outcome"));
            return entries;
        }).toList()).toList();
    }

    private static String resource(String studyId) {
        try (java.io.InputStream in = CohortSpecReader.class.getClassLoader()
                .getResourceAsStream(CohortSpecReader.RESOURCE_DIR + studyId + ".yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
