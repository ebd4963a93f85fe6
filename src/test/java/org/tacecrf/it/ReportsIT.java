package org.tacecrf.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tacecrf.application.casebook.CasebookService;
import org.tacecrf.application.casebook.EnrolmentService;
import org.tacecrf.application.casebook.FormSave;
import org.tacecrf.application.casebook.FormService;
import org.tacecrf.application.casebook.RawEntry;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.application.quality.DeviationService;
import org.tacecrf.application.quality.QueryService;
import org.tacecrf.application.reports.DataQualityService;
import org.tacecrf.application.reports.ReportFilter;
import org.tacecrf.application.safety.SafetyService;
import org.tacecrf.domain.casebook.derive.SaeReporting;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.infrastructure.persistence.PendingWork;
import org.tacecrf.application.study.StudyRegistration;
import org.tacecrf.application.user.UserAdministration;
import org.tacecrf.application.user.UserCommand;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.it.support.Identities;
import org.tacecrf.it.support.Identities.As;
import org.tacecrf.it.support.WebClient;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.Deviation;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.quality.DataQuery;
import org.tacecrf.model.user.Role;
import org.tacecrf.model.user.SiteAccess;

/**
 * The data-quality reports on a prepared dataset where the right answers are known, and their site
 * scoping: a monitor assigned to two sites of three sees only those two.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsIT {

    private static final String HCC = "hcc-deb-sorafenib";
    private static final LocalDate TODAY = LocalDate.now();

    @Deployment
    static WebArchive deployment() throws Exception {
        WebArchive war = Identities.war(ReportsIT.class).addClasses(WebClient.class, WebClient.Page.class);
        war.addAsLibraries(new java.io.File(org.jsoup.Jsoup.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        return war;
    }

    @ArquillianResource
    private URL base;

    @EJB
    private Identities.Nurse nurse;
    @EJB
    private Identities.Investigator investigator;
    @EJB
    private Identities.Monitor monitor;
    @EJB
    private Identities.DataManager dataManager;
    @EJB
    private Identities.OtherInvestigator otherInvestigator;
    @EJB
    private Identities.SiteMonitor siteMonitor;
    @Inject
    private EnrolmentService enrolment;
    @Inject
    private FormService forms;
    @Inject
    private CasebookService casebook;
    @Inject
    private QueryService queries;
    @Inject
    private DeviationService deviations;
    @Inject
    private DataQualityService reports;
    @Inject
    private UserAdministration users;
    @Inject
    private StudyRegistration registration;
    @Inject
    private org.tacecrf.application.security.CurrentUser currentUser;
    @Inject
    private SafetyService safety;
    @Inject
    private CasebookRepository casebookRepository;
    @Inject
    private org.tacecrf.application.integrity.SdvService sdv;
    @Inject
    private org.tacecrf.application.integrity.SignatureService signatures;
    @Inject
    private org.tacecrf.application.exchange.ImportService imports;
    @Inject
    private org.tacecrf.application.reports.Dashboard dashboard;

    private Identities.Runners runners;
    private static Map<String, Subject> subjects;
    /** The subject, at a site of the demo investigator, whose TACE session is completed for the signature and SDV counts. */
    private static String completedSubject;
    private static long completedForm;

    @BeforeEach
    void identities() {
        runners = new Identities.Runners(nurse, investigator, monitor, dataManager, otherInvestigator, siteMonitor);
    }

    private <T> T as(As who, Callable<T> work) throws Exception {
        return Identities.call(runners, who, work);
    }

    @Test
    @Order(1)
    void prepareTheDataset() throws Exception {
        as(As.DATA_MANAGER, () -> users.create(new UserCommand(As.SITE_MONITOR.username, "Site Monitor", null, Set.of(Role.MONITOR),
                Set.of(new SiteAccess(HCC, "LYCH"), new SiteAccess(HCC, "DLZS"))), "Two-Site-Monitor-1".toCharArray()));
        subjects = new LinkedHashMap<>();
        // Three subjects at LYCH and DLZS, one at BTCH; each had a first TACE months ago and nothing since.
        for (String[] s : new String[][] {{"R-L1", "LYCH"}, {"R-L2", "LYCH"}, {"R-D1", "DLZS"}, {"R-B1", "BTCH"}}) {
            Subject subject = as(As.DATA_MANAGER, () -> enrolment.register(new EnrolmentService.Registration(HCC, s[1], s[0],
                    LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 2), "deb_tace"), AuditSource.FORM, null));
            subjects.put(s[0], subject);
            var visit = as(As.DATA_MANAGER, () -> casebook.addVisit(subject.getId(), "tace"));
            as(As.DATA_MANAGER, () -> forms.save(new FormSave(subject.getId(), visit.getId(), "tace_session", 1, null,
                    Map.of(new ItemKey("procedure", 1, "procedure_date"), RawEntry.of("2024-03-10")), false, null, AuditSource.FORM, null)));
        }
        // Queries: two at R-L1, one at R-B1; the nurse answers one at her site; a deviation at R-D1.
        long subjectL1 = subjects.get("R-L1").getId();
        DataQuery l1 = as(As.MONITOR, () -> queries.raise(subjectL1, null, null, "Source document missing"));
        as(As.MONITOR, () -> queries.raise(subjectL1, null, null, "Please confirm the consent date"));
        DataQuery b1 = as(As.MONITOR, () -> queries.raise(subjects.get("R-B1").getId(), null, null, "Check the arm"));
        Set<String> nurseSites = as(As.NURSE, () -> currentUser.siteIds(HCC));
        DataQuery toAnswer = nurseSites.contains("LYCH") ? l1 : b1;
        as(As.NURSE, () -> queries.answer(toAnswer.getId(), toAnswer.getVersion(), "Filed now"));
        as(As.DATA_MANAGER, () -> deviations.record(HCC, "R-D1", Deviation.Type.TREATMENT, "Dose above protocol", LocalDate.of(2024, 3, 10)));
        // Adverse events: a serious one at R-L1 not reported ten days after onset, a serious one at
        // R-B1 reported the day it began, a non-serious one at R-D1.
        adverseEvent("R-L1", "HEPATIC_FAILURE", "4", TODAY.minusDays(10), "Y", null);
        adverseEvent("R-B1", "ABDOMINAL_PAIN", "3", TODAY.minusDays(5), "Y", TODAY.minusDays(5));
        adverseEvent("R-D1", "FEVER", "1", TODAY.minusDays(3), "N", null);
    }

    private long visitRef(long subjectId, String visitId) throws Exception {
        return as(As.DATA_MANAGER, () -> casebookRepository.visits(subjectId)).stream()
                .filter(v -> v.getVisitId().equals(visitId)).findFirst().orElseThrow().getId();
    }

    private void adverseEvent(String subjectNumber, String term, String grade, LocalDate onset, String serious,
                              LocalDate reported) throws Exception {
        long subjectId = subjects.get(subjectNumber).getId();
        long log = visitRef(subjectId, "logs");
        Map<ItemKey, RawEntry> values = new LinkedHashMap<>();
        values.put(new ItemKey("event", 1, "ae_term"), RawEntry.of(term));
        values.put(new ItemKey("event", 1, "ae_grade"), RawEntry.of(grade));
        values.put(new ItemKey("event", 1, "ae_onset_date"), RawEntry.of(onset.toString()));
        values.put(new ItemKey("seriousness", 1, "ae_serious"), RawEntry.of(serious));
        if (reported != null) {
            values.put(new ItemKey("seriousness", 1, "date_reported"), RawEntry.of(reported.toString()));
        }
        as(As.DATA_MANAGER, () -> forms.save(new FormSave(subjectId, log, "adverse_event", 1, null, values, false, null,
                AuditSource.FORM, null)));
    }

    @Test
    @Order(2)
    void reportsCountWhatWasPrepared() throws Exception {
        StudyDefinition study = registration.definition(HCC);
        ReportFilter filter = ReportFilter.of(HCC);
        List<DataQualityService.VisitRow> visits = as(As.MONITOR, () -> reports.visitWindows(study, filter, TODAY));
        // Baseline (day 0, up to 28 days before the first TACE) and the response assessment are overdue for each of the four.
        assertThat(visits).filteredOn(v -> v.subjectNumber().startsWith("R-") && v.visitId().equals("baseline"))
                .hasSize(4).allMatch(v -> v.status().equals("OVERDUE"));
        List<DataQualityService.MissingRow> missing = as(As.MONITOR, () -> reports.missingData(study, filter, TODAY));
        assertThat(missing).filteredOn(m -> m.subjectNumber().equals("R-L1") && m.formId().equals("baseline"))
                .singleElement().extracting(DataQualityService.MissingRow::reason).isEqualTo("VISIT_OVERDUE");

        DataQualityService.QueryReport queryReport = as(As.MONITOR, () -> reports.queries(filter));
        assertThat(queryReport.open()).isEqualTo(2);
        assertThat(queryReport.answered()).isEqualTo(1);
        assertThat(queryReport.bySite()).extracting(DataQualityService.Count::key, DataQualityService.Count::total)
                .contains(org.assertj.core.groups.Tuple.tuple("LYCH", 2L), org.assertj.core.groups.Tuple.tuple("BTCH", 1L));
        assertThat(queryReport.ageBuckets().get("0-7")).isEqualTo(3);

        Map<String, Map<String, Long>> byType = as(As.MONITOR, () -> reports.deviationsByTypeAndSite(filter));
        assertThat(byType.get("TREATMENT")).containsEntry("DLZS", 1L);

        DataQualityService.Enrolment enrolled = as(As.MONITOR, () -> reports.enrolment(study, filter));
        assertThat(enrolled.totals()).containsEntry("LYCH", 2L).containsEntry("DLZS", 1L).containsEntry("BTCH", 1L);
        assertThat(enrolled.targets()).containsKeys("LYCH", "DLZS", "BTCH");

        List<DataQualityService.LockReadiness> readiness = as(As.MONITOR, () -> reports.lockReadiness(study, filter));
        assertThat(readiness).filteredOn(r -> r.siteId().equals("LYCH")).singleElement()
                .satisfies(r -> {
                    assertThat(r.subjects()).isEqualTo(2);
                    assertThat(r.openQueries()).isEqualTo(2);
                    // Each subject's enrolment form (saved at registration) and TACE session, and R-L1's
                    // adverse event, are in progress.
                    assertThat(r.incompleteForms()).isEqualTo(5);
                    assertThat(r.ready()).isFalse();
                });
        // The subject list filtered on what the readiness report counts lists those subjects, and their
        // pending forms add up to the count.
        var incomplete = as(As.MONITOR, () -> casebook.subjects(HCC, null, "LYCH", null, null, PendingWork.INCOMPLETE_FORMS, 0, 25, null, true));
        assertThat(incomplete.subjects()).extracting(Subject::getSubjectNumber).containsExactly("R-L1", "R-L2");
        assertThat(incomplete.total()).isEqualTo(2);
        assertThat(incomplete.pendingForms()).containsEntry(subjects.get("R-L1").getId(), 3L).containsEntry(subjects.get("R-L2").getId(), 2L);
        // Nothing is complete yet, so nothing waits for a signature; no casebook is locked.
        assertThat(as(As.MONITOR, () -> casebook.subjects(HCC, null, null, null, null, PendingWork.UNSIGNED_FORMS, 0, 25, null, true))
                .subjects()).extracting(Subject::getSubjectNumber).noneMatch(n -> n.startsWith("R-"));
        assertThat(as(As.MONITOR, () -> casebook.subjects(HCC, "R-", null, null, null, PendingWork.UNLOCKED, 0, 25, null, true)).total())
                .isEqualTo(4);
    }

    @Test
    @Order(3)
    void seriousAdverseEventsWithTheStateOfTheirReport() throws Exception {
        List<SafetyService.SeriousEvent> all = as(As.MONITOR, () -> safety.seriousEvents(HCC, false));
        assertThat(all).filteredOn(e -> e.subjectNumber().startsWith("R-"))
                .extracting(SafetyService.SeriousEvent::subjectNumber, SafetyService.SeriousEvent::term, e -> e.reporting().status())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("R-L1", "HEPATIC_FAILURE", SaeReporting.Status.OVERDUE),
                        org.assertj.core.groups.Tuple.tuple("R-B1", "ABDOMINAL_PAIN", SaeReporting.Status.REPORTED_IN_TIME));
        // Due the day after onset (24 hours); ten days after onset it is nine days overdue.
        assertThat(all).filteredOn(e -> e.subjectNumber().equals("R-L1")).singleElement()
                .satisfies(e -> {
                    // Older-style entries without times are judged by calendar day.
                    assertThat(e.reporting().due()).isEqualTo(SaeReporting.Moment.on(TODAY.minusDays(9)));
                    assertThat(e.reporting().exact()).isFalse();
                    assertThat(e.reporting().daysLate()).isEqualTo(9);
                    assertThat(e.grade()).isEqualTo("4");
                });
        // Needing attention: only the overdue report.
        assertThat(as(As.MONITOR, () -> safety.seriousEvents(HCC, true)))
                .filteredOn(e -> e.subjectNumber().startsWith("R-")).extracting(SafetyService.SeriousEvent::subjectNumber)
                .containsExactly("R-L1");
        // A monitor of LYCH and DLZS does not see the BTCH event (the DLZS one is not serious).
        assertThat(as(As.SITE_MONITOR, () -> safety.seriousEvents(HCC, false)))
                .extracting(SafetyService.SeriousEvent::siteId).containsOnly("LYCH");
    }

    @Test
    @Order(4)
    void seriousEventsTimedToTheMinute() throws Exception {
        // R-B1 learns of two more serious events: one 24 h 05 min ago and not reported (overdue by
        // minutes, on the same or the next calendar day, so only the exact rule finds it late), one three
        // hours ago and reported an hour ago (in time). Seconds are dropped, as the form records minutes.
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime overdueAware = now.minusHours(24).minusMinutes(5);
        LocalDateTime inTimeAware = now.minusHours(3);
        long subjectId = subjects.get("R-B1").getId();
        long log = visitRef(subjectId, "logs");
        timedSeriousEvent(subjectId, log, 2, "FEVER", overdueAware, null);
        timedSeriousEvent(subjectId, log, 3, "HEPATIC_FAILURE", inTimeAware, inTimeAware.plusHours(2));

        // Stored to the minute and read back as date-times.
        var aes = as(As.DATA_MANAGER, () -> casebookRepository.subjectData(subjectId)).forms("adverse_event");
        assertThat(aes).filteredOn(f -> f.repeatKey() == 2).singleElement()
                .satisfies(f -> assertThat(f.dateTime("datetime_aware")).contains(overdueAware));
        assertThat(aes).filteredOn(f -> f.repeatKey() == 3).singleElement()
                .satisfies(f -> assertThat(f.dateTime("datetime_reported")).contains(inTimeAware.plusHours(2)));

        List<SafetyService.SeriousEvent> b1 = as(As.MONITOR, () -> safety.seriousEvents(HCC, false)).stream()
                .filter(e -> e.subjectNumber().equals("R-B1")).toList();
        assertThat(b1).extracting(SafetyService.SeriousEvent::term, e -> e.reporting().status()).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("ABDOMINAL_PAIN", SaeReporting.Status.REPORTED_IN_TIME),
                org.assertj.core.groups.Tuple.tuple("FEVER", SaeReporting.Status.OVERDUE),
                org.assertj.core.groups.Tuple.tuple("HEPATIC_FAILURE", SaeReporting.Status.REPORTED_IN_TIME));
        assertThat(b1).filteredOn(e -> e.term().equals("FEVER")).singleElement().satisfies(e -> {
            assertThat(e.reporting().exact()).isTrue();
            assertThat(e.reporting().due()).isEqualTo(SaeReporting.Moment.at(overdueAware.plusHours(24)));
            assertThat(e.reporting().late()).isGreaterThanOrEqualTo(Duration.ofMinutes(5)).isLessThan(Duration.ofHours(1));
            assertThat(e.reporting().hoursLate()).isEqualTo(1);
        });
        // The dashboard's list of reports needing attention now has the overdue one at R-B1 too.
        assertThat(as(As.MONITOR, () -> safety.seriousEvents(HCC, true)))
                .filteredOn(e -> e.subjectNumber().equals("R-B1")).extracting(SafetyService.SeriousEvent::term)
                .containsExactly("FEVER");
        // A report time later than now is refused at the field.
        Map<ItemKey, RawEntry> future = timedValues("FEVER", overdueAware, now.plusHours(2));
        long version = as(As.DATA_MANAGER, () -> casebookRepository.form(log, "adverse_event", 2)).orElseThrow().getVersion();
        assertThatThrownBy(() -> as(As.DATA_MANAGER, () -> forms.save(new FormSave(subjectId, log, "adverse_event", 2, version,
                future, false, null, AuditSource.FORM, null))))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.errors())
                        .anyMatch(e -> "value.error.futureDateTime".equals(e.messageKey())));
    }

    private static Map<ItemKey, RawEntry> timedValues(String term, LocalDateTime aware, LocalDateTime reported) {
        Map<ItemKey, RawEntry> values = new LinkedHashMap<>();
        values.put(new ItemKey("event", 1, "ae_term"), RawEntry.of(term));
        values.put(new ItemKey("event", 1, "ae_grade"), RawEntry.of("3"));
        values.put(new ItemKey("event", 1, "ae_onset_date"), RawEntry.of(aware.toLocalDate().toString()));
        values.put(new ItemKey("seriousness", 1, "ae_serious"), RawEntry.of("Y"));
        values.put(new ItemKey("seriousness", 1, "datetime_aware"), RawEntry.of(aware.toLocalDate() + " " + aware.toLocalTime()));
        if (reported != null) {
            values.put(new ItemKey("seriousness", 1, "datetime_reported"), RawEntry.of(reported.toString()));
        }
        return values;
    }

    private void timedSeriousEvent(long subjectId, long log, int repeat, String term, LocalDateTime aware,
                                   LocalDateTime reported) throws Exception {
        Map<ItemKey, RawEntry> values = timedValues(term, aware, reported);
        as(As.DATA_MANAGER, () -> forms.save(new FormSave(subjectId, log, "adverse_event", repeat, null, values, false, null,
                AuditSource.FORM, null)));
    }

    @Test
    @Order(4)
    void aMonitorOfTwoSitesSeesOnlyThose() throws Exception {
        StudyDefinition study = registration.definition(HCC);
        ReportFilter filter = ReportFilter.of(HCC);
        assertThat(as(As.SITE_MONITOR, () -> reports.visitWindows(study, filter, TODAY)))
                .extracting(DataQualityService.VisitRow::siteId).isNotEmpty().containsOnly("LYCH", "DLZS");
        assertThat(as(As.SITE_MONITOR, () -> reports.missingData(study, filter, TODAY)))
                .extracting(DataQualityService.MissingRow::siteId).containsOnly("LYCH", "DLZS");
        DataQualityService.QueryReport queryReport = as(As.SITE_MONITOR, () -> reports.queries(filter));
        assertThat(queryReport.bySite()).extracting(DataQualityService.Count::key).containsOnly("LYCH");
        assertThat(queryReport.open() + queryReport.answered()).isEqualTo(2);
        assertThat(as(As.SITE_MONITOR, () -> reports.enrolment(study, filter)).totals()).containsOnlyKeys("LYCH", "DLZS");
        assertThat(as(As.SITE_MONITOR, () -> reports.lockReadiness(study, filter)))
                .extracting(DataQualityService.LockReadiness::siteId).containsOnly("LYCH", "DLZS");
        // Asking for a site outside the assignment gives nothing, not that site's rows.
        ReportFilter other = new ReportFilter(HCC, "BTCH", null, null, null, null);
        assertThat(as(As.SITE_MONITOR, () -> reports.queries(other)).bySite()).isEmpty();
        // The pending-work subject list is scoped the same way.
        assertThat(as(As.SITE_MONITOR, () -> casebook.subjects(HCC, "R-", null, null, null, PendingWork.INCOMPLETE_FORMS, 0, 25, null, true))
                .subjects()).extracting(Subject::getSiteId).isNotEmpty().containsOnly("LYCH", "DLZS");
        assertThat(as(As.SITE_MONITOR, () -> casebook.subjects(HCC, null, "BTCH", null, null, PendingWork.UNLOCKED, 0, 25, null, true))
                .total()).isZero();
    }

    @Test
    @Order(5)
    void logFormsAreNeverDueAndSubjectsOffStudyHaveNoOverdueVisits() throws Exception {
        StudyDefinition study = registration.definition(HCC);
        ReportFilter filter = ReportFilter.of(HCC);
        // R-L1's adverse event dates its log visit; the other-treatment log is not missing for that.
        assertThat(as(As.MONITOR, () -> reports.missingData(study, filter, TODAY)))
                .filteredOn(m -> m.subjectNumber().startsWith("R-")).extracting(DataQualityService.MissingRow::visitId)
                .doesNotContain("logs");
        // R-L2 died: the visits still to come are no longer overdue, nor their forms missing.
        long l2 = subjects.get("R-L2").getId();
        Map<ItemKey, RawEntry> eos = Map.of(new ItemKey("completion", 1, "eos_date"), RawEntry.of("2024-05-01"),
                new ItemKey("completion", 1, "eos_status"), RawEntry.of("DIED"),
                new ItemKey("completion", 1, "eos_death_date"), RawEntry.of("2024-05-01"));
        long eosVisit = visitRef(l2, "end_of_study");
        as(As.DATA_MANAGER, () -> forms.save(new FormSave(l2, eosVisit, "end_of_study", 1, null, eos, false, null,
                AuditSource.FORM, null)));
        assertThat(as(As.MONITOR, () -> reports.visitWindows(study, filter, TODAY)))
                .filteredOn(v -> v.subjectNumber().startsWith("R-") && v.status().equals("OVERDUE"))
                .extracting(DataQualityService.VisitRow::subjectNumber).contains("R-L1").doesNotContain("R-L2");
        assertThat(as(As.MONITOR, () -> reports.missingData(study, filter, TODAY)))
                .filteredOn(m -> m.subjectNumber().equals("R-L2")).extracting(DataQualityService.MissingRow::reason)
                .doesNotContain("VISIT_OVERDUE");
    }

    @Test
    @Order(6)
    void filtersApplyToEveryReport() throws Exception {
        StudyDefinition study = registration.definition(HCC);
        // Missing data is dated by the visit, or by its target while it has not taken place.
        LocalDate baselineTarget = as(As.MONITOR, () -> reports.visitWindows(study, ReportFilter.of(HCC), TODAY)).stream()
                .filter(v -> v.subjectNumber().equals("R-L1") && v.visitId().equals("baseline")).findFirst().orElseThrow().target();
        ReportFilter onTarget = new ReportFilter(HCC, null, null, null, baselineTarget, baselineTarget);
        ReportFilter afterTarget = new ReportFilter(HCC, null, null, null, baselineTarget.plusDays(1), null);
        assertThat(as(As.MONITOR, () -> reports.missingData(study, onTarget, TODAY)))
                .filteredOn(m -> m.subjectNumber().equals("R-L1")).extracting(DataQualityService.MissingRow::formId).contains("baseline");
        assertThat(as(As.MONITOR, () -> reports.missingData(study, afterTarget, TODAY)))
                .filteredOn(m -> m.subjectNumber().equals("R-L1")).extracting(DataQualityService.MissingRow::formId).doesNotContain("baseline");
        // Enrolment by its date: all four were enrolled in March 2024.
        assertThat(as(As.MONITOR, () -> reports.enrolment(study, new ReportFilter(HCC, null, null, null,
                LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)))).totals()).containsEntry("LYCH", 2L).containsEntry("BTCH", 1L);
        assertThat(as(As.MONITOR, () -> reports.enrolment(study, new ReportFilter(HCC, null, null, null,
                LocalDate.of(2024, 4, 1), null))).totals()).isEmpty();
        // Deviations by the day they occurred (10 March 2024), and by form: the one recorded by hand has none.
        assertThat(as(As.MONITOR, () -> reports.deviationsByTypeAndSite(new ReportFilter(HCC, null, null, null,
                LocalDate.of(2024, 3, 10), LocalDate.of(2024, 3, 10)))).get("TREATMENT")).containsEntry("DLZS", 1L);
        assertThat(as(As.MONITOR, () -> reports.deviationsByTypeAndSite(new ReportFilter(HCC, null, null, null,
                LocalDate.of(2024, 3, 11), null)))).doesNotContainKey("TREATMENT");
        assertThat(as(As.MONITOR, () -> reports.deviationsByTypeAndSite(new ReportFilter(HCC, null, null, "tace_session", null, null))))
                .doesNotContainKey("TREATMENT");

        // Complete a TACE session at a site of the investigator, and raise a query on it.
        Set<String> investigatorSites = as(As.INVESTIGATOR, () -> currentUser.siteIds(HCC));
        completedSubject = subjects.entrySet().stream().filter(e -> investigatorSites.contains(e.getValue().getSiteId()))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Subject subject = subjects.get(completedSubject);
        long tace = visitRef(subject.getId(), "tace");
        as(As.DATA_MANAGER, () -> forms.save(new FormSave(subject.getId(), tace, "tace_session", 1,
                casebookRepository.form(tace, "tace_session", 1).orElseThrow().getVersion(),
                Map.of(new ItemKey("procedure", 1, "procedure_date"), RawEntry.of("2024-03-10"),
                        new ItemKey("procedure", 1, "technique"), RawEntry.of("DEB_TACE"),
                        new ItemKey("outcome", 1, "technical_success"), RawEntry.of("Y")), true, null, AuditSource.FORM, null)));
        completedForm = as(As.DATA_MANAGER, () -> casebookRepository.form(tace, "tace_session", 1).orElseThrow().getId());
        as(As.MONITOR, () -> queries.raise(subject.getId(), completedForm, null, "Please confirm the technique"));
        // Queries by visit: the new one is on the TACE visit; those on the subject as a whole have no visit.
        ReportFilter taceVisit = new ReportFilter(HCC, null, "tace", null, null, null);
        assertThat(as(As.MONITOR, () -> reports.queries(taceVisit))).satisfies(q -> {
            assertThat(q.open()).isEqualTo(1);
            assertThat(q.answered() + q.closed()).isZero();
        });
        assertThat(as(As.MONITOR, () -> reports.queries(new ReportFilter(HCC, null, "baseline", null, null, null))).open()).isZero();
        assertThat(as(As.MONITOR, () -> reports.queries(new ReportFilter(HCC, null, null, "tace_session", null, null))).open()).isEqualTo(1);

        // Lock readiness counts the complete form as unsigned and its items as not verified.
        String site = subject.getSiteId();
        assertThat(as(As.MONITOR, () -> reports.lockReadiness(study, ReportFilter.of(HCC)))).filteredOn(r -> r.siteId().equals(site))
                .singleElement().satisfies(r -> {
                    assertThat(r.unsignedForms()).isEqualTo(1);
                    assertThat(r.unverifiedItems()).isPositive();
                    assertThat(r.ready()).isFalse();
                });
        assertThat(as(As.INVESTIGATOR, () -> reports.casebooksAwaitingSignature(ReportFilter.of(HCC), 50)))
                .extracting(DataQualityService.AwaitingSignature::subjectNumber, DataQualityService.AwaitingSignature::unsignedForms)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(completedSubject, 1L));
        // An import checked by the data manager is on record (for the data manager's home page).
        as(As.DATA_MANAGER, () -> imports.preview(new org.tacecrf.application.exchange.ImportRequest(HCC, "baseline", "reports-baseline.csv",
                "subject_number,assessment_date\nR-L1,2024-03-05\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), null), null));
    }

    /** Signs in and chooses the study in the header, as a user does. */
    private WebClient signedIn(String username, String password) {
        WebClient client = new WebClient(base);
        WebClient.Page home = client.login(username, password);
        client.ajax(home, "header", Map.of("header:study_input", HCC, "jakarta.faces.behavior.event", "change",
                "jakarta.faces.partial.event", "change"), "header:study");
        return client;
    }

    /** Rows of the query list at that address. */
    private static int rows(WebClient client, String path) {
        return client.get(path).document().select("[id$=table_data] > tr:not(.ui-datatable-empty-message)").size();
    }

    private static List<CSVRecord> csv(String body) throws IOException {
        return CSVFormat.DEFAULT.parse(new StringReader(body.startsWith("\uFEFF") ? body.substring(1) : body)).getRecords();
    }

    @Test
    @Order(7)
    @RunAsClient
    void theSaeListingAndTheFormShowTheTimes() throws Exception {
        WebClient monitorWeb = signedIn("monitor", "monitor-demo-2024");
        WebClient.Page page = monitorWeb.get("/app/reports.xhtml?tab=sae");
        assertThat(page.status()).isEqualTo(200);
        // R-B1's fever, learned of 24 h 05 min before it was saved: due to the minute, overdue, one hour begun late.
        var row = page.document().select("[id$=seriousEvents_data] tr").stream()
                .filter(tr -> tr.text().contains("R-B1") && tr.text().contains("Fever")).findFirst()
                .orElseThrow(() -> new AssertionError("no R-B1 fever in the SAE listing: " + page.text()));
        assertThat(row.text()).containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}").contains("Overdue");
        assertThat(row.select("td").last().text()).matches("0 h \\d+ min");
        Matcher formData = Pattern.compile("formData=(\\d+)").matcher(row.select("a").attr("href"));
        assertThat(formData.find()).isTrue();
        // The form shows the awareness date-time in its (read-only) date-time field and the report overdue by minutes.
        WebClient.Page form = monitorWeb.get("/app/form.xhtml?formData=" + formData.group(1));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.document().select("input[id$=vdt_input]").eachAttr("value"))
                .anySatisfy(v -> assertThat(v).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"));
        assertThat(form.document().select("[id$=saeStatus]").text()).contains("Overdue").containsPattern("\\(0 h \\d+ min ago\\)");
    }

    @Test
    @Order(7)
    @RunAsClient
    void reportsExportTheirValuesAndLinkToFilteredLists() throws Exception {
        WebClient monitorWeb = signedIn("monitor", "monitor-demo-2024");
        WebClient.Page page = monitorWeb.get("/app/reports.xhtml");
        assertThat(page.status()).isEqualTo(200);
        // The CSV export of the missing-data table carries the values and the headers, not the page's expressions.
        String button = page.document().select("[id$=missingCsv]").attr("name");
        assertThat(button).as("CSV button of the missing-data table on %s", page.text()).isNotEmpty();
        WebClient.Page export = monitorWeb.submit(page, "reports", Map.of(), button);
        assertThat(export.response().headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("missing-data"));
        assertThat(export.body()).doesNotContain("#{");
        List<CSVRecord> rows = csv(export.body());
        assertThat(rows.get(0).toList()).contains("Site", "Form");
        assertThat(rows).anySatisfy(r -> assertThat(r.toList()).containsSequence("LYCH", "R-L1").contains("baseline"));
        // The XLSX export too: headers in the first row, values below.
        page = monitorWeb.get("/app/reports.xhtml");
        var xlsx = monitorWeb.submitForFile(page, "reports", Map.of(), page.document().select("[id$=missingXlsx]").attr("name"));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
            List<List<String>> cells = new java.util.ArrayList<>();
            sheet.forEach(row -> {
                List<String> values = new java.util.ArrayList<>();
                row.forEach(cell -> values.add(formatter.formatCellValue(cell)));
                cells.add(values);
            });
            assertThat(cells.get(0)).contains("Site", "Subject", "Form");
            assertThat(cells).anySatisfy(r -> assertThat(r).containsSequence("LYCH", "R-L1").contains("baseline"));
            assertThat(cells).allSatisfy(r -> assertThat(String.join(",", r)).doesNotContain("#{"));
        }
        // Tabs load when shown, computing only their own report: the first tab is missing data, the others open by name.
        assertThat(page.document().select("[id$=missing_data]")).isNotEmpty();
        assertThat(page.document().select("[id$=readiness_data]")).isEmpty();
        // Lock readiness: the status column exports its label.
        page = monitorWeb.get("/app/reports.xhtml?tab=readiness");
        WebClient.Page readiness = monitorWeb.submit(page, "reports", Map.of(), page.document().select("[id$=readinessCsv]").attr("name"));
        assertThat(csv(readiness.body())).anySatisfy(r -> assertThat(r.toList()).contains("LYCH", "Not ready"));
        // Unresolved queries block a freeze, answered ones as much as open ones: the readiness link lists both.
        assertThat(page.document().select("a[href*=queries.xhtml?site=LYCH&status=UNRESOLVED]").text()).isEqualTo("2");
        // Its subjects, forms not complete, complete forms not signed and casebooks not locked open the site's subject list.
        assertThat(page.document().select("[id$=readiness_data] a[href*=subjects.xhtml?site=LYCH]")).hasSize(4);
        // Each of the last three lists only the site's subjects with that work pending: as many casebooks
        // as counted, or pending forms per subject adding up to the count.
        long unsignedListed = 0;
        for (String pending : List.of("INCOMPLETE_FORMS", "UNSIGNED_FORMS", "UNLOCKED")) {
            var links = page.document().select("[id$=readiness_data] a[href*=pending=" + pending + "]");
            assertThat(links).as("%s links on %s", pending, page.text()).hasSizeGreaterThanOrEqualTo(3);
            for (var link : links) {
                String href = link.attr("href");
                java.util.regex.Matcher site = java.util.regex.Pattern.compile("site=(\\w+)").matcher(href);
                assertThat(site.find()).isTrue();
                long counted = Long.parseLong(link.text());
                var listed = monitorWeb.get(href.substring(href.indexOf("/app/"))).document()
                        .select("[id$=table_data] > tr:not(.ui-datatable-empty-message)");
                assertThat(listed).as("%s at %s", pending, site.group(1))
                        .allSatisfy(tr -> assertThat(tr.select("td").get(1).text()).isEqualTo(site.group(1)));
                if (pending.equals("UNLOCKED")) {
                    assertThat(listed).hasSize((int) counted);
                } else {
                    long sum = listed.stream().mapToLong(tr -> Long.parseLong(tr.select("td.pending-forms").text())).sum();
                    assertThat(sum).as("%s at %s", pending, site.group(1)).isEqualTo(counted);
                    assertThat(listed.select("td.pending-forms").eachText()).noneMatch("0"::equals);
                }
                if (pending.equals("UNSIGNED_FORMS")) {
                    unsignedListed += listed.size();
                }
            }
        }
        // The one complete TACE session is the only form waiting for a signature.
        assertThat(unsignedListed).isEqualTo(1);
        String lychIncomplete = monitorWeb.get("/app/subjects.xhtml?site=LYCH&pending=INCOMPLETE_FORMS").document()
                .select("[id$=table_data]").text();
        assertThat(lychIncomplete).contains("R-L1", "R-L2").doesNotContain("R-D1").doesNotContain("R-B1");
        String lychSubjects = monitorWeb.get("/app/subjects.xhtml?site=LYCH").document().select("[id$=table_data]").text();
        assertThat(lychSubjects).contains("R-L1", "R-L2").doesNotContain("R-B1");
        int openAtLych = rows(monitorWeb, "/app/queries.xhtml?site=LYCH&status=OPEN");
        int answeredAtLych = rows(monitorWeb, "/app/queries.xhtml?site=LYCH&status=ANSWERED");
        assertThat(answeredAtLych + rows(monitorWeb, "/app/queries.xhtml?site=BTCH&status=ANSWERED")).isEqualTo(1);
        assertThat(rows(monitorWeb, "/app/queries.xhtml?site=LYCH&status=UNRESOLVED")).isEqualTo(openAtLych + answeredAtLych).isEqualTo(2);
        assertThat(monitorWeb.get("/app/queries.xhtml?site=LYCH&status=UNRESOLVED").document().select("[id$=table_data]").text())
                .contains("Source document missing", "Please confirm the consent date");

        // Data-entry lag: each site links to its own late forms, and each of those opens the form.
        page = monitorWeb.get("/app/reports.xhtml?tab=lag");
        assertThat(page.document().select("[id$=lag_data] a[href*=reports.xhtml?tab=lag&site=LYCH]")).isNotEmpty();
        assertThat(page.document().select("[id$=lateEntries_data]").text()).contains("R-L1", "R-B1", "tace_session");
        WebClient.Page lychLag = monitorWeb.get("/app/reports.xhtml?tab=lag&site=LYCH");
        assertThat(lychLag.document().select("[id$=lateEntries_data]").text()).contains("R-L1").doesNotContain("R-B1");
        String lateForm = lychLag.document().select("[id$=lateEntries_data] a[href*=form.xhtml?formData=]").attr("href");
        assertThat(lateForm).as("link of a late form on %s", lychLag.text()).isNotEmpty();
        WebClient.Page opened = monitorWeb.get(lateForm.substring(lateForm.indexOf("/app/")));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.title()).contains("R-L1");

        // Tables that lacked export buttons have them: verification by site and the query totals.
        page = monitorWeb.get("/app/reports.xhtml?tab=sdv");
        assertThat(page.document().select("[id$=sdvSitesCsv]")).isNotEmpty();
        page = monitorWeb.get("/app/reports.xhtml?tab=queries");
        WebClient.Page totals = monitorWeb.submit(page, "reports", Map.of(), page.document().select("[id$=queryTotalsCsv]").attr("name"));
        assertThat(csv(totals.body())).anySatisfy(r -> assertThat(r.toList()).containsExactly("Open", "3"));

        // Report rows link to the lists filtered as counted.
        assertThat(page.document().select("a[href*=queries.xhtml?site=LYCH&status=OPEN]")).isNotEmpty();
        assertThat(monitorWeb.get("/app/reports.xhtml?tab=deviations").document().select("a[href*=deviations.xhtml?type=TREATMENT&site=DLZS]"))
                .isNotEmpty();
        String btch = monitorWeb.get("/app/queries.xhtml?site=BTCH&status=ALL").document().select("[id$=table_data]").text();
        assertThat(btch).contains("R-B1").doesNotContain("R-L1");
        String lych = monitorWeb.get("/app/queries.xhtml?site=LYCH&status=OPEN").document().select("[id$=table_data]").text();
        assertThat(lych).contains("R-L1").doesNotContain("R-B1");
        String byForm = monitorWeb.get("/app/queries.xhtml?form=tace_session&status=ALL").document().select("[id$=table_data]").text();
        assertThat(byForm).contains("Please confirm the technique").doesNotContain("Source document missing");
        assertThat(monitorWeb.get("/app/deviations.xhtml?type=TREATMENT&site=DLZS&status=ALL").document().select("[id$=table_data]").text())
                .contains("R-D1");
        assertThat(monitorWeb.get("/app/deviations.xhtml?site=LYCH&status=ALL").document().select("[id$=table_data]").text())
                .doesNotContain("R-D1");
        // Recorded by hand, R-D1's deviation is on no form.
        assertThat(monitorWeb.get("/app/deviations.xhtml?form=tace_session&status=ALL").document().select("[id$=table_data]").text())
                .doesNotContain("R-D1");
    }

    @Test
    @Order(8)
    @RunAsClient
    void eachRoleSeesItsSummaryAtHome() {
        WebClient.Page monitorHome = signedIn("monitor", "monitor-demo-2024").get("/app/home.xhtml");
        assertThat(monitorHome.text()).contains("Monitoring summary").contains("forms missing").contains("soft checks overridden")
                .contains("source-verified").contains("subjects enrolled");
        assertThat(monitorHome.document().select("#enrolled").text()).isEqualTo("4");
        assertThat(Integer.parseInt(monitorHome.document().select("#missingForms").text())).isPositive();
        assertThat(monitorHome.document().select("#sdvPercent").text()).isEqualTo("0%");

        WebClient.Page investigatorHome = signedIn("investigator", "investigator-demo-2024").get("/app/home.xhtml");
        // One casebook (the subject whose TACE session was completed at the investigator's site), linked to it.
        assertThat(investigatorHome.document().select("[id$=awaitingSignature]").text()).contains("Casebooks awaiting signature (1)");
        assertThat(investigatorHome.document().select("[id$=awaitingSignature] a[href*=casebook.xhtml?subject=]").text()).matches("R-[LDB][12]");
        assertThat(investigatorHome.text()).doesNotContain("Monitoring summary").doesNotContain("Recent imports");
        // Its lock-readiness panel links the counts to the lists where they are acted on.
        assertThat(investigatorHome.document().select("[id$=readiness] a[href*=pending=INCOMPLETE_FORMS]")).isNotEmpty();
        assertThat(investigatorHome.document().select("[id$=readiness] a[href*=pending=UNSIGNED_FORMS]")).isNotEmpty();
        assertThat(investigatorHome.document().select("[id$=readiness] a[href*=pending=UNLOCKED]")).isNotEmpty();
        String sdvLink = investigatorHome.document().select("[id$=readiness] a[href*=sdv.xhtml]").attr("href");
        assertThat(sdvLink).contains("site=");
        assertThat(signedIn("investigator", "investigator-demo-2024").get(sdvLink.replaceFirst("^https?://[^/]+", "")).status())
                .isEqualTo(200);

        WebClient.Page managerHome = signedIn("datamanager", "datamanager-demo-2024").get("/app/home.xhtml");
        assertThat(managerHome.document().select("[id$=recentImports]").text()).contains("Recent imports").contains("reports-baseline.csv");
    }

    @Test
    @Order(9)
    void signingAndVerifyingClearTheirBlocks() throws Exception {
        StudyDefinition study = registration.definition(HCC);
        Subject subject = subjects.get(completedSubject);
        as(As.MONITOR, () -> sdv.verifyForm(completedForm));
        as(As.INVESTIGATOR, () -> signatures.sign(new org.tacecrf.application.integrity.SignatureService.SignRequest(
                org.tacecrf.domain.integrity.SignatureScope.FORM, subject.getId(), null, completedForm,
                org.tacecrf.domain.integrity.SignatureMeaning.INVESTIGATOR_REVIEW, "investigator", "investigator-demo-2024".toCharArray(),
                "127.0.0.1")));
        assertThat(as(As.MONITOR, () -> reports.lockReadiness(study, ReportFilter.of(HCC))))
                .filteredOn(r -> r.siteId().equals(subject.getSiteId())).singleElement().satisfies(r -> {
                    assertThat(r.unsignedForms()).isZero();
                    assertThat(r.unverifiedItems()).isZero();
                });
        assertThat(as(As.INVESTIGATOR, () -> reports.casebooksAwaitingSignature(ReportFilter.of(HCC), 50))).isEmpty();
        assertThat(as(As.MONITOR, () -> reports.sdvProgress(ReportFilter.of(HCC))).percent()).isEqualTo(100);
    }

    @Test
    @Order(10)
    void overriddenSoftChecksWithTheirReason() throws Exception {
        StudyDefinition study = registration.definition(HCC);
        // R-D1's fever, resolved before its onset, fails the soft check dates_ae_resolution_after_onset; the
        // second save keeps the dates with a reason, which overrides the check.
        Subject subject = subjects.get("R-D1");
        long log = visitRef(subject.getId(), "logs");
        Map<ItemKey, RawEntry> values = new LinkedHashMap<>();
        values.put(new ItemKey("event", 1, "ae_term"), RawEntry.of("FEVER"));
        values.put(new ItemKey("event", 1, "ae_grade"), RawEntry.of("1"));
        values.put(new ItemKey("event", 1, "ae_onset_date"), RawEntry.of(TODAY.minusDays(3).toString()));
        values.put(new ItemKey("event", 1, "ae_ongoing"), RawEntry.of("N"));
        values.put(new ItemKey("event", 1, "ae_resolution_date"), RawEntry.of(TODAY.minusDays(5).toString()));
        values.put(new ItemKey("seriousness", 1, "ae_serious"), RawEntry.of("N"));
        var first = as(As.DATA_MANAGER, () -> forms.save(new FormSave(subject.getId(), log, "adverse_event", 1,
                casebookRepository.form(log, "adverse_event", 1).orElseThrow().getVersion(), values, false, null, AuditSource.FORM, null)));
        String key = first.failedChecks().stream().filter(o -> o.checkId().equals("dates_ae_resolution_after_onset")).findFirst()
                .orElseThrow(() -> new AssertionError("soft check not failed: " + first.failedChecks())).key();
        as(As.DATA_MANAGER, () -> forms.save(new FormSave(subject.getId(), log, "adverse_event", 1, first.version(), values, false, null,
                AuditSource.FORM, null, Map.of(key, "Dates copied from the discharge letter as written"))));

        assertThat(as(As.MONITOR, () -> reports.overriddenChecks(ReportFilter.of(HCC)))).singleElement().satisfies(o -> {
            assertThat(o.getSiteId()).isEqualTo("DLZS");
            assertThat(o.getCheckId()).isEqualTo("dates_ae_resolution_after_onset");
            assertThat(o.getReason()).isEqualTo("Dates copied from the discharge letter as written");
            assertThat(o.isActive()).isTrue();
        });
        assertThat(as(As.MONITOR, () -> reports.overriddenChecks(new ReportFilter(HCC, null, null, "adverse_event", null, null)))).hasSize(1);
        assertThat(as(As.MONITOR, () -> reports.overriddenChecks(new ReportFilter(HCC, null, null, "tace_session", null, null)))).isEmpty();
        assertThat(as(As.MONITOR, () -> reports.overriddenChecks(new ReportFilter(HCC, null, null, null, TODAY.plusDays(1), null)))).isEmpty();
        assertThat(as(As.SITE_MONITOR, () -> reports.overriddenChecks(new ReportFilter(HCC, "BTCH", null, null, null, null)))).isEmpty();
        // The monitor's summary line on the home page counts it.
        assertThat(as(As.MONITOR, () -> dashboard.summary(study)).monitoring().overriddenChecks()).isEqualTo(1);
    }
}
