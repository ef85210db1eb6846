package ca.trialpath.trials.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.trials.CuratedCriteria;
import ca.trialpath.trials.TrialCriteria;
import ca.trialpath.trials.fetch.CriteriaDrafter.Suggestion;
import ca.trialpath.trials.fetch.EligibilityText.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Drafts from eligibility text: each kind of suggestion once where it fires and once where it must not. */
class CriteriaDrafterTests {

    private static List<Suggestion> suggest(String inclusion, String exclusion) {
        return CriteriaDrafter.suggest("Inclusion Criteria:\n\n* " + inclusion + "\n\nExclusion Criteria:\n\n* " + exclusion);
    }

    private static List<Suggestion> of(String key, List<Suggestion> suggestions) {
        return suggestions.stream().filter(s -> s.key().equals(key)).toList();
    }

    @Test
    void shouldUndoMarkdownEscapesAndKnowWhichListAStatementIsIn() {
        List<EligibilityText.Statement> statements = EligibilityText.statements(
                "Inclusion Criteria:\n\n* Age \\>= 18 years\n* Hemoglobin \\> 9 g/dL \\(transfusion allowed\\)\n\n"
                        + "Exclusion Criteria:\n\n1. Pregnant\n   * nested \\*item\\*");

        assertThat(statements).containsExactly(new EligibilityText.Statement(Section.INCLUSION, "Age >= 18 years"),
                new EligibilityText.Statement(Section.INCLUSION, "Hemoglobin > 9 g/dL (transfusion allowed)"),
                new EligibilityText.Statement(Section.EXCLUSION, "Pregnant"),
                new EligibilityText.Statement(Section.EXCLUSION, "nested *item*"));
    }

    @Test
    void shouldSuggestTheEcogLimitInItsManyForms() {
        assertThat(of("ecogMax", suggest("ECOG performance status 0-1", "none"))).extracting(Suggestion::value)
                .containsExactly(1);
        assertThat(of("ecogMax", suggest("ECOG performance status \\<= 2", "none"))).extracting(Suggestion::value)
                .containsExactly(2);
        assertThat(of("ecogMax", suggest("ECOG PS < 2", "none"))).extracting(Suggestion::value).containsExactly(1);
        assertThat(of("ecogMax", suggest("Eastern Cooperative Oncology Group (ECOG) performance status of 0, 1 or 2",
                "none"))).extracting(Suggestion::value).containsExactly(2);
        assertThat(of("ecogMax", suggest("Adequate organ function", "ECOG \\>= 2"))).extracting(Suggestion::value,
                Suggestion::section).containsExactly(org.assertj.core.groups.Tuple.tuple(1, Section.EXCLUSION));
    }

    @Test
    void shouldNotSuggestAnEcogLimitWithoutOne() {
        assertThat(of("ecogMax", suggest("Age 18 years or older, 2 measurable lesions", "Pregnancy"))).isEmpty();
        assertThat(of("ecogMax", suggest("Good ECOG performance status", "none"))).isEmpty();
    }

    @Test
    void shouldSuggestPriorTreatmentsRequiredAndExcludedWithTheirSentence() {
        List<Suggestion> suggestions = suggest("Progression after chemoradiation", "Prior pelvic radiation therapy");

        assertThat(of("priorTreatmentsRequired", suggestions)).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo(List.of("chemoradiation"));
            assertThat(s.sentence()).isEqualTo("Progression after chemoradiation");
        });
        assertThat(of("priorTreatmentsExcluded", suggestions)).singleElement().extracting(Suggestion::value)
                .isEqualTo(List.of("radiation"));
    }

    @Test
    void shouldReadNoPriorTreatmentInTheInclusionListAsExcluded() {
        List<Suggestion> suggestions = suggest("No prior chemotherapy for metastatic disease", "none");

        assertThat(of("priorTreatmentsRequired", suggestions)).isEmpty();
        assertThat(of("priorTreatmentsExcluded", suggestions)).singleElement().extracting(Suggestion::value)
                .isEqualTo(List.of("chemotherapy"));
    }

    @Test
    void shouldNotSuggestATreatmentNamedWithoutBeingPrior() {
        assertThat(suggest("Willing to receive radiotherapy in the study", "none").stream()
                .filter(s -> s.key().startsWith("prior"))).isEmpty();
        assertThat(of("priorTreatmentsRequired", suggest("Fit for chemoradiation", "none"))).isEmpty();
    }

    @Test
    void shouldSuggestTheHistologyTheInclusionListAsksFor() {
        assertThat(of("histology", suggest("Histologically confirmed squamous cell carcinoma of the anus, including"
                + " basaloid and cloacogenic", "none"))).singleElement().extracting(Suggestion::value)
                .isEqualTo(List.of("807", "8123", "8124"));
        assertThat(of("histology", suggest("Measurable disease", "Adenocarcinoma of the anal canal"))).isEmpty();
    }

    @Test
    void shouldDraftAnEntryTheCriteriaFileAccepts(@TempDir Path temp) throws Exception {
        // the strictest of two ECOG limits, everything else together
        Map<String, Object> draft = CriteriaDrafter.draft(CriteriaDrafter.suggest("Inclusion Criteria:\n\n"
                + "* Histologically confirmed squamous cell carcinoma\n* Progression after chemoradiation\n* ECOG 0-2\n"
                + "* ECOG performance status 0-1\n\nExclusion Criteria:\n\n* Prior surgery for recurrence"));

        assertThat(draft).containsEntry("ecogMax", 1).containsEntry("histology", List.of("807"))
                .containsEntry("priorTreatmentsRequired", List.of("chemoradiation"))
                .containsEntry("priorTreatmentsExcluded", List.of("surgery"));
        Path file = temp.resolve("criteria.json");
        Files.writeString(file, JsonMapper.builder().build().writeValueAsString(Map.of("NCT99100001", draft)));
        TrialCriteria criteria = CuratedCriteria.read(file).get("NCT99100001");
        assertThat(criteria.ecogMax()).isEqualTo(1);
    }
}
