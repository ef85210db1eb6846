package ca.trialpath.guideline;

import static ca.trialpath.guideline.PriorTreatment.CHEMORADIATION;
import static ca.trialpath.guideline.PriorTreatment.CHEMOTHERAPY;
import static ca.trialpath.guideline.PriorTreatment.RADIATION;
import static ca.trialpath.guideline.PriorTreatment.SURGERY;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.localRecurrence;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.perianalSkin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Guideline section "Local recurrence" (rules.md, section 4): LR1-LR5 and the flags of choosing among them. */
class LocalRecurrenceRulesTests {

    // LR1: surgery_only

    @Test
    void shouldFireLr1WhenSurgeryWasTheOnlyPriorTreatment() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(SURGERY);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.LOCAL_RECURRENCE);
        assertThat(assessment.options()).contains(TreatmentOption.LR1);
    }

    // a registry's "none given" (naaccr.md): not missing, read by the rules as no treatment

    @Test
    void shouldReadARegistrysNoneGivenAsNoPriorTreatmentNotAsMissing() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().priorNoneGiven();

        // when
        Assessment assessment = recurrence.assess();

        // then: no radiation was used, so LR5
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.PRIOR_TREATMENT_MISSING);
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR5);
    }

    @Test
    void shouldStillFlagAnEmptyPriorTreatmentThatIsNotRecorded() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence();

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).contains(ReviewFlag.PRIOR_TREATMENT_MISSING);
        assertThat(assessment.options()).isEmpty();
    }

    static Stream<Arguments> priorsBesideSurgery() {
        return Stream.of(
                Arguments.of("surgery and chemotherapy", new PriorTreatment[] {SURGERY, CHEMOTHERAPY}),
                Arguments.of("surgery and radiation", new PriorTreatment[] {SURGERY, RADIATION}),
                Arguments.of("surgery and chemoradiation", new PriorTreatment[] {SURGERY, CHEMORADIATION}),
                Arguments.of("chemotherapy only", new PriorTreatment[] {CHEMOTHERAPY}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("priorsBesideSurgery")
    void shouldNotFireLr1WhenSurgeryWasNotTheOnlyPriorTreatment(String description, PriorTreatment[] prior) {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(prior);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).doesNotContain(TreatmentOption.LR1);
    }

    @Test
    void shouldOfferLr1ThenLr5WhenSurgeryWasTheOnlyPriorTreatment() {
        // given: surgery only also means radiation was not used, so LR5 fits as well
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(SURGERY).surgeryPossible(SurgeryPossible.YES);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR1, TreatmentOption.LR5);
        assertThat(assessment.flags()).isEmpty();
    }

    // LR2: chemoradiation in prior and surgery_possible != no

    @ParameterizedTest
    @EnumSource(value = SurgeryPossible.class, names = {"YES", "UNKNOWN"})
    void shouldFireLr2WhenChemoradiationWasUsedAndSurgeryIsNotRuledOut(SurgeryPossible surgeryPossible) {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(CHEMORADIATION).surgeryPossible(surgeryPossible);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR2);
    }

    @Test
    void shouldFireLr2WhenChemoradiationWasUsedBesideSurgery() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(SURGERY, CHEMORADIATION)
                .surgeryPossible(SurgeryPossible.YES);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR2);
    }

    @Test
    void shouldNotFireLr2WhenSurgeryIsNotPossible() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(CHEMORADIATION).surgeryPossible(SurgeryPossible.NO);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).doesNotContain(TreatmentOption.LR2);
    }

    @Test
    void shouldNotFireLr2WhenRadiationWithoutChemotherapyWasUsed() {
        // given: radiation alone is not chemoradiation
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(RADIATION, CHEMOTHERAPY)
                .surgeryPossible(SurgeryPossible.YES);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).doesNotContain(TreatmentOption.LR2);
    }

    // LR3: as LR2, and the primary is perianal skin

    @ParameterizedTest
    @EnumSource(value = SurgeryPossible.class, names = {"YES", "UNKNOWN"})
    void shouldFireLr3AfterLr2WhenAPerianalSkinPrimaryWasTreatedWithChemoradiation(SurgeryPossible surgeryPossible) {
        // given
        RecurrenceCaseBuilder recurrence = perianalSkin().sites("perianal_skin").prior(CHEMORADIATION)
                .surgeryPossible(surgeryPossible);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR2, TreatmentOption.LR3);
    }

    @Test
    void shouldNotFireLr3WhenThePrimaryIsInTheAnalCanal() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(CHEMORADIATION).surgeryPossible(SurgeryPossible.YES);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).doesNotContain(TreatmentOption.LR3);
    }

    @Test
    void shouldNotFireLr3WhenSurgeryIsNotPossibleOnAPerianalSkinPrimary() {
        // given
        RecurrenceCaseBuilder recurrence = perianalSkin().sites("perianal_skin").prior(CHEMORADIATION)
                .surgeryPossible(SurgeryPossible.NO);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR4);
    }

    @Test
    void shouldNotFireLr3WhenAPerianalSkinPrimaryHadNoChemoradiation() {
        // given
        RecurrenceCaseBuilder recurrence = perianalSkin().sites("perianal_skin").prior(SURGERY)
                .surgeryPossible(SurgeryPossible.YES);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR1, TreatmentOption.LR5);
    }

    // LR4: chemoradiation in prior and surgery_possible = no

    @Test
    void shouldFireLr4AloneWhenChemoradiationWasUsedAndSurgeryIsNotPossible() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(CHEMORADIATION).surgeryPossible(SurgeryPossible.NO);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR4);
        assertThat(assessment.flags()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = SurgeryPossible.class, names = {"YES", "UNKNOWN"})
    void shouldNotFireLr4WhenSurgeryIsNotRuledOut(SurgeryPossible surgeryPossible) {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(CHEMORADIATION).surgeryPossible(surgeryPossible);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).doesNotContain(TreatmentOption.LR4);
    }

    @Test
    void shouldNotFireLr4WhenSurgeryIsNotPossibleButChemoradiationWasNotUsed() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(SURGERY).surgeryPossible(SurgeryPossible.NO);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR1, TreatmentOption.LR5);
    }

    // LR5: radiation not used before

    static Stream<Arguments> priorsWithoutRadiation() {
        return Stream.of(
                Arguments.of("chemotherapy", new PriorTreatment[] {CHEMOTHERAPY}),
                Arguments.of("surgery", new PriorTreatment[] {SURGERY}),
                Arguments.of("surgery and chemotherapy", new PriorTreatment[] {SURGERY, CHEMOTHERAPY}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("priorsWithoutRadiation")
    void shouldFireLr5WhenRadiationWasNotUsedBefore(String description, PriorTreatment[] prior) {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(prior);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).contains(TreatmentOption.LR5);
    }

    static Stream<Arguments> priorsWithRadiation() {
        return Stream.of(
                Arguments.of("radiation", new PriorTreatment[] {RADIATION}),
                Arguments.of("chemoradiation", new PriorTreatment[] {CHEMORADIATION}),
                Arguments.of("surgery and radiation", new PriorTreatment[] {SURGERY, RADIATION}),
                Arguments.of("chemotherapy and radiation", new PriorTreatment[] {CHEMOTHERAPY, RADIATION}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("priorsWithRadiation")
    void shouldNotFireLr5WhenRadiationWasUsedBefore(String description, PriorTreatment[] prior) {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(prior);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).doesNotContain(TreatmentOption.LR5);
    }

    @Test
    void shouldOfferOnlyLr5WhenChemotherapyAloneWasPrior() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(CHEMOTHERAPY);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR5);
    }

    // prior treatment missing, or no rule fits

    @Test
    void shouldGiveNoOptionAndFlagPriorTreatmentMissingWhenNoPriorTreatmentIsRecorded() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence();

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.flags()).containsExactly(ReviewFlag.PRIOR_TREATMENT_MISSING);
    }

    static Stream<Arguments> priorsNoRuleFits() {
        return Stream.of(
                Arguments.of("radiation", new PriorTreatment[] {RADIATION}),
                Arguments.of("surgery and radiation", new PriorTreatment[] {SURGERY, RADIATION}),
                Arguments.of("radiation and chemotherapy", new PriorTreatment[] {RADIATION, CHEMOTHERAPY}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("priorsNoRuleFits")
    void shouldGiveNoOptionAndFlagNoStandardOptionWhenNoRuleFitsThePriorTreatment(String description,
            PriorTreatment[] prior) {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(prior);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.flags()).containsExactly(ReviewFlag.NO_STANDARD_OPTION);
    }

    @Test
    void shouldNotFlagNoStandardOptionWhenARuleFits() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(CHEMOTHERAPY);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.NO_STANDARD_OPTION, ReviewFlag.PRIOR_TREATMENT_MISSING);
    }

    // surgical assessment

    @Test
    void shouldFlagSurgicalAssessmentNeededWhenLr2IsListedAndSurgeryIsUnknown() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(CHEMORADIATION).surgeryPossible(SurgeryPossible.UNKNOWN);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).containsExactly(ReviewFlag.SURGICAL_ASSESSMENT_NEEDED);
    }

    @Test
    void shouldFlagSurgicalAssessmentNeededWhenLr3IsListedAndSurgeryIsUnknown() {
        // given
        RecurrenceCaseBuilder recurrence = perianalSkin().sites("anal_margin").prior(CHEMORADIATION);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).contains(TreatmentOption.LR3);
        assertThat(assessment.flags()).containsExactly(ReviewFlag.SURGICAL_ASSESSMENT_NEEDED);
    }

    @Test
    void shouldNotFlagSurgicalAssessmentNeededWhenSurgeryIsKnownToBePossible() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(CHEMORADIATION).surgeryPossible(SurgeryPossible.YES);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR2);
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.SURGICAL_ASSESSMENT_NEEDED);
    }

    @Test
    void shouldNotFlagSurgicalAssessmentNeededWhenNoSurgicalOptionIsListed() {
        // given: LR1 and LR5 are not surgery, so an unknown surgery_possible does not matter
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(SURGERY).surgeryPossible(SurgeryPossible.UNKNOWN);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR1, TreatmentOption.LR5);
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.SURGICAL_ASSESSMENT_NEEDED);
    }
}
