package ca.trialpath.batch.assess;

import ca.trialpath.trials.TrialMatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each study's candidates and near misses, and the people with a match or only near misses, counted as
 * {@code trial_matches.csv} is written. Kept with the committed chunks in the step's execution context like
 * {@link RunTally}, so the publication has exact counts after a restart without reading the file back.
 * As many entries as the catalogue has studies someone matched, whatever the size of the cohort.
 */
public final class TrialTally {

    private static final String MATCH = "match.";
    private static final String NEAR_MISS = "near_miss.";
    private static final String PEOPLE_WITH_MATCH = "people.with_match";
    private static final String PEOPLE_WITH_NEAR_MISS_ONLY = "people.with_near_miss_only";

    /** Per NCT id: {candidates, near misses}. */
    private final Map<String, long[]> studies = new LinkedHashMap<>();
    private long peopleWithMatch;
    private long peopleWithNearMissOnly;

    TrialTally() {
    }

    /** A tally as {@link #snapshot} saved it; {@code null} (nothing saved) is an empty one. */
    public static TrialTally of(Map<String, ? extends Number> saved) {
        TrialTally tally = new TrialTally();
        if (saved == null) {
            return tally;
        }
        saved.forEach((key, value) -> {
            long count = value.longValue();
            if (key.equals(PEOPLE_WITH_MATCH)) {
                tally.peopleWithMatch = count;
            } else if (key.equals(PEOPLE_WITH_NEAR_MISS_ONLY)) {
                tally.peopleWithNearMissOnly = count;
            } else if (key.startsWith(MATCH)) {
                tally.study(key.substring(MATCH.length()))[0] = count;
            } else if (key.startsWith(NEAR_MISS)) {
                tally.study(key.substring(NEAR_MISS.length()))[1] = count;
            } else {
                throw new IllegalArgumentException("not a trial tally key: " + key);
            }
        });
        return tally;
    }

    /** The tallies of the parts of one run (partitions), added up. */
    public static TrialTally merge(List<TrialTally> parts) {
        TrialTally sum = new TrialTally();
        for (TrialTally part : parts) {
            part.studies.forEach((nctId, counts) -> {
                long[] total = sum.study(nctId);
                total[0] += counts[0];
                total[1] += counts[1];
            });
            sum.peopleWithMatch += part.peopleWithMatch;
            sum.peopleWithNearMissOnly += part.peopleWithNearMissOnly;
        }
        return sum;
    }

    /** A copy fit for the execution context. */
    LinkedHashMap<String, Long> snapshot() {
        LinkedHashMap<String, Long> saved = new LinkedHashMap<>();
        saved.put(PEOPLE_WITH_MATCH, peopleWithMatch);
        saved.put(PEOPLE_WITH_NEAR_MISS_ONLY, peopleWithNearMissOnly);
        studies.forEach((nctId, counts) -> {
            saved.put(MATCH + nctId, counts[0]);
            saved.put(NEAR_MISS + nctId, counts[1]);
        });
        return saved;
    }

    /** Counts one person's rows of {@code trial_matches.csv}; none (not flagged, or no trial) counts nothing. */
    void person(List<TrialMatch> trials) {
        if (trials == null || trials.isEmpty()) {
            return;
        }
        boolean anyMatch = false;
        for (TrialMatch match : trials) {
            boolean isMatch = match.result() == TrialMatch.Result.MATCH;
            study(match.nctId())[isMatch ? 0 : 1]++;
            anyMatch |= isMatch;
        }
        if (anyMatch) {
            peopleWithMatch++;
        } else {
            peopleWithNearMissOnly++;
        }
    }

    /** People for whom the study is a MATCH. */
    public long candidates(String nctId) {
        long[] counts = studies.get(nctId);
        return counts == null ? 0 : counts[0];
    }

    /** People for whom the study is a NEAR_MISS. */
    public long nearMisses(String nctId) {
        long[] counts = studies.get(nctId);
        return counts == null ? 0 : counts[1];
    }

    /** The study's rows in {@code trial_matches.csv}: each person is a candidate or a near miss, not both. */
    long rows(String nctId) {
        return candidates(nctId) + nearMisses(nctId);
    }

    /** MATCH rows of all studies. */
    public long matches() {
        return studies.values().stream().mapToLong(counts -> counts[0]).sum();
    }

    /** NEAR_MISS rows of all studies. */
    public long nearMisses() {
        return studies.values().stream().mapToLong(counts -> counts[1]).sum();
    }

    public long peopleWithMatch() {
        return peopleWithMatch;
    }

    public long peopleWithNearMissOnly() {
        return peopleWithNearMissOnly;
    }

    private long[] study(String nctId) {
        return studies.computeIfAbsent(nctId, id -> new long[2]);
    }
}
