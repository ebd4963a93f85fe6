package org.tacecrf.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up on the embedded file database, as after a restart: the data of the last run is kept,
 * and only the demo reset switch of a demo installation empties it. Each call opens the database
 * anew and the last connection closing closes it, as a server stop does.
 */
class DatabaseMigrationTest {

    @TempDir
    Path dataDir;
    private JdbcDataSource dataSource;

    @BeforeEach
    void firstStart() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dataDir.resolve("tace-ecrf") + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE");
        dataSource.setUser("tace");
        dataSource.setPassword("tace");
        DatabaseMigration.migrateSchema(dataSource, "h2", false, true);
        execute("insert into app_user (username, full_name, password_hash, enabled, must_change_password, failed_attempts,"
                + " created_at, created_by, password_changed_at, version) values ('kept', 'Kept User', 'x', true, false, 0,"
                + " now(), 'test', now(), 0)");
    }

    @Test
    void aRestartKeepsTheData() throws SQLException {
        var flyway = DatabaseMigration.migrateSchema(dataSource, "h2", false, true);
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(users()).isEqualTo(1);
    }

    @Test
    void theDemoResetEmptiesTheEmbeddedDemoDatabaseAndMigratesItAgain() throws SQLException {
        var flyway = DatabaseMigration.migrateSchema(dataSource, "h2", true, true);
        assertThat(flyway.info().applied()).isNotEmpty();
        assertThat(users()).isZero();
    }

    @Test
    void theResetIsIgnoredWhenTheDemoIsOff() throws SQLException {
        DatabaseMigration.migrateSchema(dataSource, "h2", true, false);
        assertThat(users()).isEqualTo(1);
    }

    private long users() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from app_user")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
