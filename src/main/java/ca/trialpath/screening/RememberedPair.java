package ca.trialpath.screening;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the run history keeps of a pair from one night to the next (screening.md, "Memory across nights").
 *
 * @param decision    the current status, the last of {@code history}
 * @param history     every status the pair has had, oldest first, each with its date: never overwritten
 * @param firstSeen   the run date of the first night that matched the pair; {@code null} for a pair known only
 *                    from a coordinator's file
 * @param lastFacts   the facts of the last night that saw the pair; {@code null} if no night has
 * @param factChanges the changes of facts seen after the current decision's date, oldest first: the reasons it
 *                    is reopened. Older ones are dropped when a later decision is recorded.
 */
public record RememberedPair(PairKey key, String briefTitle, Decision decision, List<Decision> history,
        LocalDate firstSeen, PairFacts lastFacts, List<FactChange> factChanges) {

    public RememberedPair {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(decision, "decision");
        briefTitle = briefTitle == null ? "" : briefTitle;
        history = List.copyOf(history);
        factChanges = List.copyOf(factChanges);
        if (history.isEmpty() || !history.get(history.size() - 1).equals(decision)) {
            throw new IllegalArgumentException("the decision of " + key + " is the last of its history");
        }
    }
}
