package org.tacecrf.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.study.StudyCatalog;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.tables.ScreeningEntry;

/**
 * The bulk read on the real schema (in-memory H2 migrated by the shipped Flyway scripts): every
 * casebook of a study, limited to sites, with typed values, the screening log with failed criteria,
 * and the command line producing tables from it.
 */
class StudyDataReaderTest {

    private static final String STUDY = "icc-deb-tace";
    private Connection connection;
    private String url;

    @BeforeEach
    void migrate() throws SQLException {
        url = "jdbc:h2:mem:reader" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "tace", "tace")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        connection = DriverManager.getConnection(url, "tace", "tace");
        insert("insert into screening (id, study_id, site_id, screening_number, screened_on, outcome, outcome_reason,"
                + " created_at, created_by, version) values (1, ?, 'ZJU', 'SCR-1', date '2024-01-02', 'NOT_ELIGIBLE',"
                + " null, now(), 'nurse', 0)", STUDY);
        insert("insert into screening_answer (screening_id, criterion_id, answer) values (1, 'in01', 'NO')");
        insert("insert into screening_answer (screening_id, criterion_id, answer) values (1, 'ex01', 'NO')");
        insert("insert into screening_answer (screening_id, criterion_id, answer) values (1, 'ex02', 'YES')");
        subject(10, "ZJU-001", "ZJU", true);
        subject(11, "ZJU-002", "ZJU", false);
        subject(12, "XXX-001", "XXX", false);
        insert("insert into visit (id, subject_id, visit_id, repeat_key, visit_date, created_at, created_by, version)"
                + " values (100, 10, 'baseline', 1, date '2024-01-05', now(), 'nurse', 0)");
        insert("insert into form_data (id, visit_ref, subject_id, form_id, repeat_key, state, locked, created_at,"
                + " created_by, updated_at, updated_by, version) values (1000, 100, 10, 'baseline', 1, 'COMPLETE', false,"
                + " now(), 'nurse', now(), 'nurse', 0)");
        item(1000, 10, "demographics", "age", null, "64", null);
        item(1000, 10, "demographics", "sex", "M", null, null);
        item(1000, 10, "demographics", "assessment_date", null, null, "2024-01-05");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private void subject(long id, String number, String site, boolean locked) throws SQLException {
        insert("insert into subject (id, study_id, site_id, subject_number, arm_id, consent_date, enrolment_date,"
                + " status, locked, created_at, created_by, version) values (" + id + ", ?, '" + site + "', '" + number
                + "', 'deb_tace', date '2024-01-01', date '2024-01-02', 'ON_STUDY', " + locked + ", now(), 'nurse', 0)",
                STUDY);
    }

    private void item(long form, long subject, String group, String item, String text, String number, String date)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("insert into item_data (form_ref, subject_id, group_id,"
                + " group_repeat, item_id, value_text, value_number, value_date, updated_at, updated_by, version)"
                + " values (?, ?, ?, 1, ?, ?, ?, ?, now(), 'nurse', 0)")) {
            s.setLong(1, form);
            s.setLong(2, subject);
            s.setString(3, group);
            s.setString(4, item);
            s.setString(5, text);
            s.setBigDecimal(6, number == null ? null : new java.math.BigDecimal(number));
            s.setObject(7, date == null ? null : LocalDate.parse(date));
            s.executeUpdate();
        }
    }

    private void insert(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    @Test
    void readsEveryCasebookOfTheSitesWithTypedValues() throws SQLException {
        List<StudyDataReader.Casebook> all = new StudyDataReader(connection, STUDY, null).casebooks();
        assertThat(all).extracting(c -> c.facts().number()).containsExactly("ZJU-001", "ZJU-002", "XXX-001");

        List<StudyDataReader.Casebook> zju = new StudyDataReader(connection, STUDY, List.of("ZJU")).casebooks();
        assertThat(zju).hasSize(2);
        StudyDataReader.Casebook first = zju.get(0);
        assertThat(first.facts().locked()).isTrue();
        assertThat(first.facts().armId()).isEqualTo("deb_tace");
        SubjectData data = first.data();
        SubjectData.FormInstance baseline = data.form("baseline", "baseline").orElseThrow();
        assertThat(baseline.complete()).isTrue();
        assertThat(baseline.first("age").orElseThrow().number()).isEqualByComparingTo("64");
        assertThat(baseline.first("sex").orElseThrow().text()).isEqualTo("M");
        assertThat(baseline.date("assessment_date")).contains(LocalDate.of(2024, 1, 5));
        assertThat(zju.get(1).data().forms()).isEmpty();
        assertThat(new StudyDataReader(connection, STUDY, List.of()).casebooks()).isEmpty();
    }

    @Test
    void theScreeningLogNamesTheFailedCriteria() throws SQLException {
        StudyDefinition study = StudyCatalog.load(Path.of("config/studies")).get(STUDY);
        List<ScreeningEntry> log = new StudyDataReader(connection, STUDY, null).screening(study);
        assertThat(log).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(ScreeningEntry.Outcome.NOT_ELIGIBLE);
            // an inclusion criterion answered no and an exclusion criterion answered yes
            assertThat(e.failedCriteria()).containsExactlyInAnyOrder("in01", "ex02");
        });
    }

    @Test
    void theCommandLineWritesTheTablesOfAStoppedInstallation(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("tables.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = org.tacecrf.interfaces.cli.StudyTablesCli.run(new String[]{url, "--study", STUDY,
                "--tables", "consort,baseline", "--cutoff", "2024-06-30", "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));

        assertThat(status).isZero();
        String csv = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(csv).contains("Table 1. Patient flow (CONSORT)").contains("Table 2. Baseline characteristics")
                .contains("data cut-off 2024-06-30").contains("Patients screened");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("2 tables").contains("for 3 patients");
    }
}
