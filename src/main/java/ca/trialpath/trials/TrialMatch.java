package ca.trialpath.trials;

import java.util.List;
import java.util.Map;

/**
 * One trial for one person, explained criterion by criterion.
 *
 * @param verdicts        every criterion, in {@link Criterion} order
 * @param failedCriterion the one FAILED criterion of a near miss; {@code null} for a match
 * @param toVerify        the UNKNOWN criteria, in {@link Criterion} order
 * @param sitesInProvince recruiting sites in the person's province (0 without a province)
 * @param siteCities      cities of the recruiting Canadian sites, the person's province first
 */
public record TrialMatch(Study study, TrialCriteria criteria, Result result, Map<Criterion, Verdict> verdicts,
        Criterion failedCriterion, List<Criterion> toVerify, int sitesInProvince, int sitesInCanada,
        List<String> siteCities) {

    public enum Result {
        /** No criterion FAILED. */
        MATCH,
        /** Exactly one FAILED, and not STATUS, CONDITION or LOCATION. */
        NEAR_MISS
    }

    public TrialMatch {
        // EnumMap keeps the criteria in their order for the outputs; the matcher's Verdicts are immutable,
        // in that order, and shared by every pair judged alike: kept as they are
        verdicts = verdicts instanceof Verdicts ? verdicts
                : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(verdicts));
        toVerify = List.copyOf(toVerify);
        siteCities = List.copyOf(siteCities);
    }

    public String nctId() {
        return study.nctId();
    }
}
