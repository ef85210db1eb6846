package ca.trialpath.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortGeneratorTests {

    private static final String HEADER = "patient_id,birth_date,sex,province,primary_site,histology,"
            + "recurrence_date,recurrence_type,recurrence_sites,prior_treatments,surgery_possible,symptoms,"
            + "ecog,treatment_wish";

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesIdenticalFiles() throws IOException {
        CohortGenerator.write(dir.resolve("one"), 5_000, 3, 7, 0.01);
        CohortGenerator.write(dir.resolve("two"), 5_000, 3, 7, 0.01);
        for (String name : List.of("cohort-01.csv", "cohort-02.csv", "cohort-03.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("two").resolve(name)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("one").resolve(name)));
        }
    }

    @Test
    void anotherSeedGivesOtherRows() throws IOException {
        CohortGenerator.writeSingle(dir.resolve("a.csv"), 200, 1, 0);
        CohortGenerator.writeSingle(dir.resolve("b.csv"), 200, 2, 0);
        assertThat(Files.readAllBytes(dir.resolve("a.csv"))).isNotEqualTo(Files.readAllBytes(dir.resolve("b.csv")));
    }

    @Test
    void writesTheRowsAskedForUnderTheSpecHeader() throws IOException {
        CohortGenerator.Result result = CohortGenerator.write(dir, 1_001, 2, 42, 0);

        assertThat(result.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("cohort-01.csv", "cohort-02.csv");
        List<String> first = Files.readAllLines(result.files().get(0), StandardCharsets.UTF_8);
        List<String> second = Files.readAllLines(result.files().get(1), StandardCharsets.UTF_8);
        assertThat(first.get(0)).isEqualTo(HEADER);
        assertThat(second.get(0)).isEqualTo(HEADER);
        assertThat(first).hasSize(1 + 501);
        assertThat(second).hasSize(1 + 500);
        assertThat(first.get(1)).startsWith("P0000001,");
        assertThat(second.get(1)).startsWith("P0000502,");
        assertThat(second.get(500)).startsWith("P0001001,");
        assertThat(result.badRows()).isZero();

        Set<String> ids = new HashSet<>();
        for (List<String> lines : List.of(first, second)) {
            for (String line : lines.subList(1, lines.size())) {
                assertThat(line.split(",", -1)).hasSize(14);
                assertThat(ids.add(line.substring(0, line.indexOf(',')))).isTrue();
            }
        }
        assertThat(Files.readString(result.files().get(0))).doesNotContain("\r");
    }

    @Test
    void goodRowsStayWithinTheSpec() throws IOException {
        Path file = dir.resolve("c.csv");
        CohortGenerator.writeSingle(file, 20_000, 3, 0);
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            assertThat(c[4]).isNotEmpty();
            assertThat(c[2]).matches("[FMXU]?");
            assertThat(c[7]).matches("|00|04|06|1[03-7]|2[0-25-7]|30|36|40|46|5[1-9]|60|62|70|88|99");
            if (!c[6].isEmpty()) {
                assertThat(c[6]).isLessThanOrEqualTo("2026-11-27");
                if (!c[1].isEmpty()) {
                    assertThat(c[1]).isLessThan(c[6]);
                }
            }
        }
    }

    @Test
    void badRowsComeAtAboutTheAskedRate() throws IOException {
        CohortGenerator.Result result = CohortGenerator.writeSingle(dir.resolve("bad.csv"), 20_000, 5, 0.05);
        assertThat(result.rows()).isEqualTo(20_000);
        assertThat(result.badRows()).isBetween(800L, 1_200L);
    }
}
