package ca.trialpath.guideline;

import static ca.trialpath.guideline.RecurrenceCaseBuilder.analCanal;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.distantMetastasis;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.localRecurrence;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.outOfScope;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The treatment_goal column (rules.md, section 4, "Treatment goal"). */
class TreatmentGoalTests {

    static Stream<Arguments> goalTable() {
        return Stream.of(
                Arguments.of("SC1 on a local recurrence",
                        localRecurrence().prior(PriorTreatment.SURGERY).wish(TreatmentWish.DECLINES_TREATMENT),
                        TreatmentGoal.COMFORT_CARE),
                Arguments.of("SC1 on a distant metastasis",
                        distantMetastasis().wish(TreatmentWish.UNABLE_TO_HAVE_TREATMENT), TreatmentGoal.COMFORT_CARE),
                Arguments.of("SC1 on undetermined", analCanal().code("88").wish(TreatmentWish.DECLINES_TREATMENT),
                        TreatmentGoal.COMFORT_CARE),
                Arguments.of("distant metastasis", distantMetastasis(), TreatmentGoal.CONTROL_AND_PALLIATION),
                Arguments.of("local recurrence with options", localRecurrence().prior(PriorTreatment.SURGERY),
                        TreatmentGoal.TREAT_RECURRENCE),
                Arguments.of("local recurrence without prior treatment", localRecurrence(),
                        TreatmentGoal.TREAT_RECURRENCE),
                Arguments.of("local recurrence with no standard option",
                        localRecurrence().prior(PriorTreatment.RADIATION), TreatmentGoal.TREAT_RECURRENCE),
                Arguments.of("undetermined", analCanal().sites("mystery_site"), null),
                Arguments.of("not recurrent", analCanal().code("00"), null),
                Arguments.of("persistent disease without site", analCanal().code("70"), null),
                Arguments.of("non-squamous local recurrence", localRecurrence().prior(PriorTreatment.SURGERY)
                        .histology("8140/3"), null),
                Arguments.of("non-squamous, declines treatment: the withheld-options flag wins over SC1",
                        distantMetastasis().histology("8720/3").wish(TreatmentWish.DECLINES_TREATMENT), null),
                Arguments.of("benign primary", distantMetastasis().histology("8052/0"), null),
                Arguments.of("in situ recurrence", analCanal().code("06").prior(PriorTreatment.SURGERY), null),
                Arguments.of("in situ primary keeps the goal", localRecurrence().prior(PriorTreatment.SURGERY)
                        .histology("8077/2"), TreatmentGoal.TREAT_RECURRENCE),
                Arguments.of("out of scope", outOfScope().sites("anus").prior(PriorTreatment.SURGERY), null));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("goalTable")
    void shouldGiveTheTreatmentGoalOfTheTable(String description, RecurrenceCaseBuilder recurrence,
            TreatmentGoal goal) {
        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.goal()).isEqualTo(goal);
    }
}
