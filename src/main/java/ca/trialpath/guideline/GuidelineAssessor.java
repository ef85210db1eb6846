package ca.trialpath.guideline;

import java.util.EnumSet;
import java.util.Set;

/**
 * Applies the whole guideline to one person: sites and code to pathway, pathway to options, options to
 * the trial-discussion priority. No Spring, no I/O: the batch job is a shell around this function.
 */
public final class GuidelineAssessor {

    private GuidelineAssessor() {
    }

    public static Assessment assess(RecurrenceCase recurrence) {
        PathwayClassifier.Classification classification = PathwayClassifier.classify(recurrence);
        OptionRules.Selection selection = OptionRules.select(recurrence, classification);

        Set<ReviewFlag> flags = EnumSet.noneOf(ReviewFlag.class);
        flags.addAll(classification.flags());
        flags.addAll(selection.flags());

        TrialPriority priority = TrialDiscussionPolicy.priority(classification.pathway(), selection.options(), flags);
        return new Assessment(classification.pathway(), classification.rule(), classification.basis(),
                classification.extent(),
                goal(classification.pathway(), selection), selection.options(), flags,
                priority != TrialPriority.NONE, priority);
    }

    private static TreatmentGoal goal(Pathway pathway, OptionRules.Selection selection) {
        if (selection.options().contains(TreatmentOption.SC1)) {
            return TreatmentGoal.COMFORT_CARE;
        }
        return switch (pathway) {
            case DISTANT_METASTASIS -> TreatmentGoal.CONTROL_AND_PALLIATION;
            case LOCAL_RECURRENCE -> TreatmentGoal.TREAT_RECURRENCE;
            default -> null;
        };
    }
}
