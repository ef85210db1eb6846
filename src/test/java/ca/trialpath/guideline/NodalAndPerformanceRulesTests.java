package ca.trialpath.guideline;

import static ca.trialpath.guideline.RecurrenceCaseBuilder.analCanal;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.distantMetastasis;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.localRecurrence;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.perianalSkin;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * rules.md v2, section 4: LR2 and LR3 need the disease at (LR2: at or next to) the anus, a recurrence in the
 * regional nodes only gets no salvage surgery and NODAL_RECURRENCE_ONLY, and ECOG 3-4 raises
 * POOR_PERFORMANCE_STATUS; and the rationales that are true to the record.
 */
class NodalAndPerformanceRulesTests {

    @ParameterizedTest(name = "sites={0} code={1}")
    @CsvSource(nullValues = "-", value = {
            "inguinal_nodes,                  -",
            "inguinal_nodes;external_iliac_nodes, -",
            "mesorectal_nodes,                22",
            "regional_nodes,                  88",
            "-,                               22"})
    void shouldOfferNoSalvageSurgeryAndFlagARecurrenceInTheRegionalNodesOnly(String sites, String code) {
        // given: v1 offered an APR and a wide local excision
        RecurrenceCaseBuilder recurrence = perianalSkin().prior(PriorTreatment.CHEMORADIATION)
                .surgeryPossible(SurgeryPossible.YES);
        if (sites != null) {
            recurrence.sites(sites.split(";"));
        }
        if (code != null) {
            recurrence.code(code);
        }

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.LOCAL_RECURRENCE);
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.orderedFlags()).containsExactly(ReviewFlag.NO_STANDARD_OPTION, ReviewFlag.NODAL_RECURRENCE_ONLY);
        assertThat(assessment.trialRule()).isEqualTo(TrialRule.T3);
    }

    @ParameterizedTest(name = "sites={0} code={1}")
    @CsvSource(nullValues = "-", value = {
            "inguinal_nodes;anus,    -",
            "inguinal_nodes,         10",
            "inguinal_nodes,         30",
            "inguinal_nodes;rectum,  -",
            "inguinal_nodes,         20"})
    void shouldNotFlagNodalRecurrenceOnlyWhenThereIsDiseaseAtOrNextToTheAnus(String sites, String code) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().sites(sites.split(";")).prior(PriorTreatment.CHEMORADIATION)
                .surgeryPossible(SurgeryPossible.YES);
        if (code != null) {
            recurrence.code(code);
        }

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR2);
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.NODAL_RECURRENCE_ONLY);
    }

    @Test
    void shouldKeepChemotherapyAloneForANodalRecurrenceWhenSurgeryIsNotPossible() {
        // when
        Assessment assessment = analCanal().sites("inguinal_nodes").prior(PriorTreatment.CHEMORADIATION)
                .surgeryPossible(SurgeryPossible.NO).assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR4);
        assertThat(assessment.orderedFlags()).containsExactly(ReviewFlag.NODAL_RECURRENCE_ONLY);
        assertThat(assessment.trialRule()).isEqualTo(TrialRule.T3);
    }

    @Test
    void shouldKeepTheNonSurgicalOptionsForANodalRecurrenceAfterSurgeryAlone() {
        // when
        Assessment assessment = analCanal().sites("inguinal_nodes").prior(PriorTreatment.SURGERY).assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR1, TreatmentOption.LR5);
        assertThat(assessment.orderedFlags()).containsExactly(ReviewFlag.NODAL_RECURRENCE_ONLY);
        assertThat(assessment.trialRule()).isEqualTo(TrialRule.T4);
    }

    @Test
    void shouldRaisePriorTreatmentMissingBesideNodalRecurrenceOnlyWhenPriorIsEmpty() {
        // when
        Assessment assessment = analCanal().sites("inguinal_nodes").assess();

        // then
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.orderedFlags()).containsExactly(ReviewFlag.PRIOR_TREATMENT_MISSING,
                ReviewFlag.NODAL_RECURRENCE_ONLY);
    }

    @Test
    void shouldNotFlagNodalRecurrenceOnlyWhenSc1Applies() {
        // when
        Assessment assessment = analCanal().sites("inguinal_nodes").prior(PriorTreatment.CHEMORADIATION)
                .wish(TreatmentWish.DECLINES_TREATMENT).assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.SC1);
        assertThat(assessment.flags()).isEmpty();
    }

    @Test
    void shouldOfferLr2ButNotLr3ForAPerianalSkinPrimaryWhoseRecurrenceIsOnlyNextToTheAnus() {
        // when
        Assessment assessment = perianalSkin().sites("rectum").prior(PriorTreatment.CHEMORADIATION)
                .surgeryPossible(SurgeryPossible.YES).assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR2);
        assertThat(assessment.flags()).isEmpty();
    }

    // POOR_PERFORMANCE_STATUS

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void shouldFlagPoorPerformanceStatusAndKeepTheOptionsAndTrialRow(int ecog) {
        // when
        Assessment assessment = distantMetastasis().ecog(ecog).assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.DM1, TreatmentOption.DM2);
        assertThat(assessment.orderedFlags()).containsExactly(ReviewFlag.POOR_PERFORMANCE_STATUS);
        assertThat(assessment.trialRule()).isEqualTo(TrialRule.T2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void shouldNotFlagPoorPerformanceStatusForEcog0To2(int ecog) {
        // when
        Assessment assessment = localRecurrence().prior(PriorTreatment.SURGERY).ecog(ecog).assess();

        // then
        assertThat(assessment.flags()).isEmpty();
    }

    @Test
    void shouldFlagPoorPerformanceStatusBesideSc1AndOnUndetermined() {
        // when
        Assessment declines = localRecurrence().ecog(4).wish(TreatmentWish.DECLINES_TREATMENT).assess();
        Assessment undetermined = analCanal().code("99").ecog(3).assess();

        // then
        assertThat(declines.orderedFlags()).containsExactly(ReviewFlag.POOR_PERFORMANCE_STATUS);
        assertThat(undetermined.orderedFlags()).containsExactly(ReviewFlag.RECURRENCE_SITE_MISSING,
                ReviewFlag.POOR_PERFORMANCE_STATUS);
    }

    // rationales true to the record

    @ParameterizedTest
    @CsvSource({"LR2, UNKNOWN", "LR3, UNKNOWN", "DM4, UNKNOWN"})
    void shouldSayIfSurgeryCanRemoveItWhereSurgeryPossibleIsUnknown(TreatmentOption option, SurgeryPossible surgery) {
        // when
        String rationale = option.basis(surgery);

        // then
        assertThat(rationale).contains("if surgery can remove it").doesNotContain("recorded as possible");
    }

    @ParameterizedTest
    @CsvSource({"LR2, YES", "LR3, YES", "DM4, YES", "LR1, UNKNOWN", "LR4, NO", "DM3, UNKNOWN"})
    void shouldNotSayIfSurgeryCanRemoveItWhereItIsRecordedOrNotAsked(TreatmentOption option, SurgeryPossible surgery) {
        // when
        String rationale = option.basis(surgery);

        // then
        assertThat(rationale).doesNotContain("if surgery can remove it");
    }

    @Test
    void shouldGiveEachPersonTheRationaleOfTheirRecord() {
        // when
        Assessment unknown = localRecurrence().prior(PriorTreatment.CHEMORADIATION).assess();
        Assessment yes = localRecurrence().prior(PriorTreatment.CHEMORADIATION).surgeryPossible(SurgeryPossible.YES).assess();

        // then
        assertThat(unknown.rationale(TreatmentOption.LR2)).contains("if surgery can remove it");
        assertThat(yes.rationale(TreatmentOption.LR2)).contains("surgery is recorded as possible");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(TreatmentOption.class)
    void shouldNeverSayWhatAPersonShouldHave(TreatmentOption option) {
        // then: options are options to discuss, never a recommendation
        for (SurgeryPossible surgery : SurgeryPossible.values()) {
            assertThat(option.basis(surgery).toLowerCase(java.util.Locale.ROOT))
                    .doesNotContain("should", "recommend", " so the recurrence can be removed");
        }
    }
}
