package ca.trialpath.screening;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Tonight's pairs, in the order of the log (the worklist first, ranked, then the others by patient id and NCT id),
 * and the coordinator's rows that the run history outranked.
 *
 * @param olderThanHistory pairs whose row in the coordinator's file was dated before the status the history holds:
 *                         the later date wins, so the row changed nothing (the run says how many)
 */
public record ScreeningNight(List<ScreeningPair> pairs, List<PairKey> olderThanHistory) {

    public ScreeningNight {
        pairs = List.copyOf(pairs);
        olderThanHistory = List.copyOf(olderThanHistory);
    }

    /** The morning worklist: the pairs to act on today, ranked. */
    public List<ScreeningPair> worklist() {
        return pairs.stream().filter(pair -> pair.group().onWorklist()).toList();
    }

    /** How many pairs have each status, over the whole run (every status listed, zeros included). */
    public Map<ScreeningStatus, Long> countsByStatus() {
        Map<ScreeningStatus, Long> counts = new EnumMap<>(ScreeningStatus.class);
        for (ScreeningStatus status : ScreeningStatus.values()) {
            counts.put(status, 0L);
        }
        for (ScreeningPair pair : pairs) {
            counts.merge(pair.decision().status(), 1L, Long::sum);
        }
        return counts;
    }

    /** What the run history keeps for the next night. */
    public List<RememberedPair> memory() {
        return pairs.stream().map(ScreeningPair::memory).toList();
    }
}
