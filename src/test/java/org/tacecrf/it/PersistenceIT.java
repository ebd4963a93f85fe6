package org.tacecrf.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
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
import org.tacecrf.infrastructure.persistence.DatabaseMigration;
import org.tacecrf.infrastructure.persistence.UserRepository;
import org.tacecrf.it.support.Deployments;
import org.tacecrf.model.user.AppUser;
import org.tacecrf.model.user.Role;
import org.tacecrf.model.user.SiteAccess;

/**
 * Inside the server, on the configured database (H2 by default; PostgreSQL with -Ppostgres):
 * the migrations, the repositories, optimistic locking and the audit chain with tamper detection.
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWith(PersistenceIT.class);
    }

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    private DataSource dataSource;
    @PersistenceContext(unitName = "tace")
    private EntityManager em;
    @Inject
    private UserRepository users;
    @Inject
    private AuditTrail audit;
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
    void auditRecordsNeedTheCallersTransaction() {
        assertThatThrownBy(() -> audit.record(Actor.system(), AuditEntry.of("UPDATE", "ITEM", 9)))
                .hasRootCauseInstanceOf(jakarta.ejb.TransactionRequiredLocalException.class);
    }

    /** Test-only access to the database's protection of the audit table (triggers). */
    static final class AuditTamper {
        static void allowDirectEdit(Statement s) throws java.sql.SQLException {
            String product = s.getConnection().getMetaData().getDatabaseProductName().toLowerCase();
            if (product.contains("postgres")) {
                s.execute("alter table audit_event disable trigger audit_event_append_only");
            } else {
                s.execute("drop trigger if exists audit_event_no_update");
            }
        }

        static void restoreProtection(Statement s) throws java.sql.SQLException {
            String product = s.getConnection().getMetaData().getDatabaseProductName().toLowerCase();
            if (product.contains("postgres")) {
                s.execute("alter table audit_event enable trigger audit_event_append_only");
            } else {
                s.execute("create trigger if not exists audit_event_no_update before update on audit_event for each row call \"org.tacecrf.infrastructure.persistence.AppendOnlyTrigger\"");
            }
        }
    }
}
