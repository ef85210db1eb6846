package ca.trialpath.guideline;

import static ca.trialpath.guideline.RecurrenceCaseBuilder.analCanal;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.distantMetastasis;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.localRecurrence;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.outOfScope;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Guideline section "If you can't have or don't want cancer treatment" (rules.md, section 4): SC1. */
class SupportiveCareRuleTests {

    static Stream<Arguments> declinedOrUnableOnEveryTreatedPathway() {
        return Stream.of(TreatmentWish.DECLINES_TREATMENT, TreatmentWish.UNABLE_TO_HAVE_TREATMENT)
                .flatMap(wish -> Stream.of(
                        // local: would otherwise give LR1, LR5
                        Arguments.of(localRecurrence().prior(PriorTreatment.SURGERY).wish(wish),
                                Pathway.LOCAL_RECURRENCE),
                        // distant: would otherwise give DM1-DM4
                        Arguments.of(distantMetastasis().sites("anus").symptoms("pain").wish(wish),
                                Pathway.DISTANT_METASTASIS),
                        // undetermined, no site and no code
                        Arguments.of(analCanal().wish(wish), Pathway.UNDETERMINED)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("declinedOrUnableOnEveryTreatedPathway")
    void shouldFireSc1AloneWithComfortCareAndNoTrialWhenThePersonDeclinesOrCannotHaveTreatment(
            RecurrenceCaseBuilder recurrence, Pathway pathway) {
        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(pathway);
        assertThat(assessment.options()).containsExactly(TreatmentOption.SC1);
        assertThat(assessment.goal()).isEqualTo(TreatmentGoal.COMFORT_CARE);
        assertThat(assessment.trialDiscussion()).isFalse();
        assertThat(assessment.trialPriority()).isEqualTo(TrialPriority.NONE);
    }

    @Test
    void shouldNotFireSc1WhenThePersonWantsTreatment() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(PriorTreatment.SURGERY)
                .wish(TreatmentWish.WANTS_TREATMENT);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).doesNotContain(TreatmentOption.SC1).isNotEmpty();
        assertThat(assessment.goal()).isEqualTo(TreatmentGoal.TREAT_RECURRENCE);
    }

    @Test
    void shouldNotFireSc1OnUndeterminedWhenThePersonWantsTreatment() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal();

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.goal()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = TreatmentWish.class, names = {"DECLINES_TREATMENT", "UNABLE_TO_HAVE_TREATMENT"})
    void shouldNotFireSc1OnNotRecurrent(TreatmentWish wish) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code("00").wish(wish);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.NOT_RECURRENT);
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.goal()).isNull();
        assertThat(assessment.flags()).containsExactly(ReviewFlag.NO_RECURRENCE_RECORDED);
    }

    @ParameterizedTest
    @EnumSource(value = TreatmentWish.class, names = {"DECLINES_TREATMENT", "UNABLE_TO_HAVE_TREATMENT"})
    void shouldNotFireSc1OnOutOfScope(TreatmentWish wish) {
        // given
        RecurrenceCaseBuilder recurrence = outOfScope().sites("liver").wish(wish);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.OUT_OF_SCOPE);
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.goal()).isNull();
        assertThat(assessment.flags()).isEmpty();
    }

    // SC1 drops the option-choice flags but keeps the data flags

    @Test
    void shouldNotFlagPriorTreatmentMissingWhenSc1Applies() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().wish(TreatmentWish.DECLINES_TREATMENT);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).isEmpty();
    }

    @Test
    void shouldNotFlagNoStandardOptionWhenSc1Applies() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(PriorTreatment.RADIATION)
                .wish(TreatmentWish.UNABLE_TO_HAVE_TREATMENT);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).isEmpty();
        assertThat(assessment.trialPriority()).isEqualTo(TrialPriority.NONE);
    }

    @Test
    void shouldNotFlagSurgicalAssessmentNeededWhenSc1Applies() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(PriorTreatment.CHEMORADIATION)
                .surgeryPossible(SurgeryPossible.UNKNOWN).wish(TreatmentWish.DECLINES_TREATMENT);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).isEmpty();
    }

    @Test
    void shouldNotFlagSymptomsWithoutLocalTumourWhenSc1Applies() {
        // given
        RecurrenceCaseBuilder recurrence = distantMetastasis().symptoms("pain").wish(TreatmentWish.DECLINES_TREATMENT);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).isEmpty();
    }

    @Test
    void shouldKeepConflictAndUnknownSiteTermFlagsWhenSc1Applies() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code("10").sites("liver", "mystery_site")
                .wish(TreatmentWish.DECLINES_TREATMENT);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.DISTANT_METASTASIS);
        assertThat(assessment.options()).containsExactly(TreatmentOption.SC1);
        assertThat(assessment.flags()).containsExactlyInAnyOrder(ReviewFlag.RECURRENCE_TYPE_SITE_CONFLICT,
                ReviewFlag.UNKNOWN_SITE_TERM);
    }

    @Test
    void shouldKeepRecurrenceSiteMissingWhenSc1Applies() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code("99").wish(TreatmentWish.UNABLE_TO_HAVE_TREATMENT);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.UNDETERMINED);
        assertThat(assessment.options()).containsExactly(TreatmentOption.SC1);
        assertThat(assessment.flags()).containsExactly(ReviewFlag.RECURRENCE_SITE_MISSING);
    }
}
