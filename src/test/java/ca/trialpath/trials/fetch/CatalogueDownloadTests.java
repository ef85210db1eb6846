package ca.trialpath.trials.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.trialpath.trials.CatalogueReader;
import ca.trialpath.trials.DownloadRecord;
import ca.trialpath.trials.TrialFiles;
import ca.trialpath.trials.fetch.RecordedApi.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download against a local server answering as ClinicalTrials.gov does, or misbehaving as it sometimes does:
 * every page is followed, 429 and 5xx are tried again, and a download that fails leaves the last good catalogue
 * exactly as it was.
 */
class CatalogueDownloadTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneId.of("America/Toronto"));

    @TempDir
    private Path temp;

    private final List<Duration> pauses = new ArrayList<>();

    private CtgovProperties settings(String baseUrl, int attempts, Duration requestTimeout) {
        return new CtgovProperties(baseUrl, Duration.ofSeconds(2), requestTimeout, attempts, Duration.ofMillis(10),
                Duration.ofSeconds(30), 20, CtgovQuery.DEFAULT_FIELDS);
    }

    private CatalogueDownload.Result download(RecordedApi api, int attempts) throws Exception {
        return download(api, attempts, Duration.ofSeconds(5));
    }

    private CatalogueDownload.Result download(RecordedApi api, int attempts, Duration requestTimeout) throws Exception {
        CtgovProperties settings = settings(api.baseUrl(), attempts, requestTimeout);
        CtgovClient client = new CtgovClient(settings, pauses::add);
        return new CatalogueDownload(client, settings, CLOCK).download(temp.resolve("catalogue"), query());
    }

    private static CtgovQuery query() {
        return new CtgovQuery(CtgovQuery.DEFAULT_CONDITION, CtgovQuery.DEFAULT_COUNTRY, CtgovQuery.DEFAULT_STATUSES,
                CtgovQuery.DEFAULT_PAGE_SIZE, CtgovQuery.DEFAULT_FIELDS);
    }

    /** A good catalogue from an earlier night, to see that a failed download leaves it alone. */
    private Path goodCatalogue() throws Exception {
        try (RecordedApi api = new RecordedApi(Answer.page("page-2.json"))) {
            download(api, 1);
        }
        return temp.resolve("catalogue").resolve("current");
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void shouldFollowEveryPageThroughNextPageToken() throws Exception {
        try (RecordedApi api = new RecordedApi(Answer.page("page-1.json"), Answer.page("page-2.json"))) {
            // when
            CatalogueDownload.Result result = download(api, 1);

            // then
            assertThat(api.requests()).hasSize(2);
            assertThat(api.requests().get(0)).containsEntry("query.cond", "anal cancer")
                    .containsEntry("filter.advanced", "AREA[LocationCountry]Canada")
                    .containsEntry("filter.overallStatus", "RECRUITING,NOT_YET_RECRUITING")
                    .containsEntry("pageSize", "100").containsEntry("countTotal", "true")
                    .containsEntry("fields", CtgovQuery.DEFAULT_FIELDS).doesNotContainKey("pageToken");
            assertThat(api.requests().get(1)).containsEntry("pageToken", "NF0g5JGBlPMuwQ");
            assertThat(result.studies()).isEqualTo(3);
            assertThat(result.warnings()).isEmpty();
            Path current = temp.resolve("catalogue").resolve("current");
            assertThat(result.catalogue()).isEqualTo(current);
            assertThat(names(current)).containsExactly(TrialFiles.DOWNLOAD_RECORD, TrialFiles.CRITERIA_SUGGESTIONS,
                    "page-0001.json", "page-0002.json");
            assertThat(CatalogueReader.resolve(current)).extracting(path -> path.getFileName().toString())
                    .containsExactly("page-0001.json", "page-0002.json");
            DownloadRecord record = DownloadRecord.read(current.resolve(TrialFiles.DOWNLOAD_RECORD));
            assertThat(record.downloadedAt().toString()).isEqualTo("2026-11-27T05:00-05:00");
            assertThat(record.studies()).isEqualTo(3);
            assertThat(record.pages()).isEqualTo(2);
            assertThat(record.query()).containsEntry("query.cond", "anal cancer").doesNotContainKey("pageToken");
            assertThat(names(temp.resolve("catalogue"))).containsExactly(".fetch.lock", "current");
        }
    }

    @Test
    void shouldTryAgainAfterA429AndWaitAsTheServerAsks() throws Exception {
        try (RecordedApi api = new RecordedApi(Answer.body(429, "Too Many Requests").withHeader("Retry-After", "3"),
                Answer.page("page-2.json"))) {
            // when
            CatalogueDownload.Result result = download(api, 3);

            // then
            assertThat(api.requests()).hasSize(2);
            assertThat(pauses).containsExactly(Duration.ofSeconds(3));
            assertThat(result.studies()).isEqualTo(1);
        }
    }

    @Test
    void shouldDoubleTheWaitBetweenTriesUpToTheLimit() {
        CtgovClient client = new CtgovClient(new CtgovProperties("http://127.0.0.1:9/api/v2", Duration.ofSeconds(1),
                Duration.ofSeconds(1), 6, Duration.ofSeconds(2), Duration.ofSeconds(10), 1, "NCTId"), pauses::add);

        assertThat(client.wait(1, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(client.wait(2, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(client.wait(3, null)).isEqualTo(Duration.ofSeconds(8));
        assertThat(client.wait(4, null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(client.wait(1, Duration.ofSeconds(3600))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldKeepTheLastGoodCatalogueWhenTheServerAnswers500ForGood() throws Exception {
        // given
        Path current = goodCatalogue();
        String before = Files.readString(current.resolve("page-0001.json"));

        try (RecordedApi api = new RecordedApi(Answer.body(500, "<html>Internal error</html>"))) {
            // when / then
            assertThatThrownBy(() -> download(api, 3)).isInstanceOf(FetchException.class)
                    .hasMessageContaining("failed 3 tries").hasMessageContaining("HTTP 500 (<html>Internal error</html>)");
            assertThat(api.requests()).hasSize(3);
            assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
        }
        assertThat(Files.readString(current.resolve("page-0001.json"))).isEqualTo(before);
        assertThat(names(temp.resolve("catalogue"))).containsExactly(".fetch.lock", "current");
    }

    @Test
    void shouldNotTryAgainAnAnswerThatRefusesTheRequest() throws Exception {
        try (RecordedApi api = new RecordedApi(Answer.body(400, "{\"message\": \"unknown field Nope\"}"))) {
            assertThatThrownBy(() -> download(api, 3)).isInstanceOf(FetchException.class)
                    .hasMessageContaining("HTTP 400").hasMessageContaining("unknown field Nope")
                    .hasMessageContaining("not tried again");
            assertThat(api.requests()).hasSize(1);
        }
    }

    @Test
    void shouldGiveUpOnAServerThatDoesNotAnswerInTime() throws Exception {
        // given
        Path current = goodCatalogue();

        try (RecordedApi api = new RecordedApi(Answer.page("page-2.json").delayed(Duration.ofSeconds(3)))) {
            // when / then
            assertThatThrownBy(() -> download(api, 2, Duration.ofMillis(300))).isInstanceOf(FetchException.class)
                    .hasMessageContaining("failed 2 tries")
                    .hasMessageContaining("no whole answer within trialpath.ctgov.request-timeout PT0.3S");
        }
        assertThat(CatalogueReader.resolve(current)).hasSize(1);
    }

    @Test
    void shouldTryAgainAnAnswerCutShort() throws Exception {
        try (RecordedApi api = new RecordedApi(Answer.page("page-2.json").cutShort(), Answer.page("page-2.json"))) {
            // when
            CatalogueDownload.Result result = download(api, 2);

            // then
            assertThat(api.requests()).hasSize(2);
            assertThat(result.studies()).isEqualTo(1);
        }
    }

    @Test
    void shouldFailOnAnAnswerCutShortEveryTime() throws Exception {
        // given
        Path current = goodCatalogue();

        try (RecordedApi api = new RecordedApi(Answer.page("page-1.json").cutShort())) {
            // when / then
            assertThatThrownBy(() -> download(api, 2)).isInstanceOf(FetchException.class)
                    .hasMessageContaining("failed 2 tries").hasMessageContaining("the answer broke off");
        }
        assertThat(CatalogueReader.resolve(current)).hasSize(1);
    }

    @Test
    void shouldFailOnInvalidJsonWithItsLineAndColumnAndKeepTheLastGoodCatalogue() throws Exception {
        // given
        Path current = goodCatalogue();

        try (RecordedApi api = new RecordedApi(Answer.page("page-1.json"),
                Answer.body(200, "{\"studies\": [\n  {\"protocolSection\": }\n]}"))) {
            // when / then
            assertThatThrownBy(() -> download(api, 3)).isInstanceOf(FetchException.class)
                    .hasMessageContaining("page 2 is not valid JSON at line 2, column")
                    .hasMessageContaining("nothing was replaced");
            assertThat(api.requests()).hasSize(2);
        }
        assertThat(names(current)).contains("page-0001.json").doesNotContain("page-0002.json");
        assertThat(DownloadRecord.read(current.resolve(TrialFiles.DOWNLOAD_RECORD)).studies()).isEqualTo(1);
        assertThat(names(temp.resolve("catalogue"))).containsExactly(".fetch.lock", "current");
    }

    @Test
    void shouldRefuseJsonThatIsNotAPage() throws Exception {
        try (RecordedApi api = new RecordedApi(Answer.body(200, "[1, 2, 3]"))) {
            assertThatThrownBy(() -> download(api, 1)).isInstanceOf(FetchException.class)
                    .hasMessageContaining("is not a page of the API");
        }
    }

    @Test
    void shouldAcceptAnEmptyResultAsAnEmptyCatalogueWithAWarning() throws Exception {
        // given
        goodCatalogue();

        try (RecordedApi api = new RecordedApi(Answer.page("empty.json"))) {
            // when
            CatalogueDownload.Result result = download(api, 1);

            // then
            assertThat(result.studies()).isZero();
            assertThat(result.warnings()).singleElement().asString().contains("the query found no study");
            assertThat(CatalogueReader.resolve(result.catalogue())).hasSize(1);
        }
        assertThat(names(temp.resolve("catalogue"))).containsExactly(".fetch.lock", "current", "previous");
    }

    @Test
    void shouldKeepThePreviousCatalogueBesideTheNewOne() throws Exception {
        // given
        goodCatalogue();

        try (RecordedApi api = new RecordedApi(Answer.page("page-1.json"), Answer.page("page-2.json"))) {
            // when
            download(api, 1);
        }

        // then
        Path catalogue = temp.resolve("catalogue");
        assertThat(CatalogueReader.resolve(catalogue.resolve("current"))).hasSize(2);
        assertThat(CatalogueReader.resolve(catalogue.resolve("previous"))).hasSize(1);
    }

    @Test
    void shouldWarnWhenThePagesHoldOtherThanTheAnnouncedCount() throws Exception {
        try (RecordedApi api = new RecordedApi(Answer.page("page-1.json"), Answer.body(200, "{\"studies\": []}"))) {
            CatalogueDownload.Result result = download(api, 1);

            assertThat(result.warnings()).singleElement().asString().contains("announced 3 studies but the 2 pages held 2");
        }
    }

    @Test
    void shouldStopAServerThatHandsOutTheSameTokenAgain() throws Exception {
        try (RecordedApi api = new RecordedApi(Answer.page("page-1.json"))) {
            assertThatThrownBy(() -> download(api, 1)).isInstanceOf(FetchException.class)
                    .hasMessageContaining("page 2 hands out the page token 'NF0g5JGBlPMuwQ' a second time");
        }
    }

    @Test
    void shouldPutBackACatalogueThatAKilledDownloadMovedAway() throws Exception {
        // given: killed between its two renames, with its incoming folder left behind
        Path catalogue = goodCatalogue().getParent();
        Files.move(catalogue.resolve("current"), catalogue.resolve("previous"));
        Files.createDirectories(catalogue.resolve(".incoming-1"));

        try (RecordedApi api = new RecordedApi(Answer.body(503, ""))) {
            // when
            assertThatThrownBy(() -> download(api, 1)).isInstanceOf(FetchException.class)
                    .hasMessageContaining("HTTP 503 (empty body)");
        }

        // then
        assertThat(names(catalogue)).containsExactly(".fetch.lock", "current");
        assertThat(CatalogueReader.resolve(catalogue.resolve("current"))).hasSize(1);
    }

    @Test
    void shouldDraftCriteriaSuggestionsBesideThePagesThatTheReaderDoesNotRead() throws Exception {
        try (RecordedApi api = new RecordedApi(Answer.page("page-1.json"), Answer.page("page-2.json"))) {
            // when
            CatalogueDownload.Result result = download(api, 1);

            // then
            String suggestions = Files.readString(result.catalogue().resolve(TrialFiles.CRITERIA_SUGGESTIONS));
            assertThat(result.suggested()).isEqualTo(2);
            assertThat(suggestions).contains("\"NCT99100001\"", "\"ecogMax\" : 1", "\"chemoradiation\"",
                    "\"sentence\" : \"Progression after chemoradiation\"",
                    "\"link\" : \"https://clinicaltrials.gov/study/NCT99100001\"", "never applied");
            assertThat(suggestions).doesNotContain("NCT99100003");
        }
    }
}
