package ca.trialpath.batch;

import static ca.trialpath.batch.PublishedOutputs.assertSameContent;
import static ca.trialpath.batch.PublishedOutputs.assertSameSummary;
import static ca.trialpath.batch.PublishedOutputs.records;
import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.batch.run.Outcome;
import ca.trialpath.bench.CohortGenerator;
import ca.trialpath.cli.RunLauncher;
import ca.trialpath.cli.RunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A night that stops half way, by an exception in a chunk, a killed process or a failed publication, is
 * finished by a restart with the same parameters, and publishes exactly what an uninterrupted run of the
 * same input publishes: no row written twice, none lost.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:restart-tests;DB_CLOSE_DELAY=-1",
        "trialpath.chunk-size=100",
        "logging.level.ca.trialpath=OFF",
        "logging.level.org.springframework.batch=OFF" })
@SpringBatchTest
class RestartIntegrationTests {

    private static final int PEOPLE = 3000;
    private static final int CHUNK = 100;
    private static final int PER_FILE = PEOPLE / 2;
    private static final String DATE = "2026-11-27";

    @TempDir
    private static Path cohort;

    @TempDir
    private Path temp;

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;

    @Autowired
    private JobRepository jobRepository;

    @Autowired
    private RunLauncher runLauncher;

    @Autowired
    private ChunkFailure chunkFailure;

    @BeforeAll
    static void generateCohort() throws Exception {
        // 2 files of 1500 rows, about 2% of them bad (every reject reason the generator knows)
        CohortGenerator.Result result = CohortGenerator.write(cohort, PEOPLE, 2, 20261127L, 0.02);
        assertThat(result.badRows()).isBetween(20L, 200L);
    }

    @AfterEach
    void disarm() {
        chunkFailure.disarm();
    }

    @ParameterizedTest(name = "fails in {1} of chunk {0}")
    @CsvSource({
            "7, BEFORE_WRITE",
            "7, AFTER_WRITE",
            "15, AFTER_WRITE",
            "16, BEFORE_WRITE",
            "22, AFTER_WRITE" })
    void shouldFinishAFailedChunkOnRestartAsIfNothingHadHappened(int failingChunk, ChunkFailure.When when)
            throws Exception {
        // given
        Path reference = uninterruptedRun();
        Path output = temp.resolve("reports");
        JobParameters parameters = TestRuns.parameters(cohort, output, TestRuns.SAMPLE_RUN_DATE, 0.10);
        chunkFailure.arm(failingChunk, when);

        // when
        JobExecution failed = jobOperatorTestUtils.startJob(parameters);

        // then
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(TestRuns.step(failed, "assessCohort").getStatus()).isEqualTo(BatchStatus.FAILED);
        // the failing partition stops at its failing chunk; the other partition (one per file here) still runs
        long chunksLeftInItsPartition = PER_FILE / CHUNK - (failingChunk - 1L) % (PER_FILE / CHUNK);
        long committed = TestRuns.step(failed, "assessCohort").getCommitCount();
        assertThat(committed).isEqualTo(PEOPLE / CHUNK - chunksLeftInItsPartition);
        assertThat(output.resolve(DATE)).as("nothing is published by a failed run").doesNotExist();

        // when
        chunkFailure.disarm();
        JobExecution restarted = jobOperatorTestUtils.startJob(parameters);

        // then
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(TestRuns.step(restarted, "assessCohort").getReadCount())
                .as("the restart resumes after the last committed chunk, and reads only what was not committed")
                .isEqualTo(PEOPLE - committed * CHUNK);
        assertSamePublication(output.resolve(DATE), reference);
        assertEveryRowOnce(output.resolve(DATE));
    }

    @Test
    void shouldRecoverAndRestartARunWhoseProcessDiedBeforeItsFirstChunk() throws Exception {
        // given: the repository says "started", as a process killed during inspectInputs leaves it
        Path output = temp.resolve("reports");
        RunRequest request = TestRuns.request(cohort, output, TestRuns.SAMPLE_RUN_DATE, 0.10);
        JobParameters parameters = TestRuns.parameters(request);
        JobInstance instance = jobRepository.createJobInstance("nightlyAssessment", parameters);
        JobExecution dead = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        dead.setStartTime(LocalDateTime.now());
        dead.setStatus(BatchStatus.STARTED);
        jobRepository.update(dead);
        StepExecution deadStep = jobRepository.createStepExecution("inspectInputs", dead);
        deadStep.setStartTime(LocalDateTime.now());
        deadStep.setStatus(BatchStatus.STARTED);
        jobRepository.update(deadStep);
        assertThat(jobRepository.getLastJobExecution("nightlyAssessment", parameters).isRunning()).isTrue();

        // when
        TestRuns.Launch launch = TestRuns.launch(runLauncher, request);

        // then
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(jobRepository.getJobExecution(dead.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        JobExecution last = jobRepository.getLastJobExecution("nightlyAssessment", parameters);
        assertThat(last.getId()).isNotEqualTo(dead.getId());
        assertThat(last.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jobRepository.getJobExecutions(instance)).hasSize(2);
        assertSamePublication(output.resolve(DATE), uninterruptedRun());
    }

    @Test
    void shouldRecoverAndFinishARunKilledInTheMiddleOfAChunk() throws Exception {
        // given: chunk 9 was written to the staged files but never committed, and the repository still
        // says "started" for the run and its assessCohort step, as after kill -9
        Path output = temp.resolve("reports");
        RunRequest request = TestRuns.request(cohort, output, TestRuns.SAMPLE_RUN_DATE, 0.10);
        JobParameters parameters = TestRuns.parameters(request);
        chunkFailure.arm(9, ChunkFailure.When.AFTER_WRITE);
        JobExecution killed = jobOperatorTestUtils.startJob(parameters);
        chunkFailure.disarm();
        assertThat(killed.getStatus()).isEqualTo(BatchStatus.FAILED);
        markStarted(killed.getId());
        assertThat(jobRepository.getLastJobExecution("nightlyAssessment", parameters).isRunning()).isTrue();

        // when
        TestRuns.Launch launch = TestRuns.launch(runLauncher, request);

        // then
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        JobExecution last = jobRepository.getLastJobExecution("nightlyAssessment", parameters);
        assertThat(last.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // the exception that stands for the kill stopped only its own partition: the second file's was done
        assertThat(TestRuns.step(last, "assessCohort").getReadCount()).isEqualTo(PER_FILE - 8L * CHUNK);
        assertSamePublication(output.resolve(DATE), uninterruptedRun());
        assertEveryRowOnce(output.resolve(DATE));
    }

    @Test
    void shouldPublishOnRestartAfterThePublicationFailed() throws Exception {
        // given: an earlier folder for the date must be moved aside, but the place for it is blocked
        Path output = temp.resolve("reports");
        Path earlier = Files.createDirectories(output.resolve(DATE));
        Files.writeString(earlier.resolve("summary.json"), "{\"from\":\"an earlier export\"}");
        Path blocker = output.resolve(DATE + ".replaced");
        Files.writeString(blocker, "not a folder");
        JobParameters parameters = TestRuns.parameters(cohort, output, TestRuns.SAMPLE_RUN_DATE, 0.10);

        // when
        JobExecution failed = jobOperatorTestUtils.startJob(parameters);

        // then
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(TestRuns.step(failed, "assessCohort").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestRuns.step(failed, "publishReports").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(PublishedOutputs.tree(earlier)).containsExactly("summary.json");
        assertThat(earlier.resolve("summary.json")).hasContent("{\"from\":\"an earlier export\"}");

        // when
        Files.delete(blocker);
        JobExecution restarted = jobOperatorTestUtils.startJob(parameters);

        // then
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions()).extracting(StepExecution::getStepName)
                .as("only the failed step runs again").containsExactly("publishReports");
        Path reference = uninterruptedRun();
        for (String file : PublishedOutputs.EXACT_FILES) {
            assertSameContent(output.resolve(DATE).resolve(file), reference.resolve(file));
        }
        PublishedOutputs.assertSameSummaryButReplaces(output.resolve(DATE).resolve("summary.json"),
                reference.resolve("summary.json"));
        List<String> replaced = PublishedOutputs.tree(output.resolve(DATE + ".replaced"));
        assertThat(replaced).hasSize(2).anySatisfy(name -> assertThat(name).endsWith("/summary.json"));
        assertThat(output.resolve(DATE + ".replaced").resolve(replaced.get(0)).resolve("summary.json"))
                .hasContent("{\"from\":\"an earlier export\"}");
        var replaces = PublishedOutputs.json(output.resolve(DATE).resolve("summary.json")).get("replaces");
        assertThat(replaces.get("kept_as").asString()).isEqualTo(DATE + ".replaced/" + replaced.get(0));
        assertThat(replaces.get("job_execution_id").isNull()).as("a folder without a run's summary").isTrue();
        assertThat(output.resolve(".trialpath/staging")).as("no staging is left once the date is published")
                .doesNotExist();
    }

    @Test
    void shouldSayWhichRunItReplacedWhenItStoppedBetweenTheTwoMoves() throws Exception {
        // given: an earlier run's folder for the date, and a new run whose publication failed just before it
        // moved that folder aside (the place for it is blocked)
        Path output = temp.resolve("reports");
        Path earlier = Files.createDirectories(output.resolve(DATE));
        Files.writeString(earlier.resolve("summary.json"), "{\"job_execution_id\": 7, \"job_instance_id\": 3,"
                + " \"input_fingerprint\": \"earlier-export\", \"end_time\": \"2026-11-27T07:02:03Z\"}");
        Path blocker = output.resolve(DATE + ".replaced");
        Files.writeString(blocker, "not a folder");
        JobParameters parameters = TestRuns.parameters(cohort, output, TestRuns.SAMPLE_RUN_DATE, 0.10);
        assertThat(jobOperatorTestUtils.startJob(parameters).getStatus()).isEqualTo(BatchStatus.FAILED);
        // and then, as if the process had died between its two moves: the earlier folder is already where
        // that run meant to keep it, and the date has no folder
        Path remembered;
        try (var stagings = Files.list(output.resolve(".trialpath/staging"))) {
            remembered = stagings.findFirst().orElseThrow().resolve("internal/replaces.json");
        }
        String keptAs = PublishedOutputs.json(remembered).get("kept_as").asString();
        assertThat(keptAs).matches(DATE + "\\.replaced/\\d{8}T\\d{6}-by-execution-\\d+");
        Files.delete(blocker);
        Files.createDirectories(output.resolve(keptAs).getParent());
        Files.move(earlier, output.resolve(keptAs));

        // when
        JobExecution restarted = jobOperatorTestUtils.startJob(parameters);

        // then: published, and the summary still names the run it replaced and where that folder is
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        var replaces = PublishedOutputs.json(output.resolve(DATE).resolve("summary.json")).get("replaces");
        assertThat(replaces.get("kept_as").asString()).isEqualTo(keptAs);
        assertThat(replaces.get("job_execution_id").asLong()).isEqualTo(7);
        assertThat(replaces.get("job_instance_id").asLong()).isEqualTo(3);
        assertThat(replaces.get("input_fingerprint").asString()).isEqualTo("earlier-export");
        assertThat(replaces.get("end_time").asString()).isEqualTo("2026-11-27T07:02:03Z");
        assertThat(output.resolve(keptAs).resolve("summary.json")).content().contains("earlier-export");
    }

    @Test
    void shouldNameWhereADuplicateWasFirstSeenAfterARestart() throws Exception {
        // given: chunk 9 (rows 801-900 of cohort-01.csv) fails; P0000453 (line 454) is committed, its
        // duplicate on line 808 is read again by the restart
        Path reference = uninterruptedRun();
        Path output = temp.resolve("reports");
        JobParameters parameters = TestRuns.parameters(cohort, output, TestRuns.SAMPLE_RUN_DATE, 0.10);
        chunkFailure.arm(9, ChunkFailure.When.BEFORE_WRITE);
        assertThat(jobOperatorTestUtils.startJob(parameters).getStatus()).isEqualTo(BatchStatus.FAILED);
        chunkFailure.disarm();

        // when
        JobExecution restarted = jobOperatorTestUtils.startJob(parameters);

        // then
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertSameContent(output.resolve(DATE).resolve("rejects.csv"), reference.resolve("rejects.csv"));
    }

    @Test
    void shouldStartOverWhenTheStagedFilesOfAFailedRunWereLost() throws Exception {
        // given: a run failed at chunk 7, then its staging folder was lost (a power cut, a clean-up by hand)
        Path reference = uninterruptedRun();
        Path output = temp.resolve("reports");
        JobParameters parameters = TestRuns.parameters(cohort, output, TestRuns.SAMPLE_RUN_DATE, 0.10);
        chunkFailure.arm(7, ChunkFailure.When.AFTER_WRITE);
        assertThat(jobOperatorTestUtils.startJob(parameters).getStatus()).isEqualTo(BatchStatus.FAILED);
        chunkFailure.disarm();
        try (var paths = Files.walk(output.resolve(".trialpath/staging"))) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }

        // when
        JobExecution restarted = jobOperatorTestUtils.startJob(parameters);

        // then: every row is assessed again rather than resuming onto a hole
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestRuns.step(restarted, "assessCohort").getReadCount()).isEqualTo(PEOPLE);
        assertSamePublication(output.resolve(DATE), reference);
        assertEveryRowOnce(output.resolve(DATE));
    }

    @Test
    void shouldFailWhenTheInputFilesChangedAfterTheRunWasStarted() throws Exception {
        // given: the run's identity is taken from the files, then a new export overwrites one of them
        Path input = Files.createDirectories(temp.resolve("input"));
        Files.copy(cohort.resolve("cohort-01.csv"), input.resolve("cohort-01.csv"));
        Path output = temp.resolve("reports");
        JobParameters parameters = TestRuns.parameters(input, output, TestRuns.SAMPLE_RUN_DATE, 0.10);
        Files.writeString(input.resolve("cohort-01.csv"), "P9999999,,,,C21.1,,,,,,,,,\n",
                java.nio.file.StandardOpenOption.APPEND);

        // when
        JobExecution execution = jobOperatorTestUtils.startJob(parameters);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions()).singleElement().asString()
                .contains("changed after this run was started");
        assertThat(output.resolve(DATE)).doesNotExist();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** The same cohort run once without interruption, into its own output folder. */
    private Path uninterruptedRun() throws Exception {
        Path output = temp.resolve("reference");
        if (!Files.exists(output.resolve(DATE))) {
            JobExecution execution = jobOperatorTestUtils.startJob(
                    TestRuns.parameters(cohort, output, TestRuns.SAMPLE_RUN_DATE, 0.10));
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
        return output.resolve(DATE);
    }

    /** Byte for byte the same as the reference; summary.json apart from the fields of the execution. */
    private static void assertSamePublication(Path actual, Path reference) {
        for (String file : PublishedOutputs.EXACT_FILES) {
            assertSameContent(actual.resolve(file), reference.resolve(file));
        }
        assertSameSummary(actual.resolve("summary.json"), reference.resolve("summary.json"));
        assertThat(actual.resolve("report.html")).isNotEmptyFile();
    }

    /** Every generated row is in assessments.csv or rejects.csv, once; no patient id is assessed twice. */
    private static void assertEveryRowOnce(Path published) {
        List<CSVRecord> assessed = records(published.resolve("assessments.csv"));
        List<CSVRecord> rejected = records(published.resolve("rejects.csv"));
        Set<String> ids = new HashSet<>();
        assessed.forEach(a -> assertThat(ids.add(a.get("patient_id"))).as("%s assessed once", a.get("patient_id"))
                .isTrue());
        Set<String> rows = new HashSet<>();
        assessed.forEach(a -> assertThat(rows.add(a.get("source_file") + ":" + a.get("source_line"))).isTrue());
        rejected.forEach(r -> assertThat(rows.add(r.get("source_file") + ":" + r.get("line"))).isTrue());
        assertThat(rows).hasSize(PEOPLE);
        for (String file : List.of("cohort-01.csv", "cohort-02.csv")) {
            for (int line = 2; line <= PEOPLE / 2 + 1; line++) {
                assertThat(rows).contains(file + ":" + line);
            }
        }
    }

    /** What the repository holds for a run whose process was killed: still "started", no end time. */
    private void markStarted(long executionId) {
        JobExecution execution = jobRepository.getJobExecution(executionId);
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.FAILED) {
                step.setStatus(BatchStatus.STARTED);
                step.setExitStatus(ExitStatus.EXECUTING);
                step.setEndTime(null);
                jobRepository.update(step);
            }
        }
        execution.setStatus(BatchStatus.STARTED);
        execution.setExitStatus(ExitStatus.UNKNOWN);
        execution.setEndTime(null);
        jobRepository.update(execution);
    }

    /** Makes one chunk of the assessment step fail on purpose while armed. */
    static final class ChunkFailure implements ItemWriteListener<Outcome> {

        enum When { BEFORE_WRITE, AFTER_WRITE }

        private final AtomicInteger chunks = new AtomicInteger();
        private volatile When when;
        private volatile int failingChunk;

        void arm(int chunk, When at) {
            chunks.set(0);
            failingChunk = chunk;
            when = at;
        }

        void disarm() {
            when = null;
        }

        /** The number this thread's chunk drew in beforeWrite: with several threads the shared count moves on. */
        private final ThreadLocal<Integer> thisChunk = new ThreadLocal<>();

        @Override
        public void beforeWrite(Chunk<? extends Outcome> items) {
            if (when == null) {
                return;
            }
            int chunk = chunks.incrementAndGet();
            thisChunk.set(chunk);
            if (chunk == failingChunk && when == When.BEFORE_WRITE) {
                throw new IllegalStateException("chunk " + failingChunk + " fails before it is written, on purpose");
            }
        }

        @Override
        public void afterWrite(Chunk<? extends Outcome> items) {
            Integer chunk = thisChunk.get();
            thisChunk.remove();
            if (when == When.AFTER_WRITE && chunk != null && chunk == failingChunk) {
                throw new IllegalStateException("chunk " + failingChunk + " fails after it was written, on purpose");
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FailingChunkConfiguration {

        @Bean
        ChunkFailure chunkFailure() {
            return new ChunkFailure();
        }
    }
}
