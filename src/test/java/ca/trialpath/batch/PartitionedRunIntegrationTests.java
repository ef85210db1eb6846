package ca.trialpath.batch;

import static ca.trialpath.batch.PublishedOutputs.assertSameContent;
import static ca.trialpath.batch.PublishedOutputs.assertSameSummary;
import static ca.trialpath.batch.PublishedOutputs.records;
import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.batch.run.JobNames;
import ca.trialpath.batch.run.Outcome;
import ca.trialpath.bench.CohortGenerator;
import ca.trialpath.cli.TrialPathCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A folder of files assessed as partitions on several threads, the files cut into partitions too, publishes what
 * one thread reading the files one after the other publishes: the same rows in the same order, byte for byte,
 * with duplicate ids found across files and across the cuts. The reference is the command with one thread.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:partition-tests;DB_CLOSE_DELAY=-1",
        "trialpath.chunk-size=40",
        "trialpath.threads=3",
        "trialpath.partition-rows=" + PartitionedRunIntegrationTests.PARTITION_ROWS,
        "trialpath.max-rows-per-list=30",
        "logging.level.ca.trialpath=OFF",
        "logging.level.org.springframework.batch=OFF" })
@SpringBatchTest
@Import(PartitionedRunIntegrationTests.RowFailureConfiguration.class)
class PartitionedRunIntegrationTests {

    static final int PARTITION_ROWS = 110;
    private static final int FILES = 8;
    private static final int PER_FILE = 250;
    private static final String DATE = "2026-11-27";
    private static final Path TRIALS = Path.of("sample-data/trials");
    private static final Path CRITERIA = Path.of("sample-data/trial-criteria.json");

    @TempDir
    static Path cohort;

    @TempDir
    private Path temp;

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;

    @Autowired
    private RowFailure rowFailure;

    @BeforeAll
    static void generateCohort() throws Exception {
        CohortGenerator.Result result = CohortGenerator.write(cohort, FILES * PER_FILE, FILES, 20261127L, 0.03);
        List<Path> files = result.files();
        // duplicates across files, and within a file across the cut after row PARTITION_ROWS
        append(files.get(4), line(files.get(0), 5), line(files.get(0), 6));
        append(files.get(7), line(files.get(2), 100));
        append(files.get(1), line(files.get(1), 2));
    }

    @AfterEach
    void disarm() {
        rowFailure.disarm();
    }

    @Test
    void shouldPublishOnThreeThreadsWhatOneThreadPublishes() throws Exception {
        // given
        Path reference = oneThread();

        // when
        JobExecution execution = jobOperatorTestUtils.startJob(parameters(temp.resolve("reports")));

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitions(execution)).as("8 files of 250-251 rows cut every 110 rows").hasSize(24);
        assertSamePublication(temp.resolve("reports").resolve(DATE), reference);
    }

    @Test
    void shouldNameTheFirstRowOfADuplicateInAnotherFileOrPartition() throws Exception {
        // when
        jobOperatorTestUtils.startJob(parameters(temp.resolve("reports")));

        // then
        List<CSVRecord> duplicates = records(temp.resolve("reports").resolve(DATE).resolve("rejects.csv")).stream()
                .filter(reject -> reject.get("reason_code").equals("DUPLICATE_PATIENT_ID")).toList();
        assertThat(duplicates).extracting(reject -> reject.get("source_file") + ":" + reject.get("message"))
                .contains("cohort-05.csv:column 'patient_id': '" + id(0, 5) + "' was already assessed from cohort-01.csv line 5; the first row is kept",
                        "cohort-08.csv:column 'patient_id': '" + id(2, 100) + "' was already assessed from cohort-03.csv line 100; the first row is kept",
                        "cohort-02.csv:column 'patient_id': '" + id(1, 2) + "' was already assessed from cohort-02.csv line 2; the first row is kept");
    }

    @Test
    void shouldFinishAPartitionThatFailedWhileOthersRanAsIfNothingHadHappened() throws Exception {
        // given
        Path reference = oneThread();
        Path output = temp.resolve("reports");
        // the chunk holding line 200 of cohort-04.csv (its second partition, third chunk) fails once written
        rowFailure.arm("cohort-04.csv", 200);
        JobExecution failed = jobOperatorTestUtils.startJob(parameters(output));
        rowFailure.disarm();
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        List<StepExecution> failedPartitions = partitions(failed).stream()
                .filter(step -> step.getStatus() == BatchStatus.FAILED).toList();
        assertThat(failedPartitions).singleElement().satisfies(step -> {
            assertThat(step.getStepName()).endsWith("partition-00010");
            assertThat(step.getCommitCount()).isEqualTo(2);
        });
        assertThat(partitions(failed)).filteredOn(step -> step.getStatus() == BatchStatus.COMPLETED).hasSize(23);

        // when
        JobExecution restarted = jobOperatorTestUtils.startJob(parameters(output));

        // then: only the failed partition runs again, from its last commit
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitions(restarted)).singleElement().satisfies(step -> {
            assertThat(step.getStepName()).endsWith("partition-00010");
            assertThat(step.getReadCount()).isEqualTo(PARTITION_ROWS - 2 * 40);
        });
        assertSamePublication(output.resolve(DATE), reference);
    }

    private JobParameters parameters(Path output) throws Exception {
        return TestRuns.parameters(TestRuns.request(cohort, output, TestRuns.SAMPLE_RUN_DATE, 0.10, TRIALS, CRITERIA));
    }

    private static List<StepExecution> partitions(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith(JobNames.PARTITION_STEP + ":")).toList();
    }

    /** The command, as cron runs it, with one thread: files read one after the other, each one partition. */
    private Path oneThread() throws Exception {
        Path output = temp.resolve("reference");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new TrialPathCommand(o, e).run(new String[] {"input=" + cohort, "output=" + output,
                    "runDate=" + DATE, "trials=" + TRIALS, "trialCriteria=" + CRITERIA, "--trialpath.threads=1",
                    "--trialpath.max-rows-per-list=30", "--trialpath.repository.path=" + temp.resolve("ref-repo/db")});
        }
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return output.resolve(DATE);
    }

    private static final Pattern RUN_SPECIFIC = Pattern.compile("(execution|instance|Execution|Instance)[^<\\n]{0,40}?\\d+"
            + "|\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2})?(\\.\\d+)?Z?|<dt>Took</dt><dd>[^<]*|id</dt><dd>\\d+");

    private static void assertSamePublication(Path actual, Path reference) throws Exception {
        for (String file : PublishedOutputs.EXACT_FILES) {
            assertSameContent(actual.resolve(file), reference.resolve(file));
        }
        assertSameSummary(actual.resolve("summary.json"), reference.resolve("summary.json"));
        // the page: the same apart from the times and ids of the execution
        List<String> page = normalized(actual.resolve("report.html"));
        List<String> expected = normalized(reference.resolve("report.html"));
        for (int i = 0; i < Math.min(page.size(), expected.size()); i++) {
            assertThat(page.get(i)).as("report.html line %d", i + 1).isEqualTo(expected.get(i));
        }
        assertThat(page).hasSameSizeAs(expected);
    }

    private static List<String> normalized(Path page) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(page)) {
            lines.add(RUN_SPECIFIC.matcher(line).replaceAll("#"));
        }
        return lines;
    }

    private static String line(Path file, int line) throws Exception {
        return Files.readAllLines(file).get(line - 1);
    }

    private static String id(int file, int line) throws Exception {
        return line(cohort.resolve(String.format("cohort-%02d.csv", file + 1)), line).split(",")[0];
    }

    private static void append(Path file, String... lines) throws Exception {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
    }

    /** Fails the write of the chunk holding one row, once written, while armed. */
    static final class RowFailure implements ItemWriteListener<Outcome> {

        private volatile String file;
        private volatile long line;

        void arm(String file, long line) {
            this.file = file;
            this.line = line;
        }

        void disarm() {
            file = null;
        }

        @Override
        public void afterWrite(Chunk<? extends Outcome> items) {
            String armed = file;
            for (Outcome outcome : items) {
                String source = outcome instanceof Outcome.Assessed a ? a.record().sourceFile()
                        : ((Outcome.Rejected) outcome).row().sourceFile();
                long at = outcome instanceof Outcome.Assessed a ? a.record().sourceLine()
                        : ((Outcome.Rejected) outcome).row().line();
                if (source.equals(armed) && at == line) {
                    throw new IllegalStateException("the chunk with " + armed + " line " + at + " fails, on purpose");
                }
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class RowFailureConfiguration {

        @Bean
        RowFailure rowFailure() {
            return new RowFailure();
        }
    }
}
