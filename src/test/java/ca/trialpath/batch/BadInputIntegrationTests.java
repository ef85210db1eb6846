package ca.trialpath.batch;

import static ca.trialpath.batch.PublishedOutputs.records;
import static ca.trialpath.batch.PublishedOutputs.resource;
import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cli.RunLauncher;
import ca.trialpath.cli.RunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Real broken exports (src/test/resources/bad-input/) through the real job: a broken file fails the run
 * and names the file, a broken row becomes a reject with its file, line and reason, and nothing that comes
 * in is dropped.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:bad-input-tests;DB_CLOSE_DELAY=-1",
        "logging.level.ca.trialpath=OFF",
        "logging.level.org.springframework.batch=OFF" })
class BadInputIntegrationTests {

    private static final String DATE = "2026-11-27";
    private static final String HEADER = "patient_id,birth_date,sex,province,primary_site,histology,recurrence_date,"
            + "recurrence_type,recurrence_sites,prior_treatments,surgery_possible,symptoms,ecog,treatment_wish";

    @Autowired
    private RunLauncher runLauncher;

    @TempDir
    private Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no-patient-id.csv    | the header has no required column 'patient_id'
            no-primary-site.csv  | the header has no required column 'primary_site'
            empty.csv            | the file is empty
            blank-lines.csv      | the file has no header line (only blank lines)
            latin-1.csv          | the file is not UTF-8: invalid byte sequence on line 3
            binary.csv           | the file is not UTF-8
            nul-byte.csv         | the file is not UTF-8 text: it holds a NUL byte on line 3
            duplicate-column.csv | column 'primary_site' appears twice in the header (columns 5 and 15)
            """)
    void shouldFailTheRunAndPublishNothingForABrokenFile(String file, String problem) throws Exception {
        // given: the broken file beside a good one
        Path input = Files.createDirectories(temp.resolve("input"));
        Files.copy(resource("bad-input/file-level/good.csv"), input.resolve("good.csv"));
        Files.copy(resource("bad-input/file-level/" + file), input.resolve(file));
        Path output = temp.resolve("reports");

        // when
        TestRuns.Launch launch = launch(input, output, 0.10);

        // then
        assertThat(launch.exitStatus()).isEqualTo(RunLauncher.FAILED);
        assertThat(launch.err().lines().toList()).singleElement().asString()
                .contains("nothing published", file + ": " + problem);
        assertThat(output.resolve(DATE)).doesNotExist();
        assertThat(output.resolve(".trialpath/staging").resolve(DATE)).doesNotExist();
    }

    @Test
    void shouldRejectEachBrokenRowWithItsFileLineAndReason() throws Exception {
        // given
        Path output = temp.resolve("reports");

        // when
        TestRuns.Launch launch = launch(resource("bad-input/row-level"), output, 0.10);

        // then
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        Path published = output.resolve(DATE);
        assertThat(records(published.resolve("rejects.csv")))
                .extracting(r -> r.get("source_file") + ":" + r.get("line") + " " + r.get("patient_id") + " "
                        + r.get("reason_code"))
                .containsExactly(
                        "rows-1.csv:32 R-MAL MALFORMED_RECORD",
                        "rows-1.csv:33  MISSING_REQUIRED",
                        "rows-1.csv:34 R-NOSITE MISSING_REQUIRED",
                        "rows-1.csv:35 R-INV INVALID_VALUE",
                        "rows-1.csv:36 '=1+2 INVALID_VALUE",
                        "rows-1.csv:37 G0005 DUPLICATE_PATIENT_ID",
                        "rows-1.csv:38 R-DATES INCONSISTENT_DATES",
                        "rows-2.csv:22 G0003 DUPLICATE_PATIENT_ID");
        assertThat(records(published.resolve("rejects.csv"))).extracting(r -> r.get("message")).containsExactly(
                "the record has 15 cells but the header has 14 (an unquoted comma inside a cell?)",
                "column 'patient_id' is empty but required",
                "column 'primary_site' is empty but required",
                "column 'sex': '=cmd' is not one of F, M, U, X",
                "column 'patient_id': '=1+2' is not 1-64 characters of A-Z a-z 0-9 . _ -",
                "column 'patient_id': 'G0005' was already assessed from rows-1.csv line 6; the first row is kept",
                "column 'recurrence_date': '1950-06-01' is before birth_date '1960-01-01'",
                "column 'patient_id': 'G0003' was already assessed from rows-1.csv line 4; the first row is kept");

        JsonNode summary = PublishedOutputs.json(published.resolve("summary.json"));
        assertThat(summary.get("read").asLong()).isEqualTo(109);
        assertThat(summary.get("assessed").asLong()).isEqualTo(101);
        assertThat(summary.get("rejected").asLong()).isEqualTo(8);
        for (JsonNode file : summary.get("input_files")) {
            assertThat(file.get("read").asLong()).as(file.get("name").asString())
                    .isEqualTo(file.get("assessed").asLong() + file.get("rejected").asLong());
        }
        assertThat(summary.get("reject_reasons").toString()).isEqualTo("{\"MALFORMED_RECORD\":1,"
                + "\"MISSING_REQUIRED\":2,\"INVALID_VALUE\":2,\"DUPLICATE_PATIENT_ID\":2,\"INCONSISTENT_DATES\":1,\"UNKNOWN_PATIENT\":0}");
        List<CSVRecord> assessed = records(published.resolve("assessments.csv"));
        assertThat(assessed).hasSize(101);
        assertThat(assessed).filteredOn(a -> a.get("patient_id").equals("G0005")).singleElement()
                .extracting(a -> a.get("source_line")).as("the first row of a duplicate id is kept").isEqualTo("6");
    }

    @Test
    void shouldWriteCellsThatASpreadsheetWouldRunAsAFormulaWithALeadingApostrophe() throws Exception {
        // given: patient id -123 is valid; =1+2 is an invalid id; =cmd an invalid sex
        Path output = temp.resolve("reports");

        // when
        TestRuns.Launch launch = launch(resource("bad-input/row-level"), output, 0.10);

        // then
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        Path published = output.resolve(DATE);
        assertThat(PublishedOutputs.lines(published.resolve("assessments.csv")))
                .anyMatch(line -> line.startsWith("'-123,rows-1.csv,39,"))
                .noneMatch(line -> line.startsWith("-123,"));
        assertThat(PublishedOutputs.lines(published.resolve("options.csv")))
                .anyMatch(line -> line.startsWith("'-123,LR1,"))
                .noneMatch(line -> line.startsWith("-123,"));
        assertThat(PublishedOutputs.lines(published.resolve("rejects.csv")))
                .contains("rows-1.csv,36,'=1+2,INVALID_VALUE,column 'patient_id': '=1+2' is not 1-64 characters of A-Z a-z 0-9 . _ -",
                        "rows-1.csv,35,R-INV,INVALID_VALUE,\"column 'sex': '=cmd' is not one of F, M, U, X\"");
        assertThat(PublishedOutputs.read(published.resolve("assessments.jsonl")))
                .as("JSON is not opened by spreadsheets: the id stays as it is").contains("{\"patient_id\":\"-123\",");
    }

    @Test
    void shouldRejectAnUnterminatedQuoteFromItsStartLineAndAssessTheRowsBeforeIt() throws Exception {
        // given: 25 good rows, an unterminated quote on line 27 that swallows the 5 lines after it
        Path output = temp.resolve("reports");

        // when
        TestRuns.Launch launch = launch(resource("bad-input/unterminated-quote/cohort.csv"), output, 0.10);

        // then
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        Path published = output.resolve(DATE);
        List<CSVRecord> rejects = records(published.resolve("rejects.csv"));
        assertThat(rejects).singleElement().satisfies(r -> {
            assertThat(r.get("line")).isEqualTo("27");
            assertThat(r.get("reason_code")).isEqualTo("MALFORMED_RECORD");
            assertThat(r.get("message")).contains("unterminated quoted cell", "line 27");
        });
        List<String> ids = records(published.resolve("assessments.csv")).stream().map(a -> a.get("patient_id")).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            expected.add(String.format("U%04d", i));
        }
        assertThat(ids).containsExactlyElementsOf(expected);
        JsonNode summary = PublishedOutputs.json(published.resolve("summary.json"));
        assertThat(summary.get("read").asLong()).isEqualTo(26);
    }

    @Test
    void shouldPublishAnEmptyCohortForAHeaderOnlyFile() throws Exception {
        // given
        Path output = temp.resolve("reports");

        // when
        TestRuns.Launch launch = launch(resource("bad-input/header-only/cohort.csv"), output, 0.10);

        // then
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        Path published = output.resolve(DATE);
        assertThat(PublishedOutputs.lines(published.resolve("assessments.csv"))).hasSize(2).last().isEqualTo("");
        assertThat(PublishedOutputs.lines(published.resolve("options.csv"))).hasSize(2);
        assertThat(PublishedOutputs.lines(published.resolve("rejects.csv"))).hasSize(2);
        assertThat(published.resolve("assessments.jsonl")).isEmptyFile();
        JsonNode summary = PublishedOutputs.json(published.resolve("summary.json"));
        assertThat(List.of(summary.get("read").asLong(), summary.get("assessed").asLong(),
                summary.get("rejected").asLong())).containsOnly(0L);
        for (String counts : List.of("pathways", "trial_priorities", "reject_reasons", "review_flags", "rules")) {
            summary.get(counts).values().forEach(count -> assertThat(count.asLong()).as(counts).isZero());
        }
        assertThat(published.resolve("report.html")).isNotEmptyFile();
    }

    @Test
    void shouldAcceptARejectRateExactlyAtTheLimit() throws Exception {
        // given: 8 rejects of 109 rows is 7.3%; at 8/109 the run is exactly at its limit
        Path output = temp.resolve("reports");

        // when
        TestRuns.Launch launch = launch(resource("bad-input/row-level"), output, 8.0 / 109);

        // then
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        // and one reject fewer allowed fails the run, naming the count
        TestRuns.Launch stricter = launch(resource("bad-input/row-level"), temp.resolve("stricter"), 7.0 / 109);
        assertThat(stricter.exitStatus()).isEqualTo(RunLauncher.FAILED);
        assertThat(stricter.err()).contains("8 of 109 rows rejected");
        assertThat(temp.resolve("stricter").resolve(DATE)).doesNotExist();
    }

    @Test
    void shouldAcceptARejectRateExactlyAtADecimalLimit() throws Exception {
        // given: 71 good rows and 29 with an invalid sex, maxRejectRate=0.29 as an operator types it
        Path input = temp.resolve("cohort.csv");
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= 100; i++) {
            lines.add(String.format("P%04d,1960-01-15,%s,ON,C21.1,8070/3,2024-03-01,10,anal_canal,surgery,yes,,0,", i,
                    i <= 29 ? "Q" : "F"));
        }
        Files.write(input, lines);

        // when
        TestRuns.Launch launch = launch(input, temp.resolve("reports"), 0.29);

        // then: 29/100 is not more than 0.29
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
    }

    @Test
    void shouldPublishACohortFileWhoseNameStartsWithAFormulaCharacter() throws Exception {
        // given
        Path input = Files.createDirectories(temp.resolve("input"));
        Files.copy(resource("bad-input/file-level/good.csv"), input.resolve("-cohort.csv"));

        // when
        TestRuns.Launch launch = launch(input, temp.resolve("reports"), 0.10);

        // then
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(PublishedOutputs.lines(temp.resolve("reports").resolve(DATE).resolve("assessments.csv")))
                .anyMatch(line -> line.startsWith("OK1,'-cohort.csv,2,"));
    }

    private TestRuns.Launch launch(Path input, Path output, double maxRejectRate) throws Exception {
        RunRequest request = TestRuns.request(input, output, TestRuns.SAMPLE_RUN_DATE, maxRejectRate);
        return TestRuns.launch(runLauncher, request);
    }
}
