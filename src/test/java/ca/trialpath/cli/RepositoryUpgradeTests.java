package ca.trialpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.batch.PublishedOutputs;
import ca.trialpath.cli.CommandConsole.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import tools.jackson.databind.JsonNode;

/**
 * The job database at start-up, through the real command: Flyway adds the history tables beside the Batch
 * tables, on an empty repository and on one made by a TrialPath from before the run history (Batch tables,
 * no Flyway history), and leaves an up-to-date repository as it is. On H2 here, on PostgreSQL in
 * {@link PostgresRepositoryUpgradeTests}.
 */
class RepositoryUpgradeTests {

    private static final Path SAMPLE = CommandConsole.SAMPLE;

    @TempDir
    private Path temp;

    private Path output;
    private Path repository;
    private String err = "";

    @BeforeEach
    void setUp() {
        output = temp.resolve("reports");
        repository = temp.resolve("repository/db");
    }

    @Test
    void shouldAddTheHistoryTablesToARepositoryMadeBeforeTheRunHistory() {
        // given: the Batch tables of Spring Batch's own H2 script, and no Flyway history
        JdbcTemplate db = database();
        new ResourceDatabasePopulator(new ClassPathResource(batchSchema())).execute(db.getDataSource());
        assertThat(tables(db)).contains("batch_job_instance").doesNotContain("flyway_schema_history", "trialpath_run");
        closeDatabase(db);

        // when
        int status = run("2026-11-26");

        // then
        assertThat(status).as(err).isEqualTo(RunLauncher.PUBLISHED);
        db = database();
        assertThat(migrations(db)).containsExactly("0 BASELINE", "1 SQL", "2 SQL", "3 JDBC", "4 SQL");
        assertThat(db.queryForObject("SELECT SUM(people) FROM trialpath_run_block", Long.class)).isEqualTo(214L);
        closeDatabase(db);
    }

    @Test
    void shouldCreateBothKindsOfTablesInAnEmptyRepositoryAndStartAgainOnIt() {
        // when: a first night on an empty repository, then a second on the same repository
        int first = run("2026-11-26");
        int second = run("2026-11-27");

        // then
        assertThat(first).as(err).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(second).as(err).isEqualTo(RunLauncher.PUBLISHED);
        JdbcTemplate db = database();
        assertThat(tables(db)).contains("batch_job_execution", "trialpath_run", "trialpath_run_block",
                "trialpath_person_result", "flyway_schema_history");
        assertThat(migrations(db)).as("no baseline on an empty repository").containsExactly("1 SQL", "2 SQL", "3 JDBC",
                "4 SQL");
        assertThat(db.queryForObject("SELECT COUNT(*) FROM trialpath_run", Long.class)).isEqualTo(2L);
        closeDatabase(db);
        JsonNode summary = PublishedOutputs.json(output.resolve("2026-11-27/summary.json"));
        assertThat(summary.get("previous_run").get("run_date").asString()).isEqualTo("2026-11-26");
        assertThat(PublishedOutputs.read(output.resolve("2026-11-27/changes.csv")))
                .as("the same cohort two nights running: nothing changed").isEqualTo("patient_id,change,before,after\n");
    }

    @Test
    void shouldUpgradeARepositoryOfTheReleaseBeforeInPlaceAndStillKnowItsNights() throws IOException {
        // given: a night published, then the repository put back as the release before left it: the Batch
        // tables made by Boot's script runner (the same Spring Batch script), Flyway's history ending at V2
        assertThat(run("2026-11-26")).as(err).isEqualTo(RunLauncher.PUBLISHED);
        JdbcTemplate db = database();
        dropScreeningTables(db);
        db.update("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('3', '4')");
        assertThat(migrations(db)).containsExactly("1 SQL", "2 SQL");
        closeDatabase(db);
        // nor did it leave a watermark beside the published folders
        Files.delete(output.resolve(".trialpath/repository.watermark"));

        // when: the same night again, then the next one
        Console same = command("2026-11-26");
        int next = run("2026-11-27");

        // then: migration 3 found the tables there, the published night is known by its execution
        assertThat(same.status()).as(err).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(same.out()).contains("already published").contains("(execution ");
        assertThat(next).as(err).isEqualTo(RunLauncher.PUBLISHED);
        db = database();
        assertThat(migrations(db)).containsExactly("1 SQL", "2 SQL", "3 JDBC", "4 SQL");
        assertThat(db.queryForObject("SELECT COUNT(*) FROM trialpath_run", Long.class)).isEqualTo(2L);
        closeDatabase(db);
    }

    @Test
    void shouldAddTheScreeningTablesToARepositoryOfVersion3AndKeepItsNights() throws IOException {
        // given: a night with the sample catalogue published by the release before the screening log (Flyway's
        // history ending at V3, no screening tables)
        assertThat(run("2026-11-26", TRIALS)).as(err).isEqualTo(RunLauncher.PUBLISHED);
        JdbcTemplate db = database();
        dropScreeningTables(db);
        db.update("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '4'");
        assertThat(migrations(db)).containsExactly("1 SQL", "2 SQL", "3 JDBC");
        assertThat(tables(db)).doesNotContain("trialpath_screening_pair");
        closeDatabase(db);

        // when: the next night, with the coordinators' log
        List<String> screening = new ArrayList<>(TRIALS);
        screening.add("screening=" + SAMPLE.resolve("screening/screening-log.csv"));
        int next = run("2026-11-27", screening);

        // then: migration 4 ran, the night before is still the one compared with, and the night's pairs are stored
        assertThat(next).as(err).isEqualTo(RunLauncher.PUBLISHED);
        db = database();
        assertThat(migrations(db)).containsExactly("1 SQL", "2 SQL", "3 JDBC", "4 SQL");
        assertThat(tables(db)).contains("trialpath_screening_pair", "trialpath_screening_decision",
                "trialpath_screening_fact_change");
        long pairs = PublishedOutputs.records(output.resolve("2026-11-27/screening_log.csv")).size();
        assertThat(pairs).isPositive();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM trialpath_screening_pair", Long.class)).isEqualTo(pairs);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM trialpath_screening_decision WHERE status = 'ENROLLED'",
                Long.class)).isEqualTo(1L);
        closeDatabase(db);
        JsonNode summary = PublishedOutputs.json(output.resolve("2026-11-27/summary.json"));
        assertThat(summary.get("previous_run").get("run_date").asString()).isEqualTo("2026-11-26");
        assertThat(summary.get("screening").get("by_status").get("ENROLLED").asInt()).isEqualTo(1);
    }

    /** As the release before left them: no screening tables. */
    private static void dropScreeningTables(JdbcTemplate db) {
        for (String table : List.of("trialpath_screening_fact_change", "trialpath_screening_decision",
                "trialpath_screening_pair")) {
            db.execute("DROP TABLE " + table);
        }
    }

    @Test
    void shouldLeaveNoTraceFileOfExpectedErrorsAfterSeveralStarts() {
        // when: three starts on one repository (H2 wrote 21 "already exists" traces on each but the first)
        assertThat(run("2026-11-25")).as(err).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(run("2026-11-26")).as(err).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(run("2026-11-26")).as(err).isEqualTo(RunLauncher.PUBLISHED);

        // then
        // (under the tests' -ea, H2 2.4 may trace an assertion of its own while compacting at close; the real
        // jar runs without -ea and leaves no trace file, see docs/troubleshooting.md)
        Path trace = repository.resolveSibling(repository.getFileName() + ".trace.db");
        String traced = Files.exists(trace) ? PublishedOutputs.read(trace) : "";
        assertThat(traced).doesNotContain("already exists").doesNotContain("Syntax error");
    }

    private static final List<String> TRIALS = List.of("trials=" + SAMPLE.resolve("trials"),
            "trialCriteria=" + SAMPLE.resolve("trial-criteria.json"));

    private Console command(String runDate) {
        return command(runDate, List.of());
    }

    private Console command(String runDate, List<String> more) {
        List<String> args = new ArrayList<>(List.of("input=" + SAMPLE, "output=" + output, "runDate=" + runDate));
        args.addAll(more);
        args.addAll(CommandConsole.QUIET);
        args.addAll(databaseArguments());
        Console console = CommandConsole.command(args);
        err = console.err();
        return console;
    }

    private int run(String runDate) {
        return command(runDate).status();
    }

    private int run(String runDate, List<String> more) {
        return command(runDate, more).status();
    }

    List<String> databaseArguments() {
        return List.of("--trialpath.repository.path=" + repository);
    }

    String batchSchema() {
        return "org/springframework/batch/core/schema-h2.sql";
    }

    JdbcTemplate database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + repository.toAbsolutePath());
        h2.setUser("sa");
        return new JdbcTemplate(h2);
    }

    /** The command must find the H2 file free, as a nightly run would. */
    void closeDatabase(JdbcTemplate db) {
        db.execute("SHUTDOWN");
    }

    /** The tables of the repository's schema, in lower case. */
    private static List<String> tables(JdbcTemplate db) {
        return db.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA",
                String.class).stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }

    /** The successful migrations: "version type". */
    private static List<String> migrations(JdbcTemplate db) {
        return db.query("SELECT \"version\", \"type\" FROM \"flyway_schema_history\" WHERE \"installed_rank\" > 0"
                + " AND \"success\" = TRUE ORDER BY \"installed_rank\"",
                (rs, i) -> rs.getString("version") + " " + rs.getString("type"));
    }
}
