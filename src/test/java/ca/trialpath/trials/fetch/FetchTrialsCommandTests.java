package ca.trialpath.trials.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cli.FetchTrialsCommand;
import ca.trialpath.trials.fetch.RecordedApi.Answer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract with the nightly wrapper: exit 0 downloaded, 1 failed with the last good catalogue kept, 2 usage. */
class FetchTrialsCommandTests {

    @TempDir
    private Path temp;

    private record Outcome(int status, String out, String err) {
    }

    private Outcome run(Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new FetchTrialsCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock).run(List.of(args));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Outcome fetch(RecordedApi api, Clock clock, String... more) {
        List<String> args = new ArrayList<>(List.of("catalogue=" + temp.resolve("catalogue"),
                "--trialpath.ctgov.base-url=" + api.baseUrl(), "--trialpath.ctgov.attempts=2",
                "--trialpath.ctgov.backoff=10ms", "--logging.level.root=OFF"));
        args.addAll(List.of(more));
        return run(clock, args.toArray(String[]::new));
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneId.of("America/Toronto"));
    }

    @Test
    void shouldDownloadAndSayWhatAndWhereOnOneLine() throws Exception {
        try (RecordedApi api = new RecordedApi(Answer.page("page-1.json"), Answer.page("page-2.json"))) {
            Outcome outcome = fetch(api, at("2026-11-27T10:00:00Z"));

            assertThat(outcome.status()).isEqualTo(FetchTrialsCommand.DOWNLOADED);
            assertThat(outcome.out()).isEqualTo("fetch-trials: downloaded 3 studies in 2 pages from " + api.baseUrl()
                    + " at 2026-11-27T05:00-05:00 into " + temp.resolve("catalogue").resolve("current")
                    + System.lineSeparator());
            assertThat(outcome.err()).isEmpty();
        }
    }

    @Test
    void shouldSendTheQueryOptions() throws Exception {
        try (RecordedApi api = new RecordedApi(Answer.page("page-2.json"))) {
            Outcome outcome = fetch(api, at("2026-11-27T10:00:00Z"), "condition=anal squamous cell carcinoma",
                    "status=recruiting", "pageSize=20", "country=United States");

            assertThat(outcome.status()).isZero();
            assertThat(api.requests().get(0)).containsEntry("query.cond", "anal squamous cell carcinoma")
                    .containsEntry("filter.overallStatus", "RECRUITING").containsEntry("pageSize", "20")
                    .containsEntry("filter.advanced", "AREA[LocationCountry]United States");
        }
    }

    @Test
    void shouldSayHowOldTheKeptCatalogueIsWhenTheDownloadFails() throws Exception {
        try (RecordedApi good = new RecordedApi(Answer.page("page-2.json"))) {
            assertThat(fetch(good, at("2026-11-20T10:00:00Z")).status()).isZero();
        }
        try (RecordedApi failing = new RecordedApi(Answer.body(502, "Bad Gateway"))) {
            Outcome outcome = fetch(failing, at("2026-11-27T10:00:00Z"));

            assertThat(outcome.status()).isEqualTo(FetchTrialsCommand.FAILED);
            assertThat(outcome.out()).isEmpty();
            assertThat(outcome.err().lines().toList()).singleElement().asString()
                    .startsWith("fetch-trials: download failed: ClinicalTrials.gov")
                    .contains("HTTP 502 (Bad Gateway)")
                    .endsWith("the last good catalogue " + temp.resolve("catalogue").resolve("current")
                            + " is kept, downloaded 2026-11-20T05:00-05:00 (7 days ago)");
        }
    }

    @Test
    void shouldSayWhenThereIsNoCatalogueToKeep() throws Exception {
        try (RecordedApi failing = new RecordedApi(Answer.body(500, "down"))) {
            Outcome outcome = fetch(failing, at("2026-11-27T10:00:00Z"));

            assertThat(outcome.status()).isEqualTo(FetchTrialsCommand.FAILED);
            assertThat(outcome.err()).contains("there is no catalogue in " + temp.resolve("catalogue").resolve("current")
                    + " yet");
        }
    }

    @Test
    void shouldWriteTheSuggestionsBesideTheCriteriaFileMarkingWhatIsCurated() throws Exception {
        Path criteria = Files.writeString(temp.resolve("trial-criteria.json"), "{\"NCT99100001\": {\"ecogMax\": 1}}");
        try (RecordedApi api = new RecordedApi(Answer.page("page-1.json"), Answer.page("page-2.json"))) {
            Outcome outcome = fetch(api, at("2026-11-27T10:00:00Z"), "trialCriteria=" + criteria);

            assertThat(outcome.status()).isZero();
            String beside = Files.readString(temp.resolve("trial-criteria.suggestions.json"));
            assertThat(beside).contains("\"NCT99100001\"", "\"curated\" : true", "\"NCT99100002\"", "\"curated\" : false");
            assertThat(Files.readString(criteria)).isEqualTo("{\"NCT99100001\": {\"ecogMax\": 1}}");
        }
    }

    @Test
    void shouldRefuseAWrongCallWithExitStatus2() {
        Clock clock = at("2026-11-27T10:00:00Z");
        assertThat(run(clock).err()).contains("missing parameter catalogue=DIR").contains("usage:");
        assertThat(run(clock).status()).isEqualTo(FetchTrialsCommand.USAGE);
        assertThat(run(clock, "catalogue=x", "input=y").status()).isEqualTo(2);
        assertThat(run(clock, "catalogue=x", "catalogue=y").err()).contains("given twice");
        assertThat(run(clock, "catalogue=x", "status=OPEN").err()).contains("status 'OPEN' is not an overall status");
        assertThat(run(clock, "catalogue=x", "pageSize=5000").err()).contains("pageSize '5000' is not a number from 1 to 1000");
        assertThat(run(clock, "catalogue=x", "trialCriteria=" + temp.resolve("none.json")).status()).isEqualTo(2);
        assertThat(run(clock, "catalogue=x", "--trialpath.ctgov.attempts=0", "--logging.level.root=OFF").err())
                .contains("bad setting").contains("attempts must be at least 1");
    }
}
