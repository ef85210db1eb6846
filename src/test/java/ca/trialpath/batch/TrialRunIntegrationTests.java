package ca.trialpath.batch;

import static ca.trialpath.batch.PublishedOutputs.assertSameContent;
import static ca.trialpath.batch.PublishedOutputs.records;
import static ca.trialpath.batch.PublishedOutputs.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ca.trialpath.cli.RunLauncher;
import ca.trialpath.cli.RunRequest;
import ca.trialpath.output.csv.TrialSitesCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
import tools.jackson.databind.JsonNode;

/**
 * The job with the sample catalogue and criteria: the published trial files are the reviewed expected
 * files; a bad catalogue or criteria file fails the run before any person is read; a restart publishes
 * the same trial files as an uninterrupted run; a changed catalogue is a new run.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:trial-run-tests;DB_CLOSE_DELAY=-1",
        "trialpath.chunk-size=20",
        "logging.level.ca.trialpath=OFF",
        "logging.level.org.springframework.batch=OFF" })
@SpringBatchTest
class TrialRunIntegrationTests {

    private static final Path SAMPLE = Path.of("sample-data");
    private static final Path TRIALS = SAMPLE.resolve("trials");
    private static final Path CRITERIA = SAMPLE.resolve("trial-criteria.json");
    private static final Path EXPECTED = resource("golden/trials-2026-11-27");
    private static final String DATE = "2026-11-27";

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;

    @Autowired
    private RunLauncher runLauncher;

    @Autowired
    private RestartIntegrationTests.ChunkFailure chunkFailure;

    @TempDir
    private Path temp;

    @AfterEach
    void disarm() {
        chunkFailure.disarm();
    }

    private RunRequest request(Path trials, Path criteria) {
        return TestRuns.request(SAMPLE, temp.resolve("reports"), TestRuns.SAMPLE_RUN_DATE, 0.10, trials, criteria);
    }

    @Test
    void shouldPublishTheExpectedTrialFilesForTheSampleCatalogue() throws Exception {
        // when
        JobExecution execution = jobOperatorTestUtils.startJob(TestRuns.parameters(request(TRIALS, CRITERIA)));

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path published = temp.resolve("reports").resolve(DATE);
        assertSameContent(published.resolve("trial_matches.csv"), EXPECTED.resolve("trial_matches.csv"));
        assertSameContent(published.resolve("trials.csv"), EXPECTED.resolve("trials.csv"));
        assertSameContent(published.resolve("trial_sites.csv"), EXPECTED.resolve("trial_sites.csv"));
    }

    @Test
    void shouldKeepTheOutputsConsistentWithEachOther() throws Exception {
        // when
        jobOperatorTestUtils.startJob(TestRuns.parameters(request(TRIALS, CRITERIA)));

        // then
        Path published = temp.resolve("reports").resolve(DATE);
        List<CSVRecord> matches = records(published.resolve("trial_matches.csv"));
        Map<String, String> matchedPerPerson = new HashMap<>();
        for (CSVRecord match : matches) {
            if (match.get("result").equals("MATCH")) {
                matchedPerPerson.merge(match.get("patient_id"), match.get("nct_id"), (a, b) -> a + ";" + b);
            }
        }
        for (CSVRecord person : records(published.resolve("assessments.csv"))) {
            assertThat(person.get("matched_trials")).as(person.get("patient_id"))
                    .isEqualTo(matchedPerPerson.getOrDefault(person.get("patient_id"), ""));
            if (person.get("trial_discussion").equals("false")) {
                assertThat(matches).noneMatch(m -> m.get("patient_id").equals(person.get("patient_id")));
            }
        }
        JsonNode summary = PublishedOutputs.json(published.resolve("summary.json")).get("trials");
        assertThat(summary.get("matching").asBoolean()).isTrue();
        assertThat(summary.get("studies_read").asLong()).isEqualTo(13);
        assertThat(summary.get("studies").asLong()).isEqualTo(12);
        assertThat(summary.get("skip_reasons").get("NO_NCT_ID").asLong()).isEqualTo(1);
        assertThat(summary.get("studies_open_in_canada").asLong()).isEqualTo(9);
        assertThat(summary.get("matches").asLong() + summary.get("near_misses").asLong()).isEqualTo(matches.size());
        assertThat(summary.get("warnings").toString()).contains("NCT99000099");
        String html = PublishedOutputs.read(published.resolve("report.html"));
        assertThat(html).contains("id=\"t-NCT99000002\"").contains("after platinum chemotherapy")
                .doesNotContain("id=\"t-NCT99000009\"");
        List<String> jsonl = PublishedOutputs.read(published.resolve("assessments.jsonl")).lines().toList();
        // one fact in one place: the trials of a person are trial_matches.csv rows, not repeated in the JSON Lines
        assertThat(jsonl).hasSize(records(published.resolve("assessments.csv")).size())
                .noneMatch(line -> line.contains("\"matched_trials\"") || line.contains("\"trials\"")
                        || line.contains("NCT99000007") || line.contains("\"criteria\""));
        String firstId = records(published.resolve("assessments.csv")).get(0).get("patient_id");
        assertThat(jsonl.get(0)).startsWith("{\"patient_id\":\"" + firstId + "\",");
        assertThat(matches).filteredOn(m -> m.get("patient_id").equals(firstId))
                .filteredOn(m -> m.get("result").equals("MATCH"))
                .extracting(m -> m.get("nct_id"), m -> m.get("pathway_verdict"))
                .containsExactly(tuple("NCT99000007", "MET"),
                        tuple("NCT99000011", "MET"));
    }

    @Test
    void shouldFailOnInvalidCatalogueJsonWithFileLineAndColumnBeforeAnyPersonIsRead() throws Exception {
        // given
        Path broken = resource("bad-trials/broken.json");

        // when
        TestRuns.Launch launch = TestRuns.launch(runLauncher, request(broken, null));

        // then
        assertThat(launch.exitStatus()).isEqualTo(RunLauncher.FAILED);
        assertThat(launch.err()).contains(broken.toString()).contains("is not valid JSON at line 3, column");
        assertThat(temp.resolve("reports").resolve(DATE)).doesNotExist();
    }

    @Test
    void shouldFailOnABadCuratedValueNamingTheNctIdAndKeyBeforeAnyPersonIsRead() throws Exception {
        // given
        RunRequest request = request(TRIALS, resource("bad-trials/bad-criteria.json"));

        // when
        JobExecution execution = jobOperatorTestUtils.startJob(TestRuns.parameters(request));

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getStepExecutions()).extracting(s -> s.getStepName()).containsExactly("inspectInputs");
        assertThat(execution.getAllFailureExceptions().get(0).getMessage())
                .contains("NCT99000002 key 'surgeryPossible'").contains("maybe");
    }

    @Test
    void shouldFinishAFailedRunOnRestartWithTheSameTrialFiles() throws Exception {
        // given
        var parameters = TestRuns.parameters(request(TRIALS, CRITERIA));
        chunkFailure.arm(4, RestartIntegrationTests.ChunkFailure.When.AFTER_WRITE);

        // when
        JobExecution failed = jobOperatorTestUtils.startJob(parameters);
        chunkFailure.disarm();
        JobExecution restarted = jobOperatorTestUtils.startJob(parameters);

        // then
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        Path published = temp.resolve("reports").resolve(DATE);
        assertSameContent(published.resolve("trial_matches.csv"), EXPECTED.resolve("trial_matches.csv"));
        assertSameContent(published.resolve("trials.csv"), EXPECTED.resolve("trials.csv"));
        assertSameContent(published.resolve("trial_sites.csv"), EXPECTED.resolve("trial_sites.csv"));
    }

    @Test
    void shouldCountEachTrialExactlyAfterAFailedChunkWithoutReadingTheMatchesBack() throws Exception {
        // given: an uninterrupted run, and a run whose fourth chunk failed after its rows were staged (its
        // rows, trial tally and trial feed entries then belong to no commit)
        JobExecution whole = jobOperatorTestUtils.startJob(TestRuns.parameters(
                TestRuns.request(SAMPLE, temp.resolve("whole"), TestRuns.SAMPLE_RUN_DATE, 0.10, TRIALS, CRITERIA)));
        var parameters = TestRuns.parameters(request(TRIALS, CRITERIA));
        chunkFailure.arm(4, RestartIntegrationTests.ChunkFailure.When.AFTER_WRITE);
        JobExecution failed = jobOperatorTestUtils.startJob(parameters);
        chunkFailure.disarm();

        // when
        JobExecution restarted = jobOperatorTestUtils.startJob(parameters);

        // then: the counts of summary.json and the trial sections of the page are those of the whole run
        assertThat(whole.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path expected = temp.resolve("whole").resolve(DATE);
        Path published = temp.resolve("reports").resolve(DATE);
        JsonNode trials = PublishedOutputs.json(published.resolve("summary.json")).get("trials");
        assertThat(trials).isEqualTo(PublishedOutputs.json(expected.resolve("summary.json")).get("trials"));
        List<CSVRecord> matches = records(published.resolve("trial_matches.csv"));
        assertThat(trials.get("matches").asLong())
                .isEqualTo(matches.stream().filter(m -> m.get("result").equals("MATCH")).count());
        assertThat(trials.get("near_misses").asLong()).isEqualTo(matches.size() - trials.get("matches").asLong());
        assertThat(trialSections(published)).isEqualTo(trialSections(expected)).contains("id=\"t-NCT99000002\"");
    }

    private static String trialSections(Path published) {
        String page = PublishedOutputs.read(published.resolve("report.html"));
        int start = page.indexOf("<section id=\"trials\"");
        return page.substring(start, page.indexOf("</section>", start));
    }

    @Test
    void shouldTreatAChangedCatalogueAsANewRun() throws Exception {
        // given
        Path catalogue = Files.createDirectories(temp.resolve("catalogue"));
        for (Path file : Files.list(TRIALS).toList()) {
            Files.copy(file, catalogue.resolve(file.getFileName()));
        }
        TestRuns.Launch first = TestRuns.launch(runLauncher, request(catalogue, CRITERIA));
        TestRuns.Launch same = TestRuns.launch(runLauncher, request(catalogue, CRITERIA));
        Path single = catalogue.resolve("ctgov-study-NCT99000012.json");
        Files.writeString(single, Files.readString(single).replace("\"RECRUITING\"", "\"COMPLETED\""));

        // when
        TestRuns.Launch changed = TestRuns.launch(runLauncher, request(catalogue, CRITERIA));

        // then
        assertThat(first.exitStatus()).as(first.err()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(same.out()).contains("nothing to do");
        assertThat(changed.exitStatus()).as(changed.err()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(changed.out()).contains("published");
        assertThat(PublishedOutputs.read(temp.resolve("reports").resolve(DATE).resolve("trials.csv")))
                .contains("NCT99000012,[SAMPLE] Chemoradiation for a local recurrence after surgery alone,COMPLETED,PHASE3,false,,0,0");
    }

    @Test
    void shouldFailARestartWhoseCatalogueLostAFileWhileAssessing() throws Exception {
        // given: a run without criteria that failed in its fourth chunk, and the last catalogue file removed
        // before the restart (the other files unchanged)
        Path catalogue = copyOfSampleCatalogue();
        var parameters = TestRuns.parameters(request(catalogue, null));
        chunkFailure.arm(4, RestartIntegrationTests.ChunkFailure.When.AFTER_WRITE);
        JobExecution failed = jobOperatorTestUtils.startJob(parameters);
        chunkFailure.disarm();
        Files.delete(catalogue.resolve("ctgov-study-NCT99000012.json"));

        // when
        JobExecution restarted = jobOperatorTestUtils.startJob(parameters);

        // then: matching against a smaller catalogue would publish what no uninterrupted run publishes
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(TestRuns.step(restarted, "assessCohort").getFailureExceptions())
                .anySatisfy(e -> assertThat(e).hasStackTraceContaining("changed after this run was started"));
        assertThat(temp.resolve("reports").resolve(DATE)).doesNotExist();
    }

    @Test
    void shouldFailARestartOfThePublicationWhenTheCatalogueChangedMeanwhile() throws Exception {
        // given: every person assessed, the publication failed (the place for the earlier folder is
        // blocked), then the night's catalogue download replaced a study before the restart
        Path catalogue = copyOfSampleCatalogue();
        Path output = temp.resolve("reports");
        Files.createDirectories(output.resolve(DATE));
        Path blocker = output.resolve(DATE + ".replaced");
        Files.writeString(blocker, "not a folder");
        var parameters = TestRuns.parameters(request(catalogue, CRITERIA));
        JobExecution failed = jobOperatorTestUtils.startJob(parameters);
        Files.delete(blocker);
        Path single = catalogue.resolve("ctgov-study-NCT99000012.json");
        Files.writeString(single, Files.readString(single).replace("\"RECRUITING\"", "\"COMPLETED\""));

        // when
        JobExecution restarted = jobOperatorTestUtils.startJob(parameters);

        // then: trials.csv from the new catalogue beside trial_matches.csv from the old one would contradict it
        assertThat(TestRuns.step(failed, "assessCohort").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestRuns.step(failed, "publishReports").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(TestRuns.step(restarted, "publishReports").getFailureExceptions())
                .anySatisfy(e -> assertThat(e).hasStackTraceContaining("changed after this run was started"));
        assertThat(PublishedOutputs.tree(output.resolve(DATE))).as("nothing published").isEmpty();
    }

    @Test
    void shouldShowACityThatLooksLikeAFormulaAsItIsInTheTrialSections() throws Exception {
        // given: a site city the CSV files write with a leading apostrophe (formula-safe)
        Path catalogue = copyOfSampleCatalogue();
        for (String name : List.of("ctgov-array-2.json", "ctgov-page-1.json")) {
            Path file = catalogue.resolve(name);
            Files.writeString(file, Files.readString(file).replace("\"Toronto\"", "\"=Toronto\""));
        }

        // when
        TestRuns.Launch launch = TestRuns.launch(runLauncher, request(catalogue, CRITERIA));

        // then: the CSV keeps the apostrophe; the page, which reads the staged trial feed, shows the city itself
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        Path published = temp.resolve("reports").resolve(DATE);
        assertThat(PublishedOutputs.read(published.resolve(TrialSitesCsv.FILE))).contains(",'=Toronto,");
        String page = PublishedOutputs.read(published.resolve("report.html"));
        assertThat(page).contains("=Toronto").doesNotContain("&#39;=Toronto", "'=Toronto");
    }

    @Test
    void shouldOpenTheReportOnTodaysPairsFromTrialMatchesCsvRankedAndCut() throws Exception {
        // when
        TestRuns.Launch withTrials = TestRuns.launch(runLauncher, request(TRIALS, CRITERIA));
        TestRuns.Launch without = TestRuns.launch(runLauncher,
                TestRuns.request(SAMPLE, temp.resolve("plain"), TestRuns.SAMPLE_RUN_DATE, 0.10));

        // then: every row of today's list is a pair of trial_matches.csv, the matches first, the list cut after
        // ranking with the count of the whole run
        assertThat(withTrials.exitStatus()).as(withTrials.err()).isEqualTo(RunLauncher.PUBLISHED);
        Path published = temp.resolve("reports").resolve(DATE);
        Map<String, String> results = new HashMap<>();
        for (CSVRecord row : records(published.resolve("trial_matches.csv"))) {
            results.put(row.get("patient_id") + " " + row.get("nct_id"), row.get("result"));
        }
        String page = PublishedOutputs.read(published.resolve("report.html"));
        String today = page.substring(page.indexOf("<section id=\"today\""), page.indexOf("</section>",
                page.indexOf("<section id=\"today\"")));
        java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                "<tr data-order=\"\\d+\" data-id=\"([^\"]+)\" data-group=\"([A-Z_]+)\" data-status=\"NEW\" data-trial=\"([^\"]+)\"")
                .matcher(today);
        List<String> shown = new java.util.ArrayList<>();
        while (row.find()) {
            String result = results.get(row.group(1) + " " + row.group(3));
            assertThat(result).as(row.group(1) + " " + row.group(3)).isNotNull();
            assertThat(row.group(2)).isEqualTo("MATCH".equals(result) ? "NEW_MATCH" : "NEW_NEAR_MISS");
            shown.add(row.group(2));
        }
        assertThat(shown).hasSize((int) Math.min(1000, results.size()));
        assertThat(shown.lastIndexOf("NEW_MATCH") < shown.indexOf("NEW_NEAR_MISS") || !shown.contains("NEW_NEAR_MISS"))
                .isTrue();
        if (results.size() > 1000) {
            assertThat(today).contains(String.format(java.util.Locale.ROOT, "The page shows the first 1,000 of %,d, ranked",
                    results.size()));
        }
        assertThat(without.exitStatus()).as(without.err()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(PublishedOutputs.read(temp.resolve("plain").resolve(DATE).resolve("report.html")))
                .as("no worklist in a run without a catalogue").contains("No trial matching was done")
                .doesNotContain("id=\"today-table\"");
    }

    private Path copyOfSampleCatalogue() throws IOException {
        Path catalogue = Files.createDirectories(temp.resolve("catalogue"));
        try (var files = Files.list(TRIALS)) {
            for (Path file : files.toList()) {
                Files.copy(file, catalogue.resolve(file.getFileName()));
            }
        }
        return catalogue;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FailingChunkConfiguration {

        @Bean
        RestartIntegrationTests.ChunkFailure chunkFailure() {
            return new RestartIntegrationTests.ChunkFailure();
        }
    }
}
