package org.tacecrf.application.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tacecrf.application.audit.Actor;
import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.domain.study.SiteDef;
import org.tacecrf.domain.study.StudyCatalog;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.StudyDefinitionException;
import org.tacecrf.infrastructure.config.AppSettings;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.infrastructure.persistence.StudyRepository;
import org.tacecrf.model.casebook.NumberSequence;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.study.Site;
import org.tacecrf.model.study.Study;

/**
 * Loads every study definition in {@code config/studies} at start-up, refuses to start when a file
 * is invalid (each error with file, line and reason in the log), and registers the studies and
 * their sites in the database. Holds the loaded definitions for the rest of the application.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StudyRegistration {

    private static final Logger LOG = Logger.getLogger(StudyRegistration.class.getName());

    @Inject
    private AppSettings settings;
    @Inject
    private StudyRepository studies;
    @Inject
    private AuditTrail audit;
    @Inject
    private CasebookRepository casebook;
    @Inject
    @ConfigProperty(name = "tace.exit-on-invalid-definitions", defaultValue = "true")
    boolean exitOnInvalid;

    private volatile StudyCatalog catalog;

    @PostConstruct
    void register() {
        Path directory = settings.studiesDir();
        try {
            catalog = StudyCatalog.load(directory);
        } catch (StudyDefinitionException e) {
            StringBuilder message = new StringBuilder("Invalid study definitions in " + directory.toAbsolutePath()
                    + " — the application will not start until they are corrected:");
            e.errors().forEach(error -> message.append("\n  ").append(error));
            LOG.severe(message.toString());
            if (exitOnInvalid) {
                // A study must never run on a definition that was only partly understood.
                new Thread(() -> System.exit(3), "invalid-study-definitions").start();
            }
            throw new IllegalStateException(message.toString(), e);
        }
        Instant now = Instant.now();
        for (StudyDefinition definition : catalog.all()) {
            sync(definition, now);
        }
        LOG.info(() -> "Studies: " + catalog.ids());
    }

    private void sync(StudyDefinition definition, Instant now) {
        String hash = fileHash(settings.studiesDir().resolve(definition.sourceFile()));
        String title = definition.title().en();
        Optional<Study> existing = studies.find(definition.id());
        if (existing.isEmpty()) {
            studies.add(new Study(definition.id(), title, definition.version(), hash, now));
            audit.record(Actor.system(), AuditEntry.of("REGISTER_STUDY", "STUDY", definition.id())
                    .study(definition.id(), null).values(null, "version " + definition.version() + ", " + definition.sourceFile())
                    .source(AuditSource.SYSTEM, "study definition " + hash.substring(0, 12)));
        } else if (!existing.get().getDefinitionHash().equals(hash)) {
            Study study = existing.get();
            String before = "version " + study.getDefinitionVersion() + ", hash " + study.getDefinitionHash().substring(0, 12);
            study.updateDefinition(title, definition.version(), hash);
            audit.record(Actor.system(), AuditEntry.of("UPDATE_STUDY_DEFINITION", "STUDY", definition.id())
                    .study(definition.id(), null).values(before, "version " + definition.version() + ", hash " + hash.substring(0, 12))
                    .source(AuditSource.SYSTEM, definition.sourceFile()));
        }
        for (SiteDef siteDef : definition.sites()) {
            String name = siteDef.name().en();
            Optional<Site> site = studies.findSite(definition.id(), siteDef.id());
            if (site.isEmpty()) {
                studies.add(new Site(definition.id(), siteDef.id(), name));
                // Numbering rows exist before the first enrolment, so two nurses enrolling at once lock the same row.
                casebook.ensureSequence(definition.id(), siteDef.id(), NumberSequence.SUBJECT);
                casebook.ensureSequence(definition.id(), siteDef.id(), NumberSequence.SCREENING);
                audit.record(Actor.system(), AuditEntry.of("REGISTER_SITE", "SITE", definition.id() + "/" + siteDef.id())
                        .study(definition.id(), siteDef.id()).values(null, name).source(AuditSource.SYSTEM, definition.sourceFile()));
            } else if (!site.get().getName().equals(name)) {
                audit.record(Actor.system(), AuditEntry.of("RENAME_SITE", "SITE", definition.id() + "/" + siteDef.id())
                        .study(definition.id(), siteDef.id()).values(site.get().getName(), name)
                        .source(AuditSource.SYSTEM, definition.sourceFile()));
                site.get().rename(name);
            }
        }
    }

    private static String fileHash(Path file) {
        try {
            byte[] content = Files.readAllBytes(file);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (IOException | NoSuchAlgorithmException e) {
            LOG.log(Level.WARNING, "Cannot hash " + file, e);
            return "0".repeat(64);
        }
    }

    public StudyCatalog catalog() {
        return catalog;
    }

    public StudyDefinition definition(String studyId) {
        return catalog.find(studyId).orElseThrow(() -> new NoSuchElementException("no study " + studyId));
    }
}
