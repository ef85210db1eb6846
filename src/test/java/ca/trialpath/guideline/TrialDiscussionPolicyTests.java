package ca.trialpath.guideline;

import static ca.trialpath.guideline.RecurrenceCaseBuilder.analCanal;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.distantMetastasis;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.localRecurrence;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.outOfScope;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.perianalSkin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Guideline section "Clinical trials" as a worklist priority (rules.md, section 5). */
class TrialDiscussionPolicyTests {

    static Stream<Arguments> priorityTable() {
        return Stream.of(
                Arguments.of("out of scope", outOfScope().sites("liver"), TrialPriority.NONE),
                Arguments.of("not recurrent", analCanal().code("00"), TrialPriority.NONE),
                Arguments.of("SC1 on a distant metastasis",
                        distantMetastasis().wish(TreatmentWish.DECLINES_TREATMENT), TrialPriority.NONE),
                Arguments.of("SC1 on a local recurrence with no standard option",
                        localRecurrence().prior(PriorTreatment.RADIATION).wish(TreatmentWish.UNABLE_TO_HAVE_TREATMENT),
                        TrialPriority.NONE),
                Arguments.of("SC1 on undetermined", analCanal().wish(TreatmentWish.DECLINES_TREATMENT),
                        TrialPriority.NONE),
                Arguments.of("distant metastasis", distantMetastasis(), TrialPriority.HIGH),
                Arguments.of("distant metastasis with palliative options",
                        distantMetastasis().sites("anus").symptoms("pain"), TrialPriority.HIGH),
                Arguments.of("local recurrence, no standard option",
                        localRecurrence().prior(PriorTreatment.RADIATION), TrialPriority.HIGH),
                Arguments.of("local recurrence, only LR4",
                        localRecurrence().prior(PriorTreatment.CHEMORADIATION).surgeryPossible(SurgeryPossible.NO),
                        TrialPriority.HIGH),
                Arguments.of("local recurrence of perianal skin, only LR4",
                        perianalSkin().sites("anal_margin").prior(PriorTreatment.SURGERY, PriorTreatment.CHEMORADIATION)
                                .surgeryPossible(SurgeryPossible.NO),
                        TrialPriority.HIGH),
                Arguments.of("local recurrence, LR2", localRecurrence().prior(PriorTreatment.CHEMORADIATION),
                        TrialPriority.ROUTINE),
                Arguments.of("local recurrence, LR1 and LR5", localRecurrence().prior(PriorTreatment.SURGERY),
                        TrialPriority.ROUTINE),
                Arguments.of("local recurrence, LR5", localRecurrence().prior(PriorTreatment.CHEMOTHERAPY),
                        TrialPriority.ROUTINE),
                Arguments.of("local recurrence, prior treatment missing", localRecurrence(), TrialPriority.ROUTINE),
                Arguments.of("undetermined, site missing", analCanal().code("99"), TrialPriority.ROUTINE),
                Arguments.of("undetermined, unknown site term", analCanal().sites("mystery_site"),
                        TrialPriority.ROUTINE));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("priorityTable")
    void shouldGiveTheTrialPriorityOfTheTable(String description, RecurrenceCaseBuilder recurrence,
            TrialPriority priority) {
        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.trialPriority()).isEqualTo(priority);
        assertThat(assessment.trialDiscussion()).isEqualTo(priority != TrialPriority.NONE);
    }

    @Test
    void shouldGiveT3ForALocalRecurrenceWhoseOnlyOptionIsLr4() {
        // when
        TrialRule rule = TrialDiscussionPolicy.rule(Pathway.LOCAL_RECURRENCE, false, List.of(TreatmentOption.LR4),
                Set.of());

        // then
        assertThat(rule).isEqualTo(TrialRule.T3);
        assertThat(rule.priority()).isEqualTo(TrialPriority.HIGH);
    }

    @Test
    void shouldGiveT4ForALocalRecurrenceWhenLr4IsNotTheOnlyOption() {
        // when: not a combination the rules produce today, but "only option" is what the table says
        TrialRule rule = TrialDiscussionPolicy.rule(Pathway.LOCAL_RECURRENCE, false,
                List.of(TreatmentOption.LR2, TreatmentOption.LR4), Set.of());

        // then
        assertThat(rule).isEqualTo(TrialRule.T4);
        assertThat(rule.priority()).isEqualTo(TrialPriority.ROUTINE);
    }

    @Test
    void shouldGiveT3ForALocalRecurrenceWithNoStandardOption() {
        // when
        TrialRule rule = TrialDiscussionPolicy.rule(Pathway.LOCAL_RECURRENCE, false, List.of(),
                Set.of(ReviewFlag.NO_STANDARD_OPTION));

        // then
        assertThat(rule).isEqualTo(TrialRule.T3);
    }

    @Test
    void shouldGiveT4ForALocalRecurrenceWithPriorTreatmentMissing() {
        // when
        TrialRule rule = TrialDiscussionPolicy.rule(Pathway.LOCAL_RECURRENCE, false, List.of(),
                Set.of(ReviewFlag.PRIOR_TREATMENT_MISSING));

        // then
        assertThat(rule).isEqualTo(TrialRule.T4);
    }

    @Test
    void shouldGiveT1WhenSc1Applies() {
        // when
        TrialRule rule = TrialDiscussionPolicy.rule(Pathway.DISTANT_METASTASIS, true, List.of(TreatmentOption.SC1),
                Set.of());

        // then
        assertThat(rule).isEqualTo(TrialRule.T1);
        assertThat(rule.discussion()).isFalse();
    }

    @Test
    void shouldGiveT1WhenSc1AppliesEvenWhereAWithheldOptionsFlagLeftNoOption() {
        // given: a non-squamous histology wins over SC1, but the trial row is still T1
        RecurrenceCaseBuilder recurrence = distantMetastasis().histology("8140/3").wish(TreatmentWish.DECLINES_TREATMENT);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.trialRule()).isEqualTo(TrialRule.T1);
    }

    static Stream<Arguments> newTrialRows() {
        return Stream.of(
                Arguments.of("non-squamous distant metastasis keeps T2", distantMetastasis().histology("8720/3"),
                        TrialRule.T2),
                Arguments.of("non-squamous local recurrence keeps T4, not T3 (no NO_STANDARD_OPTION)",
                        localRecurrence().histology("8140/3").prior(PriorTreatment.RADIATION), TrialRule.T4),
                Arguments.of("non-squamous undetermined keeps T4", analCanal().code("99").histology("8246/3"),
                        TrialRule.T4),
                Arguments.of("benign primary: T1", distantMetastasis().histology("8052/0"), TrialRule.T1),
                Arguments.of("uncertain behaviour: T1", localRecurrence().histology("8000/1"), TrialRule.T1),
                Arguments.of("in situ primary keeps the pathway's row", distantMetastasis().histology("8077/2"),
                        TrialRule.T2),
                Arguments.of("in situ recurrence: T1", analCanal().code("04").prior(PriorTreatment.RADIATION),
                        TrialRule.T1),
                Arguments.of("in situ code beside a distant site: the distant reading wins, T2",
                        distantMetastasis().code("06"), TrialRule.T2),
                Arguments.of("persistent disease without site: T4", analCanal().code("70"), TrialRule.T4),
                Arguments.of("regional nodes only after chemoradiation, surgery possible: no option, T3",
                        analCanal().sites("inguinal_nodes").prior(PriorTreatment.CHEMORADIATION)
                                .surgeryPossible(SurgeryPossible.YES), TrialRule.T3),
                Arguments.of("ECOG 4 does not change the row", distantMetastasis().ecog(4), TrialRule.T2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newTrialRows")
    void shouldNameTheRowOfTheTable(String description, RecurrenceCaseBuilder recurrence, TrialRule row) {
        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.trialRule()).isEqualTo(row);
        assertThat(assessment.trialPriority()).isEqualTo(row.priority());
    }
}
