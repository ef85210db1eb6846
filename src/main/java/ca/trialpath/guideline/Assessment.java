package ca.trialpath.guideline;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the guideline says for one person, with the rule behind every part so a clinician can check it.
 *
 * @param pathwayRule  the row of the pathway table that decided it (P0-P5)
 * @param pathwayBasis why, in one sentence
 * @param extent  DISTANT, LOCAL or LOCOREGIONAL; {@code null} off the treated pathways
 * @param goal    {@code null} where no treatment goal applies
 * @param options in rule order
 * @param flags   in {@link ReviewFlag} order
 */
public record Assessment(
        Pathway pathway,
        String pathwayRule,
        String pathwayBasis,
        String extent,
        TreatmentGoal goal,
        List<TreatmentOption> options,
        Set<ReviewFlag> flags,
        boolean trialDiscussion,
        TrialPriority trialPriority) {

    public Assessment {
        options = List.copyOf(options);
        flags = Set.copyOf(flags);
    }

    /** Flags in their declared order, for stable output. */
    public List<ReviewFlag> orderedFlags() {
        // an EnumSet iterates in declaration order; no stream, as it runs several times for every person
        return flags.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(flags));
    }
}
