package ca.trialpath.guideline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The primary_site column and its scope (rules.md, section 1). */
class PrimarySiteTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "C21.0, ANAL_CANAL",
            "C21.1, ANAL_CANAL",
            "C21.2, ANAL_CANAL",
            "C21.8, ANAL_CANAL",
            "C210,  ANAL_CANAL",
            "C211,  ANAL_CANAL",
            "c21.1, ANAL_CANAL",
            "c211,  ANAL_CANAL",
            "c218,  ANAL_CANAL",
            "C44.5, PERIANAL_SKIN",
            "C445,  PERIANAL_SKIN",
            "c44.5, PERIANAL_SKIN",
            "anus,  ANAL_CANAL",
            "anal_canal,    ANAL_CANAL",
            "perianal_skin, PERIANAL_SKIN",
            "anal_margin,   PERIANAL_SKIN"})
    void shouldPutAnalCodesAndTermsInScope(String value, PrimarySite.Scope scope) {
        // when / then
        assertThat(PrimarySite.scopeOf(value)).contains(scope);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C20.9", "C209", "C18.7", "C44.4", "C44.9", "c44.6", "C19.9",
            "C34.1", "C50.9", "C80.9", "C77.5", "C00.0"})
    void shouldPutOtherValidTopographyCodesOutOfScope(String value) {
        // when / then
        assertThat(PrimarySite.scopeOf(value)).contains(PrimarySite.Scope.OUT_OF_SCOPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C21.5", "C21.9", "C215", "C35.0", "C99.9", "C81.0", "C44.", "C2", "C21", "C21.11",
            "21.1", "D21.1", "rectum", "anal", "skin", ""})
    void shouldRejectValuesThatAreNeitherValidTopographyCodesNorTerms(String value) {
        // when / then
        assertThat(PrimarySite.scopeOf(value)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "c211,        C21.1",
            "C44.5,       C44.5",
            "Anal Canal,  anal_canal",
            "ANAL-MARGIN, anal_margin"})
    void shouldWriteTheCanonicalForm(String value, String canonical) {
        // when / then
        assertThat(PrimarySite.canonical(value)).isEqualTo(canonical);
    }
}
