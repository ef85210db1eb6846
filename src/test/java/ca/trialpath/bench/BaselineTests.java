package ca.trialpath.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTests {

    @TempDir
    Path dir;

    @Test
    void shouldGiveThePathwayOfTheRecurrenceTypeRange() {
        assertThat(Baseline.pathway("10")).isEqualTo("LOCAL_RECURRENCE");
        assertThat(Baseline.pathway("36")).isEqualTo("LOCAL_RECURRENCE");
        assertThat(Baseline.pathway("39")).isEqualTo("LOCAL_RECURRENCE");
        assertThat(Baseline.pathway("40")).isEqualTo("DISTANT_METASTASIS");
        assertThat(Baseline.pathway("62")).isEqualTo("DISTANT_METASTASIS");
        assertThat(Baseline.pathway("09")).isEqualTo("UNDETERMINED");
        assertThat(Baseline.pathway("63")).isEqualTo("UNDETERMINED");
        assertThat(Baseline.pathway("88")).isEqualTo("UNDETERMINED");
        assertThat(Baseline.pathway("")).isEqualTo("UNDETERMINED");
        assertThat(Baseline.pathway("4x")).isEqualTo("UNDETERMINED");
        assertThat(Baseline.pathway("100")).isEqualTo("UNDETERMINED");
    }

    @Test
    void shouldReadAFolderInFileNameOrderWithHeadersInAnyOrderAndCase() throws IOException {
        Path cohort = Files.createDirectory(dir.resolve("cohort"));
        // written out of order: the folder is read by file name, as the job reads it
        Files.writeString(cohort.resolve("b.csv"), "Recurrence_Type , PATIENT_ID\n62,P3\n\n,P4\n");
        Files.writeString(cohort.resolve("a.csv"), "patient_id,sex,recurrence_type\nP1,F, 13 \n\"P2\",M, 88 \n");
        Files.writeString(cohort.resolve("notes.txt"), "not a cohort file\n");
        Path out = dir.resolve("pathways.csv");

        long people = Baseline.run(Baseline.cohortFiles(cohort), out);

        assertThat(people).isEqualTo(4);
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).containsExactly(
                "patient_id,pathway",
                "P1,LOCAL_RECURRENCE",
                "P2,UNDETERMINED",
                "P3,DISTANT_METASTASIS",
                "P4,UNDETERMINED");
    }

    @Test
    void shouldWriteOneRowPerGeneratedPerson() throws IOException {
        Path file = dir.resolve("cohort.csv");
        CohortGenerator.writeSingle(file, 2_000, 42, 0.01);
        Path out = dir.resolve("pathways.csv");

        long people = Baseline.run(List.of(file), out);

        assertThat(people).isEqualTo(2_000);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + 2_000);
        assertThat(lines.get(1)).startsWith("P0000001,");
        assertThat(lines.subList(1, lines.size()))
                .extracting(line -> line.substring(line.indexOf(',') + 1))
                .contains("LOCAL_RECURRENCE", "DISTANT_METASTASIS", "UNDETERMINED")
                .allMatch(p -> List.of("LOCAL_RECURRENCE", "DISTANT_METASTASIS", "UNDETERMINED").contains(p));
    }
}
