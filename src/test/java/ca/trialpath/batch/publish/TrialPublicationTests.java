package ca.trialpath.batch.publish;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.output.csv.PublishedCsv;
import ca.trialpath.report.TrialReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialPublicationTests {

    @TempDir
    private Path temp;

    private Path feed(String name, String... rows) throws Exception {
        Path file = temp.resolve(name);
        StringBuilder text = new StringBuilder();
        try (CSVPrinter csv = PublishedCsv.FORMAT.print(text)) {
            for (String row : rows) {
                csv.printRecord((Object[]) row.split("\\|", -1));
            }
        }
        Files.writeString(file, text);
        return file;
    }

    @Test
    void shouldTakeEachStudysFirstPeopleInPartitionOrder() throws Exception {
        // given: two partitions' feeds, the first with two people of NCT1, the second with two more
        Path first = feed("a.feed", "NCT1|P1|MATCH||AGE;ECOG|2|=Toronto;Ottawa", "NCT1|P2|NEAR_MISS|ECOG||0|");
        Path second = feed("b.feed", "NCT2|P3|MATCH|||1|Montr\u00e9al, \"QC\"", "NCT1|P4|MATCH|||0|",
                "NCT1|P5|MATCH|||0|");

        // when
        Map<String, List<TrialReport.Person>> shown = TrialPublication.shown(List.of(first, second), 3);

        // then
        assertThat(shown.get("NCT1")).extracting(TrialReport.Person::patientId).containsExactly("P1", "P2", "P4");
        assertThat(shown.get("NCT1").get(0)).isEqualTo(new TrialReport.Person("P1", "MATCH", null,
                List.of("AGE", "ECOG"), 2, List.of("=Toronto", "Ottawa")));
        assertThat(shown.get("NCT1").get(1).failedCriterion()).isEqualTo("ECOG");
        assertThat(shown.get("NCT1").get(1).siteCities()).isEmpty();
        assertThat(shown.get("NCT2").get(0).siteCities()).containsExactly("Montr\u00e9al, \"QC\"");
    }

    @Test
    void shouldShowNoOneWithACapOfZero() throws Exception {
        Path only = feed("a.feed", "NCT1|P1|MATCH|||0|");
        assertThat(TrialPublication.shown(List.of(only), 0).get("NCT1")).isEmpty();
    }

    @Test
    void shouldKeepNoOneOfTheTrialsPastThoseThePageLists() throws Exception {
        // given: people of three trials, the page listing two of them
        Path only = feed("a.feed", "NCT1|P1|MATCH|||0|", "NCT3|P1|MATCH|||0|", "NCT2|P1|MATCH|||0|",
                "NCT3|P2|MATCH|||0|");

        // when
        Map<String, List<TrialReport.Person>> shown = TrialPublication.shown(List.of(only), 100,
                java.util.Set.of("NCT1", "NCT2")::contains);

        // then: what the page holds is at most its trials times its cap, whatever the catalogue
        assertThat(shown).containsOnlyKeys("NCT1", "NCT2");
        assertThat(TrialPublication.TRIALS_WITH_PEOPLE).isEqualTo(100);
    }
}
