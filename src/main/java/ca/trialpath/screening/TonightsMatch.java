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
 * @param province       the person's province code as assessed tonight (the page's nearest site is one there);
 *                       {@code ""} when the record gives none
 */
public record TonightsMatch(PairKey key, String briefTitle, PairFacts facts, List<Criterion> toVerify,
        boolean inProvince, LocalDate recurrenceDate, String province) {

    /** A match of a person whose province is not known. */
    public TonightsMatch(PairKey key, String briefTitle, PairFacts facts, List<Criterion> toVerify,
            boolean inProvince, LocalDate recurrenceDate) {
        this(key, briefTitle, facts, toVerify, inProvince, recurrenceDate, "");
    }

    public TonightsMatch {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(facts, "facts");
        if (facts.result() == null) {
            throw new IllegalArgumentException("a match tonight has a result: " + key);
        }
        briefTitle = briefTitle == null ? "" : briefTitle;
        province = province == null ? "" : province;
        toVerify = List.copyOf(toVerify);
    }
}
