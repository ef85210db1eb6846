package ca.trialpath.guideline;

import static ca.trialpath.guideline.RecurrenceCaseBuilder.analCanal;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.distantMetastasis;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.localRecurrence;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Guideline section "Distant metastasis" (rules.md, section 4): DM1-DM4 and "has a local part". */
class DistantMetastasisRulesTests {

    // DM1, DM2: always on the distant pathway

    @Test
    void shouldFireDm1AndDm2OnlyWhenDistantWithoutSymptoms() {
        // given
        RecurrenceCaseBuilder recurrence = distantMetastasis();

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.DISTANT_METASTASIS);
        assertThat(assessment.options()).containsExactly(TreatmentOption.DM1, TreatmentOption.DM2);
        assertThat(assessment.flags()).isEmpty();
    }

    @Test
    void shouldFireDm1AndDm2WhateverThePriorTreatmentOrSurgery() {
        // given: prior treatment and surgery_possible drive only the local-recurrence rules
        RecurrenceCaseBuilder recurrence = distantMetastasis().prior(PriorTreatment.RADIATION)
                .surgeryPossible(SurgeryPossible.NO);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.DM1, TreatmentOption.DM2);
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.NO_STANDARD_OPTION);
    }

    @Test
    void shouldNotFlagPriorTreatmentMissingOnTheDistantPathway() {
        // given
        RecurrenceCaseBuilder recurrence = distantMetastasis();

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.PRIOR_TREATMENT_MISSING);
    }

    @Test
    void shouldNotFireDm1OrDm2OnALocalRecurrence() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(PriorTreatment.CHEMORADIATION)
                .surgeryPossible(SurgeryPossible.NO);

        // when
        Assessment assessment = recurrence.assess();

        // then: LR4 is also chemotherapy, but it is the local-recurrence rule, not DM1
        assertThat(assessment.options()).doesNotContain(TreatmentOption.DM1, TreatmentOption.DM2)
                .containsExactly(TreatmentOption.LR4);
    }

    // DM3: pain or bleeding, and a local part

    @ParameterizedTest
    @ValueSource(strings = {"pain", "bleeding"})
    void shouldFireDm3WhenPainOrBleedingAndALocalSiteBesideTheDistantOne(String symptom) {
        // given
        RecurrenceCaseBuilder recurrence = distantMetastasis().sites("anus").symptoms(symptom)
                .surgeryPossible(SurgeryPossible.NO);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.DM1, TreatmentOption.DM2, TreatmentOption.DM3);
    }

    @Test
    void shouldNotFireDm3WhenTheSymptomsAreNeitherPainNorBleeding() {
        // given: other symptoms are kept and reported, but do not drive the rules
        RecurrenceCaseBuilder recurrence = distantMetastasis().sites("anus").symptoms("fatigue", "weight_loss");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.DM1, TreatmentOption.DM2);
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.SYMPTOMS_WITHOUT_LOCAL_TUMOUR);
    }

    @Test
    void shouldNotFireDm3WhenPainHasNoLocalPart() {
        // given
        RecurrenceCaseBuilder recurrence = distantMetastasis().symptoms("pain");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).doesNotContain(TreatmentOption.DM3, TreatmentOption.DM4);
    }

    // DM4: as DM3, and surgery_possible != no

    @ParameterizedTest
    @EnumSource(value = SurgeryPossible.class, names = {"YES", "UNKNOWN"})
    void shouldFireDm4AfterDm3WhenSurgeryIsNotRuledOut(SurgeryPossible surgeryPossible) {
        // given
        RecurrenceCaseBuilder recurrence = distantMetastasis().sites("anal_canal").symptoms("bleeding")
                .surgeryPossible(surgeryPossible);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.DM1, TreatmentOption.DM2,
                TreatmentOption.DM3, TreatmentOption.DM4);
    }

    @Test
    void shouldNotFireDm4WhenSurgeryIsNotPossible() {
        // given
        RecurrenceCaseBuilder recurrence = distantMetastasis().sites("anal_canal").symptoms("bleeding")
                .surgeryPossible(SurgeryPossible.NO);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).contains(TreatmentOption.DM3).doesNotContain(TreatmentOption.DM4);
    }

    @Test
    void shouldFlagSurgicalAssessmentNeededWhenDm4IsListedAndSurgeryIsUnknown() {
        // given
        RecurrenceCaseBuilder recurrence = distantMetastasis().sites("anus").symptoms("pain")
                .surgeryPossible(SurgeryPossible.UNKNOWN);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).containsExactly(ReviewFlag.SURGICAL_ASSESSMENT_NEEDED);
    }

    @Test
    void shouldNotFlagSurgicalAssessmentNeededWhenOnlyDm1AndDm2AreListed() {
        // given: surgery_possible is unknown, but chemotherapy is not surgery
        RecurrenceCaseBuilder recurrence = distantMetastasis().surgeryPossible(SurgeryPossible.UNKNOWN);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.SURGICAL_ASSESSMENT_NEEDED);
    }

    @Test
    void shouldNotFlagSurgicalAssessmentNeededWhenDm4IsListedAndSurgeryIsPossible() {
        // given
        RecurrenceCaseBuilder recurrence = distantMetastasis().sites("anus").symptoms("pain")
                .surgeryPossible(SurgeryPossible.YES);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).contains(TreatmentOption.DM4);
        assertThat(assessment.flags()).isEmpty();
    }

    // "disease at the anus" (v2; replaces v1's "has a local part"): a LOCAL site, or code 10, 13-17, 30, 36, 60

    @ParameterizedTest(name = "sites={0} code={1}")
    @CsvSource(nullValues = "-", value = {
            "liver;anus,          -",
            "liver;perineum,      -",
            "liver;anal_margin,   -",
            "-,                   60",
            "liver,               60",
            "liver,               10",
            "liver,               13",
            "liver,               17",
            "liver,               30",
            "liver,               36"})
    void shouldFireDm3AndDm4WhenThereIsDiseaseAtTheAnus(String sites, String code) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().symptoms("pain").surgeryPossible(SurgeryPossible.YES);
        if (sites != null) {
            recurrence.sites(sites.split(";"));
        }
        if (code != null) {
            recurrence.code(code);
        }

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.DISTANT_METASTASIS);
        assertThat(assessment.options()).contains(TreatmentOption.DM3, TreatmentOption.DM4);
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.SYMPTOMS_WITHOUT_LOCAL_TUMOUR);
    }

    @ParameterizedTest(name = "sites={0} code={1}")
    @CsvSource(nullValues = "-", value = {
            "liver,                   -",
            "para_aortic_nodes;lung,  -",
            "common_iliac_nodes,      -",
            "-,                       40",
            "-,                       46",
            "-,                       51",
            "-,                       59",
            "-,                       62",
            "liver,                   62",
            "lung;rectum,             -",
            "bone;inguinal_nodes,     -",
            "liver;mesorectal_nodes,  -",
            "liver,                   04",
            "liver,                   06",
            "liver,                   20",
            "liver,                   22",
            "liver,                   27",
            "liver,                   00",
            "liver,                   70",
            "liver,                   88",
            "liver,                   99"})
    void shouldFlagSymptomsWithoutLocalTumourAndNotFireDm3OrDm4WhenThereIsNoDiseaseAtTheAnus(String sites,
            String code) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().symptoms("pain", "bleeding").surgeryPossible(SurgeryPossible.YES);
        if (sites != null) {
            recurrence.sites(sites.split(";"));
        }
        if (code != null) {
            recurrence.code(code);
        }

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.DISTANT_METASTASIS);
        assertThat(assessment.options()).containsExactly(TreatmentOption.DM1, TreatmentOption.DM2);
        assertThat(assessment.flags()).contains(ReviewFlag.SYMPTOMS_WITHOUT_LOCAL_TUMOUR);
    }

    @Test
    void shouldNotTreatAnUnknownSiteTermAsALocalPart() {
        // given: the unknown term might be anywhere; only a known local or regional site counts
        RecurrenceCaseBuilder recurrence = distantMetastasis().sites("somewhere_else").symptoms("pain");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.DM1, TreatmentOption.DM2);
        assertThat(assessment.flags()).containsExactlyInAnyOrder(ReviewFlag.UNKNOWN_SITE_TERM,
                ReviewFlag.SYMPTOMS_WITHOUT_LOCAL_TUMOUR);
    }

    @Test
    void shouldNotFlagSymptomsWithoutLocalTumourWhenThereAreNoSymptoms() {
        // given
        RecurrenceCaseBuilder recurrence = distantMetastasis();

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.SYMPTOMS_WITHOUT_LOCAL_TUMOUR);
    }

    @Test
    void shouldNotFlagSymptomsWithoutLocalTumourOnALocalRecurrence() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(PriorTreatment.SURGERY).symptoms("pain", "bleeding");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.SYMPTOMS_WITHOUT_LOCAL_TUMOUR);
        assertThat(assessment.options()).doesNotContain(TreatmentOption.DM3, TreatmentOption.DM4);
    }

    // pain and bleeding terms (section 4)

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"pain", "anal_pain", "perianal_pain", "rectal_pain",
            "perineal_pain", "pelvic_pain", "bleeding", "anal_bleeding", "rectal_bleeding", "haematochezia",
            "hematochezia"})
    void shouldReadEveryPainAndBleedingTermForDm3(String symptom) {
        // given
        RecurrenceCaseBuilder recurrence = distantMetastasis().sites("anus").symptoms(symptom)
                .surgeryPossible(SurgeryPossible.NO);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.DM1, TreatmentOption.DM2, TreatmentOption.DM3);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"bone_pain", "fatigue", "headache", "pain_free"})
    void shouldNotLetOtherSymptomTermsDriveARule(String symptom) {
        // given
        RecurrenceCaseBuilder recurrence = distantMetastasis().sites("anus").symptoms(symptom);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.DM1, TreatmentOption.DM2);
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.SYMPTOMS_WITHOUT_LOCAL_TUMOUR);
    }

    @Test
    void shouldFlagSymptomsWithoutLocalTumourForRectalBleedingBesideANodeOnly() {
        // given: v1 treated the regional node as "a local part" and offered the excision of an anal tumour
        RecurrenceCaseBuilder recurrence = distantMetastasis().sites("inguinal_nodes").symptoms("rectal_bleeding")
                .surgeryPossible(SurgeryPossible.YES);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.DM1, TreatmentOption.DM2);
        assertThat(assessment.flags()).containsExactly(ReviewFlag.SYMPTOMS_WITHOUT_LOCAL_TUMOUR);
    }
}
