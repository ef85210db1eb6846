package ca.trialpath.guideline;

import static ca.trialpath.guideline.RecurrenceCaseBuilder.analCanal;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.outOfScope;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.perianalSkin;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pathway P0-P5 (rules.md, section 3), in evaluation order, and the extent column. */
class PathwayClassifierTests {

    // P0: out of scope

    @Test
    void shouldClassifyOutOfScopeWhenThePrimaryIsNotAnal() {
        // given: everything else would give a distant pathway with flags
        RecurrenceCaseBuilder recurrence = outOfScope().code("10").sites("liver", "mystery_site").symptoms("pain");

        // when
        PathwayClassifier.Classification classification = PathwayClassifier.classify(recurrence.build());

        // then
        assertThat(classification.pathway()).isEqualTo(Pathway.OUT_OF_SCOPE);
        assertThat(classification.extent()).isNull();
        assertThat(classification.flags()).isEmpty();
    }

    @Test
    void shouldAssessOutOfScopeWithNoOptionsNoFlagsNoExtentNoGoalAndNoTrial() {
        // given
        RecurrenceCaseBuilder recurrence = outOfScope().code("60").sites("anus", "liver", "mystery_site")
                .prior(PriorTreatment.CHEMORADIATION).symptoms("pain");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.OUT_OF_SCOPE);
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.flags()).isEmpty();
        assertThat(assessment.extent()).isNull();
        assertThat(assessment.goal()).isNull();
        assertThat(assessment.trialDiscussion()).isFalse();
        assertThat(assessment.trialPriority()).isEqualTo(TrialPriority.NONE);
    }

    @Test
    void shouldNotClassifyOutOfScopeWhenThePrimaryIsPerianalSkin() {
        // given
        RecurrenceCaseBuilder recurrence = perianalSkin().sites("liver");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.DISTANT_METASTASIS);
    }

    // P1: any site or the code is distant

    @ParameterizedTest
    @ValueSource(strings = {"common_iliac_nodes", "para_aortic_nodes", "distant_nodes", "liver", "lung", "pleura",
            "bone", "brain", "peritoneum", "distant_skin", "bone_marrow", "other_distant"})
    void shouldClassifyDistantMetastasisForEveryDistantSiteTerm(String site) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().sites(site);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.DISTANT_METASTASIS);
        assertThat(assessment.extent()).isEqualTo("DISTANT");
        assertThat(assessment.flags()).isEmpty();
    }

    @Test
    void shouldClassifyDistantMetastasisWhenADistantSiteIsBesideLocalAndRegionalOnes() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().sites("anus", "rectum", "lung");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.DISTANT_METASTASIS);
        assertThat(assessment.extent()).isEqualTo("DISTANT");
    }

    @Test
    void shouldClassifyDistantMetastasisBeforeUndeterminedWhenADistantSiteIsBesideAnUnknownTerm() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().sites("mystery_site", "liver");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.DISTANT_METASTASIS);
        assertThat(assessment.flags()).containsExactly(ReviewFlag.UNKNOWN_SITE_TERM);
    }

    @Test
    void shouldClassifyDistantMetastasisWhenTheCodeIsDistantBesideAnUnknownTerm() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code("40").sites("mystery_site");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.DISTANT_METASTASIS);
        assertThat(assessment.flags()).containsExactly(ReviewFlag.UNKNOWN_SITE_TERM);
    }

    @Test
    void shouldNotClassifyDistantMetastasisWhenNothingIsDistant() {
        // given: the nearest case, a regional node that is not a distant one
        RecurrenceCaseBuilder recurrence = analCanal().sites("internal_iliac_nodes").code("22");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.LOCAL_RECURRENCE);
    }

    // P2: unknown site term, nothing distant

    @Test
    void shouldClassifyUndeterminedWhenTheOnlySiteIsUnknown() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().sites("mystery_site");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.UNDETERMINED);
        assertThat(assessment.extent()).isNull();
        assertThat(assessment.flags()).containsExactly(ReviewFlag.UNKNOWN_SITE_TERM);
    }

    @ParameterizedTest(name = "sites={0} code={1}")
    @CsvSource(nullValues = "-", value = {
            "anus;mystery_site,          -",
            "rectum;mystery_site,        -",
            "mystery_site,               10",
            "mystery_site,               30",
            "anus;mystery_site,          20"})
    void shouldClassifyUndeterminedBeforeLocalRecurrenceWhenAnUnknownTermIsBesideLocalDisease(String sites,
            String code) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().sites(sites.split(";")).prior(PriorTreatment.SURGERY);
        if (code != null) {
            recurrence.code(code);
        }

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.UNDETERMINED);
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.extent()).isNull();
        assertThat(assessment.goal()).isNull();
        assertThat(assessment.flags()).containsExactly(ReviewFlag.UNKNOWN_SITE_TERM);
    }

    @Test
    void shouldClassifyUndeterminedNotNotRecurrentWhenAnUnknownTermIsBesideCode00() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code("00").sites("mystery_site");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.UNDETERMINED);
        assertThat(assessment.flags()).containsExactlyInAnyOrder(ReviewFlag.UNKNOWN_SITE_TERM,
                ReviewFlag.RECURRENCE_TYPE_SITE_CONFLICT);
    }

    // P3: local or regional

    @ParameterizedTest
    @ValueSource(strings = {"anus", "anal_canal", "anal_margin", "perianal_skin", "perineum"})
    void shouldClassifyLocalRecurrenceWithLocalExtentForEveryLocalSiteTerm(String site) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().sites(site);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.LOCAL_RECURRENCE);
        assertThat(assessment.extent()).isEqualTo("LOCAL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rectum", "adjacent_organ", "mesorectal_nodes", "perirectal_nodes", "internal_iliac_nodes",
            "external_iliac_nodes", "inguinal_nodes", "regional_nodes"})
    void shouldClassifyLocalRecurrenceWithLocoregionalExtentForEveryRegionalSiteTerm(String site) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().sites(site);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.LOCAL_RECURRENCE);
        assertThat(assessment.extent()).isEqualTo("LOCOREGIONAL");
    }

    @Test
    void shouldClassifyLocalRecurrenceBeforeNotRecurrentWhenCode00HasALocalSite() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code("00").sites("anus");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.LOCAL_RECURRENCE);
        assertThat(assessment.flags()).contains(ReviewFlag.RECURRENCE_TYPE_SITE_CONFLICT)
                .doesNotContain(ReviewFlag.NO_RECURRENCE_RECORDED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"88", "99"})
    void shouldClassifyLocalRecurrenceBeforeUndeterminedWhenAnUnknownTypeCodeHasALocalSite(String code) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code(code).sites("anus");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.LOCAL_RECURRENCE);
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.RECURRENCE_SITE_MISSING,
                ReviewFlag.RECURRENCE_TYPE_SITE_CONFLICT);
    }

    // P4: code 00 and no site

    @Test
    void shouldClassifyNotRecurrentWhenCode00HasNoSite() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code("00").prior(PriorTreatment.SURGERY).symptoms("pain")
                .histology("8140/3").ecog(4);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.NOT_RECURRENT);
        assertThat(assessment.flags()).containsExactly(ReviewFlag.NO_RECURRENCE_RECORDED);
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.extent()).isNull();
        assertThat(assessment.goal()).isNull();
        assertThat(assessment.trialDiscussion()).isFalse();
        assertThat(assessment.trialPriority()).isEqualTo(TrialPriority.NONE);
    }

    // P4b: code 70 (never disease-free) and no site: persistent disease, not "no recurrence"

    @Test
    void shouldClassifyUndeterminedWithPersistentDiseaseWhenCode70HasNoSite() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code("70").prior(PriorTreatment.SURGERY);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.UNDETERMINED);
        assertThat(assessment.pathwayRule()).isEqualTo("P4b");
        assertThat(assessment.flags()).containsExactly(ReviewFlag.PERSISTENT_DISEASE);
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.trialRule()).isEqualTo(TrialRule.T4);
        assertThat(assessment.trialPriority()).isEqualTo(TrialPriority.ROUTINE);
    }

    @Test
    void shouldOfferSc1OnPersistentDiseaseWithoutSiteWhenThePersonDeclines() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code("70").wish(TreatmentWish.DECLINES_TREATMENT);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.SC1);
        assertThat(assessment.flags()).containsExactly(ReviewFlag.PERSISTENT_DISEASE);
        assertThat(assessment.trialRule()).isEqualTo(TrialRule.T1);
    }

    @ParameterizedTest(name = "code 70 with {0} -> {1}")
    @CsvSource({"bone, DISTANT_METASTASIS", "anus, LOCAL_RECURRENCE", "mystery_site, UNDETERMINED"})
    void shouldLetTheSitesDecideBesideCode70AndFlagPersistentDiseaseWithoutConflict(String site, Pathway pathway) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code("70").sites(site);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(pathway);
        assertThat(assessment.flags()).contains(ReviewFlag.PERSISTENT_DISEASE)
                .doesNotContain(ReviewFlag.RECURRENCE_TYPE_SITE_CONFLICT, ReviewFlag.NO_RECURRENCE_RECORDED);
    }

    // P5: otherwise

    @ParameterizedTest
    @ValueSource(strings = {"88", "99"})
    void shouldClassifyUndeterminedWithSiteMissingWhenTheCodeGivesNoExtentAndThereIsNoSite(String code) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code(code).prior(PriorTreatment.SURGERY);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.UNDETERMINED);
        assertThat(assessment.flags()).containsExactly(ReviewFlag.RECURRENCE_SITE_MISSING);
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.extent()).isNull();
    }

    @Test
    void shouldClassifyUndeterminedWithSiteMissingWhenNothingIsGiven() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal();

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.UNDETERMINED);
        assertThat(assessment.flags()).containsExactly(ReviewFlag.RECURRENCE_SITE_MISSING);
    }

    // extent

    @ParameterizedTest(name = "sites={0} code={1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "anus,             -,  LOCAL",
            "anus;perineum,    -,  LOCAL",
            "-,                04, LOCAL",
            "-,                06, LOCAL",
            "-,                10, LOCAL",
            "-,                13, LOCAL",
            "-,                17, LOCAL",
            "anus,             10, LOCAL",
            "rectum,           -,  LOCOREGIONAL",
            "anus;rectum,      -,  LOCOREGIONAL",
            "anus;inguinal_nodes, 10, LOCOREGIONAL",
            "anus,             20, LOCOREGIONAL",
            "-,                20, LOCOREGIONAL",
            "-,                21, LOCOREGIONAL",
            "-,                22, LOCOREGIONAL",
            "-,                25, LOCOREGIONAL",
            "-,                26, LOCOREGIONAL",
            "-,                27, LOCOREGIONAL",
            "-,                30, LOCOREGIONAL",
            "-,                36, LOCOREGIONAL",
            "anus,             30, LOCOREGIONAL",
            "anus,             99, LOCAL",
            "rectum,           88, LOCOREGIONAL",
            "liver,            -,  DISTANT",
            "anus,             60, DISTANT",
            "-,                60, DISTANT",
            "-,                40, DISTANT",
            "rectum;liver,     20, DISTANT"})
    void shouldGiveTheExtentColumn(String sites, String code, String extent) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal();
        if (sites != null) {
            recurrence.sites(sites.split(";"));
        }
        if (code != null) {
            recurrence.code(code);
        }

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.extent()).isEqualTo(extent);
    }

    @ParameterizedTest(name = "sites={0} code={1}")
    @CsvSource(nullValues = "-", value = {
            "-,            -",
            "-,            00",
            "-,            70",
            "-,            88",
            "-,            99",
            "mystery_site, -",
            "anus;mystery_site, 10"})
    void shouldGiveNoExtentOffTheTreatedPathways(String sites, String code) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal();
        if (sites != null) {
            recurrence.sites(sites.split(";"));
        }
        if (code != null) {
            recurrence.code(code);
        }

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isIn(Pathway.UNDETERMINED, Pathway.NOT_RECURRENT);
        assertThat(assessment.extent()).isNull();
    }

    // where the disease is (section 2): at the anus (LR3, DM3, DM4), at or next to it (LR2), regional nodes only

    @ParameterizedTest(name = "sites={0} code={1} -> atAnus={2} atOrNextTo={3} nodesOnly={4}")
    @CsvSource(nullValues = "-", value = {
            "liver;anus,            -,  true,  true,  false",
            "perineum,              -,  true,  true,  false",
            "liver;rectum,          -,  false, true,  false",
            "adjacent_organ,        -,  false, true,  false",
            "inguinal_nodes,        -,  false, false, true",
            "inguinal_nodes;mesorectal_nodes, 88, false, false, true",
            "inguinal_nodes,        70, false, false, true",
            "inguinal_nodes,        10, true,  true,  false",
            "inguinal_nodes,        20, false, true,  false",
            "inguinal_nodes;rectum, -,  false, true,  false",
            "liver;inguinal_nodes,  -,  false, false, false",
            "-,                     22, false, false, true",
            "-,                     20, false, true,  false",
            "-,                     21, false, true,  false",
            "-,                     25, false, true,  false",
            "-,                     27, false, true,  false",
            "-,                     10, true,  true,  false",
            "-,                     17, true,  true,  false",
            "-,                     30, true,  true,  false",
            "-,                     36, true,  true,  false",
            "-,                     60, true,  true,  false",
            "-,                     04, false, false, false",
            "liver,                 -,  false, false, false",
            "-,                     40, false, false, false",
            "-,                     62, false, false, false",
            "liver,                 70, false, false, false"})
    void shouldTellWhereTheDiseaseIs(String sites, String code, boolean atAnus, boolean atOrNextToAnus,
            boolean nodesOnly) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal();
        if (sites != null) {
            recurrence.sites(sites.split(";"));
        }
        if (code != null) {
            recurrence.code(code);
        }

        // when
        PathwayClassifier.Classification classification = PathwayClassifier.classify(recurrence.build());

        // then
        assertThat(classification.disease())
                .isEqualTo(new PathwayClassifier.Disease(atAnus, atOrNextToAnus, nodesOnly));
    }

    // site terms in any spelling

    @Test
    void shouldReadSiteTermsInAnySpelling() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().sites("Para-Aortic  Nodes");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.DISTANT_METASTASIS);
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.UNKNOWN_SITE_TERM);
    }
}
