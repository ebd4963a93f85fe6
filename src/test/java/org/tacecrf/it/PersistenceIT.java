package org.tacecrf.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tacecrf.application.audit.Actor;
import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.domain.audit.AuditChain;
import org.tacecrf.infrastructure.persistence.AuditChainScanner;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.infrastructure.persistence.CasebookRepository.SubjectFilter;
import org.tacecrf.infrastructure.persistence.DatabaseMigration;
import org.tacecrf.infrastructure.persistence.StudyDataReader;
import org.tacecrf.infrastructure.persistence.StudyRepository;
import org.tacecrf.infrastructure.persistence.UserRepository;
import org.tacecrf.interfaces.cli.VerifyAuditTrail;
import org.tacecrf.it.support.AuditTamper;
import org.tacecrf.it.support.Deployments;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.study.Site;
import org.tacecrf.model.study.Study;
import org.tacecrf.model.user.AppUser;
import org.tacecrf.model.user.Role;
import org.tacecrf.model.user.SiteAccess;

/**
 * Inside the server, on the configured database (H2 by default; PostgreSQL with -Ppostgres):
 * the migrations, the repositories (users; subjects scoped to sites, searched, counted and paged;
 * the study data reader), optimistic locking and the audit chain with tamper detection.
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWith(PersistenceIT.class, AuditTamper.class);
    }

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    private DataSource dataSource;
    @PersistenceContext(unitName = "tace")
    private EntityManager em;
    @Inject
    private UserRepository users;
    @Inject
    private AuditTrail audit;
    @Inject
    private CasebookRepository casebook;
    @Inject
    private StudyRepository studies;
    @Resource
    private UserTransaction tx;

    @Test
    void everyMigrationIsAppliedSuccessfully() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), sum(case when \"success\" then 1 else 0 end) from \"flyway_schema_history\"")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
            assertThat(rs.getInt(2)).isEqualTo(rs.getInt(1));
        }
    }

    @Test
    void userRepositoryStoresRolesAndSites() throws Exception {
        tx.begin();
        AppUser user = new AppUser("repo-user", "Repository User", "x", Instant.now(), "test");
        user.getRoles().add(Role.MONITOR);
        user.getSites().add(new SiteAccess("studyA", SiteAccess.ALL_SITES));
        user.getSites().add(new SiteAccess("studyB", "S01"));
        users.add(user);
        tx.commit();

        em.clear();
        AppUser found = users.findByUsername("REPO-USER").orElseThrow();
        assertThat(found.getRoles()).containsExactly(Role.MONITOR);
        assertThat(found.canSee("studyA", "anything")).isTrue();
        assertThat(found.canSee("studyB", "S01")).isTrue();
        assertThat(found.canSee("studyB", "S02")).isFalse();
    }

    /**
     * Site scoping is done by the queries themselves, on either database: a user with some sites
     * never receives another site's subjects, whatever else the filter asks for. The subjects of
     * this run carry a run-unique number prefix, so a PostgreSQL database kept between runs does
     * not disturb the counts.
     */
    @Test
    void subjectQueriesReturnOnlyTheSitesAsked() throws Exception {
        Study study = studies.findAll().stream().filter(s -> studies.sites(s.getId()).size() >= 2).findFirst()
                .orElseThrow(() -> new AssertionError("no demo study with two sites"));
        List<Site> sites = studies.sites(study.getId());
        String a = sites.get(0).getSiteId();
        String b = sites.get(1).getSiteId();
        String run = "PIT" + Long.toString(System.nanoTime(), 36).toUpperCase();
        LocalDate consent = LocalDate.of(2024, 5, 6);
        tx.begin();
        casebook.add(new Subject(study.getId(), a, run + "-A1", consent, consent.plusDays(3), null, Instant.now(), "test"));
        casebook.add(new Subject(study.getId(), a, run + "-A2", consent, consent.plusDays(1), null, Instant.now(), "test"));
        casebook.add(new Subject(study.getId(), b, run + "-B1", consent, consent.plusDays(2), null, Instant.now(), "test"));
        tx.commit();
        em.clear();

        // The search ignores case and matches part of the number.
        SubjectFilter siteA = new SubjectFilter(study.getId(), List.of(a), false, run.toLowerCase(), null, null, null);
        assertThat(casebook.subjects(siteA, 0, 50, "subjectNumber", true)).extracting(Subject::getSubjectNumber)
                .containsExactly(run + "-A1", run + "-A2");
        assertThat(casebook.countSubjects(siteA)).isEqualTo(2);

        SubjectFilter allSites = new SubjectFilter(study.getId(), List.of(), true, run, null, null, null);
        assertThat(casebook.subjects(allSites, 0, 50, "subjectNumber", false)).extracting(Subject::getSubjectNumber)
                .containsExactly(run + "-B1", run + "-A2", run + "-A1");
        assertThat(casebook.subjects(allSites, 0, 50, "enrolmentDate", true)).extracting(Subject::getSubjectNumber)
                .containsExactly(run + "-A2", run + "-B1", run + "-A1");
        assertThat(casebook.subjects(allSites, 1, 1, "subjectNumber", true)).extracting(Subject::getSubjectNumber)
                .containsExactly(run + "-A2");
        assertThat(casebook.countSubjects(allSites)).isEqualTo(3);
        assertThat(casebook.countSubjects(new SubjectFilter(study.getId(), List.of(), true, run, b, null, "ON_STUDY"))).isEqualTo(1);

        // Asking for a site one does not have, or having no site at all, returns nothing.
        assertThat(casebook.countSubjects(new SubjectFilter(study.getId(), List.of(a), false, run, b, null, null))).isZero();
        SubjectFilter noSite = new SubjectFilter(study.getId(), List.of(), false, run, null, null, null);
        assertThat(casebook.subjects(noSite, 0, 50, null, true)).isEmpty();
        assertThat(casebook.countSubjects(noSite)).isZero();
        assertThat(casebook.countSubjects(new SubjectFilter("no-such-study", List.of(), true, run, null, null, null))).isZero();

        try (Connection c = dataSource.getConnection()) {
            List<StudyDataReader.Casebook> atA = new StudyDataReader(c, study.getId(), List.of(a)).casebooks();
            assertThat(atA).extracting(cb -> cb.facts().siteId()).containsOnly(a);
            assertThat(atA).extracting(cb -> cb.facts().number()).filteredOn(n -> n.startsWith(run))
                    .containsExactly(run + "-A1", run + "-A2");
            List<StudyDataReader.Casebook> everywhere = new StudyDataReader(c, study.getId(), null).casebooks();
            assertThat(everywhere).filteredOn(cb -> cb.facts().number().startsWith(run))
                    .extracting(cb -> cb.facts().number() + " " + cb.facts().siteId() + " " + cb.facts().enrolmentDate()
                            + " " + cb.facts().status())
                    .containsExactly(run + "-A1 " + a + " 2024-05-09 ON_STUDY", run + "-A2 " + a + " 2024-05-07 ON_STUDY",
                            run + "-B1 " + b + " 2024-05-08 ON_STUDY");
        }
    }

    @Test
    void concurrentChangesToTheSameRecordDoNotOverwriteEachOther() throws Exception {
        tx.begin();
        users.add(new AppUser("lock-user", "Before", "x", Instant.now(), "test"));
        tx.commit();
        em.clear();

        AppUser stale = users.findByUsername("lock-user").orElseThrow();
        em.clear();
        tx.begin();
        users.findByUsername("lock-user").orElseThrow().setFullName("First writer");
        tx.commit();

        tx.begin();
        stale.setFullName("Second writer");
        assertThatThrownBy(() -> {
            try {
                em.merge(stale);
                em.flush();
            } finally {
                tx.rollback();
            }
        }).isInstanceOf(OptimisticLockException.class);
        em.clear();
        assertThat(users.findByUsername("lock-user").orElseThrow().getFullName()).isEqualTo("First writer");
    }

    @Test
    void auditTrailIsChainedAndTamperingIsFoundAtTheRecord() throws Exception {
        tx.begin();
        audit.record(Actor.system(), List.of(
                AuditEntry.of("UPDATE", "ITEM", 1).study("s", "site").values("35", "40").reason("typo"),
                AuditEntry.of("UPDATE", "ITEM", 2).study("s", "site").values("1.2", "1.3").reason("lab report"),
                AuditEntry.of("UPDATE", "ITEM", 3).study("s", "site").values("A", "B").reason("correction")));
        tx.commit();

        long target;
        try (Connection c = dataSource.getConnection()) {
            AuditChainScanner.Result before = AuditChainScanner.verify(c);
            assertThat(before.intact()).isTrue();
            assertThat(before.checked()).isGreaterThanOrEqualTo(3);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select id from audit_event where new_value = '1.3' order by id desc")) {
                rs.next();
                target = rs.getLong(1);
            }
            try (Statement s = c.createStatement()) {
                // A database administrator edits a value behind the application's back.
                AuditTamper.allowDirectEdit(s);
                s.executeUpdate("update audit_event set new_value = '9.9' where id = " + target);
            }
            AuditChainScanner.Result after = AuditChainScanner.verify(c);
            assertThat(after.intact()).isFalse();
            assertThat(after.firstBreak().recordId()).isEqualTo(target);
            assertThat(after.firstBreak().failure()).isEqualTo(AuditChain.Failure.CONTENT_CHANGED);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update audit_event set new_value = '1.3' where id = " + target);
                AuditTamper.restoreProtection(s);
            }
            assertThat(AuditChainScanner.verify(c).intact()).isTrue();
        }
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRecords() throws Exception {
        tx.begin();
        audit.record(Actor.system(), AuditEntry.of("UPDATE", "ITEM", 4).study("s", "site").values("1", "2").reason("test"));
        tx.commit();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long last = lastId(s);
            assertThatThrownBy(() -> s.executeUpdate("update audit_event set reason = 'edited' where id = " + last))
                    .isInstanceOf(java.sql.SQLException.class);
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_event where id = " + last))
                    .isInstanceOf(java.sql.SQLException.class);
            assertThat(AuditChainScanner.verify(c).intact()).isTrue();
        }
    }

    @Test
    void removedRecordsAreFoundInTheMiddleAndAtTheEndOfTheChain() throws Exception {
        tx.begin();
        audit.record(Actor.system(), List.of(
                AuditEntry.of("UPDATE", "ITEM", 5).study("s", "site").values("10", "11").reason("first"),
                AuditEntry.of("UPDATE", "ITEM", 6).study("s", "site").values("20", "21").reason("second"),
                AuditEntry.of("UPDATE", "ITEM", 7).study("s", "site").values("30", "31").reason("third")));
        tx.commit();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long last = lastId(s);
            s.execute("create table audit_kept as select * from audit_event where id >= " + (last - 1));
            AuditTamper.allowDirectEdit(s);
            try {
                s.executeUpdate("delete from audit_event where id = " + (last - 1));
                AuditChainScanner.Result middle = AuditChainScanner.verify(c);
                assertThat(middle.firstBreak().recordId()).isEqualTo(last);
                assertThat(middle.firstBreak().failure()).isEqualTo(AuditChain.Failure.GAP_IN_SEQUENCE);

                s.executeUpdate("delete from audit_event where id = " + last);
                AuditChainScanner.Result end = AuditChainScanner.verify(c);
                // What is left is a valid chain; only the chain head shows that records are missing.
                assertThat(end.firstBreak()).isNull();
                assertThat(end.headMatches()).isFalse();
                assertThat(end.intact()).isFalse();
            } finally {
                s.executeUpdate("insert into audit_event select * from audit_kept where id not in (select id from audit_event)");
                s.execute("drop table audit_kept");
                AuditTamper.restoreProtection(s);
            }
            assertThat(AuditChainScanner.verify(c).intact()).isTrue();
        }
    }

    @Test
    void commandLineVerificationNamesTheFirstBrokenRecord() throws Exception {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String[] args = {config.getValue("tace.db.url", String.class), config.getValue("tace.db.user", String.class),
                config.getValue("tace.db.password", String.class)};
        // The server has an H2 driver of its own; load the application's, which holds the in-memory test database.
        Class.forName(args[0].startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.postgresql.Driver");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(VerifyAuditTrail.run(args, print, print)).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("Audit trail intact");

        tx.begin();
        audit.record(Actor.system(), AuditEntry.of("UPDATE", "ITEM", 8).study("s", "site").values("5", "6").reason("cli"));
        tx.commit();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long last = lastId(s);
            AuditTamper.allowDirectEdit(s);
            try {
                s.executeUpdate("update audit_event set old_value = '4' where id = " + last);
                out.reset();
                assertThat(VerifyAuditTrail.run(args, print, print)).isEqualTo(1);
                assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("BROKEN at record " + last)
                        .contains("CONTENT_CHANGED");
            } finally {
                s.executeUpdate("update audit_event set old_value = '5' where id = " + last);
                AuditTamper.restoreProtection(s);
            }
        }
        assertThat(VerifyAuditTrail.run(new String[0], print, print)).isEqualTo(2);
    }

    private static long lastId(Statement s) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery("select max(id) from audit_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void auditRecordsNeedTheCallersTransaction() {
        assertThatThrownBy(() -> audit.record(Actor.system(), AuditEntry.of("UPDATE", "ITEM", 9)))
                .hasRootCauseInstanceOf(jakarta.ejb.TransactionRequiredLocalException.class);
    }
}
