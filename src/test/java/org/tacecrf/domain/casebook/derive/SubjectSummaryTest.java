package org.tacecrf.domain.casebook.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.SubjectData.VisitInstance;
import org.tacecrf.domain.casebook.derive.SubjectBuilder.FormBuilder;
import org.tacecrf.domain.casebook.derive.SubjectSummary.CriterionSummary;
import org.tacecrf.domain.casebook.derive.SubjectSummary.OtherTreatment;
import org.tacecrf.domain.casebook.derive.SubjectSummary.ProtocolResponse;
import org.tacecrf.domain.casebook.derive.SubjectSummary.TimePoint;
import org.tacecrf.domain.endpoint.EndpointRule;
import org.tacecrf.domain.response.BestOverallResponse;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.DoubleReading;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.StudyDefinitionLoader;

class SubjectSummaryTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static SubjectSummary summary(HccCase c) {
        return SubjectSummary.derive(c.b.study(), c.data());
    }

    /** The last scan without its new lesion: the course stays PR (mRECIST) / SD (RECIST). */
    private static void withoutProgression(HccCase c) {
        c.imaging5m.set("new_lesions_found", "N");
        for (String item : List.of("new_lesion_id", "new_lesion_organ", "new_lesion_segment", "new_lesion_size_mm",
                "typical_pattern")) {
            c.imaging5m.clear(item);
        }
    }

    @Test
    void treatmentFacts() {
        SubjectSummary s = summary(new HccCase());
        assertThat(s.firstTaceDate()).isEqualTo(d("2024-01-15"));
        assertThat(s.sessionCount()).isEqualTo(2);
        assertThat(s.sessionDates()).containsExactly(d("2024-01-15"), d("2024-03-20"));
        assertThat(s.cumulativeDose()).singleElement().satisfies(dose -> {
            assertThat(dose.drug()).isEqualTo("EPIRUBICIN");
            assertThat(dose.loadedMg()).isEqualByComparingTo("110");
            assertThat(dose.sessions()).isEqualTo(2);
            assertThat(dose.complete()).isTrue();
        });
    }

    @Test
    void aDrugWithoutItsDoseMakesTheTotalALowerBound() {
        HccCase c = new HccCase();
        c.tace2.clear("dose_loaded_mg");
        assertThat(summary(c).cumulativeDose()).singleElement().satisfies(dose -> {
            assertThat(dose.loadedMg()).isEqualByComparingTo("60");
            assertThat(dose.complete()).isFalse();
        });
    }

    @Test
    void responsesBestResponseAndProgressionByCriteria() {
        SubjectSummary s = summary(new HccCase());
        assertThat(s.primaryCriteria()).isEqualTo(Criteria.MRECIST);
        CriterionSummary m = s.primary();
        assertThat(m.timePoints()).extracting(TimePoint::date, TimePoint::response).containsExactly(
                org.assertj.core.groups.Tuple.tuple(d("2024-02-14"), Response.PR),
                org.assertj.core.groups.Tuple.tuple(d("2024-04-15"), Response.PR),
                org.assertj.core.groups.Tuple.tuple(d("2024-05-20"), Response.PD));
        assertThat(m.bestOverallResponse().response()).isEqualTo(Response.PR);
        assertThat(m.bestOverallResponse().responseDate()).isEqualTo(d("2024-02-14"));
        assertThat(m.firstProgressionDate()).isEqualTo(d("2024-05-20"));
        assertThat(m.objectiveResponse()).isTrue();
        assertThat(m.diseaseControl()).isTrue();

        CriterionSummary r = s.response(Criteria.RECIST_1_1);
        assertThat(r.timePoints()).extracting(TimePoint::response)
                .containsExactly(Response.SD, Response.SD, Response.PD);
        // SD at day 30 is too early (42 days); SD at day 91 counts.
        assertThat(r.bestOverallResponse().response()).isEqualTo(Response.SD);
        assertThat(r.bestOverallResponse().responseDate()).isEqualTo(d("2024-04-15"));
        assertThat(r.objectiveResponse()).isFalse();
        assertThat(r.diseaseControl()).isTrue();
    }

    /** The shipped study with {@code response.confirmationRequired} set. */
    private static StudyDefinition confirming() throws IOException {
        String yaml = Files.readString(Path.of(System.getProperty("basedir", "."))
                .resolve("config/studies/hcc-deb-sorafenib.yaml"));
        String changed = yaml.replace("response: {primaryCriteria: mRECIST}",
                "response: {primaryCriteria: mRECIST, confirmationRequired: true}");
        assertThat(changed).isNotEqualTo(yaml);
        return StudyDefinitionLoader.builtIn().loadString("hcc-deb-sorafenib.yaml", changed);
    }

    @Test
    void withConfirmationAPartialResponseNeedsALaterOne() throws IOException {
        StudyDefinition study = confirming();
        HccCase c = new HccCase(study);
        BestOverallResponse bor = SubjectSummary.derive(study, c.data()).primary().bestOverallResponse();
        // PR on 2024-02-14 confirmed by PR 61 days later.
        assertThat(bor.confirmationRequired()).isTrue();
        assertThat(bor.response()).isEqualTo(Response.PR);
        assertThat(bor.confirmationDate()).isEqualTo(d("2024-04-15"));

        HccCase unconfirmed = new HccCase(study);
        unconfirmed.imaging3m.set("assessment_date", "2024-04-15").clear("target_viable_mm")
                .row("target_measurements", 1, "target_viable_mm", "40")
                .row("target_measurements", 2, "target_viable_mm", "20");
        // 60 mm against the nadir of 30 is PD on 2024-04-15: the PR of day 30 stays unconfirmed and counts as
        // SD, which is too early (42 days) to be the best response, so the best response is PD.
        bor = SubjectSummary.derive(study, unconfirmed.data()).primary().bestOverallResponse();
        assertThat(bor.response()).isEqualTo(Response.PD);
        assertThat(bor.confirmationDate()).isNull();
    }

    @Test
    void responseAtEachProtocolTimePoint() {
        List<ProtocolResponse> points = summary(new HccCase()).primary().protocolTimePoints();
        assertThat(points).extracting(ProtocolResponse::visitId, ProtocolResponse::targetDate,
                ProtocolResponse::assessmentDate, ProtocolResponse::response).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fu_1m", d("2024-02-14"), d("2024-02-14"), Response.PR),
                org.assertj.core.groups.Tuple.tuple("fu_3m", d("2024-04-14"), d("2024-04-15"), Response.PR),
                org.assertj.core.groups.Tuple.tuple("fu_q4_6w", d("2024-05-20"), d("2024-05-20"), Response.PD));
        assertThat(points.get(1).earliest()).isEqualTo(d("2024-03-31"));
        assertThat(points.get(1).latest()).isEqualTo(d("2024-04-28"));
    }

    @Test
    void progressionIsAPfsAndTtpEvent() {
        SubjectSummary s = summary(new HccCase());
        assertThat(s.pfs().result().event()).isTrue();
        assertThat(s.pfs().result().date()).isEqualTo(d("2024-05-20"));
        assertThat(s.pfs().result().days()).isEqualTo(126);
        assertThat(s.pfs().rule()).isEqualTo(EndpointRule.PROGRESSION.message());
        assertThat(s.ttp().result().rule()).isEqualTo(EndpointRule.PROGRESSION);
        assertThat(s.os().result().event()).isFalse();
        assertThat(s.os().result().date()).isEqualTo(d("2024-07-01"));
        assertThat(s.os().result().rule()).isEqualTo(EndpointRule.ALIVE_AT_LAST_CONTACT);
        assertThat(s.lastContactDate()).isEqualTo(d("2024-07-01"));
        assertThat(s.lastAdequateAssessmentDate()).isEqualTo(d("2024-05-20"));
        assertThat(s.deathDate()).isNull();
    }

    @Test
    void deathWithoutProgressionIsAPfsEventButCensorsTtp() {
        HccCase c = new HccCase();
        withoutProgression(c);
        c.survival.set("contact_date", "2024-06-15").set("vital_status", "DEAD").set("death_date", "2024-06-10");
        SubjectSummary s = summary(c);
        assertThat(s.deathDate()).isEqualTo(d("2024-06-10"));
        assertThat(s.primary().firstProgressionDate()).isNull();
        assertThat(s.pfs().result().event()).isTrue();
        assertThat(s.pfs().result().date()).isEqualTo(d("2024-06-10"));
        assertThat(s.pfs().result().rule()).isEqualTo(EndpointRule.DEATH_BETWEEN_ASSESSMENTS);
        assertThat(s.ttp().result().event()).isFalse();
        assertThat(s.ttp().result().date()).isEqualTo(d("2024-05-20"));
        assertThat(s.ttp().result().rule()).isEqualTo(EndpointRule.DEATH_NOT_A_TTP_EVENT);
        assertThat(s.os().result().event()).isTrue();
        assertThat(s.os().result().days()).isEqualTo(147);
    }

    @Test
    void deathOnTheEndOfStudyFormCountsToo() {
        HccCase c = new HccCase();
        withoutProgression(c);
        c.b.form(c.b.visit("end_of_study", 1, "2024-06-20"), "end_of_study").set("eos_date", "2024-06-20")
                .set("eos_status", "DIED").set("eos_death_date", "2024-06-12");
        SubjectSummary s = summary(c);
        assertThat(s.deathDate()).isEqualTo(d("2024-06-12"));
        // The survival contact of 2024-07-01 says alive after the death: a contradiction the endpoints refuse.
        assertThat(s.os().available()).isFalse();
        assertThat(s.os().rule()).contains("dated after death");
    }

    @Test
    void aDeathWithoutItsDateStopsTheEndpoints() {
        HccCase c = new HccCase();
        c.survival.set("vital_status", "DEAD");
        SubjectSummary s = summary(c);
        assertThat(s.os().available()).isFalse();
        assertThat(s.pfs().problems()).contains("A death is recorded without its date.");
    }

    @Test
    void aNewTherapyBeforeProgressionCensorsPfsAtTheLastAssessmentBeforeIt() {
        HccCase c = new HccCase();
        FormBuilder sorafenib = c.b.form(c.logs, "other_treatment").set("category", "TARGETED").set("agent", "sorafenib")
                .set("start_date", "2024-04-20").set("ongoing", "Y");
        SubjectSummary s = summary(c);
        assertThat(s.newAnticancerTherapyDate()).isEqualTo(d("2024-04-20"));
        assertThat(s.pfs().result().event()).isFalse();
        assertThat(s.pfs().result().date()).isEqualTo(d("2024-04-15"));
        assertThat(s.pfs().result().rule()).isEqualTo(EndpointRule.NEW_THERAPY_BEFORE_PROGRESSION);
        // Best response stops at the new therapy: PR, without the later progression.
        assertThat(s.primary().bestOverallResponse().firstProgressionDate()).isNull();

        // The same drug given as the protocol's combination therapy is not a new therapy.
        sorafenib.set("protocol_therapy", "Y");
        s = summary(c);
        assertThat(s.newAnticancerTherapyDate()).isNull();
        assertThat(s.pfs().result().rule()).isEqualTo(EndpointRule.PROGRESSION);
    }

    @Test
    void aNewTherapyReportedAtASurvivalContact() {
        HccCase c = new HccCase();
        withoutProgression(c);
        c.survival.set("new_anticancer_therapy", "Y").set("new_therapy_start_date", "2024-06-01");
        SubjectSummary s = summary(c);
        assertThat(s.newAnticancerTherapyDate()).isEqualTo(d("2024-06-01"));
        assertThat(s.pfs().result().rule()).isEqualTo(EndpointRule.NEW_THERAPY_BEFORE_PROGRESSION);
        assertThat(s.pfs().result().date()).isEqualTo(d("2024-05-20"));
    }

    @Test
    void otherTreatmentsAreClassifiedAgainstTheFirstTace() {
        HccCase c = new HccCase();
        treatment(c, "previous", "2023-06-01", "2023-12-01", null);
        treatment(c, "ongoing", "2023-12-01", null, "Y");
        treatment(c, "stops on the day", "2023-12-01", "2024-01-15", "N");
        treatment(c, "starts on the day", "2024-01-15", null, null);
        treatment(c, "after", "2024-01-16", null, "Y");
        treatment(c, "open", "2023-12-01", null, "N");
        treatment(c, "no start", null, "2023-11-01", "N");
        treatment(c, "no dates", null, null, null);
        assertThat(summary(c).otherTreatments()).extracting(OtherTreatment::agent, OtherTreatment::timing)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("previous", TreatmentTiming.PREVIOUS),
                        org.assertj.core.groups.Tuple.tuple("ongoing", TreatmentTiming.CONCOMITANT),
                        org.assertj.core.groups.Tuple.tuple("stops on the day", TreatmentTiming.CONCOMITANT),
                        org.assertj.core.groups.Tuple.tuple("starts on the day", TreatmentTiming.CONCOMITANT),
                        org.assertj.core.groups.Tuple.tuple("after", TreatmentTiming.SUBSEQUENT),
                        org.assertj.core.groups.Tuple.tuple("open", TreatmentTiming.UNKNOWN),
                        org.assertj.core.groups.Tuple.tuple("no start", TreatmentTiming.PREVIOUS),
                        org.assertj.core.groups.Tuple.tuple("no dates", TreatmentTiming.UNKNOWN));
    }

    @Test
    void withoutATaceEveryTreatmentIsUnclassified() {
        SubjectBuilder b = SubjectBuilder.of("hcc-deb-sorafenib");
        b.form(b.visit("logs", 1, null), "other_treatment").set("category", "ABLATION").set("agent", "RFA")
                .set("start_date", "2023-01-01").set("ongoing", "N").set("stop_date", "2023-01-01");
        SubjectSummary s = SubjectSummary.derive(b.study(), b.build());
        assertThat(s.otherTreatments()).singleElement().extracting(OtherTreatment::timing)
                .isEqualTo(TreatmentTiming.UNKNOWN);
        assertThat(s.firstTaceDate()).isNull();
        assertThat(s.pfs().available()).isFalse();
        assertThat(s.pfs().rule()).contains("origin date");
    }

    @Test
    void treatmentAtAProcedureVisitIsProtocolTherapy() {
        SubjectBuilder b = SubjectBuilder.of("nsclc-lm-tace-125i");
        b.form(b.visit("tace", 1, "2024-01-10"), "tace_session").set("procedure_date", "2024-01-10");
        b.form(b.visit("seed_implantation", 1, "2024-02-12"), "other_treatment").set("category", "I125_SEEDS")
                .set("agent", "125I seeds").set("start_date", "2024-02-12").set("ongoing", "N")
                .set("stop_date", "2024-02-12");
        SubjectSummary s = SubjectSummary.derive(b.study(), b.build());
        assertThat(s.otherTreatments()).singleElement().satisfies(t -> {
            assertThat(t.timing()).isEqualTo(TreatmentTiming.SUBSEQUENT);
            assertThat(t.protocolTherapy()).isTrue();
        });
        assertThat(s.newAnticancerTherapyDate()).isNull();
    }

    private static void treatment(HccCase c, String agent, String start, String stop, String ongoing) {
        FormBuilder f = c.b.form(c.logs, "other_treatment", c.b.build().forms("other_treatment").size() + 1)
                .set("category", "SYSTEMIC_CHEMO").set("agent", agent);
        if (start != null) {
            f.set("start_date", start);
        }
        if (stop != null) {
            f.set("stop_date", stop);
        }
        if (ongoing != null) {
            f.set("ongoing", ongoing);
        }
    }

    // ---- double reading (crlm-deb-vs-ctace reads every scan twice) -----------------------------

    private static final class DoubleRead {
        final SubjectBuilder b = SubjectBuilder.of("crlm-deb-vs-ctace");
        final VisitInstance scanVisit;

        DoubleRead() {
            VisitInstance baselineVisit = b.visit("baseline", 1, "2024-01-05");
            b.form(baselineVisit, "baseline_imaging").set("imaging_date", "2024-01-05").set("modality", "MRI")
                    .row("lesions", 1, "lesion_id", "T01", "lesion_role", "TARGET", "organ", "LIVER",
                            "longest_diameter_mm", "50", "viable_diameter_mm", "40");
            b.form(b.visit("tace", 1, "2024-01-10"), "tace_session").set("procedure_date", "2024-01-10");
            scanVisit = b.visit("response", 1, "2024-02-14");
        }

        FormBuilder read(String reader, int repeat, String viableMm) {
            return b.form(scanVisit, "imaging_assessment", repeat).set("assessment_date", "2024-02-14")
                    .set("reader", reader).set("new_lesions_found", "N")
                    .row("target_measurements", 1, "target_lesion_id", "T01", "target_status", "MEASURED",
                            "target_ld_mm", "45", "target_viable_mm", viableMm);
        }

        TimePoint timePoint() {
            return SubjectSummary.derive(b.study(), b.build()).primary().timePoints().get(0);
        }
    }

    @Test
    void readersWhoAgreeGiveTheAnalysedResponse() {
        DoubleRead r = new DoubleRead();
        r.read("R1", 1, "20");
        r.read("R2", 2, "22");
        TimePoint t = r.timePoint();
        assertThat(t.readingStatus()).isEqualTo(DoubleReading.Status.AGREED);
        assertThat(t.response()).isEqualTo(Response.PR);
        assertThat(t.readings()).hasSize(2);
    }

    @Test
    void readersWhoDisagreeWaitForTheAdjudicator() {
        DoubleRead r = new DoubleRead();
        FormBuilder first = r.read("R1", 1, "20");
        FormBuilder second = r.read("R2", 2, "35");
        // Each reading's own derived response: -50 % (PR) and -12.5 % (SD).
        assertThat(Derived.of(r.b, first).text("mrecist_derived")).isEqualTo("PR");
        assertThat(Derived.of(r.b, second).text("mrecist_derived")).isEqualTo("SD");
        TimePoint t = r.timePoint();
        assertThat(t.readingStatus()).isEqualTo(DoubleReading.Status.ADJUDICATION_NEEDED);
        assertThat(t.response()).isNull();
        assertThat(t.problems()).anySatisfy(p -> assertThat(p).contains("adjudicator"));
        SubjectSummary s = SubjectSummary.derive(r.b.study(), r.b.build());
        assertThat(s.pfs().available()).isFalse();

        r.read("ADJ", 3, "25");
        t = r.timePoint();
        assertThat(t.readingStatus()).isEqualTo(DoubleReading.Status.ADJUDICATED);
        assertThat(t.response()).isEqualTo(Response.PR);
    }

    @Test
    void aSecondReadingIsAwaited() {
        DoubleRead r = new DoubleRead();
        r.read("R1", 1, "20");
        TimePoint t = r.timePoint();
        assertThat(t.readingStatus()).isEqualTo(DoubleReading.Status.AWAITING_READERS);
        assertThat(t.available()).isFalse();
    }

    @Test
    void timePointsAfterEachTace() {
        DoubleRead r = new DoubleRead();
        r.read("R1", 1, "20");
        r.read("R2", 2, "22");
        List<ProtocolResponse> points = SubjectSummary.derive(r.b.study(), r.b.build()).primary().protocolTimePoints();
        assertThat(points).extracting(ProtocolResponse::label, ProtocolResponse::response, ProtocolResponse::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Response assessment after each TACE (after TACE 1)",
                                Response.PR, null),
                        org.assertj.core.groups.Tuple.tuple("Imaging every 3 months", null,
                                "No assessment lies in the window."));
    }
}
