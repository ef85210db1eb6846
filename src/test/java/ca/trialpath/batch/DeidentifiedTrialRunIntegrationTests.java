package ca.trialpath.batch;

import static ca.trialpath.batch.PublishedOutputs.records;
import static ca.trialpath.batch.PublishedOutputs.resource;
import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cli.RunLauncher;
import ca.trialpath.cli.RunRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A de-identified run matches trials like a plain one: the birth date is not published, but the AGE
 * criterion is still judged from the row, so only the patient ids of trial_matches.csv differ.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:deidentified-trial-run-tests;DB_CLOSE_DELAY=-1",
        "TRIALPATH_PSEUDONYM_KEY_FILE=" + DeidentifiedTrialRunIntegrationTests.KEY_FILE,
        "logging.level.ca.trialpath=OFF",
        "logging.level.org.springframework.batch=OFF" })
class DeidentifiedTrialRunIntegrationTests {

    static final String KEY_FILE = "target/deidentified-trial-run-tests/pseudonym.key";

    @Autowired
    private RunLauncher runLauncher;

    @TempDir
    private Path temp;

    @Test
    void shouldMatchADeidentifiedRunLikeAPlainOneButForThePatientIds() throws Exception {
        // given
        Files.createDirectories(Path.of(KEY_FILE).getParent());
        Files.writeString(Path.of(KEY_FILE), "0123456789abcdef0123456789abcdef-trial-key\n", StandardCharsets.UTF_8);
        RunRequest plain = TestRuns.request(Path.of("sample-data"), temp.resolve("reports"), TestRuns.SAMPLE_RUN_DATE,
                0.10, Path.of("sample-data/trials"), Path.of("sample-data/trial-criteria.json"));
        RunRequest deidentified = new RunRequest(plain.input(), plain.output(), plain.runDate(), plain.maxRejectRate(),
                List.of(), true, plain.trials(), plain.trialCriteria());

        // when
        TestRuns.Launch launch = TestRuns.launch(runLauncher, deidentified);

        // then
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        Path published = temp.resolve("reports").resolve(TestRuns.SAMPLE_RUN_DATE.toString());
        List<CSVRecord> actual = records(published.resolve("trial_matches.csv"));
        List<CSVRecord> expected = records(resource("golden/trials-2026-11-27/trial_matches.csv"));
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            List<String> a = actual.get(i).toList();
            List<String> e = expected.get(i).toList();
            assertThat(a.subList(1, a.size())).as("row %d", i + 1).isEqualTo(e.subList(1, e.size()));
            assertThat(a.get(0)).as("row %d", i + 1).isNotEqualTo(e.get(0)).doesNotContain("TP-26");
        }
        assertThat(PublishedOutputs.read(published.resolve("report.html"))).doesNotContain("TP-26-");
        // no screening log: it names people by patient id and holds the coordinators' notes (docs/screening.md)
        assertThat(published.resolve("screening_log.csv")).doesNotExist();
        assertThat(PublishedOutputs.read(published.resolve("report.html")))
                .as("today's list says why it is empty, rather than 'nothing to act on'")
                .contains("A de-identified run keeps no screening worklist").doesNotContain("Nothing to act on today.");
        assertThat(PublishedOutputs.json(published.resolve("summary.json")).get("screening").get("kept").asBoolean())
                .isFalse();
    }
}
