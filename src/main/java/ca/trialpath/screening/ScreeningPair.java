package ca.trialpath.screening;

import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.TrialMatch;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A pair as tonight's run sees it: what is remembered of it, tonight's match if there is one, and where it goes on
 * the morning worklist. One row of {@code screening_log.csv}.
 *
 * @param memory          what the run history keeps for the next night
 * @param match           tonight's match; {@code null} when the pair no longer matches or nearly matches
 * @param newTonight      first seen tonight: the worklist marks it new
 * @param reopenedBecause what changed after a closed decision's date; empty unless the pair is reopened
 */
public record ScreeningPair(RememberedPair memory, TonightsMatch match, boolean newTonight,
        List<String> reopenedBecause, WorklistGroup group) {

    public ScreeningPair {
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(group, "group");
        reopenedBecause = List.copyOf(reopenedBecause);
    }

    public PairKey key() {
        return memory.key();
    }

    public Decision decision() {
        return memory.decision();
    }

    public boolean stillMatching() {
        return match != null;
    }

    public boolean reopened() {
        return !reopenedBecause.isEmpty();
    }

    /** Tonight's result; {@code null} when the pair no longer matches. */
    public TrialMatch.Result result() {
        return match == null ? null : match.facts().result();
    }

    public List<Criterion> toVerify() {
        return match == null ? List.of() : match.toVerify();
    }

    public LocalDate firstSeen() {
        return memory.firstSeen();
    }
}
