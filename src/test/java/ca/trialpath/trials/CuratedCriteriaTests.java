package ca.trialpath.trials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.trialpath.guideline.Pathway;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.guideline.SurgeryPossible;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The criteria file of trials.md: every key read, and each bad value failing with the NCT id and key. */
class CuratedCriteriaTests {

    @TempDir
    private Path folder;

    private Path file(String content) throws Exception {
        return Files.writeString(folder.resolve("criteria.json"), content);
    }

    @Test
    void shouldReadEveryKeyOfTheSpecExample() throws Exception {
        // given
        Path file = file("""
                {
                  "NCT99000003": {
                    "pathways": ["DISTANT_METASTASIS"],
                    "histology": ["807", "8123", "8124"],
                    "ecogMax": 1,
                    "priorTreatmentsRequired": ["chemoradiation"],
                    "priorTreatmentsExcluded": [],
                    "surgeryPossible": "no",
                    "conditionMatch": true,
                    "note": "after platinum chemotherapy"
                  },
                  "NCT99000004": {}
                }
                """);

        // when
        Map<String, TrialCriteria> criteria = CuratedCriteria.read(file);

        // then
        TrialCriteria c = criteria.get("NCT99000003");
        assertThat(c.pathways()).containsExactly(Pathway.DISTANT_METASTASIS);
        assertThat(c.histology()).containsExactly("807", "8123", "8124");
        assertThat(c.ecogMax()).isEqualTo(1);
        assertThat(c.priorTreatmentsRequired()).containsExactly(PriorTreatment.CHEMORADIATION);
        assertThat(c.priorTreatmentsExcluded()).isEmpty();
        assertThat(c.surgeryPossible()).isEqualTo(SurgeryPossible.NO);
        assertThat(c.conditionMatch()).isTrue();
        assertThat(c.note()).isEqualTo("after platinum chemotherapy");
        assertThat(criteria.get("NCT99000004")).isEqualTo(TrialCriteria.NONE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "pathways|[\"DISTANT\"]",
            "pathways|\"DISTANT_METASTASIS\"",
            "histology|[\"80x0\"]",
            "histology|[807]",
            "ecogMax|5",
            "ecogMax|\"1\"",
            "ecogMax|1.5",
            "priorTreatmentsRequired|[\"immunotherapy\"]",
            "priorTreatmentsExcluded|[\"\"]",
            "surgeryPossible|\"unknown\"",
            "surgeryPossible|true",
            "conditionMatch|\"yes\"",
            "note|42",
            "ecogmax|1" })
    void shouldFailOnABadValueNamingTheNctIdAndKey(String key, String value) throws Exception {
        // given
        Path file = file("{\"NCT99000001\": {\"ecogMax\": 2}, \"NCT99000002\": {\"" + key + "\": " + value + "}}");

        // when / then
        assertThatThrownBy(() -> CuratedCriteria.read(file))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("NCT99000002 key '" + key + "'");
    }

    @Test
    void shouldFailOnAKeyThatIsNotAnNctIdOrAnEntryThatIsNotAnObject() throws Exception {
        assertThatThrownBy(() -> CuratedCriteria.read(file("{\"trial-3\": {}}")))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("trial-3 is not an NCT id");
        assertThatThrownBy(() -> CuratedCriteria.read(file("{\"NCT99000001\": [1]}")))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("NCT99000001 must be an object");
        assertThatThrownBy(() -> CuratedCriteria.read(file("[]")))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("one JSON object keyed by NCT id");
    }

    @Test
    void shouldFailOnInvalidJsonWithLineAndColumn() throws Exception {
        // given
        Path file = file("{\n  \"NCT99000001\": {\"ecogMax\": 1,,}\n}");

        // when / then
        assertThatThrownBy(() -> CuratedCriteria.read(file))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("is not valid JSON at line 2, column");
    }
}
