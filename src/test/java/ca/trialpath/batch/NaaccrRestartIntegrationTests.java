package ca.trialpath.batch;

import static ca.trialpath.batch.PublishedOutputs.assertSameContent;
import static ca.trialpath.batch.PublishedOutputs.assertSameSummary;
import static ca.trialpath.batch.PublishedOutputs.json;
import static ca.trialpath.batch.PublishedOutputs.lines;
import static ca.trialpath.batch.PublishedOutputs.records;
import static ca.trialpath.batch.PublishedOutputs.resource;
import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.batch.run.RunState;
import ca.trialpath.bench.RegistryExtractGenerator;
import ca.trialpath.cli.RunLauncher;
import ca.trialpath.cli.RunRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

/**
 * NAACCR input with every capability of the job: three threads and small partitions (the cohort CSV files cut,
 * each NAACCR file a partition), a restart after a failed chunk publishing byte for byte what an uninterrupted run
 * publishes, a rerun of the same input, and a de-identified export.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:naaccr-restart-tests;DB_CLOSE_DELAY=-1",
        "trialpath.chunk-size=50",
        "trialpath.threads=3",
        "trialpath.partition-rows=40",
        "TRIALPATH_PSEUDONYM_KEY_FILE=" + NaaccrRestartIntegrationTests.KEY_FILE,
        "logging.level.ca.trialpath=OFF",
        "logging.level.org.springframework.batch=OFF" })
@SpringBatchTest
class NaaccrRestartIntegrationTests {

    static final String KEY_FILE = "target/naaccr-restart-tests/pseudonym.key";
    private static final String DATE = "2026-11-27";

    /** Two generated extracts (spec 1.6 gzipped, read by naaccr-xml; spec 1.8, by StAX) and a supplement. */
    @TempDir
    private static Path registry;

    @TempDir
    private Path temp;

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;

    @Autowired
    private RunLauncher runLauncher;

    @Autowired
    private RestartIntegrationTests.ChunkFailure chunkFailure;

    @BeforeAll
    static void generateRegistry() throws Exception {
        Path input = Files.createDirectories(registry.resolve("input"));
        // the second file's people have the first one's ids: its patients in scope are duplicates
        RegistryExtractGenerator.write(input.resolve("a-registry.xml.gz"), registry.resolve("supplement.csv"), 1500,
                0.3, 11L, "1.6");
        RegistryExtractGenerator.write(input.resolve("b-registry.xml"), null, 600, 0.3, 12L, "1.8");
        Files.copy(Path.of("sample-data/cohort-2026-11-a.csv"), input.resolve("c-cohort.csv"));
        Files.writeString(Path.of(KEY_FILE).getParent() == null ? Path.of(KEY_FILE)
                : Files.createDirectories(Path.of(KEY_FILE).getParent()).resolve("pseudonym.key"),
                "0123456789abcdef0123456789abcdef-naaccr-key\n", StandardCharsets.UTF_8);
    }

    @AfterEach
    void disarm() {
        chunkFailure.disarm();
    }

    private RunRequest request(Path output, boolean deidentify) {
        return NaaccrRunIntegrationTests.request(registry.resolve("input"), output, registry.resolve("supplement.csv"),
                deidentify, 1.0);
    }

    private Path uninterruptedRun() throws Exception {
        Path output = temp.resolve("reference");
        JobExecution execution = jobOperatorTestUtils.startJob(TestRuns.parameters(request(output, false)));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return output.resolve(DATE);
    }

    @Test
    void shouldAssessEachFormatAsASingleThreadWouldOnSeveralThreads() throws Exception {
        // given: the sample cohort files and the sample extract with its supplement, in one folder
        Path input = Files.createDirectories(temp.resolve("input"));
        Files.copy(Path.of("sample-data/cohort-2026-11-a.csv"), input.resolve("cohort-2026-11-a.csv"));
        Files.copy(Path.of("sample-data/cohort-2026-11-b.csv"), input.resolve("cohort-2026-11-b.csv"));
        Files.copy(NaaccrRunIntegrationTests.EXTRACT, input.resolve("registry-extract.xml"));
        Path output = temp.resolve("reports");

        // when
        JobExecution execution = jobOperatorTestUtils.startJob(TestRuns.parameters(
                NaaccrRunIntegrationTests.request(input, output, NaaccrRunIntegrationTests.SUPPLEMENT, false)));

        // then: the rows of the one-threaded runs of each, the cohort files' first (name order)
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestRuns.step(execution, "assessCohort").getStepName()).isEqualTo("assessCohort");
        assertThat(RunState.of(execution).partitions()).as("the cohort files are cut; the extract is one partition")
                .hasSizeGreaterThan(4);
        for (String file : List.of("assessments.csv", "options.csv", "rejects.csv")) {
            List<String> expected = new ArrayList<>(lines(resource("golden/sample-2026-11-27/" + file)));
            expected.remove(expected.size() - 1); // the empty string after the last line break
            expected.addAll(lines(resource("golden/naaccr-2026-11-27/" + file)).subList(1,
                    lines(resource("golden/naaccr-2026-11-27/" + file)).size()));
            assertThat(lines(output.resolve(DATE).resolve(file))).as(file).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "fails in {1} of chunk {0}")
    @CsvSource({ "3, BEFORE_WRITE", "5, AFTER_WRITE", "12, AFTER_WRITE" })
    void shouldFinishAFailedChunkOnRestartAsIfNothingHadHappened(int failingChunk,
            RestartIntegrationTests.ChunkFailure.When when) throws Exception {
        // given
        Path reference = uninterruptedRun();
        Path output = temp.resolve("reports");
        JobParameters parameters = TestRuns.parameters(request(output, false));
        chunkFailure.arm(failingChunk, when);

        // when
        JobExecution failed = jobOperatorTestUtils.startJob(parameters);

        // then
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(output.resolve(DATE)).as("nothing is published by a failed run").doesNotExist();

        // when
        chunkFailure.disarm();
        JobExecution restarted = jobOperatorTestUtils.startJob(parameters);

        // then
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        for (String file : PublishedOutputs.EXACT_FILES) {
            assertSameContent(output.resolve(DATE).resolve(file), reference.resolve(file));
        }
        assertSameSummary(output.resolve(DATE).resolve("summary.json"), reference.resolve("summary.json"));
        List<CSVRecord> assessed = records(output.resolve(DATE).resolve("assessments.csv"));
        Set<String> ids = new HashSet<>();
        assessed.forEach(a -> assertThat(ids.add(a.get("patient_id"))).as("%s once", a.get("patient_id")).isTrue());
        JsonNode summary = json(output.resolve(DATE).resolve("summary.json"));
        assertThat(summary.get("read").asLong()).isEqualTo(summary.get("assessed").asLong()
                + summary.get("rejected").asLong() + summary.get("not_in_scope").asLong());
        assertThat(summary.get("input_files").get(0).get("read").asLong()).isEqualTo(1500);
        assertThat(summary.get("input_files").get(1).get("read").asLong()).isEqualTo(600);
        assertThat(summary.get("reject_reasons").get("DUPLICATE_PATIENT_ID").asLong())
                .as("the second extract's patients in scope have the first one's ids").isPositive();
    }

    @Test
    void shouldSayARerunOfTheSameInputWasPublishedAndRunAgainForAnotherSupplement() throws Exception {
        // given
        Path output = temp.resolve("reports");
        assertThat(TestRuns.launch(runLauncher, request(output, false)).exitStatus()).isEqualTo(RunLauncher.PUBLISHED);
        String first = PublishedOutputs.read(output.resolve(DATE).resolve("summary.json"));

        // when
        TestRuns.Launch rerun = TestRuns.launch(runLauncher, request(output, false));

        // then
        assertThat(rerun.exitStatus()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(rerun.out()).contains("already published from these same input");
        assertThat(PublishedOutputs.read(output.resolve(DATE).resolve("summary.json"))).isEqualTo(first);

        // when: the clinic corrects its supplement
        Path supplement = temp.resolve("supplement.csv");
        Files.writeString(supplement, Files.readString(registry.resolve("supplement.csv")) + "NOBODY1,,,,,\n");
        TestRuns.Launch corrected = TestRuns.launch(runLauncher, NaaccrRunIntegrationTests.request(
                registry.resolve("input"), output, supplement, false, 1.0));

        // then: a new run, whose rejects list the row that joins no one
        assertThat(corrected.exitStatus()).as(corrected.err()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(records(output.resolve(DATE).resolve("rejects.csv")))
                .anySatisfy(r -> assertThat(List.of(r.get("source_file"), r.get("patient_id"), r.get("reason_code")))
                        .containsExactly("supplement.csv", "NOBODY1", "UNKNOWN_PATIENT"));
    }

    @Test
    void shouldPublishNoRegistryIdInADeidentifiedExport() throws Exception {
        // given
        Path output = temp.resolve("safe");
        Path reference = uninterruptedRun();
        List<String> ids = records(reference.resolve("assessments.csv")).stream().map(r -> r.get("patient_id"))
                .toList();
        assertThat(ids).hasSizeGreaterThan(100);

        // when
        TestRuns.Launch launch = TestRuns.launch(runLauncher, request(output, true));

        // then
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        List<CSVRecord> assessed = records(output.resolve(DATE).resolve("assessments.csv"));
        assertThat(assessed).hasSameSizeAs(ids);
        for (String file : List.of("assessments.csv", "rejects.csv", "options.csv", "assessments.jsonl", "report.html")) {
            String text = PublishedOutputs.read(output.resolve(DATE).resolve(file));
            assertThat(ids).as("registry ids in %s", file).noneMatch(id -> text.contains(id + ","));
        }
        assertThat(json(output.resolve(DATE).resolve("summary.json")).get("not_in_scope").asLong())
                .isEqualTo(json(reference.resolve("summary.json")).get("not_in_scope").asLong());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FailingChunkConfiguration {

        @Bean
        RestartIntegrationTests.ChunkFailure chunkFailure() {
            return new RestartIntegrationTests.ChunkFailure();
        }
    }
}
