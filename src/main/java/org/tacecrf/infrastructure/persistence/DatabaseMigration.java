package org.tacecrf.infrastructure.persistence;

import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Owns the schema: runs the Flyway migrations when the application starts, then checks that the
 * JPA mapping agrees with the migrated schema.
 * <p>
 * The data source is declared here so the URL, user and password come from MicroProfile Config
 * (war defaults, {@code config/tace-ecrf.properties}, environment, system properties) and H2 or
 * PostgreSQL is chosen without a rebuild. Hibernate never generates the schema: Payara builds the
 * EntityManagerFactory before any startup bean runs, so validation has to follow the migration.
 */
@DataSourceDefinition(
        name = DatabaseMigration.DATA_SOURCE,
        className = "${MPCONFIG=tace.db.datasource-class}",
        url = "${MPCONFIG=tace.db.url}",
        user = "${MPCONFIG=tace.db.user}",
        password = "${MPCONFIG=tace.db.password}",
        transactional = true,
        minPoolSize = 1,
        maxPoolSize = 32,
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit"})
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/tace";
    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @PersistenceUnit(unitName = "tace")
    private EntityManagerFactory emf;

    @Inject
    @ConfigProperty(name = "tace.demo.reset", defaultValue = "false")
    boolean demoReset;

    @Inject
    @ConfigProperty(name = "tace.demo.enabled", defaultValue = "true")
    boolean demoEnabled;

    @PostConstruct
    void migrate() {
        migrateSchema(dataSource, vendorFolder(), demoReset, demoEnabled);
        emf.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    }

    /**
     * Brings the schema to the latest migration, keeping the data, so a restart continues where the
     * last run stopped. Starting the demo afresh ({@code tace.demo.reset}) first empties the
     * database, but only ever the embedded database of a demo installation.
     *
     * @param vendor the migration folder of the database: {@code h2} or {@code postgresql}
     */
    static Flyway migrateSchema(DataSource dataSource, String vendor, boolean demoReset, boolean demoEnabled) {
        boolean reset = demoReset && demoEnabled && "h2".equals(vendor);
        Flyway flyway = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .baselineOnMigrate(false)
                .cleanDisabled(!reset)
                .load();
        if (reset) {
            LOG.warning("tace.demo.reset=true: emptying the embedded demo database before start-up");
            flyway.clean();
        } else if (demoReset) {
            LOG.warning("tace.demo.reset is ignored: it only empties the embedded database of a demo installation");
        }
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Database schema at version " + flyway.info().current().getVersion()
                + " (" + result.migrationsExecuted + " migrations applied, " + vendor + ")");
        return flyway;
    }

    private String vendorFolder() {
        try (var connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            if (product.contains("postgres")) {
                return "postgresql";
            }
            if (product.contains("h2")) {
                return "h2";
            }
            throw new IllegalStateException("Unsupported database: " + product + " (use H2 or PostgreSQL)");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot connect to the database: " + e.getMessage(), e);
        }
    }
}
