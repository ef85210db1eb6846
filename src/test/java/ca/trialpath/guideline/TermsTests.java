package ca.trialpath.guideline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Term normalisation (rules.md, section 2; cohort-csv.md): case-insensitive, spaces and hyphens count as
 * underscores, runs of separators count as one.
 */
class TermsTests {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "para_aortic_nodes      | para_aortic_nodes",
            "Para-Aortic  Nodes     | para_aortic_nodes",
            "PARA AORTIC NODES      | para_aortic_nodes",
            "para--aortic__nodes    | para_aortic_nodes",
            "para - aortic _ nodes  | para_aortic_nodes",
            "'  Para-aortic nodes ' | para_aortic_nodes",
            "'_para_aortic_nodes-'  | para_aortic_nodes",
            "'para\taortic nodes'   | para_aortic_nodes",
            "Liver                  | liver"})
    void shouldNormaliseCaseSpacesHyphensAndRepeatedSeparators(String term, String normalised) {
        // when / then
        assertThat(Terms.normalize(term)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"paraaortic_nodes", "para.aortic.nodes", "para_aortic_node"})
    void shouldNotMergeTermsThatDifferInMoreThanSeparatorsOrCase(String term) {
        // when / then
        assertThat(Terms.normalize(term)).isNotEqualTo("para_aortic_nodes");
    }

    // recurrence-site terms

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Para-Aortic  Nodes     | DISTANT",
            "COMMON ILIAC NODES     | DISTANT",
            "Bone-Marrow            | DISTANT",
            "Internal-Iliac Nodes   | REGIONAL",
            "adjacent organ         | REGIONAL",
            "Anal Canal             | LOCAL",
            "PERIANAL-SKIN          | LOCAL",
            "'  Anal__Margin '      | LOCAL"})
    void shouldFindTheExtentOfASiteTermInAnySpelling(String term, Extent extent) {
        // when / then
        assertThat(RecurrenceSites.extentOf(term)).contains(extent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mystery_site", "aortic_nodes", "nodes", "anal", "skin", "iliac_nodes", ""})
    void shouldNotFindAnExtentForAnUnknownSiteTerm(String term) {
        // when / then
        assertThat(RecurrenceSites.extentOf(term)).isEmpty();
    }

    // primary-site terms

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "anus            | ANAL_CANAL",
            "ANUS            | ANAL_CANAL",
            "Anal Canal      | ANAL_CANAL",
            "anal-canal      | ANAL_CANAL",
            "perianal_skin   | PERIANAL_SKIN",
            "Perianal  Skin  | PERIANAL_SKIN",
            "ANAL-MARGIN     | PERIANAL_SKIN",
            "' anal margin ' | PERIANAL_SKIN"})
    void shouldReadPrimarySiteTermsInAnySpelling(String value, PrimarySite.Scope scope) {
        // when / then
        assertThat(PrimarySite.scopeOf(value)).contains(scope);
    }

    // prior treatments, surgery_possible, treatment_wish

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "surgery           | SURGERY",
            "Surgery           | SURGERY",
            "CHEMORADIATION    | CHEMORADIATION",
            "' Radiation '     | RADIATION",
            "chemotherapy      | CHEMOTHERAPY"})
    void shouldReadPriorTreatmentTermsInAnySpelling(String term, PriorTreatment treatment) {
        // when / then
        assertThat(PriorTreatment.ofTerm(term)).contains(treatment);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chemo radiation", "chemo-radiation", "radiotherapy", "chemo", "surgeries", ""})
    void shouldNotReadUnknownPriorTreatmentTerms(String term) {
        // when / then
        assertThat(PriorTreatment.ofTerm(term)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "yes       | YES",
            "YES       | YES",
            "No        | NO",
            "' no '    | NO",
            "Unknown   | UNKNOWN"})
    void shouldReadSurgeryPossibleInAnySpelling(String term, SurgeryPossible value) {
        // when / then
        assertThat(SurgeryPossible.ofTerm(term)).contains(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"y", "n", "true", "maybe"})
    void shouldNotReadOtherSurgeryPossibleValues(String term) {
        // when / then
        assertThat(SurgeryPossible.ofTerm(term)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "wants_treatment               | WANTS_TREATMENT",
            "Wants Treatment               | WANTS_TREATMENT",
            "declines_treatment            | DECLINES_TREATMENT",
            "DECLINES-TREATMENT            | DECLINES_TREATMENT",
            "Declines  Treatment           | DECLINES_TREATMENT",
            "unable to have treatment      | UNABLE_TO_HAVE_TREATMENT",
            "Unable-To-Have--Treatment     | UNABLE_TO_HAVE_TREATMENT"})
    void shouldReadTreatmentWishInAnySpelling(String term, TreatmentWish wish) {
        // when / then
        assertThat(TreatmentWish.ofTerm(term)).contains(wish);
    }

    @ParameterizedTest
    @ValueSource(strings = {"declines", "unable", "wants", "no_treatment"})
    void shouldNotReadOtherTreatmentWishes(String term) {
        // when / then
        assertThat(TreatmentWish.ofTerm(term)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "SURGERY, surgery",
            "CHEMORADIATION, chemoradiation"})
    void shouldWritePriorTreatmentsAsTheirCohortTerm(PriorTreatment treatment, String term) {
        // when / then
        assertThat(treatment.term()).isEqualTo(term);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "WANTS_TREATMENT, wants_treatment",
            "UNABLE_TO_HAVE_TREATMENT, unable_to_have_treatment"})
    void shouldWriteTreatmentWishesAsTheirCohortTerm(TreatmentWish wish, String term) {
        // when / then
        assertThat(wish.term()).isEqualTo(term);
        assertThat(TreatmentWish.ofTerm(term)).contains(wish);
    }
}
