package ca.trialpath.guideline;

import java.util.List;
import java.util.Set;

/**
 * Guideline section "Clinical trials" as a worklist priority (rules.md, section 5): people for whom
 * the guideline has no standard answer are offered a trial discussion first. The first row that fits wins.
 */
public final class TrialDiscussionPolicy {

    private TrialDiscussionPolicy() {
    }

    /**
     * @param supportiveCare SC1 applies (the person declines or cannot have treatment), even where a
     *                       withheld-options flag left SC1 out of the options
     */
    public static TrialRule rule(Pathway pathway, boolean supportiveCare, List<TreatmentOption> options,
            Set<ReviewFlag> flags) {
        if (pathway == Pathway.OUT_OF_SCOPE || pathway == Pathway.NOT_RECURRENT || supportiveCare
                || flags.contains(ReviewFlag.PRIMARY_NOT_INVASIVE) || flags.contains(ReviewFlag.IN_SITU_RECURRENCE)) {
            return TrialRule.T1;
        }
        if (pathway == Pathway.DISTANT_METASTASIS) {
            return TrialRule.T2;
        }
        // NON_SQUAMOUS_HISTOLOGY has no options but no NO_STANDARD_OPTION either: trials set their own
        // histology criteria, so withheld options do not make it T3
        if (pathway == Pathway.LOCAL_RECURRENCE && (flags.contains(ReviewFlag.NO_STANDARD_OPTION)
                || options.size() == 1 && options.get(0) == TreatmentOption.LR4)) {
            return TrialRule.T3;
        }
        return TrialRule.T4;
    }
}
