package ca.trialpath.batch;

import static ca.trialpath.batch.PublishedOutputs.assertSameContent;
import static ca.trialpath.batch.PublishedOutputs.assertSameSummary;
import static ca.trialpath.batch.PublishedOutputs.json;
import static ca.trialpath.batch.PublishedOutputs.records;
import static ca.trialpath.batch.PublishedOutputs.resource;
import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.batch.publish.HistoryRecorder;
import ca.trialpath.cli.RunLauncher;
import ca.trialpath.cli.RunRequest;
import ca.trialpath.history.RunTotals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The real job on the sample registry extract (sample-data/naaccr/): NAACCR XML with the clinic's supplement, beside
 * cohort CSV, and the rules naaccr.md adds (not in scope counted, several anal primaries, none given, unknown
 * supplement rows).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:naaccr-run-tests;DB_CLOSE_DELAY=-1",
        "logging.level.ca.trialpath=WARN" })
@SpringBatchTest
class NaaccrRunIntegrationTests {

    static final Path EXTRACT = Path.of("sample-data/naaccr/registry-extract.xml");
    static final Path SUPPLEMENT = Path.of("sample-data/naaccr/supplement.csv");
    private static final Path EXPECTED = resource("golden/naaccr-2026-11-27");
    private static final String DATE = "2026-11-27";

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;

    @Autowired
    private RunLauncher runLauncher;

    @Autowired
    private HistoryRecorder historyRecorder;

    @TempDir
    private Path temp;

    static RunRequest request(Path input, Path output, Path supplement, boolean deidentify) {
        return request(input, output, supplement, deidentify, 0.10);
    }

    static RunRequest request(Path input, Path output, Path supplement, boolean deidentify, double maxRejectRate) {
        return new RunRequest(input.toAbsolutePath().normalize(), output.toAbsolutePath().normalize(),
                TestRuns.SAMPLE_RUN_DATE, maxRejectRate, List.of(), deidentify, null, null, "en", Duration.ZERO,
                supplement == null ? null : supplement.toAbsolutePath().normalize());
    }

    @Test
    void shouldPublishTheExpectedOutputsForTheSampleRegistryExtract() throws Exception {
        // given
        Path output = temp.resolve("reports");

        // when
        JobExecution execution = jobOperatorTestUtils.startJob(TestRuns.parameters(request(EXTRACT, output, SUPPLEMENT, false)));

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path published = output.resolve(DATE);
        for (String file : PublishedOutputs.EXACT_FILES) {
            assertSameContent(published.resolve(file), EXPECTED.resolve(file));
        }
        assertSameSummary(published.resolve("summary.json"), EXPECTED.resolve("summary.json"));
    }

    @Test
    void shouldCountEveryPatientOfTheSampleAsAssessedRejectedOrNotInScope() throws Exception {
        // given
        Path output = temp.resolve("reports");

        // when
        JobExecution execution = jobOperatorTestUtils.startJob(TestRuns.parameters(request(EXTRACT, output, SUPPLEMENT, false)));

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        JsonNode summary = json(output.resolve(DATE).resolve("summary.json"));
        assertThat(summary.get("read").asLong()).isEqualTo(320);
        assertThat(summary.get("assessed").asLong() + summary.get("rejected").asLong()
                + summary.get("not_in_scope").asLong()).isEqualTo(320);
        assertThat(summary.get("assessed").asLong()).isEqualTo(29);
        JsonNode extract = summary.get("input_files").get(0);
        assertThat(extract.get("format").asString()).isEqualTo("naaccr-xml");
        assertThat(extract.get("not_in_scope").asLong()).isEqualTo(291);
        JsonNode supplement = summary.get("input_files").get(1);
        assertThat(supplement.get("format").asString()).isEqualTo("supplement");
        assertThat(supplement.get("read").asLong()).isEqualTo(supplement.get("joined").asLong()).isPositive();
        assertThat(records(output.resolve(DATE).resolve("assessments.csv"))).hasSize(29)
                .allSatisfy(row -> assertThat(row.get("source_file")).isEqualTo("registry-extract.xml"));
        // the run history's totals are summary.json's
        List<RunTotals> runs = historyRecorder.lastRuns(output.toAbsolutePath().normalize().toString());
        RunTotals stored = runs.get(runs.size() - 1);
        assertThat(List.of(stored.read(), stored.assessed(), stored.rejected(), stored.notInScope()))
                .containsExactly(320L, 29L, summary.get("rejected").asLong(), 291L);
    }

    /** Six people of a small registry, each for one rule of naaccr.md. */
    static final String EXTRACT_OF_RULES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <NaaccrData baseDictionaryUri="http://naaccr.org/naaccrxml/naaccr-dictionary-260.xml" recordType="A" specificationVersion="1.8" xmlns="http://naaccr.org/naaccrxml">
              <Patient>
                <Item naaccrId="patientIdNumber">N1</Item>
                <Item naaccrId="dateOfBirth">19600101</Item>
                <Tumor>
                  <Item naaccrId="dateOfDiagnosis">20180101</Item>
                  <Item naaccrId="primarySite">C210</Item>
                  <Item naaccrId="recurrenceType1st">00</Item>
                </Tumor>
                <Tumor>
                  <Item naaccrId="dateOfDiagnosis">20200101</Item>
                  <Item naaccrId="primarySite">C211</Item>
                  <Item naaccrId="histologicTypeIcdO3">8070</Item>
                  <Item naaccrId="behaviorCodeIcdO3">3</Item>
                  <Item naaccrId="rxSummSurgPrimSite">00</Item>
                  <Item naaccrId="rxSummRadiation">1</Item>
                  <Item naaccrId="rxSummChemo">01</Item>
                  <Item naaccrId="recurrenceType1st">10</Item>
                </Tumor>
              </Patient>
              <Patient>
                <Item naaccrId="patientIdNumber">N2</Item>
                <Tumor>
                  <Item naaccrId="primarySite">C211</Item>
                  <Item naaccrId="histologicTypeIcdO3">8070</Item>
                  <Item naaccrId="behaviorCodeIcdO3">3</Item>
                  <Item naaccrId="rxSummSurgPrimSite">00</Item>
                  <Item naaccrId="rxSummRadiation">0</Item>
                  <Item naaccrId="rxSummChemo">00</Item>
                  <Item naaccrId="recurrenceType1st">10</Item>
                </Tumor>
              </Patient>
              <Patient>
                <Item naaccrId="patientIdNumber">N3</Item>
                <Tumor>
                  <Item naaccrId="primarySite">C211</Item>
                  <Item naaccrId="histologicTypeIcdO3">8070</Item>
                  <Item naaccrId="behaviorCodeIcdO3">3</Item>
                  <Item naaccrId="rxSummSurgPrimSite">99</Item>
                  <Item naaccrId="rxSummRadiation">9</Item>
                  <Item naaccrId="rxSummChemo">99</Item>
                  <Item naaccrId="recurrenceType1st">10</Item>
                </Tumor>
              </Patient>
              <Patient>
                <Item naaccrId="patientIdNumber">N4</Item>
                <Tumor>
                  <Item naaccrId="primarySite">C509</Item>
                </Tumor>
              </Patient>
              <Patient>
                <Item naaccrId="patientIdNumber">N5</Item>
                <Tumor>
                  <Item naaccrId="primarySite">C445</Item>
                  <Item naaccrId="histologicTypeIcdO3">8070</Item>
                  <Item naaccrId="behaviorCodeIcdO3">3</Item>
                  <Item naaccrId="recurrenceType1st">10</Item>
                </Tumor>
              </Patient>
              <Patient>
                <Item naaccrId="patientIdNumber">N6</Item>
                <Tumor>
                  <Item naaccrId="primarySite">C2X1</Item>
                </Tumor>
              </Patient>
              <Patient>
                <Item naaccrId="patientIdNumber">N7</Item>
                <Tumor>
                  <Item naaccrId="primarySite">C211</Item>
                  <Item naaccrId="recurrenceType1st">10</Item>
                </Tumor>
              </Patient>
            </NaaccrData>
            """;

    static final String SUPPLEMENT_OF_RULES = """
            patient_id,primary_site,recurrence_sites,ecog
            N5,perianal_skin,anal_margin,
            N2,,anal_canal,1
            NOPE1,,,
            N4,,,
            N7,,,7
            N2,,,2
            """;

    private Path rulesInput() throws Exception {
        Path input = Files.createDirectories(temp.resolve("input"));
        Files.writeString(input.resolve("a-registry.xml"), EXTRACT_OF_RULES);
        // a cohort CSV beside it, read after it (name order): N1 again is a duplicate
        Files.writeString(input.resolve("b-cohort.csv"), "patient_id,primary_site,recurrence_type\nN1,C21.1,10\nC1,C21.1,10\n");
        Files.writeString(temp.resolve("supplement.csv"), SUPPLEMENT_OF_RULES);
        return input;
    }

    @Test
    void shouldApplyTheRulesOfNaaccrMdToRegistryPatients() throws Exception {
        // given
        Path input = rulesInput();
        Path output = temp.resolve("reports");

        // when
        JobExecution execution = jobOperatorTestUtils.startJob(
                TestRuns.parameters(request(input, output, temp.resolve("supplement.csv"), false, 0.9)));

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path published = output.resolve(DATE);
        Map<String, CSVRecord> assessed = byId(records(published.resolve("assessments.csv")));
        assertThat(assessed).containsOnlyKeys("N1", "N2", "N3", "N5", "C1");
        // several anal tumours: the one with a recurrence, flagged
        assertThat(assessed.get("N1").get("primary_site")).isEqualTo("C21.1");
        assertThat(assessed.get("N1").get("review_flags")).contains("SEVERAL_ANAL_PRIMARIES");
        assertThat(assessed.get("N3").get("review_flags")).doesNotContain("SEVERAL_ANAL_PRIMARIES");
        // none given and all known: no PRIOR_TREATMENT_MISSING, the rules read "nothing given" (LR5)
        assertThat(assessed.get("N2").get("review_flags")).doesNotContain("PRIOR_TREATMENT_MISSING");
        assertThat(assessed.get("N2").get("rules")).isEqualTo("LR5");
        // unknown codes: PRIOR_TREATMENT_MISSING does its job
        assertThat(assessed.get("N3").get("review_flags")).contains("PRIOR_TREATMENT_MISSING");
        assertThat(assessed.get("N3").get("rules")).isEmpty();
        // C44.5 with the supplement's perianal_skin is in scope
        assertThat(assessed.get("N5").get("primary_site")).isEqualTo("perianal_skin");

        Map<String, CSVRecord> rejects = records(published.resolve("rejects.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("source_file") + ":" + r.get("line"), Function.identity()));
        assertThat(rejects).containsOnlyKeys("a-registry.xml:64", "a-registry.xml:67", "b-cohort.csv:2",
                "supplement.csv:4", "supplement.csv:5", "supplement.csv:7");
        CSVRecord badSite = rejects.get("a-registry.xml:64");
        assertThat(badSite.get("reason_code")).isEqualTo("INVALID_VALUE");
        assertThat(badSite.get("message")).contains("item 400", "primarySite", "'C2X1'", "line 64");
        CSVRecord badEcog = rejects.get("a-registry.xml:67");
        assertThat(badEcog.get("patient_id")).isEqualTo("N7");
        assertThat(badEcog.get("message")).contains("supplement supplement.csv line 6", "ecog");
        assertThat(rejects.get("b-cohort.csv:2").get("reason_code")).isEqualTo("DUPLICATE_PATIENT_ID");
        assertThat(rejects.get("b-cohort.csv:2").get("message")).contains("a-registry.xml line 3");
        assertThat(rejects.get("supplement.csv:4").get("reason_code")).isEqualTo("UNKNOWN_PATIENT");
        assertThat(rejects.get("supplement.csv:4").get("message")).contains("no patient of the NAACCR XML input");
        assertThat(rejects.get("supplement.csv:5").get("reason_code")).isEqualTo("UNKNOWN_PATIENT");
        assertThat(rejects.get("supplement.csv:5").get("message")).contains("a-registry.xml line 46", "no anal tumour");
        assertThat(rejects.get("supplement.csv:7").get("reason_code")).isEqualTo("DUPLICATE_PATIENT_ID");

        JsonNode summary = json(published.resolve("summary.json"));
        // 7 patients, 2 rows, 6 supplement rows of which 3 joined no one
        assertThat(summary.get("read").asLong()).isEqualTo(7 + 2 + 3);
        assertThat(summary.get("not_in_scope").asLong()).isEqualTo(1);
        assertThat(summary.get("assessed").asLong()).isEqualTo(5);
        assertThat(summary.get("rejected").asLong()).isEqualTo(6);
        assertThat(summary.get("review_flags").get("SEVERAL_ANAL_PRIMARIES").asLong()).isEqualTo(1);
        assertThat(summary.get("reject_reasons").get("UNKNOWN_PATIENT").asLong()).isEqualTo(2);
    }

    private static Map<String, CSVRecord> byId(List<CSVRecord> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.get("patient_id"), Function.identity()));
    }
}
