package ca.trialpath.guideline;

import static ca.trialpath.guideline.RecurrenceCaseBuilder.analCanal;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.outOfScope;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each pathway names the row of the table that decided it and says why, naming the sites that did. */
class PathwayBasisTests {

    @Test
    void shouldNameP0ForAnOutOfScopePrimary() {
        // when
        PathwayClassifier.Classification c = PathwayClassifier.classify(outOfScope().sites("liver").build());

        // then
        assertThat(c.rule()).isEqualTo("P0");
        assertThat(c.basis()).contains("does not apply");
    }

    @Test
    void shouldNameP1AndTheDistantSites() {
        // when
        PathwayClassifier.Classification c = PathwayClassifier.classify(analCanal().sites("perineum", "liver", "lung").build());

        // then
        assertThat(c.rule()).isEqualTo("P1");
        assertThat(c.basis()).contains("liver, lung are distant sites").doesNotContain("perineum");
    }

    @Test
    void shouldNameP1AndTheCodeWhenNoDistantSiteIsRecorded() {
        // when
        PathwayClassifier.Classification c = PathwayClassifier.classify(analCanal().code("62").build());

        // then
        assertThat(c.rule()).isEqualTo("P1");
        assertThat(c.basis()).contains("recurrence type").contains("40-62");
    }

    @Test
    void shouldNameP2AndTheUnknownTerm() {
        // when
        PathwayClassifier.Classification c = PathwayClassifier.classify(analCanal().sites("perineum", "spleen").build());

        // then
        assertThat(c.rule()).isEqualTo("P2");
        assertThat(c.basis()).contains("spleen").doesNotContain("perineum");
    }

    @Test
    void shouldNameP3AndTheLocalSites() {
        // when
        PathwayClassifier.Classification c = PathwayClassifier.classify(analCanal().sites("anus", "rectum").build());

        // then
        assertThat(c.rule()).isEqualTo("P3");
        assertThat(c.basis()).contains("anus, rectum");
    }

    @Test
    void shouldNameP3AndTheCodeWhenNoSiteIsRecorded() {
        // when
        PathwayClassifier.Classification c = PathwayClassifier.classify(analCanal().code("10").build());

        // then
        assertThat(c.rule()).isEqualTo("P3");
        assertThat(c.basis()).contains("04-36");
    }

    @Test
    void shouldNameP4ForCodeZeroWithoutSites() {
        // when
        PathwayClassifier.Classification c = PathwayClassifier.classify(analCanal().code("00").build());

        // then
        assertThat(c.rule()).isEqualTo("P4");
        assertThat(c.basis()).contains("disease-free", "00");
    }

    @Test
    void shouldNameP4bForCode70WithoutSites() {
        // when
        PathwayClassifier.Classification c = PathwayClassifier.classify(analCanal().code("70").build());

        // then
        assertThat(c.rule()).isEqualTo("P4b");
        assertThat(c.basis()).contains("never disease-free", "persistent disease");
    }

    @Test
    void shouldNameP5WhenNothingSaysWhere() {
        // when
        PathwayClassifier.Classification c = PathwayClassifier.classify(analCanal().code("88").build());

        // then
        assertThat(c.rule()).isEqualTo("P5");
        assertThat(c.basis()).contains("Neither");
    }

    @Test
    void shouldCarryRuleAndBasisIntoTheAssessment() {
        // when
        Assessment assessment = analCanal().sites("liver").assess();

        // then
        assertThat(assessment.pathwayRule()).isEqualTo("P1");
        assertThat(assessment.pathwayBasis()).contains("liver");
    }
}
