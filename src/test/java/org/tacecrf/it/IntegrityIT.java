package org.tacecrf.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tacecrf.application.audit.AuditVerification;
import org.tacecrf.application.casebook.CasebookFlags;
import org.tacecrf.application.casebook.CasebookService;
import org.tacecrf.application.casebook.EnrolmentService;
import org.tacecrf.application.casebook.FormSave;
import org.tacecrf.application.casebook.FormSaveResult;
import org.tacecrf.application.casebook.FormService;
import org.tacecrf.application.casebook.RawEntry;
import org.tacecrf.application.common.AccessDeniedException;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.application.exchange.ExportService;
import org.tacecrf.application.integrity.AuditExportFormat;
import org.tacecrf.application.integrity.AuditFilter;
import org.tacecrf.application.integrity.AuditQueryService;
import org.tacecrf.application.integrity.IntegrityGuard;
import org.tacecrf.application.integrity.LockService;
import org.tacecrf.application.integrity.SdvService;
import org.tacecrf.application.integrity.SignatureService;
import org.tacecrf.application.quality.DeviationService;
import org.tacecrf.application.quality.QueryService;
import org.tacecrf.application.study.StudyRegistration;
import org.tacecrf.application.user.AccountService;
import org.tacecrf.application.user.UserAdministration;
import org.tacecrf.application.user.UserCommand;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.integrity.SdvProgress;
import org.tacecrf.domain.integrity.SignatureMeaning;
import org.tacecrf.domain.integrity.SignatureScope;
import org.tacecrf.domain.integrity.SignatureValidity;
import org.tacecrf.domain.study.CriterionKind;
import org.tacecrf.domain.study.EligibilityCriterion;
import org.tacecrf.infrastructure.persistence.AuditChainScanner;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.infrastructure.persistence.DatabaseMigration;
import org.tacecrf.infrastructure.persistence.StudyRepository;
import org.tacecrf.infrastructure.persistence.UserRepository;
import org.tacecrf.it.support.AuditTamper;
import org.tacecrf.it.support.Identities;
import org.tacecrf.it.support.Identities.As;
import org.tacecrf.it.support.WebClient;
import org.tacecrf.model.audit.AuditEvent;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.Deviation;
import org.tacecrf.model.casebook.ItemData;
import org.tacecrf.model.casebook.Screening;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.Visit;
import org.tacecrf.model.integrity.Signature;
import org.tacecrf.model.quality.DataQuery;
import org.tacecrf.model.study.DataStatus;
import org.tacecrf.model.user.Role;
import org.tacecrf.model.user.SiteAccess;

/**
 * Audit trail, electronic signatures, source-data verification and locks, inside the server with
 * the real services, each call made as a named user (nurse, investigator, monitor, data manager,
 * an investigator of another site): what each change writes to the audit trail, how signatures
 * and verifications follow changes of the data, that locked data change by no path, and who may
 * do what.
 */
@ExtendWith(ArquillianExtension.class)
class IntegrityIT {

    private static final String STUDY = "hcc-deb-sorafenib";
    private static final String INVESTIGATOR_PASSWORD = "investigator-demo-2024";

    @Deployment
    static WebArchive deployment() {
        WebArchive war = Identities.war(IntegrityIT.class).addClasses(AuditTamper.class, WebClient.class, WebClient.Page.class);
        war.addAsLibraries(new java.io.File(Jsoup.class.getProtectionDomain().getCodeSource().getLocation().getPath()));
        return war;
    }

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

    @Inject
    private EnrolmentService enrolment;
    @Inject
    private FormService forms;
    @Inject
    private CasebookService casebookService;
    @Inject
    private SignatureService signatures;
    @Inject
    private SdvService sdv;
    @Inject
    private LockService locks;
    @Inject
    private ExportService export;
    @Inject
    private AuditQueryService auditQuery;
    @Inject
    private QueryService queries;
    @Inject
    private DeviationService deviations;
    @Inject
    private AccountService accounts;
    @Inject
    private AuditVerification verification;
    @Inject
    private UserAdministration userAdministration;
    @Inject
    private IntegrityGuard guard;
    @Inject
    private StudyRegistration registration;
    @Inject
    private StudyRepository studies;
    @Inject
    private CasebookRepository casebook;
    @Inject
    private CasebookFlags casebookFlags;
    @Inject
    private UserRepository users;
    @PersistenceContext(unitName = "tace")
    private EntityManager em;
    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    private DataSource dataSource;
    @Inject
    private jakarta.servlet.http.HttpServletRequest request;

    private Identities.Runners runners;

    /** A freshly enrolled subject with its screening visit and the two forms enrolment filled. */
    record Case(long subjectId, String number, long screeningVisit, long enrolmentForm, long eligibilityForm) {
    }

    @BeforeEach
    void identities() throws Exception {
        runners = new Identities.Runners(nurse, investigator, monitor, dataManager, otherInvestigator);
        if (users.findByUsername(As.OTHER_INVESTIGATOR.username).isEmpty()) {
            as(As.DATA_MANAGER, () -> userAdministration.create(new UserCommand(As.OTHER_INVESTIGATOR.username, "Dr Other Site",
                    null, Set.of(Role.INVESTIGATOR), Set.of(new SiteAccess(STUDY, otherSite()))), "Other-Investigator-1".toCharArray()));
        }
    }

    // ---------------------------------------------------------------- audit completeness

    @Test
    void everyKindOfChangeWritesItsAuditRecordWithWhoWhatAndWhy() throws Exception {
        long auditBefore = lastAuditId();
        Case c = enrolAndComplete();

        // A correction of complete data needs a reason; with one, old and new value are kept.
        assertThatThrownBy(() -> save(As.NURSE, c, "enrolment", Map.of("enrolment[1].consent_date", "2024-02-28"), null))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.errors()).extracting(e -> e.messageKey())
                        .contains("form.error.reasonRequired"));
        save(As.NURSE, c, "enrolment", Map.of("enrolment[1].consent_date", "2024-02-28", "enrolment[1].initials", "WXY"),
                "consent form re-read");
        save(As.NURSE, c, "enrolment", mapOfNull("enrolment[1].initials"), "initials not to be recorded");
        Visit tace = as(As.NURSE, () -> casebookService.addVisit(c.subjectId(), "tace"));
        save(As.NURSE, c.subjectId(), tace.getId(), "tace_session",
                Map.of("procedure[1].procedure_date", "2024-04-10", "procedure[1].technique", "DEB_TACE"), false, null, AuditSource.IMPORT);
        as(As.MONITOR, () -> sdv.verifyForm(c.enrolmentForm()));
        Signature signed = sign(c, SignatureScope.FORM, null, c.eligibilityForm());
        save(As.NURSE, c, "eligibility", Map.of("decision[1].eligibility_date", "2024-03-02"), "date of the review corrected");
        save(As.NURSE, c, "enrolment", Map.of("enrolment[1].enrolment_date", "2024-03-03"), "enrolment date corrected");
        as(As.INVESTIGATOR, () -> { locks.lockForm(c.enrolmentForm()); return null; });
        as(As.DATA_MANAGER, () -> { locks.unlockForm(c.enrolmentForm(), "correction requested by the sponsor"); return null; });
        as(As.INVESTIGATOR, () -> { locks.lockSubject(c.subjectId()); return null; });
        as(As.INVESTIGATOR, () -> { locks.unlockSubject(c.subjectId(), "late laboratory report"); return null; });
        try {
            as(As.DATA_MANAGER, () -> locks.changeSiteStatus(STUDY, site(), DataStatus.FROZEN, null));
        } finally {
            as(As.DATA_MANAGER, () -> locks.changeSiteStatus(STUDY, site(), DataStatus.ACTIVE, "freeze set by mistake"));
        }
        try {
            as(As.DATA_MANAGER, () -> locks.changeStudyStatus(STUDY, DataStatus.LOCKED, null));
        } finally {
            as(As.DATA_MANAGER, () -> locks.changeStudyStatus(STUDY, DataStatus.ACTIVE, "interim lock lifted"));
        }
        String username = "audited.nurse" + System.nanoTime() % 100000;
        var created = as(As.DATA_MANAGER, () -> userAdministration.create(new UserCommand(username, "Audited Nurse", null,
                Set.of(Role.NURSE), Set.of(new SiteAccess(STUDY, site()))), "Start-Password-1".toCharArray()));
        as(As.DATA_MANAGER, () -> userAdministration.setEnabled(created.getId(), created.getVersion(), false, "left the study"));
        // Queries, a deviation, an SDV undone, an API token.
        DataQuery query = as(As.MONITOR, () -> queries.raise(c.subjectId(), null, null, "Consent date as in the signed form?"));
        DataQuery answered = as(As.NURSE, () -> queries.answer(query.getId(), query.getVersion(), "Corrected to 28 February."));
        DataQuery closed = as(As.MONITOR, () -> queries.close(answered.getId(), answered.getVersion(), "Thank you."));
        as(As.DATA_MANAGER, () -> queries.reopen(closed.getId(), closed.getVersion(), "The source still says 1 March."));
        Deviation deviation = as(As.MONITOR, () -> deviations.record(STUDY, c.number(), Deviation.Type.CONSENT,
                "Consent form version 2 used after version 3 was approved.", LocalDate.of(2024, 3, 1)));
        as(As.INVESTIGATOR, () -> deviations.handle(deviation.getId(), deviation.getVersion(), "Re-consented on version 3."));
        as(As.MONITOR, () -> { sdv.unverify(c.enrolmentForm(), "enrolment[1].arm", "verified against the wrong record"); return null; });
        as(As.NURSE, () -> accounts.createToken("audit test", 7));
        long tokenId = as(As.NURSE, () -> accounts.tokens().stream().filter(t -> t.getName().equals("audit test")).findFirst()
                .orElseThrow().getId());
        as(As.NURSE, () -> { accounts.revokeToken(tokenId); return null; });

        List<AuditEvent> trail = auditSince(auditBefore);
        String subject = c.number();
        assertThat(trail).extracting(AuditEvent::getAction, AuditEvent::getEntityType, AuditEvent::getUsername, AuditEvent::getItemKey)
                .contains(
                        tuple("SCREEN", "SCREENING", "nurse", null),
                        tuple("ENROL", "SUBJECT", "nurse", null),
                        tuple("COMPLETE", "FORM", "nurse", null),
                        tuple("UPDATE", "ITEM", "nurse", "enrolment[1].consent_date"),
                        tuple("ENTER", "ITEM", "nurse", "enrolment[1].initials"),
                        tuple("REMOVE", "ITEM", "nurse", "enrolment[1].initials"),
                        tuple("SDV", "ITEM", "monitor", "enrolment[1].arm"),
                        tuple("SDV_RESET", "ITEM", "nurse", "enrolment[1].enrolment_date"),
                        tuple("INVALIDATE", "SIGNATURE", "nurse", "decision[1].eligibility_date"),
                        tuple("CREATE", "FORM", "nurse", null),
                        tuple("ADD_VISIT", "VISIT", "nurse", null),
                        tuple("SIGN", "SIGNATURE", "investigator", null),
                        tuple("LOCK", "FORM", "investigator", null),
                        tuple("UNLOCK", "FORM", "datamanager", null),
                        tuple("LOCK", "SUBJECT", "investigator", null),
                        tuple("UNLOCK", "SUBJECT", "investigator", null),
                        tuple("FREEZE", "SITE", "datamanager", null),
                        tuple("UNFREEZE", "SITE", "datamanager", null),
                        tuple("LOCK", "STUDY", "datamanager", null),
                        tuple("UNLOCK", "STUDY", "datamanager", null),
                        tuple("CREATE", "USER", "datamanager", null),
                        tuple("DISABLE", "USER", "datamanager", null),
                        tuple("RAISE_QUERY", "QUERY", "monitor", null),
                        tuple("ANSWER_QUERY", "QUERY", "nurse", null),
                        tuple("CLOSE_QUERY", "QUERY", "monitor", null),
                        tuple("REOPEN_QUERY", "QUERY", "datamanager", null),
                        tuple("CREATE", "DEVIATION", "monitor", null),
                        tuple("HANDLE", "DEVIATION", "investigator", null),
                        tuple("SDV_UNDO", "ITEM", "monitor", "enrolment[1].arm"),
                        tuple("CREATE_API_TOKEN", "USER", "nurse", null),
                        tuple("REVOKE_API_TOKEN", "USER", "nurse", null));
        String queryId = String.valueOf(query.getId());
        assertThat(trail).filteredOn(a -> a.getEntityType().equals("QUERY") && a.getEntityId().equals(queryId))
                .extracting(AuditEvent::getAction, AuditEvent::getOldValue, AuditEvent::getNewValue, AuditEvent::getReason, AuditEvent::getSubjectNumber)
                .containsExactly(tuple("RAISE_QUERY", null, "OPEN", "Consent date as in the signed form?", subject),
                        tuple("ANSWER_QUERY", "OPEN", "ANSWERED", "Corrected to 28 February.", subject),
                        tuple("CLOSE_QUERY", "ANSWERED", "CLOSED", "Thank you.", subject),
                        tuple("REOPEN_QUERY", "CLOSED", "OPEN", "The source still says 1 March.", subject));
        assertThat(trail).filteredOn(a -> a.getEntityType().equals("DEVIATION")).extracting(AuditEvent::getAction, AuditEvent::getReason)
                .contains(tuple("HANDLE", "Re-consented on version 3."));
        assertThat(only(trail, "SDV_UNDO", "enrolment[1].arm").getReason()).isEqualTo("verified against the wrong record");
        AuditEvent correction = only(trail, "UPDATE", "enrolment[1].consent_date");
        assertThat(correction.getOldValue()).isEqualTo("2024-03-01");
        assertThat(correction.getNewValue()).isEqualTo("2024-02-28");
        assertThat(correction.getReason()).isEqualTo("consent form re-read");
        assertThat(correction.getUserRole()).isEqualTo("NURSE");
        assertThat(correction.getSubjectNumber()).isEqualTo(subject);
        assertThat(correction.getVisitKey()).isEqualTo("screening[1]");
        assertThat(correction.getFormKey()).isEqualTo("enrolment[1]");
        assertThat(correction.getSource()).isEqualTo("FORM");
        assertThat(correction.getOccurredAt()).isBetween(java.time.Instant.now().minusSeconds(600), java.time.Instant.now());
        assertThat(only(trail, "REMOVE", "enrolment[1].initials").getOldValue()).isEqualTo("WXY");
        assertThat(trail).filteredOn(a -> "tace_session[1]".equals(a.getFormKey()) && a.getItemKey() != null)
                .extracting(AuditEvent::getItemKey, AuditEvent::getSource)
                .contains(tuple("procedure[1].procedure_date", "IMPORT"), tuple("procedure[1].technique", "IMPORT"),
                        tuple("procedure[1].session_number", "SYSTEM"));
        AuditEvent sign = trail.stream().filter(a -> a.getAction().equals("SIGN")).findFirst().orElseThrow();
        assertThat(sign.getNewValue()).contains("Dr Wang Wei").contains(SignatureMeaning.INVESTIGATOR_REVIEW.statement())
                .contains(signed.getContentHash());
        assertThat(trail).filteredOn(a -> a.getAction().equals("UNLOCK")).extracting(AuditEvent::getReason)
                .contains("correction requested by the sponsor", "late laboratory report", "interim lock lifted");
        assertThat(trail).filteredOn(a -> a.getAction().equals("CREATE") && a.getEntityType().equals("USER"))
                .extracting(AuditEvent::getSource).containsOnly("ADMIN");
    }

    // ---------------------------------------------------------------- queries and deviations

    @Test
    void onlyAMonitorOrDataManagerClosesOrReopensAQueryAndANurseAnswersIt() throws Exception {
        Case c = enrol();
        DataQuery raised = as(As.MONITOR, () -> queries.raise(c.subjectId(), c.enrolmentForm(), "enrolment[1].arm", "Arm as randomised?"));
        assertThatThrownBy(() -> as(As.NURSE, () -> queries.raise(c.subjectId(), null, null, "A nurse's query")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(As.NURSE, () -> queries.close(raised.getId(), raised.getVersion(), "closing my own")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(As.MONITOR, () -> queries.answer(raised.getId(), raised.getVersion(), "answering as monitor")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(As.OTHER_INVESTIGATOR, () -> queries.answer(raised.getId(), raised.getVersion(), "not my site")))
                .isInstanceOf(AccessDeniedException.class);
        DataQuery answered = as(As.NURSE, () -> queries.answer(raised.getId(), raised.getVersion(), "As randomised: DEB-TACE."));
        DataQuery closed = as(As.MONITOR, () -> queries.close(answered.getId(), answered.getVersion(), null));
        assertThat(closed.getStatus()).isEqualTo(DataQuery.Status.CLOSED);
        assertThatThrownBy(() -> as(As.NURSE, () -> queries.reopen(closed.getId(), closed.getVersion(), "reopening")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(As.INVESTIGATOR, () -> queries.reopen(closed.getId(), closed.getVersion(), "reopening")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(As.MONITOR, () -> queries.reopen(closed.getId(), closed.getVersion(), " ")))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.errors()).extracting(e -> e.messageKey())
                        .containsExactly("validation.required"));
        long before = lastAuditId();
        DataQuery reopened = as(As.MONITOR, () -> queries.reopen(closed.getId(), closed.getVersion(), "The arm in the source differs."));
        assertThat(reopened.getStatus()).isEqualTo(DataQuery.Status.OPEN);
        assertThat(reopened.getClosedAt()).isNull();
        assertThat(as(As.NURSE, () -> queries.thread(raised.getId()))).extracting(m -> m.getKind().name(), m -> m.getAuthor())
                .containsExactly(tuple("RAISED", "monitor"), tuple("ANSWERED", "nurse"), tuple("CLOSED", "monitor"), tuple("REOPENED", "monitor"));
        assertThat(auditSince(before)).singleElement().satisfies(a -> {
            assertThat(a.getAction()).isEqualTo("REOPEN_QUERY");
            assertThat(a.getUsername()).isEqualTo("monitor");
            assertThat(a.getUserRole()).isEqualTo("MONITOR");
            assertThat(a.getOldValue()).isEqualTo("CLOSED");
            assertThat(a.getNewValue()).isEqualTo("OPEN");
            assertThat(a.getReason()).isEqualTo("The arm in the source differs.");
            assertThat(a.getItemKey()).isEqualTo("enrolment[1].arm");
        });
        // The nurse can answer it again once re-opened.
        assertThat(as(As.NURSE, () -> queries.answer(reopened.getId(), reopened.getVersion(), "Corrected.")).getStatus())
                .isEqualTo(DataQuery.Status.ANSWERED);
    }

    @Test
    void aFailedEligibilityCheckStoresADeviationThatAnInvestigatorOrDataManagerHandles() throws Exception {
        Case c = enrol();
        String inclusion = registration.definition(STUDY).eligibility().stream().filter(e -> e.kind() == CriterionKind.INCLUSION)
                .findFirst().orElseThrow().id();
        ItemData row = casebook.items(c.eligibilityForm()).stream()
                .filter(i -> i.getItemId().equals("criterion") && inclusion.equals(i.display())).findFirst().orElseThrow();
        assertThat(deviationsOf(c, Deviation.Type.ELIGIBILITY_VIOLATION)).isEmpty();
        save(As.NURSE, c, "eligibility", Map.of("criteria[" + row.getGroupRepeat() + "].criterion_applies", "N"), null);

        List<Deviation> stored = deviationsOf(c, Deviation.Type.ELIGIBILITY_VIOLATION);
        assertThat(stored).singleElement().satisfies(d -> {
            assertThat(d.getSource()).isEqualTo(Deviation.Source.CHECK);
            assertThat(d.getCheckId()).isEqualTo("eligibility_not_met");
            assertThat(d.getStatus()).isEqualTo(Deviation.Status.OPEN);
            assertThat(d.getDescription()).contains(inclusion);
        });
        Deviation deviation = stored.get(0);
        assertThat(em.createQuery("select count(a) from AuditEvent a where a.entityType = 'DEVIATION' and a.action = 'CREATE'"
                + " and a.entityId = :id", Long.class).setParameter("id", String.valueOf(deviation.getId())).getSingleResult()).isEqualTo(1);
        for (As who : List.of(As.NURSE, As.MONITOR, As.OTHER_INVESTIGATOR)) {
            assertThatThrownBy(() -> as(who, () -> deviations.handle(deviation.getId(), deviation.getVersion(), "handled")))
                    .as(who.name()).isInstanceOf(AccessDeniedException.class);
        }
        Deviation handled = as(As.INVESTIGATOR, () -> deviations.handle(deviation.getId(), deviation.getVersion(),
                "Enrolled in error; the sponsor was told."));
        assertThat(handled.getStatus()).isEqualTo(Deviation.Status.HANDLED);
        assertThat(handled.getHandledBy()).isEqualTo("investigator");
        // Saving the form again does not store the same deviation twice.
        save(As.NURSE, c, "eligibility", Map.of("decision[1].eligibility_date", "2024-03-01"), null);
        assertThat(deviationsOf(c, Deviation.Type.ELIGIBILITY_VIOLATION)).hasSize(1);
    }

    private List<Deviation> deviationsOf(Case c, Deviation.Type type) throws Exception {
        return as(As.DATA_MANAGER, () -> deviations.list(STUDY, null, type, null, c.subjectId()));
    }

    // ---------------------------------------------------------------- signatures

    @Test
    void onlyAnInvestigatorOfTheSiteSignsAndOnlyWithTheirOwnPassword() throws Exception {
        Case c = enrolAndComplete();
        for (As who : List.of(As.NURSE, As.MONITOR, As.DATA_MANAGER, As.OTHER_INVESTIGATOR)) {
            assertThatThrownBy(() -> as(who, () -> signatures.sign(request(c, SignatureScope.FORM, null, c.enrolmentForm(),
                    who.username, "whatever-password")))).as(who.name()).isInstanceOf(AccessDeniedException.class);
        }
        int failuresBefore = users.findByUsername("investigator").orElseThrow().getFailedAttempts();
        assertThatThrownBy(() -> as(As.INVESTIGATOR, () -> signatures.sign(request(c, SignatureScope.FORM, null, c.enrolmentForm(),
                "investigator", "wrong-password")))).isInstanceOfSatisfying(ValidationFailure.class,
                f -> assertThat(f.errors()).extracting(e -> e.field() + ":" + e.messageKey()).containsExactly("password:signature.error.password"));
        // The failed re-entry stays counted towards the lockout although the signing rolled back.
        assertThat(users.findByUsername("investigator").orElseThrow().getFailedAttempts()).isEqualTo(failuresBefore + 1);
        assertThatThrownBy(() -> as(As.INVESTIGATOR, () -> signatures.sign(request(c, SignatureScope.FORM, null, c.enrolmentForm(),
                "nurse", INVESTIGATOR_PASSWORD)))).isInstanceOfSatisfying(ValidationFailure.class,
                f -> assertThat(f.errors().get(0).messageKey()).isEqualTo("signature.error.notYou"));
        assertThat(signatureRows(c.subjectId())).isZero();

        Signature signature = sign(c, SignatureScope.FORM, null, c.enrolmentForm());
        assertThat(users.findByUsername("investigator").orElseThrow().getFailedAttempts()).isZero();
        assertThat(signature.getSignerName()).isEqualTo("Dr Wang Wei (investigator)");
        assertThat(signature.getMeaningText()).isEqualTo("I have reviewed these data and confirm they are accurate.");
        assertThat(signature.getSignedAt()).isNotNull();
        assertThat(signature.getScopeKey()).isEqualTo("screening[1]/enrolment[1]");
        assertThat(signature.getContentHash()).matches("[0-9a-f]{64}");
        assertThat(signature.getItemCount()).isEqualTo(3);

        // Within the session the password alone is enough (no user name); signing the same data twice is refused.
        assertThatThrownBy(() -> as(As.INVESTIGATOR, () -> signatures.sign(request(c, SignatureScope.FORM, null, c.enrolmentForm(),
                null, INVESTIGATOR_PASSWORD)))).isInstanceOfSatisfying(ValidationFailure.class,
                f -> assertThat(f.errors().get(0).messageKey()).isEqualTo("signature.error.alreadySigned"));
        Signature visit = as(As.INVESTIGATOR, () -> signatures.sign(request(c, SignatureScope.VISIT, c.screeningVisit(), null,
                null, INVESTIGATOR_PASSWORD)));
        assertThat(visit.getItemCount()).isGreaterThan(3);
        assertThat(visit.getScopeKey()).isEqualTo("screening[1]");
    }

    @Test
    void aFormMustBeCompleteToBeSigned() throws Exception {
        Case c = enrol();
        assertThatThrownBy(() -> sign(c, SignatureScope.FORM, null, c.enrolmentForm()))
                .isInstanceOfSatisfying(ValidationFailure.class,
                        f -> assertThat(f.errors().get(0).messageKey()).isEqualTo("signature.error.incomplete"));
    }

    @Test
    void aChangeToSignedDataInvalidatesEverySignatureOverItAndNamesTheItem() throws Exception {
        Case c = enrolAndComplete();
        Signature form = sign(c, SignatureScope.FORM, null, c.enrolmentForm());
        Signature other = sign(c, SignatureScope.FORM, null, c.eligibilityForm());
        Signature visit = sign(c, SignatureScope.VISIT, c.screeningVisit(), null);
        Signature casebookSignature = sign(c, SignatureScope.SUBJECT, null, null);
        assertThat(checked(c)).allSatisfy((id, validity) -> assertThat(validity.valid()).isTrue());

        save(As.NURSE, c, "enrolment", Map.of("enrolment[1].consent_date", "2024-02-27"), "date on the consent form");

        Map<Long, SignatureValidity> after = checked(c);
        String item = "screening[1]/enrolment[1]/enrolment[1].consent_date";
        for (Signature broken : List.of(form, visit, casebookSignature)) {
            assertThat(after.get(broken.getId()).state()).isEqualTo(SignatureValidity.State.INVALIDATED);
            assertThat(after.get(broken.getId()).breakingItem()).isEqualTo(item);
        }
        assertThat(after.get(other.getId()).valid()).isTrue();
        Signature stored = em.find(Signature.class, form.getId());
        assertThat(stored.getInvalidatedBy()).isEqualTo("nurse");
        assertThat(stored.getInvalidatedReason()).contains("signed data changed");
        // The form's signatures as the form page lists them.
        assertThat(as(As.NURSE, () -> signatures.signaturesOf(c.enrolmentForm()))).extracting(s -> s.signature().getId())
                .containsExactlyInAnyOrder(form.getId(), visit.getId(), casebookSignature.getId());

        // A change made around the application (directly in the database) is caught by the content check.
        ItemData date = casebook.items(c.eligibilityForm()).stream().filter(i -> i.key().equals("decision[1].eligibility_date"))
                .findFirst().orElseThrow();
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.executeUpdate("update item_data set value_date = date '2020-01-01' where id = " + date.getId());
        }
        SignatureValidity tampered = checked(c).get(other.getId());
        assertThat(tampered.state()).isEqualTo(SignatureValidity.State.CONTENT_CHANGED);
        assertThat(tampered.breakingItem()).isEqualTo("screening[1]/eligibility[1]/decision[1].eligibility_date");
    }

    @Test
    void theOdmExportCarriesEachFormsLatestValidSignature() throws Exception {
        Case c = enrolAndComplete();
        sign(c, SignatureScope.FORM, null, c.enrolmentForm());
        assertThat(odmSignatures(c)).containsExactly(Map.entry("enrolment", "investigator"));

        // A visit signature covers the eligibility form too; a change then breaks both signatures over enrolment.
        sign(c, SignatureScope.VISIT, c.screeningVisit(), null);
        assertThat(odmSignatures(c)).containsOnlyKeys("enrolment", "eligibility");
        save(As.NURSE, c, "enrolment", Map.of("enrolment[1].consent_date", "2024-02-27"), "date on the consent form");
        assertThat(odmSignatures(c)).isEmpty();
        String odm = odm();
        assertThat(odm).contains("<SignatureDef OID=\"SD.Approval\" Methodology=\"Electronic\">")
                .contains("<LegalReason>I have reviewed these data and confirm they are accurate.</LegalReason>");
    }

    /** The signer of each signed form of the subject in an ODM snapshot, by form OID without its prefix. */
    private Map<String, String> odmSignatures(Case c) throws Exception {
        Document odm = Jsoup.parse(odm(), "", Parser.xmlParser());
        Map<String, String> signed = new LinkedHashMap<>();
        for (Element form : odm.select("SubjectData[SubjectKey=" + c.number() + "] FormData")) {
            Element user = form.selectFirst("> Signature > UserRef");
            if (user != null) {
                signed.put(form.attr("FormOID").replaceFirst("^F\\.", ""), user.attr("UserOID").replaceFirst("^U\\.", ""));
            }
        }
        return signed;
    }

    private String odm() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        as(As.DATA_MANAGER, () -> {
            export.odm(STUDY, false, false, out);
            return null;
        });
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reDerivedValuesInvalidateSignaturesOverThem() throws Exception {
        Case c = enrol();
        Visit first = as(As.NURSE, () -> casebookService.addVisit(c.subjectId(), "tace"));
        long session = completeSession(c, first, "2024-04-10");
        Signature signature = sign(c, SignatureScope.FORM, null, session);
        Visit second = as(As.NURSE, () -> casebookService.addVisit(c.subjectId(), "tace"));
        // An earlier session entered later renumbers the first one: a signed value changes by derivation.
        save(As.NURSE, c.subjectId(), second.getId(), "tace_session", Map.of("procedure[1].procedure_date", "2024-04-01"), false,
                null, AuditSource.FORM);
        assertThat(value(session, "procedure[1].session_number")).isEqualTo("2");
        SignatureValidity validity = checked(c).get(signature.getId());
        assertThat(validity.state()).isEqualTo(SignatureValidity.State.INVALIDATED);
        assertThat(validity.breakingItem()).startsWith("tace[1]/tace_session[1]/procedure[1].");
    }

    // ---------------------------------------------------------------- source-data verification

    @Test
    void monitorVerifiesItemsFormsOrCasebooksAndAChangeResetsTheValue() throws Exception {
        Case c = enrolAndComplete();
        assertThat(as(As.MONITOR, () -> sdv.progress(c.subjectId()))).isEqualTo(new SdvProgress(0, 3 + eligibilityValues(c)));

        assertThat(as(As.MONITOR, () -> sdv.verifyItems(c.enrolmentForm(), List.of("enrolment[1].arm")))).isEqualTo(1);
        assertThat(as(As.MONITOR, () -> sdv.verifiedItems(c.enrolmentForm()))).containsExactly("enrolment[1].arm");
        assertThat(flags(c).verifiedForms()).doesNotContain(c.enrolmentForm());
        assertThat(as(As.MONITOR, () -> sdv.verifyForm(c.enrolmentForm()))).isEqualTo(2);
        assertThat(flags(c).verifiedForms()).contains(c.enrolmentForm());
        assertThat(as(As.MONITOR, () -> sdv.verifySubject(c.subjectId()))).isEqualTo(eligibilityValues(c));
        SdvProgress all = as(As.MONITOR, () -> sdv.progress(c.subjectId()));
        assertThat(all.complete()).isTrue();

        save(As.NURSE, c, "enrolment", Map.of("enrolment[1].enrolment_date", "2024-03-04"), "typing error");
        assertThat(as(As.MONITOR, () -> sdv.verifiedItems(c.enrolmentForm())))
                .containsExactlyInAnyOrder("enrolment[1].arm", "enrolment[1].consent_date");
        assertThat(as(As.MONITOR, () -> sdv.progress(c.subjectId()))).isEqualTo(new SdvProgress(all.total() - 1, all.total()));
        assertThat(flags(c).verifiedForms()).doesNotContain(c.enrolmentForm()).contains(c.eligibilityForm());
        assertThat(as(As.MONITOR, () -> sdv.progressBySubject(STUDY, site()))).anySatisfy(p -> {
            assertThat(p.label()).isEqualTo(c.number());
            assertThat(p.progress().verified()).isEqualTo(all.total() - 1);
        });
        assertThat(as(As.MONITOR, () -> sdv.progressBySite(STUDY))).extracting(SdvService.Progress::key).contains(site());

        as(As.MONITOR, () -> { sdv.unverify(c.enrolmentForm(), "enrolment[1].arm", "verified against the wrong record"); return null; });
        assertThat(as(As.MONITOR, () -> sdv.verifiedItems(c.enrolmentForm()))).containsExactly("enrolment[1].consent_date");
        assertThat(as(As.MONITOR, () -> auditQuery.itemHistory(c.enrolmentForm(), "enrolment[1].arm")))
                .extracting(AuditEvent::getAction).containsSubsequence("ENTER", "SDV", "SDV_UNDO");
    }

    @Test
    void onlyMonitorsVerifyAndOnlyCompleteForms() throws Exception {
        Case c = enrol();
        for (As who : List.of(As.NURSE, As.INVESTIGATOR, As.DATA_MANAGER)) {
            assertThatThrownBy(() -> as(who, () -> sdv.verifyForm(c.enrolmentForm()))).as(who.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> as(As.MONITOR, () -> sdv.verifyForm(c.enrolmentForm())))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.errors().get(0).messageKey()).isEqualTo("sdv.error.incomplete"));
    }

    // ---------------------------------------------------------------- locks

    @Test
    void aLockedFormChangesByNoPath() throws Exception {
        Case c = enrolAndComplete();
        as(As.INVESTIGATOR, () -> { locks.lockForm(c.enrolmentForm()); return null; });
        String before = value(c.enrolmentForm(), "enrolment[1].consent_date");
        for (AuditSource path : List.of(AuditSource.FORM, AuditSource.IMPORT, AuditSource.API)) {
            assertThatThrownBy(() -> save(As.NURSE, c.subjectId(), c.screeningVisit(), "enrolment",
                    Map.of("enrolment[1].consent_date", "2024-01-01"), false, "correction", path)).as(path.name())
                    .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.errors().get(0).messageKey()).isEqualTo("lock.formLocked"));
        }
        assertThat(value(c.enrolmentForm(), "enrolment[1].consent_date")).isEqualTo(before);
        assertThat(as(As.NURSE, () -> forms.open(c.subjectId(), c.screeningVisit(), "enrolment", 1)).editable()).isFalse();
        assertThatThrownBy(() -> as(As.INVESTIGATOR, () -> { locks.lockForm(c.enrolmentForm()); return null; }))
                .isInstanceOf(ValidationFailure.class);
        assertThatThrownBy(() -> as(As.INVESTIGATOR, () -> { locks.unlockForm(c.enrolmentForm(), " "); return null; }))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.errors().get(0).messageKey()).isEqualTo("validation.reasonRequired"));
        as(As.INVESTIGATOR, () -> { locks.unlockForm(c.enrolmentForm(), "site asked to correct the consent date"); return null; });
        save(As.NURSE, c, "enrolment", Map.of("enrolment[1].consent_date", "2024-01-01"), "correction");
        assertThat(value(c.enrolmentForm(), "enrolment[1].consent_date")).isEqualTo("2024-01-01");
    }

    @Test
    void reDerivationSkipsLockedForms() throws Exception {
        Case c = enrol();
        Visit first = as(As.NURSE, () -> casebookService.addVisit(c.subjectId(), "tace"));
        long locked = completeSession(c, first, "2024-04-10");
        assertThat(value(locked, "procedure[1].session_number")).isEqualTo("1");
        as(As.INVESTIGATOR, () -> { locks.lockForm(locked); return null; });
        long auditBefore = lastAuditId();

        Visit second = as(As.NURSE, () -> casebookService.addVisit(c.subjectId(), "tace"));
        save(As.NURSE, c.subjectId(), second.getId(), "tace_session", Map.of("procedure[1].procedure_date", "2024-04-01"), false,
                null, AuditSource.FORM);
        long earlier = casebook.form(second.getId(), "tace_session", 1).orElseThrow().getId();
        assertThat(value(earlier, "procedure[1].session_number")).isEqualTo("1");
        // Unlocked it would now be session 2; locked, it keeps what was locked and no derivation touches it.
        assertThat(value(locked, "procedure[1].session_number")).isEqualTo("1");
        assertThat(auditSince(auditBefore)).noneMatch(a -> a.getEntityId() != null && a.getEntityId().startsWith(locked + ":"));

        as(As.INVESTIGATOR, () -> { locks.unlockForm(locked, "renumbering after the earlier session was entered"); return null; });
        save(As.NURSE, c.subjectId(), second.getId(), "tace_session", Map.of("procedure[1].procedure_date", "2024-04-02"), false,
                null, AuditSource.FORM);
        assertThat(value(locked, "procedure[1].session_number")).isEqualTo("2");
    }

    @Test
    void aLockedCasebookTakesNoChangeAndNoNewVisit() throws Exception {
        Case c = enrolAndComplete();
        as(As.DATA_MANAGER, () -> { locks.lockSubject(c.subjectId()); return null; });
        assertThatThrownBy(() -> save(As.NURSE, c.subjectId(), c.screeningVisit(), "eligibility",
                Map.of("decision[1].eligibility_date", "2024-03-02"), false, "x", AuditSource.IMPORT))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.errors().get(0).messageKey()).isEqualTo("lock.subjectLocked"));
        assertThatThrownBy(() -> as(As.NURSE, () -> casebookService.addVisit(c.subjectId(), "tace")))
                .isInstanceOf(ValidationFailure.class);
        // Review stops at a lock too: no verification, no signature of locked data.
        assertThatThrownBy(() -> as(As.MONITOR, () -> sdv.verifyForm(c.enrolmentForm()))).isInstanceOf(ValidationFailure.class);
        assertThatThrownBy(() -> sign(c, SignatureScope.SUBJECT, null, null)).isInstanceOf(ValidationFailure.class);
        as(As.DATA_MANAGER, () -> { locks.unlockSubject(c.subjectId(), "query on the eligibility date"); return null; });
        save(As.NURSE, c, "eligibility", Map.of("decision[1].eligibility_date", "2024-03-02"), "query answered");
    }

    @Test
    void aFrozenSiteTakesReviewButNoDataAndALockedSiteNeither() throws Exception {
        Case c = enrolAndComplete();
        try {
            as(As.DATA_MANAGER, () -> locks.changeSiteStatus(STUDY, site(), DataStatus.FROZEN, null));
            for (AuditSource path : List.of(AuditSource.FORM, AuditSource.IMPORT)) {
                assertThatThrownBy(() -> save(As.NURSE, c.subjectId(), c.screeningVisit(), "enrolment",
                        Map.of("enrolment[1].consent_date", "2024-01-01"), false, "x", path))
                        .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.errors().get(0).messageKey()).isEqualTo("lock.siteNotActive"));
            }
            assertThatThrownBy(() -> as(As.NURSE, () -> casebookService.addVisit(c.subjectId(), "tace"))).isInstanceOf(ValidationFailure.class);
            // Frozen: verification, signatures, form locks and closing queries go on.
            assertThat(as(As.MONITOR, () -> sdv.verifyForm(c.enrolmentForm()))).isEqualTo(3);
            sign(c, SignatureScope.FORM, null, c.enrolmentForm());
            as(As.INVESTIGATOR, () -> { locks.lockForm(c.eligibilityForm()); return null; });
            as(As.MONITOR, () -> { guard.requireQueryClosable(STUDY, site()); return null; });

            as(As.DATA_MANAGER, () -> locks.changeSiteStatus(STUDY, site(), DataStatus.LOCKED, null));
            assertThatThrownBy(() -> save(As.NURSE, c.subjectId(), c.screeningVisit(), "enrolment",
                    Map.of("enrolment[1].consent_date", "2024-01-01"), false, "x", AuditSource.FORM)).isInstanceOf(ValidationFailure.class);
            assertThatThrownBy(() -> as(As.MONITOR, () -> sdv.verifyForm(c.eligibilityForm())))
                    .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.errors().get(0).messageKey()).isEqualTo("review.error.siteLocked"));
            assertThatThrownBy(() -> sign(c, SignatureScope.VISIT, c.screeningVisit(), null)).isInstanceOf(ValidationFailure.class);
            assertThatThrownBy(() -> as(As.INVESTIGATOR, () -> { locks.unlockForm(c.eligibilityForm(), "x"); return null; }))
                    .isInstanceOf(ValidationFailure.class);
            assertThatThrownBy(() -> as(As.MONITOR, () -> { guard.requireQueryClosable(STUDY, site()); return null; }))
                    .isInstanceOf(ValidationFailure.class);
            // Other sites go on.
            assertThat(guard.status(STUDY, otherSite())).isEqualTo(DataStatus.ACTIVE);
            assertThatThrownBy(() -> as(As.DATA_MANAGER, () -> locks.changeSiteStatus(STUDY, site(), DataStatus.ACTIVE, null)))
                    .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.errors().get(0).messageKey()).isEqualTo("validation.reasonRequired"));
        } finally {
            as(As.DATA_MANAGER, () -> locks.changeSiteStatus(STUDY, site(), DataStatus.ACTIVE, "end of the test of the site lock"));
        }
        save(As.NURSE, c, "enrolment", Map.of("enrolment[1].initials", "ABC"), "after the site was reopened");
    }

    @Test
    void aFrozenStudyTakesNoEnrolmentAndNoData() throws Exception {
        Case c = enrolAndComplete();
        try {
            as(As.DATA_MANAGER, () -> locks.changeStudyStatus(STUDY, DataStatus.FROZEN, null));
            assertThatThrownBy(this::enrol).isInstanceOfSatisfying(ValidationFailure.class,
                    f -> assertThat(f.errors().get(0).messageKey()).isEqualTo("lock.studyNotActive"));
            assertThatThrownBy(() -> save(As.NURSE, c, "enrolment", Map.of("enrolment[1].initials", "ABC"), "x"))
                    .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.errors().get(0).messageKey()).isEqualTo("lock.studyNotActive"));
        } finally {
            as(As.DATA_MANAGER, () -> locks.changeStudyStatus(STUDY, DataStatus.ACTIVE, "end of the test of the study freeze"));
        }
    }

    @Test
    void lockingAndStatusChangesFollowTheRoles() throws Exception {
        Case c = enrolAndComplete();
        for (As who : List.of(As.NURSE, As.MONITOR, As.OTHER_INVESTIGATOR)) {
            assertThatThrownBy(() -> as(who, () -> { locks.lockForm(c.enrolmentForm()); return null; })).as(who.name())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(who, () -> { locks.lockSubject(c.subjectId()); return null; })).as(who.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
        for (As who : List.of(As.NURSE, As.MONITOR, As.INVESTIGATOR)) {
            assertThatThrownBy(() -> as(who, () -> locks.changeSiteStatus(STUDY, site(), DataStatus.FROZEN, null))).as(who.name())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(who, () -> locks.changeStudyStatus(STUDY, DataStatus.FROZEN, null))).as(who.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
        as(As.DATA_MANAGER, () -> { locks.lockForm(c.enrolmentForm()); return null; });
        assertThat(as(As.INVESTIGATOR, () -> locks.canLock(c.subjectId()))).isTrue();
        assertThat(as(As.MONITOR, () -> locks.canLock(c.subjectId()))).isFalse();
        assertThat(as(As.NURSE, () -> signatures.canSign(c.subjectId()))).isFalse();
        assertThat(as(As.INVESTIGATOR, () -> signatures.canSign(c.subjectId()))).isTrue();
        assertThat(as(As.MONITOR, () -> sdv.canVerify(c.subjectId()))).isTrue();
    }

    // ---------------------------------------------------------------- audit views

    @Test
    void auditHistoriesOfItemFormAndSubjectAndTheFilteredStudyLog() throws Exception {
        Case c = enrolAndComplete();
        save(As.NURSE, c, "enrolment", Map.of("enrolment[1].consent_date", "2024-02-29"), "leap day on the consent form");
        as(As.INVESTIGATOR, () -> { locks.lockForm(c.enrolmentForm()); return null; });

        List<AuditEvent> item = as(As.NURSE, () -> auditQuery.itemHistory(c.enrolmentForm(), "enrolment[1].consent_date"));
        assertThat(item).extracting(AuditEvent::getAction, AuditEvent::getNewValue, AuditEvent::getReason)
                .containsExactly(tuple("ENTER", "2024-03-01", null), tuple("UPDATE", "2024-02-29", "leap day on the consent form"));
        assertThat(as(As.INVESTIGATOR, () -> auditQuery.formHistory(c.enrolmentForm()))).extracting(AuditEvent::getAction)
                .containsSubsequence("CREATE", "ENTER", "COMPLETE", "UPDATE", "LOCK");
        long total = as(As.NURSE, () -> auditQuery.countSubjectHistory(c.subjectId()));
        assertThat(as(As.NURSE, () -> auditQuery.subjectHistory(c.subjectId(), 0, 5))).hasSize(5)
                .isSortedAccordingTo((a, b) -> Long.compare(b.getId(), a.getId()));
        assertThat(total).isGreaterThan(10);
        assertThatThrownBy(() -> as(As.OTHER_INVESTIGATOR, () -> auditQuery.subjectHistory(c.subjectId(), 0, 5)))
                .isInstanceOf(AccessDeniedException.class);

        AuditFilter bySubject = new AuditFilter(STUDY, LocalDate.now().minusDays(1), LocalDate.now(), "NURSE", "UPDATE", "ITEM",
                c.number().toLowerCase(), site());
        List<AuditEvent> page = as(As.MONITOR, () -> auditQuery.log(bySubject, 0, 50));
        assertThat(page).isNotEmpty().allSatisfy(a -> {
            assertThat(a.getUsername()).isEqualTo("nurse");
            assertThat(a.getAction()).isEqualTo("UPDATE");
            assertThat(a.getSubjectNumber()).isEqualTo(c.number());
        });
        assertThat(as(As.MONITOR, () -> auditQuery.count(bySubject))).isEqualTo(page.size());
        assertThat(as(As.DATA_MANAGER, () -> auditQuery.log(new AuditFilter(STUDY, null, null, null, null, "USER", null, null), 0, 500)))
                .isNotEmpty();
        assertThat(as(As.MONITOR, () -> auditQuery.log(new AuditFilter(STUDY, null, null, null, null, "USER", null, null), 0, 500)))
                .isEmpty();
        assertThat(as(As.DATA_MANAGER, () -> auditQuery.log(new AuditFilter(STUDY, LocalDate.now().plusDays(1), null, null, null, null,
                null, null), 0, 10))).isEmpty();
        for (As who : List.of(As.NURSE, As.INVESTIGATOR)) {
            assertThatThrownBy(() -> as(who, () -> auditQuery.log(AuditFilter.of(STUDY), 0, 10))).isInstanceOf(AccessDeniedException.class);
        }

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        long rows = as(As.MONITOR, () -> auditQuery.export(bySubject, AuditExportFormat.CSV, csv));
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize((int) rows + 1);
        assertThat(lines.get(0)).startsWith("\uFEFFid,occurred_at_utc,user,role,action");
        assertThat(lines.get(1)).contains("leap day on the consent form");
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        as(As.DATA_MANAGER, () -> auditQuery.export(bySubject, AuditExportFormat.XLSX, xlsx));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(rows + 1);
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("id");
        }
        assertThat(auditSince(0)).filteredOn(a -> a.getAction().equals("EXPORT")).extracting(AuditEvent::getUsername)
                .contains("monitor", "datamanager");
    }

    // ---------------------------------------------------------------- pages

    @Test
    void eachRoleSeesAndUsesTheReviewPages() throws Exception {
        Case c = enrolAndComplete();
        java.net.URL base = new java.net.URL(request.getScheme() + "://127.0.0.1:" + request.getLocalPort() + "/");

        // The investigator signs the form on its page and sees the manifestation.
        WebClient investigatorClient = new WebClient(base);
        investigatorClient.login("investigator", INVESTIGATOR_PASSWORD);
        WebClient.Page form = investigatorClient.get("/app/form.xhtml?formData=" + c.enrolmentForm());
        assertThat(form.element("[id='reviewActions:sign']")).as(form.text()).isNotNull();
        WebClient.Page dialog = investigatorClient.ajax(form, "reviewActions", Map.of(), "reviewActions:sign");
        assertThat(dialog.text()).contains("I have reviewed these data and confirm they are accurate.").contains("Dr Wang Wei");
        WebClient.Page wrong = investigatorClient.ajax(dialog, "signForm", Map.of("signForm:username", "investigator",
                "signForm:password", "not-my-password"), "signForm:confirm");
        assertThat(wrong.text()).contains("The password is not correct");
        WebClient.Page signed = investigatorClient.ajax(dialog, "signForm", Map.of("signForm:username", "investigator",
                "signForm:password", INVESTIGATOR_PASSWORD), "signForm:confirm");
        assertThat(signed.body()).contains("Signed:");
        WebClient.Page after = investigatorClient.get("/app/form.xhtml?formData=" + c.enrolmentForm());
        assertThat(after.document().select(".signature").text()).contains("Dr Wang Wei (investigator)")
                .contains("I have reviewed these data and confirm they are accurate.").contains("Valid").contains("UTC");
        assertThat(after.element("[id='reviewActions:sign']")).isNull();
        assertThat(after.element("[id='reviewActions:lock']")).isNotNull();
        WebClient.Page casebookPage = investigatorClient.get("/app/casebook.xhtml?subject=" + c.subjectId());
        assertThat(casebookPage.element("[id='casebookReview:signCasebook']")).isNotNull();
        assertThat(casebookPage.document().select(".signature").text()).contains("Dr Wang Wei");

        // The monitor verifies the form and sees each value ticked; an item's history opens.
        WebClient monitorClient = new WebClient(base);
        monitorClient.login("monitor", "monitor-demo-2024");
        WebClient.Page monitorForm = monitorClient.get("/app/form.xhtml?formData=" + c.eligibilityForm());
        assertThat(monitorForm.document().select("a.item-sdv-verify")).isNotEmpty();
        monitorClient.ajax(monitorForm, "reviewActions", Map.of(), "reviewActions:verifyForm");
        WebClient.Page verified = monitorClient.get("/app/form.xhtml?formData=" + c.eligibilityForm());
        assertThat(verified.document().select(".item-sdv")).isNotEmpty();
        assertThat(verified.document().select("a.item-sdv-verify")).isEmpty();
        assertThat(verified.element(".review-verified")).isNotNull();
        String historyLink = verified.document().select("a.item-history").first().id();
        WebClient.Page history = monitorClient.ajax(verified, "entry", Map.of(), historyLink);
        assertThat(history.text()).contains("ENTER").contains("SDV");

        // The data manager reads and exports the log, verifies the chain and freezes a site.
        WebClient dm = new WebClient(base);
        dm.login("datamanager", "datamanager-demo-2024");
        dm.get("/app/casebook.xhtml?subject=" + c.subjectId());
        WebClient.Page log = dm.get("/app/audit.xhtml?subject=" + c.number());
        assertThat(log.document().select("[id='log:table'] tbody").text()).contains("SDV").contains(c.number());
        var csv = dm.download("/app/audit-export?format=CSV&study=" + STUDY + "&subject=" + c.number());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("\uFEFFid,occurred_at_utc").contains(c.number())
                .contains(",SIGN,SIGNATURE,").contains("Dr Wang Wei (investigator)");
        WebClient.Page verifyPage = dm.get("/admin/audit-verification.xhtml");
        WebClient.Page verifiedChain = dm.ajax(verifyPage, "verify", Map.of(), "verify:run");
        assertThat(verifiedChain.text()).contains("The audit trail is intact.");
        WebClient.Page status = dm.get("/admin/study-status.xhtml");
        assertThat(status.text()).contains(site()).contains(otherSite());
        String freeze = status.document().select("tr:has([data-row=" + otherSite() + "]) button[data-target=FROZEN]").attr("id");
        WebClient.Page statusDialog = dm.ajax(status, "status", Map.of(), freeze);
        dm.ajax(statusDialog, "statusForm", Map.of(), "statusForm:confirm");
        assertThat(guard.status(STUDY, otherSite())).isEqualTo(DataStatus.FROZEN);
        as(As.DATA_MANAGER, () -> locks.changeSiteStatus(STUDY, otherSite(), DataStatus.ACTIVE, "end of the page test"));

        // A nurse has no audit log and no administration.
        WebClient nurseClient = new WebClient(base);
        nurseClient.login("nurse", "nurse-demo-2024");
        assertThat(nurseClient.get("/app/audit.xhtml").text()).contains("The audit log is for data managers and monitors.");
        assertThat(nurseClient.get("/admin/study-status.xhtml").status()).isEqualTo(403);
        assertThat(nurseClient.download("/app/audit-export?format=CSV&study=" + STUDY).statusCode()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- tamper evidence

    @Test
    void theDataManagersVerificationNamesTheRecordEditedInTheDatabase() throws Exception {
        enrolAndComplete();
        AuditChainScanner.Result intact = as(As.DATA_MANAGER, () -> verification.verify());
        assertThat(intact.intact()).isTrue();
        assertThatThrownBy(() -> as(As.INVESTIGATOR, () -> verification.verify())).isInstanceOf(jakarta.ejb.EJBAccessException.class);
        long target;
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("select max(id) from audit_event where action = 'SIGN' or action = 'COMPLETE'")) {
                rs.next();
                target = rs.getLong(1);
            }
            String original;
            try (ResultSet rs = s.executeQuery("select username from audit_event where id = " + target)) {
                rs.next();
                original = rs.getString(1);
            }
            AuditTamper.allowDirectEdit(s);
            try {
                s.executeUpdate("update audit_event set username = 'someone-else' where id = " + target);
                AuditChainScanner.Result broken = as(As.DATA_MANAGER, () -> verification.verify());
                assertThat(broken.intact()).isFalse();
                assertThat(broken.firstBreak().recordId()).isEqualTo(target);
                assertThat(broken.firstBreak().failure()).isEqualTo(org.tacecrf.domain.audit.AuditChain.Failure.CONTENT_CHANGED);
            } finally {
                s.executeUpdate("update audit_event set username = '" + original + "' where id = " + target);
                AuditTamper.restoreProtection(s);
            }
        }
        assertThat(as(As.DATA_MANAGER, () -> verification.verify()).intact()).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private <T> T as(As who, Callable<T> work) throws Exception {
        return Identities.call(runners, who, work);
    }

    private String site() {
        return studies.sites(STUDY).get(0).getSiteId();
    }

    private String otherSite() {
        return studies.sites(STUDY).get(1).getSiteId();
    }

    /** Screens an eligible patient and enrols them at the nurse's site. */
    private Case enrol() throws Exception {
        Map<String, Screening.Answer> answers = new HashMap<>();
        for (EligibilityCriterion criterion : registration.definition(STUDY).eligibility()) {
            answers.put(criterion.id(), criterion.kind() == CriterionKind.INCLUSION ? Screening.Answer.YES : Screening.Answer.NO);
        }
        Subject subject = as(As.NURSE, () -> {
            Screening screening = enrolment.screen(new EnrolmentService.ScreeningEntry(STUDY, site(), LocalDate.of(2024, 3, 1), "M", 1961,
                    answers, false, null));
            return enrolment.enrol(new EnrolmentService.EnrolmentEntry(screening.getId(), LocalDate.of(2024, 3, 1),
                    LocalDate.of(2024, 3, 2), "deb_tace", null));
        });
        Visit screeningVisit = casebook.visits(subject.getId()).stream().filter(v -> v.getVisitId().equals("screening"))
                .findFirst().orElseThrow();
        long enrolmentForm = casebook.form(screeningVisit.getId(), "enrolment", 1).orElseThrow().getId();
        long eligibilityForm = casebook.form(screeningVisit.getId(), "eligibility", 1).orElseThrow().getId();
        return new Case(subject.getId(), subject.getSubjectNumber(), screeningVisit.getId(), enrolmentForm, eligibilityForm);
    }

    /** Enrols and marks the enrolment and eligibility forms complete. */
    private Case enrolAndComplete() throws Exception {
        Case c = enrol();
        save(As.NURSE, c.subjectId(), c.screeningVisit(), "enrolment", Map.of(), true, null, AuditSource.FORM);
        save(As.NURSE, c.subjectId(), c.screeningVisit(), "eligibility", Map.of(), true, null, AuditSource.FORM);
        return c;
    }

    private long completeSession(Case c, Visit visit, String date) throws Exception {
        save(As.NURSE, c.subjectId(), visit.getId(), "tace_session", Map.of("procedure[1].procedure_date", date,
                "procedure[1].technique", "DEB_TACE", "outcome[1].technical_success", "Y"), true, null, AuditSource.FORM);
        return casebook.form(visit.getId(), "tace_session", 1).orElseThrow().getId();
    }

    private FormSaveResult save(As who, Case c, String formId, Map<String, String> changes, String reason) throws Exception {
        return save(who, c.subjectId(), c.screeningVisit(), formId, changes, false, reason, AuditSource.FORM);
    }

    /** Saves a form as it stands with the given changes (a null value empties the item), by the given path. */
    private FormSaveResult save(As who, long subjectId, long visitRef, String formId, Map<String, String> changes, boolean complete,
                                String reason, AuditSource source) throws Exception {
        return as(who, () -> {
            FormService.FormView view = forms.open(subjectId, visitRef, formId, 1);
            Map<ItemKey, RawEntry> entries = new LinkedHashMap<>();
            view.values().forEach((key, item) -> {
                if (item.getDerivedBy() == null) {
                    entries.put(key, item.getEnteredUnit() == null ? RawEntry.of(item.display())
                            : new RawEntry(item.getEnteredValue(), item.getEnteredUnit()));
                }
            });
            changes.forEach((path, value) -> {
                if (value == null) {
                    entries.remove(ItemKey.parse(path));
                } else {
                    entries.put(ItemKey.parse(path), RawEntry.of(value));
                }
            });
            return forms.save(new FormSave(subjectId, visitRef, formId, 1, view.data() == null ? null : view.data().getVersion(),
                    entries, complete, reason, source, source == AuditSource.FORM ? null : "integrity test " + source));
        });
    }

    private static Map<String, String> mapOfNull(String path) {
        Map<String, String> map = new HashMap<>();
        map.put(path, null);
        return map;
    }

    private Signature sign(Case c, SignatureScope scope, Long visitRef, Long formDataId) throws Exception {
        return as(As.INVESTIGATOR, () -> signatures.sign(request(c, scope, visitRef, formDataId, "investigator", INVESTIGATOR_PASSWORD)));
    }

    private static SignatureService.SignRequest request(Case c, SignatureScope scope, Long visitRef, Long formDataId, String username,
                                                        String password) {
        return new SignatureService.SignRequest(scope, c.subjectId(), visitRef, formDataId, SignatureMeaning.INVESTIGATOR_REVIEW,
                username, password.toCharArray(), "127.0.0.1");
    }

    private Map<Long, SignatureValidity> checked(Case c) throws Exception {
        Map<Long, SignatureValidity> result = new HashMap<>();
        as(As.INVESTIGATOR, () -> signatures.signatures(c.subjectId())).forEach(s -> result.put(s.signature().getId(), s.validity()));
        return result;
    }

    private CasebookFlags.Flags flags(Case c) {
        return casebookFlags.of(casebook.subject(c.subjectId()).orElseThrow());
    }

    private long signatureRows(long subjectId) {
        return em.createQuery("select count(s) from Signature s where s.subjectId = :s", Long.class).setParameter("s", subjectId)
                .getSingleResult();
    }

    private long eligibilityValues(Case c) {
        return casebook.items(c.eligibilityForm()).stream().filter(i -> i.getDerivedBy() == null).count();
    }

    private String value(long formDataId, String path) {
        return casebook.items(formDataId).stream().filter(i -> i.key().equals(path)).findFirst().map(ItemData::display).orElse(null);
    }

    private long lastAuditId() {
        return em.createQuery("select coalesce(max(a.id), 0) from AuditEvent a", Long.class).getSingleResult();
    }

    private List<AuditEvent> auditSince(long id) {
        return em.createQuery("select a from AuditEvent a where a.id > :id order by a.id", AuditEvent.class).setParameter("id", id)
                .getResultList();
    }

    private static AuditEvent only(List<AuditEvent> trail, String action, String itemKey) {
        List<AuditEvent> found = trail.stream().filter(a -> a.getAction().equals(action) && itemKey.equals(a.getItemKey())).toList();
        assertThat(found).as(action + " " + itemKey).hasSize(1);
        return found.get(0);
    }
}
