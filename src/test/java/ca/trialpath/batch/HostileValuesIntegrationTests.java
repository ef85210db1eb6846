package ca.trialpath.batch;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cli.RunLauncher;
import ca.trialpath.cli.RunRequest;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4, point 6: hostile values (script tags, formula payloads, quotes, control characters, values near
 * the 64 KiB cell bound) in every cell, file name and column name that reaches an output, through the real
 * job. Every CSV cell is neutralised, the report escapes everything, the JSON stays valid; and the log and
 * standard error carry ids and counts, never a row's values.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:hostile-values-tests;DB_CLOSE_DELAY=-1",
        "logging.level.ca.trialpath=INFO" })
class HostileValuesIntegrationTests {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String BREAKOUT = "\"><img src=x onerror=alert(1)>";
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";
    private static final String CONTROLS = "ctl\u0001\u0007\u001b[31m\u007f\u2028end";
    private static final String LONG = "L".repeat(60_000);
    private static final String HEADER = "patient_id,birth_date,sex,province,primary_site,recurrence_date,"
            + "recurrence_sites,symptoms,\"" + SCRIPT + "\",\"=cmd|' /C calc'!A0\",\"notes\nERROR forged line\"";
    /** Values that may only ever reach the published files, never the log: birth dates and free text. */
    private static final List<String> ROW_ONLY = List.of("1957-03-14", "1960-02-30", "1948-07-09", "SECRET-NOTE",
            "not a real calendar date", "is not one of");

    @Autowired
    private RunLauncher runLauncher;

    @TempDir
    private Path temp;

    @Test
    void shouldNeutraliseHostileValuesInEveryOutputAndKeepThemOutOfTheLog(CapturedOutput output) throws Exception {
        // given: a file whose name is itself hostile
        Path input = Files.createDirectories(temp.resolve("input"));
        String fileName = "-1+1 <b onmouseover=alert(1)>x 'q' \"q\".csv";
        Files.writeString(input.resolve(fileName), String.join("\n", HEADER,
                row("H0001", "1957-03-14", "F", "anal_canal;" + SCRIPT, "pain;" + SCRIPT + ";" + FORMULA + ";"
                        + BREAKOUT + ";" + CONTROLS + ";SECRET-NOTE"),
                row("H0002", "1948-07-09", "M", "liver;" + LONG, LONG),
                row(FORMULA, "1957-03-14", "F", "anal_canal", ""),
                row("@SUM(1+1)", "", "F", "anal_canal", ""),
                row("+cmd", "", "F", "anal_canal", ""),
                row("-1+1", "", "F", "anal_canal", ""),
                row("\t=1+2", "", "F", "anal_canal", ""),
                row("H0003", "1960-02-30", SCRIPT, "anal_canal", ""),
                row("H0004", "", CONTROLS + "\r\nERROR forged", "anal_canal", ""),
                row("H0005", "", "X".repeat(65_600), "anal_canal", "")) + "\n", StandardCharsets.UTF_8);

        // when: published (every reject allowed), and again failing on its reject rate
        TestRuns.Launch published = launch(input, temp.resolve("reports"), 1.0);
        TestRuns.Launch failed = launch(input, temp.resolve("strict"), 0.0);

        // then
        assertThat(published.exitStatus()).as(published.err()).isEqualTo(RunLauncher.PUBLISHED);
        Path folder = temp.resolve("reports").resolve(TestRuns.SAMPLE_RUN_DATE.toString());
        for (String csv : List.of("assessments.csv", "options.csv", "rejects.csv")) {
            for (CSVRecord record : records(folder.resolve(csv))) {
                for (String cell : record) {
                    assertThat(cell).as("%s line %d", csv, record.getRecordNumber())
                            .doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
                            .doesNotStartWith("\t").doesNotStartWith("\r").doesNotStartWith("\n");
                }
            }
        }
        assertThat(records(folder.resolve("rejects.csv"))).extracting(r -> r.get("patient_id"))
                .contains("'" + FORMULA, "'@SUM(1+1)", "'+cmd", "'-1+1", "'=1+2");
        assertThat(records(folder.resolve("assessments.csv"))).extracting(r -> r.get("source_file"))
                .containsOnly("'" + fileName);

        String html = PublishedOutputs.read(folder.resolve("report.html"));
        assertThat(html).doesNotContain("<script>alert", "<img", "<b onmouseover", "\u0001", "\u0007", "\u001b", "\u007f")
                // the page's templates escape markup in content, and quotes too in attributes
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "\"&gt;&lt;img_src=x_onerror=alert(1)&gt;",
                        "=HYPERLINK(\"http://evil.example\",\"click\")", "l".repeat(60_000))
                .doesNotContain("\"><img", "\">&lt;img");
        JsonMapper json = JsonMapper.builder().build();
        for (String line : PublishedOutputs.read(folder.resolve("assessments.jsonl")).split("\n")) {
            json.readTree(line); // every line is one valid JSON object, whatever the values held
            assertThat(line).doesNotContain("\u0001", "\u2028");
        }
        assertThat(PublishedOutputs.read(folder.resolve("summary.json")))
                .as("column names in the summary are JSON strings, their line breaks escaped")
                .contains("\"" + SCRIPT + "\"", "\"notes\\nERROR forged line\"").doesNotContainPattern("(?m)^ERROR");

        assertThat(failed.exitStatus()).isEqualTo(RunLauncher.FAILED);
        assertThat(failed.err()).contains("rows rejected");
        String log = output.getAll() + published.out() + published.err() + failed.err();
        assertThat(output.getAll()).as("the log names the first rejected rows by id, reason and column")
                .contains("H0003: INVALID_VALUE (birth_date, sex)");
        assertThat(log).as("the run logged (the capture works)").contains("COMPLETED", "FAILED", "ignored columns");
        for (String value : ROW_ONLY) {
            assertThat(log).as("row values in the log or on standard error").doesNotContain(value);
        }
        assertThat(log).as("a value cannot forge a log line").doesNotContainPattern("(?m)^ERROR forged");
    }

    private static String row(String id, String birthDate, String sex, String sites, String symptoms) {
        return String.join(",", quoted(id), birthDate, quoted(sex), "ON", "C21.1", "2024-01-01", quoted(sites),
                quoted(symptoms), "x", "y", "SECRET-NOTE");
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static List<CSVRecord> records(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }

    private TestRuns.Launch launch(Path input, Path output, double maxRejectRate) throws Exception {
        RunRequest request = TestRuns.request(input, output, TestRuns.SAMPLE_RUN_DATE, maxRejectRate);
        return TestRuns.launch(runLauncher, request);
    }
}
