package ca.trialpath.guideline;

import static ca.trialpath.guideline.RecurrenceCaseBuilder.distantMetastasis;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.localRecurrence;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.perianalSkin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What each option carries (rules.md, section 4), and that options come out in rule order. */
class TreatmentOptionTests {

    @ParameterizedTest(name = "{0}: {1}, {2}, \"{3}\"")
    @CsvSource(delimiter = '|', value = {
            "LR1 | CHEMORADIATION             | TREAT_RECURRENCE       | Local recurrence",
            "LR2 | ABDOMINOPERINEAL_RESECTION | TREAT_RECURRENCE       | Local recurrence",
            "LR3 | WIDE_LOCAL_EXCISION        | TREAT_RECURRENCE       | Local recurrence",
            "LR4 | CHEMOTHERAPY               | TREAT_RECURRENCE       | Local recurrence",
            "LR5 | RADIATION_ALONE            | TREAT_RECURRENCE       | Local recurrence",
            "DM1 | CHEMOTHERAPY               | CONTROL_AND_PALLIATION | Distant metastasis",
            "DM2 | CHEMORADIATION             | CONTROL_AND_PALLIATION | Distant metastasis",
            "DM3 | PALLIATIVE_RADIATION       | CONTROL_AND_PALLIATION | Distant metastasis",
            "DM4 | PALLIATIVE_EXCISION        | CONTROL_AND_PALLIATION | Distant metastasis",
            "SC1 | SUPPORTIVE_CARE            | COMFORT_CARE           | If you can't have or don't want cancer treatment"})
    void shouldCarryItsRuleIdCodeGoalAndGuidelineSection(TreatmentOption option, String code, TreatmentGoal goal,
            String heading) {
        // when / then
        assertThat(option.ruleId()).isEqualTo(option.name());
        assertThat(option.code()).isEqualTo(code);
        assertThat(option.goal()).isEqualTo(goal);
        assertThat(option.section().heading()).isEqualTo(heading);
    }

    @ParameterizedTest
    @EnumSource(TreatmentOption.class)
    void shouldCarryANonBlankLabelRegimensAndBasis(TreatmentOption option) {
        // when / then
        assertThat(option.label()).isNotBlank();
        assertThat(option.regimens()).isNotBlank();
        assertThat(option.basis()).isNotBlank();
    }

    @Test
    void shouldHaveTheRuleIdsOfTheSpecInRuleOrder() {
        // when
        List<String> ruleIds = java.util.Arrays.stream(TreatmentOption.values()).map(TreatmentOption::ruleId).toList();

        // then: ids are part of the output and must stay stable
        assertThat(ruleIds).containsExactly("LR1", "LR2", "LR3", "LR4", "LR5", "DM1", "DM2", "DM3", "DM4", "SC1");
    }

    @ParameterizedTest(name = "{0} mentions {1}")
    @CsvSource(delimiter = '|', value = {
            "LR1 | fluorouracil",
            "LR1 | 5-FU",
            "LR1 | mitomycin",
            "LR1 | capecitabine",
            "LR1 | 5 to 6 weeks",
            "LR2 | rectum",
            "LR2 | anal sphincter",
            "LR2 | anus",
            "LR2 | muscles",
            "LR3 | surgical margin",
            "LR4 | carboplatin",
            "LR4 | paclitaxel",
            "LR4 | cisplatin",
            "LR5 | without chemotherapy",
            "DM1 | carboplatin",
            "DM1 | paclitaxel",
            "DM1 | fluorouracil",
            "DM1 | cisplatin",
            "DM1 | grow or spread",
            "DM2 | radiation",
            "DM3 | pain or bleeding",
            "DM3 | anal tumour",
            "DM4 | wide local excision",
            "DM4 | anal tumour"})
    void shouldCarryWhatTheGuidelineSaysOfTheOption(TreatmentOption option, String words) {
        // when / then
        assertThat(option.regimens()).containsIgnoringCase(words);
    }

    @ParameterizedTest
    @EnumSource(value = TreatmentOption.class, names = {"LR2", "LR3", "DM4"})
    void shouldBeSurgicalForTheExcisions(TreatmentOption option) {
        // when / then
        assertThat(option.isSurgical()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = TreatmentOption.class, names = {"LR2", "LR3", "DM4"}, mode = EnumSource.Mode.EXCLUDE)
    void shouldNotBeSurgicalForTheOtherOptions(TreatmentOption option) {
        // when / then
        assertThat(option.isSurgical()).isFalse();
    }

    // option order is rule order

    @Test
    void shouldListLocalRecurrenceOptionsInRuleOrder() {
        // given
        RecurrenceCaseBuilder recurrence = perianalSkin().sites("perineum").prior(PriorTreatment.CHEMORADIATION)
                .surgeryPossible(SurgeryPossible.YES);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR2, TreatmentOption.LR3);
    }

    @Test
    void shouldListLr1BeforeLr5() {
        // given
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(PriorTreatment.SURGERY);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR1, TreatmentOption.LR5);
    }

    @Test
    void shouldListDistantMetastasisOptionsInRuleOrder() {
        // given
        RecurrenceCaseBuilder recurrence = distantMetastasis().sites("anus").symptoms("bleeding", "pain")
                .surgeryPossible(SurgeryPossible.YES);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.DM1, TreatmentOption.DM2,
                TreatmentOption.DM3, TreatmentOption.DM4);
    }

    @Test
    void shouldGiveEveryAttachedOptionTheGoalOfTheAssessment() {
        // given
        RecurrenceCaseBuilder distant = distantMetastasis().sites("anus").symptoms("pain");
        RecurrenceCaseBuilder local = perianalSkin().sites("anus").prior(PriorTreatment.CHEMORADIATION);

        // when
        Assessment distantAssessment = distant.assess();
        Assessment localAssessment = local.assess();

        // then
        assertThat(distantAssessment.options()).isNotEmpty()
                .allMatch(option -> option.goal() == distantAssessment.goal());
        assertThat(localAssessment.options()).isNotEmpty()
                .allMatch(option -> option.goal() == localAssessment.goal());
    }
}
