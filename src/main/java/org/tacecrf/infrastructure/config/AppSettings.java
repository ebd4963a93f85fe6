package org.tacecrf.infrastructure.config;

import java.nio.file.Path;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.tacecrf.domain.demo.CohortSeed;

/** The installation's settings, read once from MicroProfile Config (see {@link ConfigFileSource}). */
@ApplicationScoped
public class AppSettings {

    @Inject
    @ConfigProperty(name = "tace.data.dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "tace.demo.enabled", defaultValue = "true")
    boolean demoEnabled;

    @Inject
    @ConfigProperty(name = "tace.demo.reset", defaultValue = "false")
    boolean demoReset;

    @Inject
    @ConfigProperty(name = "tace.demo.cohorts", defaultValue = "true")
    String demoCohorts;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "tace.session.timeout-minutes", defaultValue = "30")
    int sessionTimeoutMinutes;

    @Inject
    @ConfigProperty(name = "tace.security.lockout.max-failures", defaultValue = "5")
    int lockoutMaxFailures;

    @Inject
    @ConfigProperty(name = "tace.security.lockout.minutes", defaultValue = "15")
    int lockoutMinutes;

    @Inject
    @ConfigProperty(name = "tace.security.pbkdf2.iterations", defaultValue = "210000")
    int pbkdf2Iterations;

    @Inject
    @ConfigProperty(name = "tace.config.dir", defaultValue = "config")
    String configDir;

    public Path dataDir() {
        return Path.of(dataDir);
    }

    public Path studiesDir() {
        return Path.of(configDir).resolve("studies");
    }

    public boolean demoEnabled() {
        return demoEnabled;
    }

    public boolean demoReset() {
        return demoReset;
    }

    /** Which studies get a synthetic demo cohort: {@code true}, {@code false} or study ids separated by commas. */
    public String demoCohorts() {
        return demoCohorts;
    }

    /**
     * The seed of a study's demo cohort set for this installation ({@code tace.demo.seed.<study id>},
     * else {@code tace.demo.seed}); empty to use the cohort file's seed. See {@link CohortSeed}.
     */
    public OptionalLong demoSeed(String studyId) {
        return CohortSeed.configured(studyId, name -> config.getOptionalValue(name, String.class));
    }

    public int sessionTimeoutMinutes() {
        return sessionTimeoutMinutes;
    }

    public int lockoutMaxFailures() {
        return lockoutMaxFailures;
    }

    public int lockoutMinutes() {
        return lockoutMinutes;
    }

    public int pbkdf2Iterations() {
        return pbkdf2Iterations;
    }
}
