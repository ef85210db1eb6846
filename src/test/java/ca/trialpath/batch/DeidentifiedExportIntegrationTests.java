package ca.trialpath.batch;

import static ca.trialpath.batch.PublishedOutputs.records;
import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cohort.CohortColumn;
import ca.trialpath.cohort.CohortHeader;
import ca.trialpath.cohort.CsvRecord;
import ca.trialpath.cohort.CsvRecordReader;
import ca.trialpath.cli.RunLauncher;
import ca.trialpath.cli.RunRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4, point 6: deidentify=true on the sample cohort through the real launcher and job. The key file is
 * named the way an operator names it (TRIALPATH_PSEUDONYM_KEY_FILE, here as a property of that name, which
 * Spring looks up like the environment variable).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:deidentified-export-tests;DB_CLOSE_DELAY=-1",
        "TRIALPATH_PSEUDONYM_KEY_FILE=" + DeidentifiedExportIntegrationTests.KEY_FILE,
        "logging.level.ca.trialpath=INFO",
        "logging.level.org.springframework.batch=OFF" })
@ExtendWith(OutputCaptureExtension.class)
class DeidentifiedExportIntegrationTests {

    static final String KEY_FILE = "target/deidentified-export-tests/pseudonym.key";
    private static final String KEY = "0123456789abcdef0123456789abcdef-first-key";
    private static final String OTHER_KEY = "fedcba9876543210fedcba9876543210-other-key";
    private static final Path SAMPLE = Path.of("sample-data");
    private static final String DATE = TestRuns.SAMPLE_RUN_DATE.toString();

    @Autowired
    private RunLauncher runLauncher;

    @TempDir
    private Path temp;

    @BeforeEach
    void writeKey() throws IOException {
        useKey(KEY);
    }

    @Test
    void shouldPublishNoOriginalPatientIdOrBirthDateInAnyFile() throws Exception {
        // given: every patient id and birth date of the sample files (the rejected rows' included)
        Set<String> ids = new LinkedHashSet<>();
        Set<String> birthDates = new LinkedHashSet<>();
        Set<String> otherDates = new LinkedHashSet<>();
        for (Path file : List.of(SAMPLE.resolve("cohort-2026-11-a.csv"), SAMPLE.resolve("cohort-2026-11-b.csv"))) {
            try (CsvRecordReader reader = new CsvRecordReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
                CohortHeader header = CohortHeader.of(file.toString(), reader.next().cells());
                for (CsvRecord row = reader.next(); row != null; row = reader.next()) {
                    ids.add(header.cell(row.cells(), CohortColumn.PATIENT_ID));
                    birthDates.add(header.cell(row.cells(), CohortColumn.BIRTH_DATE));
                    otherDates.add(header.cell(row.cells(), CohortColumn.RECURRENCE_DATE));
                }
            }
        }
        ids.remove("");
        birthDates.remove("");
        // a birth date that is also someone's recurrence date may rightly appear as that
        birthDates.removeAll(otherDates);
        assertThat(ids).hasSizeGreaterThan(200);
        assertThat(birthDates).hasSizeGreaterThan(150);

        // when
        TestRuns.Launch launch = launch(temp.resolve("reports"), true);

        // then
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        Path published = temp.resolve("reports").resolve(DATE);
        List<Path> files = filesUnder(published);
        assertThat(files).extracting(p -> p.getFileName().toString()).containsAll(PublishedOutputs.FILES);
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(ids).as("patient ids in %s", file.getFileName()).noneMatch(text::contains);
            assertThat(birthDates).as("birth dates in %s", file.getFileName()).noneMatch(text::contains);
            assertThat(text).as("free-text terms in %s", file.getFileName()).doesNotContain("fatigue", "spleen");
        }
        // the launcher's own line names no one either
        assertThat(ids).noneMatch(launch.out()::contains);
        assertThat(PublishedOutputs.read(published.resolve("assessments.jsonl")))
                .as("an unknown site term is replaced, not silently lost").contains("withheld_1");
        // the JSON Lines join the tables by the same pseudonym as assessments.csv
        JsonMapper lines = JsonMapper.builder().build();
        assertThat(PublishedOutputs.read(published.resolve("assessments.jsonl")).lines().toList())
                .extracting(line -> lines.readTree(line).get("patient_id").asString())
                .containsExactlyElementsOf(records(published.resolve("assessments.csv")).stream()
                        .map(r -> r.get("patient_id")).toList());
        JsonNode summary = PublishedOutputs.json(published.resolve("summary.json"));
        assertThat(summary.get("deidentified").asBoolean()).isTrue();
        assertThat(summary.get("pseudonym_key_id").asString()).hasSize(12);
        assertThat(PublishedOutputs.read(published.resolve("report.html")))
                .as("the page says at its top that the ids are pseudonyms")
                .contains("id=\"deidentified\"", "De-identified export.", summary.get("pseudonym_key_id").asString());
        assertThat(List.of(summary.get("read").asLong(), summary.get("assessed").asLong(),
                summary.get("rejected").asLong())).containsExactly(220L, 214L, 6L);
    }

    @Test
    void shouldKeepEverythingButTheIdentifyingFieldsAsInAPlainRun() throws Exception {
        // when
        TestRuns.Launch deidentified = launch(temp.resolve("deidentified"), true);
        TestRuns.Launch plain = launch(temp.resolve("plain"), false);

        // then: same rows in the same order, ages kept; only the ids differ, and they are the keyed pseudonyms
        assertThat(deidentified.exitStatus()).as(deidentified.err()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(plain.exitStatus()).as(plain.err()).isEqualTo(RunLauncher.PUBLISHED);
        List<CSVRecord> pseudonymous = records(temp.resolve("deidentified").resolve(DATE).resolve("assessments.csv"));
        List<CSVRecord> named = records(temp.resolve("plain").resolve(DATE).resolve("assessments.csv"));
        assertThat(pseudonymous).hasSameSizeAs(named);
        for (int i = 0; i < named.size(); i++) {
            assertThat(pseudonymous.get(i).get("patient_id")).isEqualTo(hmac(KEY, named.get(i).get("patient_id")));
            for (String column : List.of("source_file", "source_line", "primary_site", "pathway", "extent",
                    "treatment_goal", "options", "rules", "trial_discussion", "trial_priority", "review_flags",
                    "age_at_recurrence", "province")) {
                assertThat(pseudonymous.get(i).get(column)).as(column).isEqualTo(named.get(i).get(column));
            }
        }
        List<CSVRecord> rejects = records(temp.resolve("deidentified").resolve(DATE).resolve("rejects.csv"));
        assertThat(rejects).extracting(r -> r.get("message")).contains(
                "column 'sex': the value is not one of F, M, U, X",
                "column 'recurrence_date': the value is after the run date 2026-11-27",
                "column 'patient_id': the value was already assessed from cohort-2026-11-a.csv line 52; the first"
                        + " row is kept");
        assertThat(rejects).extracting(r -> r.get("patient_id")).allMatch(id -> id.matches("[0-9a-f]{32}"));
    }

    @Test
    void shouldGiveTheSamePseudonymsWithTheSameKeyOnAnotherNightAndOthersWithAnotherKey() throws Exception {
        // when
        launch(temp.resolve("night-1"), true);
        launch(temp.resolve("night-2"), true);
        useKey(OTHER_KEY);
        TestRuns.Launch otherKey = launch(temp.resolve("other-key"), true);

        // then
        assertThat(otherKey.exitStatus()).as(otherKey.err()).isEqualTo(RunLauncher.PUBLISHED);
        List<String> first = ids(temp.resolve("night-1"));
        assertThat(ids(temp.resolve("night-2"))).containsExactlyElementsOf(first);
        List<String> other = ids(temp.resolve("other-key"));
        assertThat(other).hasSameSizeAs(first).doesNotContainAnyElementsOf(first);
        assertThat(PublishedOutputs.json(temp.resolve("other-key").resolve(DATE).resolve("summary.json"))
                .get("pseudonym_key_id").asString())
                .isNotEqualTo(PublishedOutputs.json(temp.resolve("night-1").resolve(DATE).resolve("summary.json"))
                        .get("pseudonym_key_id").asString());
    }

    @Test
    void shouldRefuseToRunWithoutAKeyOrWithAShortKey() throws Exception {
        // given
        Files.delete(Path.of(KEY_FILE));

        // when
        TestRuns.Launch missing = launch(temp.resolve("missing"), true);
        useKey("too short a key");
        TestRuns.Launch shortKey = launch(temp.resolve("short"), true);

        // then
        assertThat(missing.exitStatus()).isEqualTo(RunLauncher.USAGE);
        assertThat(missing.err()).contains("cannot read the pseudonym key file", "TRIALPATH_PSEUDONYM_KEY_FILE");
        assertThat(shortKey.exitStatus()).isEqualTo(RunLauncher.USAGE);
        assertThat(shortKey.err()).contains("15 bytes; it must be at least 32").doesNotContain("too short a key");
        assertThat(temp.resolve("missing").resolve(DATE)).doesNotExist();
        assertThat(temp.resolve("short").resolve(DATE)).doesNotExist();
    }

    @Test
    void shouldReplaceAPlainFolderWithADeidentifiedOneAndBackAsForChangedInput() throws Exception {
        // given
        Path output = temp.resolve("reports");
        assertThat(launch(output, false).exitStatus()).isEqualTo(RunLauncher.PUBLISHED);

        // when
        TestRuns.Launch deidentified = launch(output, true);
        // the de-identified night is not compared with the plain one before it: its changes.csv and report
        // would otherwise list every real id as "no longer present"
        Set<String> realIds = sampleIds();
        for (Path file : filesUnder(output.resolve(DATE))) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(realIds).as("patient ids in %s", file.getFileName()).noneMatch(text::contains);
        }
        assertThat(PublishedOutputs.json(output.resolve(DATE).resolve("summary.json")).get("previous_run").isNull())
                .as("the first de-identified night of this key has nothing to compare with").isTrue();
        TestRuns.Launch deidentifiedAgain = launch(output, true);
        TestRuns.Launch plainAgain = launch(output, false);

        // then
        assertThat(deidentified.exitStatus()).as(deidentified.err()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(deidentified.out()).contains("published");
        assertThat(deidentifiedAgain.out()).contains("nothing to do");
        assertThat(plainAgain.exitStatus()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(plainAgain.out()).as("the folder held the de-identified run").doesNotContain("nothing to do");
        assertThat(PublishedOutputs.read(output.resolve(DATE).resolve("report.html"))).doesNotContain("id=\"deidentified\"");
        assertThat(ids(output)).contains("TP-26-0001");
        try (Stream<Path> replaced = Files.list(output.resolve(DATE + ".replaced"))) {
            assertThat(replaced).hasSize(2);
        }
    }

    @Test
    void shouldLogPseudonymsNotPatientIdsWhenADeidentifiedRunFails(CapturedOutput output) throws Exception {
        // when: 6 rejects are more than 0 allowed; the failure lists the first rejected rows
        RunRequest plain = TestRuns.request(SAMPLE, temp.resolve("strict"), TestRuns.SAMPLE_RUN_DATE, 0.0);
        TestRuns.Launch launch = TestRuns.launch(runLauncher, new RunRequest(plain.input(), plain.output(),
                plain.runDate(), plain.maxRejectRate(), plain.springArguments(), true));

        // then
        assertThat(launch.exitStatus()).isEqualTo(RunLauncher.FAILED);
        String log = output.getAll() + launch.out() + launch.err();
        assertThat(log).contains("6 of 220 rows rejected", "cohort-2026-11-a.csv line 115, " + hmac(KEY, "TP-26-0114")
                + ": INVALID_VALUE (sex)");
        assertThat(log).doesNotContain("TP-26-", KEY);
    }

    @Test
    void shouldPublishFoldersAndFilesReadableByTheirOwnerOnly() throws Exception {
        // when
        TestRuns.Launch launch = launch(temp.resolve("reports"), true);

        // then
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        Path published = temp.resolve("reports").resolve(DATE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(published))).isEqualTo("rwx------");
        for (Path file : filesUnder(published)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("reports/.trialpath"))))
                .as("the job's work folder (staging, replaced runs, lock)").isEqualTo("rwx------");
    }

    private static void useKey(String key) throws IOException {
        Path file = Path.of(KEY_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
    }

    /** The pseudonym as README documents it, computed apart from the code under test. */
    private static String hmac(String key, String id) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    }

    /** Every patient id of the sample files, the rejected rows' included. */
    private static Set<String> sampleIds() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        for (Path file : List.of(SAMPLE.resolve("cohort-2026-11-a.csv"), SAMPLE.resolve("cohort-2026-11-b.csv"))) {
            try (CsvRecordReader reader = new CsvRecordReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
                CohortHeader header = CohortHeader.of(file.toString(), reader.next().cells());
                for (CsvRecord row = reader.next(); row != null; row = reader.next()) {
                    ids.add(header.cell(row.cells(), CohortColumn.PATIENT_ID));
                }
            }
        }
        ids.remove("");
        return ids;
    }

    private static List<String> ids(Path output) {
        return records(output.resolve(DATE).resolve("assessments.csv")).stream().map(r -> r.get("patient_id")).toList();
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return new ArrayList<>(paths.filter(Files::isRegularFile).toList());
        }
    }

    private TestRuns.Launch launch(Path output, boolean deidentify) throws Exception {
        RunRequest plain = TestRuns.request(SAMPLE, output, TestRuns.SAMPLE_RUN_DATE, 0.10);
        RunRequest request = new RunRequest(plain.input(), plain.output(), plain.runDate(), plain.maxRejectRate(),
                plain.springArguments(), deidentify);
        return TestRuns.launch(runLauncher, request);
    }
}
