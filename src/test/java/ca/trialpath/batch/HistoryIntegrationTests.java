package ca.trialpath.batch;

import static ca.trialpath.batch.PublishedOutputs.assertSameContent;
import static ca.trialpath.batch.PublishedOutputs.read;
import static ca.trialpath.batch.PublishedOutputs.resource;
import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.batch.publish.HistoryRecorder;
import ca.trialpath.batch.run.JobNames;
import ca.trialpath.cli.RunLauncher;
import ca.trialpath.cli.RunRequest;
import ca.trialpath.history.RunTotals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The run history through the real job: the first run has nothing to compare with, the next one publishes
 * what changed (changes.csv, summary.json, the report's first section), only the configured number of runs
 * is kept, and a publication that stops and is restarted stores its history exactly once (from the partitions'
 * history feeds, never from the published files).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:history-tests;DB_CLOSE_DELAY=-1",
        "trialpath.history.runs=3",
        "logging.level.ca.trialpath=WARN" })
@SpringBatchTest
@ExtendWith(OutputCaptureExtension.class)
class HistoryIntegrationTests {

    private static final Path DAY_1 = resource("history/day-1");
    private static final Path DAY_2 = resource("history/day-2");
    private static final LocalDate NIGHT_1 = LocalDate.of(2026, 11, 21);
    private static final LocalDate NIGHT_2 = LocalDate.of(2026, 11, 22);

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;

    @Autowired
    private JobRepository jobRepository;

    @Autowired
    private RunLauncher runLauncher;

    @Autowired
    private HistoryRecorder historyRecorder;

    @Autowired
    private JdbcTemplate jdbc;

    @TempDir
    private Path temp;

    @Test
    void shouldSayOnTheFirstRunThatThereIsNothingToCompareWith() throws Exception {
        // given
        Path output = temp.resolve("reports");

        // when
        JobExecution execution = Nights.start(jobOperatorTestUtils, DAY_1, output, NIGHT_1);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path published = output.resolve(NIGHT_1.toString());
        assertThat(read(published.resolve("changes.csv"))).isEqualTo("patient_id,change,before,after\n");
        JsonNode summary = PublishedOutputs.json(published.resolve("summary.json"));
        assertThat(summary.get("previous_run").isNull()).isTrue();
        assertThat(summary.get("changes").properties()).hasSize(7).allSatisfy(c -> assertThat(c.getValue().asLong()).isZero());
        String changes = section(read(published.resolve("report.html")), "changes");
        assertThat(changes).contains("<p class=\"first-run\">", "there is no earlier run to compare with")
                .doesNotContain("data-change=");
        assertThat(storedPeople(execution)).isEqualTo(6);
    }

    @Test
    void shouldPublishWhatChangedSinceThePreviousRun() throws Exception {
        // given
        Path output = temp.resolve("reports");
        JobExecution first = Nights.start(jobOperatorTestUtils, DAY_1, output, NIGHT_1);
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // when
        JobExecution second = Nights.start(jobOperatorTestUtils, DAY_2, output, NIGHT_2);

        // then
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path published = output.resolve(NIGHT_2.toString());
        assertSameContent(published.resolve("changes.csv"), resource("history/expected-changes.csv"));

        JsonNode summary = PublishedOutputs.json(published.resolve("summary.json"));
        assertThat(summary.get("previous_run").get("run_date").asString()).isEqualTo(NIGHT_1.toString());
        assertThat(summary.get("previous_run").get("job_instance_id").asLong())
                .isEqualTo(first.getJobInstance().getInstanceId());
        assertThat(summary.get("changes").toString()).isEqualTo("{\"NEW_PERSON\":1,\"NO_LONGER_PRESENT\":1,"
                + "\"PATHWAY_CHANGED\":1,\"PRIORITY_CHANGED\":2,\"OPTIONS_CHANGED\":3,\"TRIAL_MATCHED\":0,"
                + "\"TRIAL_NO_LONGER_MATCHED\":0}");

        String html = read(published.resolve("report.html"));
        assertThat(html.indexOf("<section id=\"changes\"")).as("what changed is the first section")
                .isPositive().isLessThan(html.indexOf("<section id=\"at-a-glance\""));
        assertThat(changeRows(section(html, "changes"))).containsExactly(
                "NEW_PERSON -NEW1", "PATHWAY_CHANGED H-PATHWAY", "PRIORITY_CHANGED H-PATHWAY",
                "OPTIONS_CHANGED H-PATHWAY", "OPTIONS_CHANGED H-NO-PRIOR-TX", "PRIORITY_CHANGED H-DECLINES",
                "OPTIONS_CHANGED H-DECLINES", "NO_LONGER_PRESENT H-GONE");
        assertThat(section(html, "changes")).contains("Compared with the run of 2026-11-21")
                .doesNotContain("first-run");

        assertThat(historyRecorder.lastRuns(output.toAbsolutePath().normalize().toString()))
                .as("the totals of the last runs, for the trend chart").containsExactly(
                        new RunTotals(first.getJobInstance().getInstanceId(), NIGHT_1, 6, 6, 0, 1, 5),
                        new RunTotals(second.getJobInstance().getInstanceId(), NIGHT_2, 6, 6, 0, 2, 3));
    }

    @Test
    void shouldKeepTheConfiguredNumberOfRunsPerOutputFolder() throws Exception {
        // given: trialpath.history.runs=3, and 5 nights
        Path output = temp.resolve("reports");
        List<Long> instances = new ArrayList<>();
        for (int night = 0; night < 5; night++) {
            JobExecution execution = Nights.start(jobOperatorTestUtils, night % 2 == 0 ? DAY_1 : DAY_2, output,
                    NIGHT_1.plusDays(night));
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            instances.add(execution.getJobInstance().getInstanceId());
        }

        // when
        List<Long> kept = jdbc.queryForList("SELECT run_id FROM trialpath_run WHERE output_path = ? ORDER BY run_date",
                Long.class, output.toAbsolutePath().normalize().toString());

        // then
        assertThat(kept).containsExactlyElementsOf(instances.subList(2, 5));
        for (long forgotten : instances.subList(0, 2)) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trialpath_run_block WHERE run_id = ?", Long.class,
                    forgotten)).isZero();
        }
        assertThat(read(output.resolve(NIGHT_1.plusDays(4).toString()).resolve("changes.csv")))
                .as("the fifth night (day 1) compared with the fourth (day 2)").contains("H-GONE,NEW_PERSON");
    }

    @Test
    void shouldStoreTheHistoryOnceWhenThePublicationFailedAndWasRestarted() throws Exception {
        // given: the earlier folder of the date must be moved aside, but the place for it is blocked
        Path output = temp.resolve("reports");
        assertThat(Nights.start(jobOperatorTestUtils, DAY_1, output, NIGHT_1).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Files.createDirectories(output.resolve(NIGHT_2.toString()));
        Path blocker = output.resolve(NIGHT_2 + ".replaced");
        Files.writeString(blocker, "not a folder");
        JobExecution failed = Nights.start(jobOperatorTestUtils, DAY_2, output, NIGHT_2);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(state(failed)).as("a failed publication is staged, not published").isEqualTo("STAGED");
        assertThat(historyRecorder.lastRuns(output.toAbsolutePath().normalize().toString())).hasSize(1);

        // when
        Files.delete(blocker);
        JobExecution restarted = Nights.start(jobOperatorTestUtils, DAY_2, output, NIGHT_2);

        // then
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(storedRuns(restarted)).isEqualTo(1);
        assertThat(state(restarted)).isEqualTo("PUBLISHED");
        assertThat(storedPeople(restarted)).isEqualTo(6);
        assertSameContent(output.resolve(NIGHT_2.toString()).resolve("changes.csv"),
                resource("history/expected-changes.csv"));
    }

    @Test
    void shouldStoreTheHistoryOfARunThatStoppedAfterItsFolderWasMovedIntoPlace() throws Exception {
        // given: the folder is in place, but the process died before the publish step committed: the run's
        // people are staged (before the move), its "published" mark was rolled back, its staging folder is gone,
        // and the repository says "started" (as kill -9 leaves it)
        Path output = temp.resolve("reports");
        assertThat(Nights.start(jobOperatorTestUtils, DAY_1, output, NIGHT_1).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunRequest request = TestRuns.request(DAY_2, output, NIGHT_2, 0.10);
        JobExecution died = jobOperatorTestUtils.startJob(TestRuns.parameters(request));
        assertThat(died.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long instance = died.getJobInstance().getInstanceId();
        jdbc.update("UPDATE trialpath_run SET state = 'STAGED' WHERE run_id = ?", instance);
        markPublishStarted(died.getId());
        Path published = output.resolve(NIGHT_2.toString());
        String changesBefore = read(published.resolve("changes.csv"));

        // when
        TestRuns.Launch launch = TestRuns.launch(runLauncher, request);

        // then
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        JobExecution restarted = jobRepository.getLastJobExecution(JobNames.JOB, TestRuns.parameters(request));
        assertThat(restarted.getId()).isNotEqualTo(died.getId());
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(instance);
        assertThat(storedRuns(restarted)).isEqualTo(1);
        assertThat(state(restarted)).isEqualTo("PUBLISHED");
        assertThat(storedPeople(restarted)).isEqualTo(6);
        assertThat(read(published.resolve("changes.csv"))).isEqualTo(changesBefore);
        assertThat(historyRecorder.lastRuns(output.toAbsolutePath().normalize().toString()))
                .extracting(RunTotals::runId).endsWith(instance).hasSize(2);
    }

    @Test
    void shouldPublishARunThatStoppedAfterItsMoveWithoutItsHistoryWhenItsPeopleAndStagingAreGone(CapturedOutput log)
            throws Exception {
        // given: as above, but the run's people were removed from the history too (by another run of the folder),
        // and the partitions' history feeds went with the staging folder
        Path output = temp.resolve("reports");
        assertThat(Nights.start(jobOperatorTestUtils, DAY_1, output, NIGHT_1).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunRequest request = TestRuns.request(DAY_2, output, NIGHT_2, 0.10);
        JobExecution died = jobOperatorTestUtils.startJob(TestRuns.parameters(request));
        assertThat(died.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long instance = died.getJobInstance().getInstanceId();
        jdbc.update("UPDATE trialpath_run SET state = 'STAGED' WHERE run_id = ?", instance);
        jdbc.update("DELETE FROM trialpath_run_block WHERE run_id = ?", instance);
        markPublishStarted(died.getId());

        // when
        TestRuns.Launch launch = TestRuns.launch(runLauncher, request);

        // then: published as it was; the history goes without the run (the next night compares with night 1)
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(log.getAll()).contains("the run history lost the people of this run");
        assertThat(state(died)).isEqualTo("STAGED");
        assertThat(historyRecorder.lastRuns(output.toAbsolutePath().normalize().toString())).hasSize(1);
    }

    // ---- helpers ----

    /** Starts a night. (Not a method of the test class: SpringBatchTest takes any of its methods returning a
     * JobExecution for a job-scope factory.) */
    private static final class Nights {

        static JobExecution start(JobOperatorTestUtils jobs, Path input, Path output, LocalDate night) throws Exception {
            return jobs.startJob(TestRuns.parameters(input, output, night, 0.10));
        }
    }

    private long storedPeople(JobExecution execution) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(people), 0) FROM trialpath_run_block WHERE run_id = ?",
                Long.class, execution.getJobInstance().getInstanceId());
    }

    private long storedRuns(JobExecution execution) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM trialpath_run WHERE run_id = ?", Long.class,
                execution.getJobInstance().getInstanceId());
    }

    private String state(JobExecution execution) {
        return jdbc.queryForObject("SELECT state FROM trialpath_run WHERE run_id = ?", String.class,
                execution.getJobInstance().getInstanceId());
    }

    /** The repository as a process killed in the publish step leaves it: run and step "started". */
    private void markPublishStarted(long executionId) {
        JobExecution execution = jobRepository.getJobExecution(executionId);
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStepName().equals(JobNames.PUBLISH_STEP)) {
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

    /** The change rows of the page as "CHANGE patient", in page order. */
    private static List<String> changeRows(String section) {
        Matcher row = Pattern.compile("<tr data-change=\"([A-Z_]+)\" data-patient=\"([^\"]+)\">").matcher(section);
        List<String> rows = new ArrayList<>();
        while (row.find()) {
            rows.add(row.group(1) + " " + row.group(2));
        }
        return rows;
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        assertThat(start).as("section %s", id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }
}
