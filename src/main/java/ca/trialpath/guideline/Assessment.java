package ca.trialpath.guideline;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the guideline says for one person, with the rule behind every part so a clinician can check it.
 * The options are options to discuss, never a recommendation.
 *
 * @param pathwayRule  the row of the pathway table that decided it (P0-P5, P4b)
 * @param pathwayBasis why, in one sentence
 * @param extent  DISTANT, LOCAL or LOCOREGIONAL; {@code null} off the treated pathways
 * @param goal    {@code null} where no treatment goal applies
 * @param options in rule order
 * @param flags   in {@link ReviewFlag} order
 * @param trialRule the row of the trial-discussion table (T1-T4) that gave the priority
 * @param surgeryPossible as recorded: a surgical option's rationale says "if surgery can remove it" when unknown
 */
public record Assessment(
        Pathway pathway,
        String pathwayRule,
        String pathwayBasis,
        String extent,
        TreatmentGoal goal,
        List<TreatmentOption> options,
        Set<ReviewFlag> flags,
        TrialRule trialRule,
        SurgeryPossible surgeryPossible) {

    public Assessment {
        options = List.copyOf(options);
        flags = Set.copyOf(flags);
    }

    public boolean trialDiscussion() {
        return trialRule.discussion();
    }

    public TrialPriority trialPriority() {
        return trialRule.priority();
    }

    /** Why an attached option fits this person, true to the record. */
    public String rationale(TreatmentOption option) {
        return option.basis(surgeryPossible);
    }

    /** Flags in their declared order, for stable output. */
    public List<ReviewFlag> orderedFlags() {
        // an EnumSet iterates in declaration order; no stream, as it runs several times for every person
        return flags.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(flags));
    }
}
