package ca.trialpath.screening;

import ca.trialpath.trials.Criterion;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A pair the matcher found tonight (MATCH or NEAR_MISS) with what the worklist ranks it by.
 *
 * @param toVerify       the UNKNOWN criteria
 * @param inProvince     a recruiting site in the person's province
 * @param recurrenceDate the person's recurrence date; {@code null} when unknown (ranked last)
 */
public record TonightsMatch(PairKey key, String briefTitle, PairFacts facts, List<Criterion> toVerify,
        boolean inProvince, LocalDate recurrenceDate) {

    public TonightsMatch {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(facts, "facts");
        if (facts.result() == null) {
            throw new IllegalArgumentException("a match tonight has a result: " + key);
        }
        briefTitle = briefTitle == null ? "" : briefTitle;
        toVerify = List.copyOf(toVerify);
    }
}
