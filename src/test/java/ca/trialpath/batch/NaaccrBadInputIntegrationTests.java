package ca.trialpath.batch;

import static ca.trialpath.batch.PublishedOutputs.records;
import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cli.RunLauncher;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Broken NAACCR input through the real launcher and job: a file that is not NAACCR XML of a version read fails
 * the run (exit 1, nothing published) naming the file, line and column; a bad item value rejects its patient naming
 * the item's number, XML id, line and column; a bad supplement fails the run naming it.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:naaccr-bad-input-tests;DB_CLOSE_DELAY=-1",
        "logging.level.ca.trialpath=OFF",
        "logging.level.org.springframework.batch=OFF" })
class NaaccrBadInputIntegrationTests {

    private static final String DATE = "2026-11-27";
    private static final String ROOT = "<NaaccrData baseDictionaryUri=\"http://naaccr.org/naaccrxml/naaccr-dictionary-260.xml\""
            + " recordType=\"A\" specificationVersion=\"1.8\" xmlns=\"http://naaccr.org/naaccrxml\">\n";
    private static final String PATIENT = """
              <Patient>
                <Item naaccrId="patientIdNumber">B1</Item>
                <Tumor>
                  <Item naaccrId="primarySite">C211</Item>
                  <Item naaccrId="recurrenceType1st">10</Item>
                </Tumor>
              </Patient>
            """;

    @Autowired
    private RunLauncher runLauncher;

    @TempDir
    private Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            truncated     | line 10, column 1: not well-formed XML
            other-root    | line 2, column 23: the root element is <Registry>
            version-1.9   | specificationVersion "1.9" is not one read (NAACCR XML 1.0 to 1.8, NAACCR 16 to 26)
            no-version    | <NaaccrData> has no specificationVersion attribute
            stray-text    | line 4, column
            """)
    void shouldFailTheRunAndPublishNothingForAFileThatIsNotNaaccrXml(String kind, String problem) throws Exception {
        // given: the broken extract beside a good cohort file
        Path input = Files.createDirectories(temp.resolve("input"));
        Files.writeString(input.resolve("good.csv"), "patient_id,primary_site,recurrence_type\nG1,C21.1,10\n");
        String xml = switch (kind) {
            case "truncated" -> "<?xml version=\"1.0\"?>\n" + ROOT + PATIENT;
            case "other-root" -> "<?xml version=\"1.0\"?>\n<Registry version=\"1\">" + PATIENT + "</Registry>\n";
            case "version-1.9" -> "<?xml version=\"1.0\"?>\n" + ROOT.replace("1.8", "1.9") + PATIENT + "</NaaccrData>\n";
            case "no-version" -> "<?xml version=\"1.0\"?>\n" + ROOT.replace(" specificationVersion=\"1.8\"", "")
                    + PATIENT + "</NaaccrData>\n";
            default -> "<?xml version=\"1.0\"?>\n" + ROOT + "  <Patient>\n    <Item naaccrId=\"patientIdNumber\">B1</Item></Tumor>\n"
                    + "</NaaccrData>\n";
        };
        Path extract = input.resolve("registry.xml");
        Files.writeString(extract, xml);
        Path output = temp.resolve("reports");

        // when
        TestRuns.Launch launch = launch(input, output, null);

        // then
        assertThat(launch.exitStatus()).isEqualTo(RunLauncher.FAILED);
        assertThat(launch.err().lines().toList()).singleElement().asString()
                .contains("nothing published", extract.toAbsolutePath() + ": ", problem);
        assertThat(output.resolve(DATE)).doesNotExist();
        assertThat(output.resolve(".trialpath/staging").resolve(DATE)).doesNotExist();
    }

    @Test
    void shouldFailTheRunForADamagedGzipStream() throws Exception {
        // given: the first half of a gzipped extract
        Path input = Files.createDirectories(temp.resolve("input"));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(("<?xml version=\"1.0\"?>\n" + ROOT + PATIENT.repeat(200) + "</NaaccrData>\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = bytes.toByteArray();
        Path extract = input.resolve("registry.xml.gz");
        Files.write(extract, java.util.Arrays.copyOf(whole, whole.length / 2));

        // when
        TestRuns.Launch launch = launch(input, temp.resolve("reports"), null);

        // then
        assertThat(launch.exitStatus()).isEqualTo(RunLauncher.FAILED);
        assertThat(launch.err()).contains("nothing published", extract.toAbsolutePath().toString());
        assertThat(temp.resolve("reports").resolve(DATE)).doesNotExist();
    }

    @Test
    void shouldRejectAPatientWithAnInvalidItemNamingItsNumberIdLineAndColumn() throws Exception {
        // given
        Path input = Files.createDirectories(temp.resolve("input"));
        Files.writeString(input.resolve("registry.xml"), "<?xml version=\"1.0\"?>\n" + ROOT + PATIENT
                + PATIENT.replace("B1", "B2").replace("<Item naaccrId=\"recurrenceType1st\">10</Item>",
                        "<Item naaccrId=\"recurrenceType1st\">10</Item>\n      <Item naaccrId=\"recurrenceDate1st\">20261399</Item>")
                + "</NaaccrData>\n");

        // when
        TestRuns.Launch launch = launch(input, temp.resolve("reports"), null, 1.0);

        // then: nothing lost, the bad patient listed
        assertThat(launch.exitStatus()).as(launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        CSVRecord reject = records(temp.resolve("reports").resolve(DATE).resolve("rejects.csv")).get(0);
        assertThat(reject.get("patient_id")).isEqualTo("B2");
        assertThat(reject.get("line")).isEqualTo("15");
        assertThat(reject.get("reason_code")).isEqualTo("INVALID_VALUE");
        assertThat(reject.get("message")).contains("item 1860", "recurrenceDate1st", "line 15, column", "'20261399'");
        assertThat(records(temp.resolve("reports").resolve(DATE).resolve("assessments.csv")))
                .singleElement().satisfies(r -> assertThat(r.get("patient_id")).isEqualTo("B1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            'patient_id,birth_date\nB1,19600101\n'  | column 'birth_date' is the registry's to give
            'ecog,symptoms\n1,\n'                   | the supplement's header has no column 'patient_id'
            ''                                      | the supplement is empty
            """)
    void shouldFailTheRunForASupplementThatCannotBeRead(String text, String problem) throws Exception {
        // given
        Path input = Files.createDirectories(temp.resolve("input"));
        Files.writeString(input.resolve("registry.xml"), "<?xml version=\"1.0\"?>\n" + ROOT + PATIENT + "</NaaccrData>\n");
        Path supplement = temp.resolve("clinic.csv");
        Files.writeString(supplement, text.replace("\\n", "\n"));

        // when
        TestRuns.Launch launch = launch(input, temp.resolve("reports"), supplement);

        // then
        assertThat(launch.exitStatus()).isEqualTo(RunLauncher.FAILED);
        assertThat(launch.err().lines().toList()).singleElement().asString()
                .contains("nothing published", supplement.toAbsolutePath() + ": " + problem);
    }

    @Test
    void shouldRefuseASupplementThatIsNotThere() throws Exception {
        // given
        Path input = Files.createDirectories(temp.resolve("input"));
        Files.writeString(input.resolve("registry.xml"), "<?xml version=\"1.0\"?>\n" + ROOT + PATIENT + "</NaaccrData>\n");

        // when
        TestRuns.Launch launch = launch(input, temp.resolve("reports"), temp.resolve("missing.csv"));

        // then
        assertThat(launch.exitStatus()).isEqualTo(RunLauncher.USAGE);
        assertThat(launch.err()).contains("supplement", "missing.csv", "does not exist");
    }

    private TestRuns.Launch launch(Path input, Path output, Path supplement) throws Exception {
        return launch(input, output, supplement, 0.10);
    }

    private TestRuns.Launch launch(Path input, Path output, Path supplement, double maxRejectRate) throws Exception {
        return TestRuns.launch(runLauncher, NaaccrRunIntegrationTests.request(input, output, supplement, false,
                maxRejectRate));
    }
}
