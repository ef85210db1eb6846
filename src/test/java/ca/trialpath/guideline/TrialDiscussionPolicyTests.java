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
    void shouldGiveHighPriorityForALocalRecurrenceWhoseOnlyOptionIsLr4() {
        // when
        TrialPriority priority = TrialDiscussionPolicy.priority(Pathway.LOCAL_RECURRENCE,
                List.of(TreatmentOption.LR4), Set.of());

        // then
        assertThat(priority).isEqualTo(TrialPriority.HIGH);
    }

    @Test
    void shouldGiveRoutinePriorityForALocalRecurrenceWhenLr4IsNotTheOnlyOption() {
        // when: not a combination the rules produce today, but "only option" is what the table says
        TrialPriority priority = TrialDiscussionPolicy.priority(Pathway.LOCAL_RECURRENCE,
                List.of(TreatmentOption.LR2, TreatmentOption.LR4), Set.of());

        // then
        assertThat(priority).isEqualTo(TrialPriority.ROUTINE);
    }

    @Test
    void shouldGiveHighPriorityForALocalRecurrenceWithNoStandardOption() {
        // when
        TrialPriority priority = TrialDiscussionPolicy.priority(Pathway.LOCAL_RECURRENCE, List.of(),
                Set.of(ReviewFlag.NO_STANDARD_OPTION));

        // then
        assertThat(priority).isEqualTo(TrialPriority.HIGH);
    }

    @Test
    void shouldGiveRoutinePriorityForALocalRecurrenceWithPriorTreatmentMissing() {
        // when
        TrialPriority priority = TrialDiscussionPolicy.priority(Pathway.LOCAL_RECURRENCE, List.of(),
                Set.of(ReviewFlag.PRIOR_TREATMENT_MISSING));

        // then
        assertThat(priority).isEqualTo(TrialPriority.ROUTINE);
    }

    @Test
    void shouldGiveNoPriorityWhenSc1IsTheOption() {
        // when
        TrialPriority priority = TrialDiscussionPolicy.priority(Pathway.DISTANT_METASTASIS,
                List.of(TreatmentOption.SC1), Set.of());

        // then
        assertThat(priority).isEqualTo(TrialPriority.NONE);
    }
}
