package ca.trialpath.batch;

import static ca.trialpath.batch.PublishedOutputs.assertSameContent;
import static ca.trialpath.batch.PublishedOutputs.assertSameSummary;
import static ca.trialpath.batch.PublishedOutputs.read;
import static ca.trialpath.batch.PublishedOutputs.records;
import static ca.trialpath.batch.PublishedOutputs.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The real job on the committed sample cohort: its published files are the reviewed golden files, and
 * every special row of sample-data/README.md comes out as that README says.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:sample-run-tests;DB_CLOSE_DELAY=-1",
        "logging.level.ca.trialpath=WARN" })
@SpringBatchTest
class SampleRunIntegrationTests {

    private static final Path SAMPLE = Path.of("sample-data");
    private static final Path GOLDEN = resource("golden/sample-2026-11-27");
    private static final String DATE = "2026-11-27";

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;

    @TempDir
    private Path output;

    @Test
    void shouldPublishTheGoldenOutputsForTheSampleCohort() throws Exception {
        // given
        var parameters = TestRuns.parameters(SAMPLE, output, TestRuns.SAMPLE_RUN_DATE, 0.10);

        // when
        JobExecution execution = jobOperatorTestUtils.startJob(parameters);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path published = output.resolve(DATE);
        for (String file : PublishedOutputs.EXACT_FILES) {
            assertSameContent(published.resolve(file), GOLDEN.resolve(file));
        }
        assertSameSummary(published.resolve("summary.json"), GOLDEN.resolve("summary.json"));
        assertThat(PublishedOutputs.json(published.resolve("summary.json")).get("job_execution_id").asLong())
                .isEqualTo(execution.getId());
    }

    @Test
    void shouldPublishEveryFileAndLeaveNoStagingBehind() throws Exception {
        // given
        var parameters = TestRuns.parameters(SAMPLE, output, TestRuns.SAMPLE_RUN_DATE, 0.10);

        // when
        JobExecution execution = jobOperatorTestUtils.startJob(parameters);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        try (var top = Files.list(output)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(DATE, ".trialpath");
        }
        try (var published = Files.list(output.resolve(DATE))) {
            assertThat(published.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(PublishedOutputs.FILES);
        }
        for (String file : PublishedOutputs.FILES) {
            assertThat(output.resolve(DATE).resolve(file)).isNotEmptyFile();
        }
        assertThat(output.resolve(".trialpath/staging").resolve(DATE)).doesNotExist();
        assertThat(PublishedOutputs.tree(output.resolve(".trialpath")))
                .as("no file is left in the work folder")
                .allSatisfy(name -> assertThat(output.resolve(".trialpath").resolve(name)).isDirectory());
    }

    @Test
    void shouldGiveEverySpecialRowOfTheSampleReadmeItsExpectedOutcome() throws Exception {
        // given
        List<SpecialRow> special = specialRows();
        assertThat(special).hasSize(39 + 13);

        // when
        JobExecution execution = jobOperatorTestUtils.startJob(
                TestRuns.parameters(SAMPLE, output, TestRuns.SAMPLE_RUN_DATE, 0.10));

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, CSVRecord> assessed = byPatientId(records(output.resolve(DATE).resolve("assessments.csv")));
        Map<String, CSVRecord> rejected = byPatientId(records(output.resolve(DATE).resolve("rejects.csv")));
        Map<String, List<String>> optionRules = new LinkedHashMap<>();
        for (CSVRecord option : records(output.resolve(DATE).resolve("options.csv"))) {
            optionRules.computeIfAbsent(option.get("patient_id"), id -> new ArrayList<>()).add(option.get("rule"));
        }
        for (SpecialRow row : special) {
            if (row.expected().startsWith("rejected: ")) {
                CSVRecord reject = rejected.get(row.patientId());
                assertThat(reject).as("reject of %s", row.patientId()).isNotNull();
                assertThat(List.of(reject.get("source_file"), reject.get("line"), reject.get("reason_code")))
                        .as("reject of %s", row.patientId())
                        .containsExactly(row.file(), row.line(), row.expected().substring("rejected: ".length()));
                continue;
            }
            CSVRecord person = assessed.get(row.patientId());
            assertThat(person).as("assessment of %s", row.patientId()).isNotNull();
            assertThat(describe(person, optionRules.getOrDefault(row.patientId(), List.of())))
                    .as("%s (%s line %s)", row.patientId(), row.file(), row.line())
                    .isEqualTo(row.file() + ":" + row.line() + " " + row.expected());
        }
        assertThat(rejected).hasSize(6);
    }

    @Test
    void shouldWriteAReportThatOpensOnTodayWithASectionPerPerson() throws Exception {
        // given
        var parameters = TestRuns.parameters(SAMPLE, output, TestRuns.SAMPLE_RUN_DATE, 0.10);

        // when
        JobExecution execution = jobOperatorTestUtils.startJob(parameters);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String html = read(output.resolve(DATE).resolve("report.html"));
        List<CSVRecord> assessed = records(output.resolve(DATE).resolve("assessments.csv"));
        // without a trial catalogue there is no screening worklist, and the page opens saying so
        assertThat(section(html, "today")).contains("No trial matching was done").doesNotContain("<tr");

        List<String> people = new ArrayList<>();
        Matcher article = Pattern.compile("<article class=\"person\" id=\"p-([^\"]+)\"").matcher(html);
        while (article.find()) {
            people.add(article.group(1));
        }
        assertThat(people).as("one section per assessed person, in input order")
                .containsExactlyElementsOf(assessed.stream().map(a -> a.get("patient_id")).toList());
        assertThat(html).as("self-contained: nothing fetched from the network")
                .doesNotContain("http://", "https://", "<script src", "<link");
        assertThat(section(html, "rejects")).contains("TP-26-0110", "TP-26-0114", "TP-26-0118", "TP-26-0189",
                "TP-26-0051", "TP-26-0211");
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        assertThat(start).as("section %s", id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** An assessment in the words of the README's "expected" column. */
    private static String describe(CSVRecord a, List<String> optionRules) {
        String pathway = a.get("pathway") + (a.get("extent").isEmpty() ? "" : " (" + a.get("extent") + ")");
        String options = a.get("rules").isEmpty() ? "none" : a.get("rules").replace(';', ' ');
        String flags = a.get("review_flags").isEmpty() ? "none" : a.get("review_flags").replace(';', ' ');
        assertThat(String.join(" ", optionRules)).as("options.csv rules of %s", a.get("patient_id"))
                .isEqualTo(options.equals("none") ? "" : options);
        return a.get("source_file") + ":" + a.get("source_line") + " " + pathway + "; options: " + options
                + "; flags: " + flags + "; trial: " + a.get("trial_priority") + " (" + a.get("trial_rule") + ")";
    }

    private static Map<String, CSVRecord> byPatientId(List<CSVRecord> records) {
        Map<String, CSVRecord> byId = new LinkedHashMap<>();
        records.forEach(r -> byId.put(r.get("patient_id"), r));
        return byId;
    }

    private record SpecialRow(String file, String line, String patientId, String expected) {
    }

    /** The "Special rows" table of sample-data/README.md. */
    private static List<SpecialRow> specialRows() {
        Pattern row = Pattern.compile("^\\| ([ab]) \\| (\\d+) \\| `([^`]+)` \\| .*? \\| ([^|]+) \\|$");
        List<SpecialRow> rows = new ArrayList<>();
        for (String line : read(SAMPLE.resolve("README.md")).split("\n")) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                rows.add(new SpecialRow("cohort-2026-11-" + m.group(1) + ".csv", m.group(2), m.group(3),
                        m.group(4).strip()));
            }
        }
        return rows;
    }
}
