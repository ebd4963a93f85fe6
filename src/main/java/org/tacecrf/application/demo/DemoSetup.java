package org.tacecrf.application.demo;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tacecrf.application.audit.Actor;
import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.application.study.StudyRegistration;
import org.tacecrf.domain.demo.CohortSpecReader;
import org.tacecrf.domain.security.PasswordHasher;
import org.tacecrf.infrastructure.config.AppSettings;
import org.tacecrf.infrastructure.persistence.DemoCohortRepository;
import org.tacecrf.infrastructure.persistence.StudyRepository;
import org.tacecrf.infrastructure.persistence.UserRepository;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.demo.DemoCohort;
import org.tacecrf.model.study.Site;
import org.tacecrf.model.study.Study;
import org.tacecrf.model.user.AppUser;
import org.tacecrf.model.user.Role;
import org.tacecrf.model.user.SiteAccess;

/**
 * Fills an empty installation with the demo accounts when {@code tace.demo.enabled} is true, then
 * prints where to sign in; idempotent: with any user present it creates no account, so a restart
 * keeps the data.
 * <p>
 * With {@code tace.demo.cohorts} on (true, or a comma-separated list of study ids), each study
 * with a shipped demo cohort and no subjects gets its synthetic cohort, entered in the background
 * once the application has started (the data manager's home page shows the progress). A cohort is
 * recorded when it starts, so it is never generated twice; an interrupted one resumes at the next
 * restart. {@code tace.demo.reset=true} starts the embedded database afresh (see
 * {@code DatabaseMigration}).
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
    private DemoCohortRepository cohorts;
    @Inject
    private StudyRegistration registration;
    @Inject
    private AuditTrail audit;
    @EJB
    private DemoCohortRunner runner;
    @Resource
    private TimerService timers;
    /** The address users open, when a proxy serves the application elsewhere than Payara Micro's port. */
    @Inject
    @ConfigProperty(name = "tace.public.url")
    Optional<String> publicUrl;
    /** Payara Micro's port and context root, as config/payara-micro.properties sets them. */
    @Inject
    @ConfigProperty(name = "payaramicro.port", defaultValue = "8080")
    String port;
    @Inject
    @ConfigProperty(name = "payaramicro.contextRoot", defaultValue = "/")
    String contextRoot;

    @PostConstruct
    void setUp() {
        if (!settings.demoEnabled()) {
            return;
        }
        if (users.count() == 0) {
            createAccounts();
        }
        List<String> wanted = cohortStudies();
        if (!wanted.isEmpty()) {
            ensureGeneratorAccount();
            // Entry starts after this start-up transaction committed the account and the cohort rows.
            timers.createSingleActionTimer(1000, new TimerConfig(new ArrayList<>(wanted), false));
        }
        StringBuilder banner = new StringBuilder("\n\n  TACE eCRF is running at ").append(publicUrl()).append("\n  Demo sign-ins:\n");
        DemoUsers.ACCOUNTS.forEach(a -> banner.append(String.format("    %-14s %-24s (%s)%n", a.username(), a.password(), a.role())));
        if (!wanted.isEmpty()) {
            banner.append("  Demo cohorts are being entered in the background for ").append(wanted)
                    .append("; the data manager's home page shows the progress.\n");
        }
        LOG.info(banner.toString());
    }

    private String publicUrl() {
        String path = contextRoot.startsWith("/") ? contextRoot : "/" + contextRoot;
        return publicUrl.orElse("http://localhost:" + port + (path.endsWith("/") ? path : path + "/"));
    }

    @Timeout
    void startCohorts(Timer timer) {
        @SuppressWarnings("unchecked")
        List<String> studyIds = (List<String>) timer.getInfo();
        runner.generate(studyIds);
    }

    /**
     * The studies whose cohort to enter now: those configured, with a shipped cohort, whose cohort
     * is not complete, and that either have a cohort under way or no subjects at all (a study with
     * real subjects never gets synthetic ones).
     */
    private List<String> cohortStudies() {
        String config = settings.demoCohorts().trim();
        if (config.isEmpty() || config.equalsIgnoreCase("false")) {
            return List.of();
        }
        Set<String> listed = config.equalsIgnoreCase("true") ? null : Set.of(config.split("\\s*,\\s*"));
        List<String> out = new ArrayList<>();
        for (String studyId : registration.catalog().ids().stream().sorted().toList()) {
            if (listed != null && !listed.contains(studyId) || CohortSpecReader.forStudy(studyId).isEmpty()) {
                continue;
            }
            DemoCohort cohort = cohorts.find(studyId).orElse(null);
            if (cohort == null && cohorts.subjects(studyId) > 0) {
                LOG.info(() -> "No demo cohort for " + studyId + ": the study already has subjects");
                continue;
            }
            if (cohort == null) {
                cohorts.add(new DemoCohort(studyId, CohortSpecReader.forStudy(studyId).orElseThrow().seed(), 0, 0));
            } else if (cohort.getStatus() == DemoCohort.Status.DONE) {
                continue;
            }
            out.add(studyId);
        }
        return out;
    }

    /** The system account the cohorts are entered as, with access to every site of every study. */
    private void ensureGeneratorAccount() {
        AppUser user = users.findByUsername(DemoUsers.GENERATOR).orElse(null);
        if (user == null) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            // A random password nobody knows, and the account disabled: it cannot sign in.
            char[] password = Base64.getEncoder().encodeToString(secret).toCharArray();
            user = new AppUser(DemoUsers.GENERATOR, DemoUsers.GENERATOR_NAME,
                    new PasswordHasher(settings.pbkdf2Iterations()).hash(password), Instant.now(), Actor.SYSTEM_NAME);
            user.setEnabled(false);
            user.getRoles().add(Role.DATA_MANAGER);
            users.add(user);
            audit.record(Actor.system(), AuditEntry.of("CREATE", "USER", user.getUsername())
                    .values(null, "system account for the demo cohorts, role DATA_MANAGER, disabled for sign-in")
                    .source(AuditSource.SYSTEM, "demo setup"));
        }
        for (Study study : studies.findAll()) {
            if (user.getSites().stream().noneMatch(s -> s.getStudyId().equals(study.getId()) && s.isAllSites())) {
                user.getSites().add(new SiteAccess(study.getId(), SiteAccess.ALL_SITES));
            }
        }
    }

    private void createAccounts() {
        PasswordHasher hasher = new PasswordHasher(settings.pbkdf2Iterations());
        List<Study> all = studies.findAll();
        for (DemoUsers.Account account : DemoUsers.ACCOUNTS) {
            AppUser user = new AppUser(account.username(), account.fullName(), hasher.hash(account.password().toCharArray()),
                    Instant.now(), Actor.SYSTEM_NAME);
            user.getRoles().add(account.role());
            for (Study study : all) {
                if (account.readerStudy() != null && !account.readerStudy().equals(study.getId())) {
                    continue;
                }
                if (account.allSites()) {
                    user.getSites().add(new SiteAccess(study.getId(), SiteAccess.ALL_SITES));
                } else {
                    studies.sites(study.getId()).stream().limit(account.sites())
                            .map(Site::getSiteId).forEach(site -> user.getSites().add(new SiteAccess(study.getId(), site)));
                }
            }
            if (account.readerSlot() != null && user.getSites().stream().anyMatch(a -> a.getStudyId().equals(account.readerStudy()))) {
                user.getReaderSlots().put(account.readerStudy(), account.readerSlot());
            }
            users.add(user);
            audit.record(Actor.system(), AuditEntry.of("CREATE", "USER", user.getUsername())
                    .values(null, "demo account, role " + account.role() + ", sites " + user.getSites()
                            + (account.readerSlot() == null ? "" : ", reader slot " + account.readerSlot() + " in " + account.readerStudy()))
                    .source(AuditSource.SYSTEM, "demo setup"));
        }
    }
}
