package ca.trialpath.guideline;

import java.util.List;
import java.util.Set;

/**
 * Guideline section "Clinical trials" as a worklist priority (rules.md, section 5): people for whom
 * the guideline has no standard answer are offered a trial discussion first.
 */
public final class TrialDiscussionPolicy {

    private TrialDiscussionPolicy() {
    }

    public static TrialPriority priority(Pathway pathway, List<TreatmentOption> options, Set<ReviewFlag> flags) {
        if (pathway == Pathway.OUT_OF_SCOPE || pathway == Pathway.NOT_RECURRENT
                || options.contains(TreatmentOption.SC1)) {
            return TrialPriority.NONE;
        }
        if (pathway == Pathway.DISTANT_METASTASIS) {
            return TrialPriority.HIGH;
        }
        if (pathway == Pathway.LOCAL_RECURRENCE
                && (flags.contains(ReviewFlag.NO_STANDARD_OPTION) || options.equals(List.of(TreatmentOption.LR4)))) {
            return TrialPriority.HIGH;
        }
        return TrialPriority.ROUTINE;
    }
}
