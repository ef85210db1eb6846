package ca.trialpath.batch;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cli.RunRequest;
import ca.trialpath.trials.DownloadRecord;
import ca.trialpath.trials.TrialFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job on a catalogue as fetch-trials leaves it (pages, download record, criteria suggestions): summary.json and
 * report.html say when it was downloaded and warn when it is older than the limit; the suggestions are never read.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:fetched-catalogue-tests;DB_CLOSE_DELAY=-1",
        "logging.level.ca.trialpath=OFF",
        "logging.level.org.springframework.batch=OFF" })
@SpringBatchTest
class FetchedCatalogueRunIntegrationTests {

    private static final Path SAMPLE = Path.of("sample-data");

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;

    @TempDir
    private Path temp;

    /** The sample pages as a download of {@code downloadedAt} would leave them, with suggestions that must not be read. */
    private Path fetchedCatalogue(String downloadedAt) throws Exception {
        Path current = Files.createDirectories(temp.resolve("catalogue").resolve("current"));
        try (Stream<Path> pages = Files.list(SAMPLE.resolve("trials"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.copy(page, current.resolve(page.getFileName()));
            }
        }
        if (downloadedAt != null) {
            new DownloadRecord(OffsetDateTime.parse(downloadedAt), "http://127.0.0.1/api/v2", Map.of("query.cond", "anal cancer"),
                    12, 3).write(current.resolve(TrialFiles.DOWNLOAD_RECORD));
        }
        // were it read as a page, the run would fail on it; were it applied, NCT99000001 would change
        Files.writeString(current.resolve(TrialFiles.CRITERIA_SUGGESTIONS), "{\"studies\": {\"NCT99000001\": {\"draft\": ");
        return current;
    }

    private JsonNode run(Path trials, Path output) throws Exception {
        RunRequest request = TestRuns.request(SAMPLE, output, TestRuns.SAMPLE_RUN_DATE, 0.10, trials,
                SAMPLE.resolve("trial-criteria.json"));
        JobExecution execution = jobOperatorTestUtils.startJob(TestRuns.parameters(request));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return JsonMapper.builder().build().readTree(output.resolve("2026-11-27").resolve("summary.json").toFile())
                .path("trials");
    }

    @Test
    void shouldWarnWhenTheCatalogueIsOlderThanTheLimit() throws Exception {
        Path output = temp.resolve("stale");
        JsonNode trials = run(fetchedCatalogue("2026-11-19T05:00:00-05:00"), output);

        assertThat(trials.path("catalogue_downloaded_at").asString()).isEqualTo("2026-11-19T05:00-05:00");
        assertThat(trials.path("catalogue_age_days").asLong()).isEqualTo(8);
        assertThat(trials.path("catalogue_max_age_days").asLong()).isEqualTo(7);
        assertThat(trials.path("catalogue_stale").asBoolean()).isTrue();
        assertThat(trials.path("warnings").get(0).asString()).contains("downloaded on 2026-11-19, 8 days before the run"
                + " date, more than the limit of 7 days");
        assertThat(trials.path("studies_read").asLong()).isEqualTo(13);
        String report = Files.readString(output.resolve("2026-11-27").resolve("report.html"));
        assertThat(report).contains("Catalogue downloaded from ClinicalTrials.gov at 2026-11-19T05:00-05:00, 8 days"
                + " before the run date (limit 7 days).").contains("more than the limit of 7 days");
    }

    @Test
    void shouldNotWarnAboutACatalogueWithinTheLimit() throws Exception {
        Path output = temp.resolve("fresh");
        JsonNode trials = run(fetchedCatalogue("2026-11-20T23:30:00-05:00"), output);

        assertThat(trials.path("catalogue_age_days").asLong()).isEqualTo(7);
        assertThat(trials.path("catalogue_stale").asBoolean()).isFalse();
        assertThat(trials.path("warnings").toString()).doesNotContain("limit");
    }

    @Test
    void shouldSayTheDownloadTimeIsUnknownForACatalogueCopiedByHand() throws Exception {
        Path output = temp.resolve("by-hand");
        JsonNode trials = run(fetchedCatalogue(null), output);

        assertThat(trials.path("catalogue_downloaded_at").isNull()).isTrue();
        assertThat(trials.path("catalogue_age_days").isNull()).isTrue();
        assertThat(trials.path("catalogue_stale").asBoolean()).isFalse();
        assertThat(Files.readString(output.resolve("2026-11-27").resolve("report.html")))
                .contains("Catalogue download time unknown");
    }
}
