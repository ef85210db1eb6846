package ca.trialpath.batch;

import static ca.trialpath.batch.PublishedOutputs.records;
import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.batch.publish.ScreeningPublication;
import ca.trialpath.batch.run.JobNames;
import ca.trialpath.cli.RunLauncher;
import ca.trialpath.cli.RunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The screening log through the real job, over several nights of the sample cohort and catalogue with the sample
 * screening log (docs/screening.md): statuses carried from night to night, a closed decision reopened when the
 * trial's criteria change (and one left closed when nothing changed), a revisit that comes due, an old copy of the
 * file counted and outranked, the published log given back changing nothing, a restart writing the same log, a
 * forgotten run's pairs deleted with it, and a bad log failing the run before any person is read.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:screening-run-tests;DB_CLOSE_DELAY=-1",
        "trialpath.chunk-size=20",
        "trialpath.history.runs=2",
        "logging.level.ca.trialpath=OFF",
        "logging.level.org.springframework.batch=OFF" })
@SpringBatchTest
@Import(ScreeningRunIntegrationTests.FailingChunkConfiguration.class) // for the PostgreSQL subclass too
class ScreeningRunIntegrationTests {

    static final Path SAMPLE = Path.of("sample-data");
    static final Path TRIALS = SAMPLE.resolve("trials");
    static final Path CRITERIA = SAMPLE.resolve("trial-criteria.json");
    static final Path SAMPLE_LOG = SAMPLE.resolve("screening/screening-log.csv");
    static final LocalDate NIGHT_1 = TestRuns.SAMPLE_RUN_DATE;
    static final LocalDate NIGHT_2 = NIGHT_1.plusDays(1);

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;

    @Autowired
    private RunLauncher runLauncher;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private RestartIntegrationTests.ChunkFailure chunkFailure;

    @TempDir
    private Path temp;

    @AfterEach
    void disarm() {
        chunkFailure.disarm();
    }

    private RunRequest request(Path output, LocalDate night, Path criteria, Path screening) {
        return TestRuns.request(SAMPLE, output, night, 0.10, TRIALS, criteria)
                .withScreening(screening == null ? null : screening.toAbsolutePath().normalize());
    }

    /** (Not a JobExecution: SpringBatchTest takes a test-class method returning one for a job-scope factory.) */
    private long night(Path output, LocalDate night, Path screening) throws Exception {
        return night(output, night, CRITERIA, screening);
    }

    /** @return the run's job instance id */
    private long night(Path output, LocalDate night, Path criteria, Path screening) throws Exception {
        JobExecution execution = jobOperatorTestUtils.startJob(TestRuns.parameters(request(output, night, criteria,
                screening)));
        assertThat(execution.getStatus()).as("%s", execution.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        return execution.getJobInstance().getInstanceId();
    }

    private static Path log(Path output, LocalDate night) {
        return output.resolve(night.toString()).resolve(ScreeningPublication.FILE);
    }

    /** The log's rows by "patient_id nct_id". */
    private static Map<String, CSVRecord> rows(Path log) {
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        for (CSVRecord row : records(log)) {
            rows.put(row.get("patient_id") + " " + row.get("nct_id"), row);
        }
        return rows;
    }

    private static JsonNode screening(Path output, LocalDate night) {
        return PublishedOutputs.json(output.resolve(night.toString()).resolve("summary.json")).get("screening");
    }

    @Test
    void shouldTakeTheSampleLogOnTheFirstNightAndMarkEveryOtherPairNew() throws Exception {
        // given
        Path output = temp.resolve("reports");

        // when
        long runId = night(output, NIGHT_1, SAMPLE_LOG);

        // then
        Map<String, CSVRecord> rows = rows(log(output, NIGHT_1));
        List<CSVRecord> matches = records(output.resolve(NIGHT_1.toString()).resolve("trial_matches.csv"));
        assertThat(rows).as("one row per pair matched or nearly matched").hasSize(matches.size());
        assertThat(rows.get("TP-26-0002 NCT99000001").get("status")).isEqualTo("PENDING");
        assertThat(rows.get("TP-26-0002 NCT99000001").get("screened_by")).isEqualTo("JD (CRA)");
        assertThat(rows.get("TP-26-0005 NCT99000008").get("revisit_date")).isEqualTo("2026-12-15");
        assertThat(rows.get("TP-26-0004 NCT99000011").get("status")).isEqualTo("ENROLLED");
        CSVRecord fresh = rows.get("TP-26-0006 NCT99000001");
        assertThat(List.of(fresh.get("status"), fresh.get("status_date"), fresh.get("first_seen"),
                fresh.get("still_matching"), fresh.get("result")))
                .containsExactly("NEW", "2026-11-27", "2026-11-27", "true", "MATCH");
        assertThat(fresh.get("brief_title")).startsWith("[SAMPLE] Salvage surgery");

        JsonNode summary = screening(output, NIGHT_1);
        assertThat(summary.get("file_given").asBoolean()).isTrue();
        assertThat(summary.get("file_rows").asInt()).isEqualTo(8);
        assertThat(summary.get("pairs").asInt()).isEqualTo(matches.size());
        assertThat(summary.get("by_status").get("NEW").asInt()).isEqualTo(matches.size() - 7);
        for (String status : List.of("PENDING", "CONTACTED", "ELIGIBLE", "DEFERRED", "NOT_ELIGIBLE", "DECLINED",
                "ENROLLED")) {
            assertThat(summary.get("by_status").get(status).asInt()).as(status).isEqualTo(1);
        }
        assertThat(summary.get("older_than_history").asInt()).isZero();
        assertThat(summary.get("worklist").get("REVISIT_DUE").asInt()).isZero();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trialpath_screening_pair WHERE run_id = ?", Long.class,
                runId)).isEqualTo(matches.size());
        assertThat(jdbc.queryForObject("SELECT note FROM trialpath_screening_decision WHERE run_id = ? AND patient_id ="
                + " 'TP-26-0002' AND nct_id = 'NCT99000006'", String.class, runId))
                .isEqualTo("called the oncologist, waiting for an answer");
        // the sample log's rows: no NEW before them, the coordinator's row is the pair's first decision
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trialpath_screening_decision WHERE run_id = ?"
                + " AND patient_id = 'TP-26-0001' AND nct_id = 'NCT99000011'", Long.class, runId)).isEqualTo(1L);
    }

    @Test
    void shouldCarryTheStatusesToTheNextNightsWithoutTheFile() throws Exception {
        // given
        Path output = temp.resolve("reports");
        long firstRun = night(output, NIGHT_1, SAMPLE_LOG);

        // when: two more nights, no screening= (trialpath.history.runs=2: the first night is forgotten)
        night(output, NIGHT_2, null);
        night(output, NIGHT_2.plusDays(1), null);

        // then (the results may change: an age limit is judged at the run date)
        Map<String, CSVRecord> first = rows(log(output, NIGHT_1));
        Map<String, CSVRecord> third = rows(log(output, NIGHT_2.plusDays(1)));
        assertThat(third.keySet()).containsExactlyInAnyOrderElementsOf(first.keySet());
        for (String pair : first.keySet()) {
            for (String column : List.of("status", "status_date", "reason", "revisit_date", "screened_by", "note",
                    "first_seen", "still_matching")) {
                assertThat(third.get(pair).get(column)).as(pair + " " + column).isEqualTo(first.get(pair).get(column));
            }
        }
        for (String table : List.of("trialpath_screening_pair", "trialpath_screening_decision")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?", Long.class, firstRun))
                    .as("forgotten with its run: " + table).isZero();
        }
        assertThat(screening(output, NIGHT_2.plusDays(1)).get("file_given").asBoolean()).isFalse();
        assertThat(screening(output, NIGHT_2.plusDays(1)).get("new_tonight").asInt()).isZero();
    }

    @Test
    void shouldReopenAClosedDecisionWhenTheTrialsCriteriaChangeAndLeaveTheOthersClosed() throws Exception {
        // given: night 1 with the sample log, then curated criteria for NCT99000011, which had none
        Path output = temp.resolve("reports");
        night(output, NIGHT_1, SAMPLE_LOG);
        Path criteria = temp.resolve("criteria.json");
        Files.writeString(criteria, PublishedOutputs.read(CRITERIA).replaceFirst("\\{",
                "{\n  \"NCT99000011\": { \"ecogMax\": 4 },"));

        // when
        night(output, NIGHT_2, criteria, null);

        // then: TP-26-0001's NOT_ELIGIBLE (2026-11-23) for NCT99000011 is back, its status kept
        Map<String, CSVRecord> rows = rows(log(output, NIGHT_2));
        CSVRecord reopened = rows.get("TP-26-0001 NCT99000011");
        assertThat(reopened.get("status")).isEqualTo("NOT_ELIGIBLE");
        assertThat(reopened.get("status_date")).isEqualTo("2026-11-23");
        assertThat(reopened.get("reopened_because")).contains("trial criteria changed");
        // ENROLLED is never reopened; the DECLINED of an unchanged trial stays closed
        assertThat(rows.get("TP-26-0004 NCT99000011").get("reopened_because")).isEmpty();
        assertThat(rows.get("TP-26-0001 NCT99000001").get("reopened_because")).isEmpty();
        assertThat(screening(output, NIGHT_2).get("worklist").get("REOPENED").asInt()).isEqualTo(1);
        assertThat(screening(output, NIGHT_2).get("reopened").asInt()).isEqualTo(1);
        List<String> order = List.copyOf(rows.keySet());
        assertThat(order.indexOf("TP-26-0001 NCT99000011")).as("on the worklist, before the closed pairs")
                .isLessThan(order.indexOf("TP-26-0001 NCT99000001"));

        // and a third night with the criteria as they are now: still reopened (no decision since)
        night(output, NIGHT_2.plusDays(1), criteria, null);
        assertThat(rows(log(output, NIGHT_2.plusDays(1))).get("TP-26-0001 NCT99000011").get("reopened_because"))
                .isEqualTo(reopened.get("reopened_because"));
    }

    @Test
    void shouldBringADeferredPairBackOnItsRevisitDate() throws Exception {
        // given
        Path output = temp.resolve("reports");
        night(output, NIGHT_1, SAMPLE_LOG);
        LocalDate revisit = LocalDate.of(2026, 12, 15);

        // when: the night before the revisit date, then the night of it
        night(output, revisit.minusDays(1), null);
        night(output, revisit, null);

        // then
        assertThat(screening(output, revisit.minusDays(1)).get("worklist").get("REVISIT_DUE").asInt()).isZero();
        assertThat(screening(output, revisit).get("worklist").get("REVISIT_DUE").asInt()).isEqualTo(1);
        List<String> before = List.copyOf(rows(log(output, revisit.minusDays(1))).keySet());
        List<String> due = List.copyOf(rows(log(output, revisit)).keySet());
        int onWorklist = screening(output, revisit).get("on_worklist").asInt();
        assertThat(due.indexOf("TP-26-0005 NCT99000008")).isLessThan(onWorklist);
        assertThat(before.indexOf("TP-26-0005 NCT99000008"))
                .isGreaterThanOrEqualTo(screening(output, revisit.minusDays(1)).get("on_worklist").asInt());
    }

    @Test
    void shouldCountARowOlderThanTheHistoryAndKeepTheHistorysStatus() throws Exception {
        // given: night 1 made TP-26-0002 / NCT99000001 PENDING on 2026-11-26; an old copy says NEW on 2026-11-20
        Path output = temp.resolve("reports");
        night(output, NIGHT_1, SAMPLE_LOG);
        Path old = temp.resolve("old-copy.csv");
        Files.writeString(old, PublishedOutputs.read(SAMPLE_LOG).replace(
                "MATCH,PENDING,2026-11-26,,,JD (CRA),chart review booked with the surgical team",
                "MATCH,NEW,2026-11-20,,,,"));

        // when
        night(output, NIGHT_2, old);

        // then
        assertThat(screening(output, NIGHT_2).get("older_than_history").asInt()).isEqualTo(1);
        CSVRecord row = rows(log(output, NIGHT_2)).get("TP-26-0002 NCT99000001");
        assertThat(List.of(row.get("status"), row.get("status_date"), row.get("note")))
                .containsExactly("PENDING", "2026-11-26", "chart review booked with the surgical team");
    }

    @Test
    void shouldChangeNothingWhenThePublishedLogIsGivenBackTheNextNight() throws Exception {
        // given: the same two nights in two output folders, the second given back the first night's log or not
        Path given = temp.resolve("given");
        Path notGiven = temp.resolve("not-given");
        night(given, NIGHT_1, SAMPLE_LOG);
        night(notGiven, NIGHT_1, SAMPLE_LOG);

        // when
        night(given, NIGHT_2, log(given, NIGHT_1));
        night(notGiven, NIGHT_2, null);

        // then: the same bytes, and no row of the file changed a decision
        assertThat(Files.readAllBytes(log(given, NIGHT_2))).isEqualTo(Files.readAllBytes(log(notGiven, NIGHT_2)));
        assertThat(screening(given, NIGHT_2).get("older_than_history").asInt()).isZero();
        assertThat(jdbc.queryForObject("SELECT MAX(seq) FROM trialpath_screening_decision d JOIN trialpath_run r"
                + " ON r.run_id = d.run_id WHERE r.output_path = ? AND r.run_date = ?", Integer.class,
                given.toAbsolutePath().normalize().toString(), java.sql.Date.valueOf(NIGHT_2)))
                .as("a round trip adds no history").isEqualTo(1);
    }

    @Test
    void shouldWriteTheSameLogAfterARestartAndOnARerunGivenItsOwnLog() throws Exception {
        // given: an uninterrupted run, and one whose fourth chunk failed after it was written
        Path whole = temp.resolve("whole");
        night(whole, NIGHT_1, SAMPLE_LOG);
        Path output = temp.resolve("reports");
        var parameters = TestRuns.parameters(request(output, NIGHT_1, CRITERIA, SAMPLE_LOG));
        chunkFailure.arm(4, RestartIntegrationTests.ChunkFailure.When.AFTER_WRITE);
        JobExecution failed = jobOperatorTestUtils.startJob(parameters);
        chunkFailure.disarm();

        // when
        JobExecution restarted = jobOperatorTestUtils.startJob(parameters);

        // then
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        byte[] expected = Files.readAllBytes(log(whole, NIGHT_1));
        assertThat(Files.readAllBytes(log(output, NIGHT_1))).isEqualTo(expected);

        // and a rerun of the night given its own published log: a new run (the file is another input), same bytes
        Path own = temp.resolve("own-log.csv");
        Files.copy(log(output, NIGHT_1), own);
        TestRuns.Launch rerun = TestRuns.launch(runLauncher, request(output, NIGHT_1, CRITERIA, own));
        assertThat(rerun.exitStatus()).as(rerun.err()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(rerun.out()).doesNotContain("already published");
        assertThat(Files.readAllBytes(log(output, NIGHT_1))).isEqualTo(expected);
        // the same file again: now it is the same run
        TestRuns.Launch again = TestRuns.launch(runLauncher, request(output, NIGHT_1, CRITERIA, own));
        assertThat(again.out()).contains("already published");
    }

    @Test
    void shouldFailABadLogBeforeAnyPersonIsReadNamingTheFileLineColumnAndValue() throws Exception {
        // given: line 4 has a status nobody knows
        Path bad = temp.resolve("bad-log.csv");
        Files.writeString(bad, PublishedOutputs.read(SAMPLE_LOG).replace("MATCH,CONTACTED,", "MATCH,CALLED,"));
        Path output = temp.resolve("reports");

        // when
        TestRuns.Launch launch = TestRuns.launch(runLauncher, request(output, NIGHT_1, CRITERIA, bad));

        // then
        assertThat(launch.exitStatus()).isEqualTo(RunLauncher.FAILED);
        assertThat(launch.err()).contains(bad.toAbsolutePath().normalize().toString() + " line 4")
                .contains("'status'").contains("CALLED").contains("nothing published")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(output.resolve(NIGHT_1.toString())).doesNotExist();
        JobExecution execution = jobOperatorTestUtils.getJobRepository().getLastJobExecution(JobNames.JOB,
                TestRuns.parameters(request(output, NIGHT_1, CRITERIA, bad)));
        assertThat(execution.getStepExecutions()).extracting(step -> step.getStepName())
                .as("no person read").containsExactly(JobNames.INSPECT_STEP);
    }

    @Test
    void shouldRefuseALogThatIsNotThereAsAWrongCall() throws Exception {
        // when
        TestRuns.Launch launch = TestRuns.launch(runLauncher, request(temp.resolve("reports"), NIGHT_1, CRITERIA,
                temp.resolve("no-such-log.csv")));

        // then
        assertThat(launch.exitStatus()).isEqualTo(RunLauncher.USAGE);
        assertThat(launch.err()).contains("no-such-log.csv").contains("not a readable file");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FailingChunkConfiguration {

        @Bean
        RestartIntegrationTests.ChunkFailure chunkFailure() {
            return new RestartIntegrationTests.ChunkFailure();
        }
    }
}
