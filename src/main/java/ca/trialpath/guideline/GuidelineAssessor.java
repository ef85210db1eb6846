package ca.trialpath.guideline;

import java.util.EnumSet;
import java.util.Set;

/**
 * Applies the whole guideline to one person: sites and code to pathway (rules.md, sections 2 and 3), the
 * histology and performance status (sections 1 and 4), pathway to options (section 4), and options to the
 * trial-discussion row (section 5). No Spring, no I/O: the batch job is a shell around this function.
 */
public final class GuidelineAssessor {

    private GuidelineAssessor() {
    }

    public static Assessment assess(RecurrenceCase recurrence) {
        PathwayClassifier.Classification classification = PathwayClassifier.classify(recurrence);
        Pathway pathway = classification.pathway();
        boolean treatedPathway = pathway != Pathway.OUT_OF_SCOPE && pathway != Pathway.NOT_RECURRENT;

        Set<ReviewFlag> flags = EnumSet.noneOf(ReviewFlag.class);
        flags.addAll(classification.flags());
        if (recurrence.severalAnalPrimaries()) {
            // a fact of the record, on every pathway: which tumour was assessed is the registry's choice
            flags.add(ReviewFlag.SEVERAL_ANAL_PRIMARIES);
        }
        if (treatedPathway) {
            // section 0: the histology, in situ and ECOG flags apply on LOCAL_RECURRENCE, DISTANT_METASTASIS
            // and UNDETERMINED only
            flags.addAll(Histology.flags(recurrence.histology()));
            if (recurrence.ecog() != null && recurrence.ecog() >= 3) {
                // section 4, "Performance status": options and the trial flag unchanged
                flags.add(ReviewFlag.POOR_PERFORMANCE_STATUS);
            }
        }
        OptionRules.Selection selection = OptionRules.select(recurrence, classification, flags);
        flags.addAll(selection.flags());

        boolean supportiveCare = treatedPathway && recurrence.treatmentWish() != TreatmentWish.WANTS_TREATMENT;
        TrialRule trialRule = TrialDiscussionPolicy.rule(pathway, supportiveCare, selection.options(), flags);
        return new Assessment(pathway, classification.rule(), classification.basis(), classification.extent(),
                goal(pathway, selection, flags), selection.options(), flags, trialRule,
                recurrence.surgeryPossible());
    }

    /** Section 4, "Treatment goal": the first row that fits. */
    static TreatmentGoal goal(Pathway pathway, OptionRules.Selection selection, Set<ReviewFlag> flags) {
        for (ReviewFlag flag : flags) {
            if (flag.withholdsOptions()) {
                return null;
            }
        }
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
