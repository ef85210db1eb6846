package ca.trialpath.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cohort.CohortColumn;
import ca.trialpath.cohort.CohortHeader;
import ca.trialpath.cohort.CsvRecord;
import ca.trialpath.cohort.CohortRowValidator;
import ca.trialpath.naaccr.NaaccrCohortReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated extract reads whole on both paths, is deterministic, and the shipped sample is what it writes. */
class RegistryExtractGeneratorTests {

    @TempDir
    Path temp;

    @Test
    void shouldWriteAnExtractThatReadsWholeOnEveryPath() throws IOException {
        for (String spec : List.of("1.6", "1.7", "1.8")) {
            Path file = temp.resolve("extract-" + spec + ".xml.gz");
            RegistryExtractGenerator.Result result = RegistryExtractGenerator.write(file, null, 400, 0.1, 7, spec);
            NaaccrCohortReader.Counts counts = read(file);
            assertThat(counts.read()).as(spec).isEqualTo(400);
            assertThat(counts.assessed() + counts.rejected()).as(spec).isEqualTo(result.analPatients());
            assertThat(counts.rejected()).as("a generated extract has no bad values, " + spec).isZero();
            assertThat(counts.notInScope()).isGreaterThan(counts.assessed());
        }
    }

    @Test
    void shouldBeDeterministicAndMatchTheShippedSample() throws IOException {
        Path extract = temp.resolve("registry-extract.xml");
        Path supplement = temp.resolve("supplement.csv");
        RegistryExtractGenerator.write(extract, supplement, 320, 0.08, 20261202L, "1.8");
        assertThat(Files.readString(extract)).isEqualTo(Files.readString(Path.of("sample-data/naaccr/registry-extract.xml")));
        assertThat(Files.readString(supplement)).isEqualTo(Files.readString(Path.of("sample-data/naaccr/supplement.csv")));
        // the supplement holds cohort-csv.md columns, keyed by patient_id, each value valid as in a cohort row
        List<String> lines = Files.readAllLines(supplement);
        List<String> header = new java.util.ArrayList<>(List.of(lines.get(0).split(",", -1)));
        assertThat(header).allMatch(name -> CohortColumn.ofHeader(name).isPresent());
        header.add("primary_site");
        CohortHeader columns = CohortHeader.of("supplement.csv", header);
        CohortRowValidator validator = new CohortRowValidator(LocalDate.of(2026, 11, 27));
        assertThat(lines).hasSizeGreaterThan(10);
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = new java.util.ArrayList<>(List.of(lines.get(i).split(",", -1)));
            cells.add("C21.1");
            assertThat(validator.validate("supplement.csv", columns, new CsvRecord(i + 1, cells, null)))
                    .as(lines.get(i)).isInstanceOf(CohortRowValidator.Valid.class);
        }
    }

    private static NaaccrCohortReader.Counts read(Path file) throws IOException {
        try (NaaccrCohortReader reader = NaaccrCohortReader.open(file, new CohortRowValidator(LocalDate.of(2026, 11, 27)), true)) {
            while (reader.next() != null) {
                // counted
            }
            return reader.counts();
        }
    }
}
