package org.tacecrf.application.demo;

import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tacecrf.application.audit.Actor;
import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.domain.security.PasswordHasher;
import org.tacecrf.infrastructure.config.AppSettings;
import org.tacecrf.infrastructure.persistence.StudyRepository;
import org.tacecrf.infrastructure.persistence.UserRepository;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.study.Site;
import org.tacecrf.model.study.Study;
import org.tacecrf.model.user.AppUser;
import org.tacecrf.model.user.SiteAccess;

/**
 * Fills an empty installation with the demo accounts when {@code tace.demo.enabled} is true,
 * then prints where to sign in. Idempotent: with any user present it creates nothing, so a
 * restart keeps the data.
 */
@Singleton
@Startup
@DependsOn("StudyRegistration")
public class DemoSetup {

    private static final Logger LOG = Logger.getLogger(DemoSetup.class.getName());

    @Inject
    private AppSettings settings;
    @Inject
    private UserRepository users;
    @Inject
    private StudyRepository studies;
    @Inject
    private AuditTrail audit;
    @Inject
    @ConfigProperty(name = "tace.public.url", defaultValue = "http://localhost:8080/")
    String publicUrl;

    @PostConstruct
    void setUp() {
        if (!settings.demoEnabled()) {
            return;
        }
        if (users.count() == 0) {
            createAccounts();
        }
        StringBuilder banner = new StringBuilder("\n\n  TACE eCRF is running at ").append(publicUrl).append("\n  Demo sign-ins:\n");
        DemoUsers.ACCOUNTS.forEach(a -> banner.append(String.format("    %-14s %-24s (%s)%n", a.username(), a.password(), a.role())));
        LOG.info(banner.toString());
    }

    private void createAccounts() {
        PasswordHasher hasher = new PasswordHasher(settings.pbkdf2Iterations());
        List<Study> all = studies.findAll();
        for (DemoUsers.Account account : DemoUsers.ACCOUNTS) {
            AppUser user = new AppUser(account.username(), account.fullName(), hasher.hash(account.password().toCharArray()),
                    Instant.now(), Actor.SYSTEM_NAME);
            user.getRoles().add(account.role());
            for (Study study : all) {
                if (account.allSites()) {
                    user.getSites().add(new SiteAccess(study.getId(), SiteAccess.ALL_SITES));
                } else {
                    studies.sites(study.getId()).stream().limit(account.sites())
                            .map(Site::getSiteId).forEach(site -> user.getSites().add(new SiteAccess(study.getId(), site)));
                }
            }
            users.add(user);
            audit.record(Actor.system(), AuditEntry.of("CREATE", "USER", user.getUsername())
                    .values(null, "demo account, role " + account.role() + ", sites " + user.getSites())
                    .source(AuditSource.SYSTEM, "demo setup"));
        }
    }
}
