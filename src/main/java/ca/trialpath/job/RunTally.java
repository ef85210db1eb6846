package ca.trialpath.job;

import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.guideline.Pathway;
import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.guideline.TreatmentOption;
import ca.trialpath.guideline.TrialPriority;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of a run, kept with the committed chunks in the step's execution context so that a
 * restarted run goes on counting from where the crashed one committed.
 */
final class RunTally {

    private final LinkedHashMap<String, Long> counts;

    RunTally() {
        this(new LinkedHashMap<>());
    }

    private RunTally(LinkedHashMap<String, Long> counts) {
        this.counts = counts;
    }

    static RunTally of(Map<String, Long> saved) {
        return new RunTally(saved == null ? new LinkedHashMap<>() : new LinkedHashMap<>(saved));
    }

    /** A copy fit for the execution context. */
    LinkedHashMap<String, Long> snapshot() {
        return new LinkedHashMap<>(counts);
    }

    void assessed(String file, Pathway pathway, TrialPriority priority, List<ReviewFlag> flags,
            List<TreatmentOption> options) {
        add("assessed." + file);
        add("assessed");
        if (!flags.isEmpty()) {
            add("flagged");
        }
        add("pathway." + pathway.name());
        add("priority." + priority.name());
        flags.forEach(flag -> add("flag." + flag.name()));
        options.forEach(option -> add("rule." + option.ruleId()));
    }

    void rejected(String file, ReasonCode reason) {
        add("rejected." + file);
        add("rejected");
        add("reason." + reason.name());
    }

    /** People assessed in the whole run so far. */
    long assessed() {
        return get("assessed");
    }

    /** Rows rejected in the whole run so far. */
    long rejected() {
        return get("rejected");
    }

    /** People with at least one review flag. */
    long flagged() {
        return get("flagged");
    }

    long priority(TrialPriority priority) {
        return get("priority." + priority.name());
    }

    long assessed(String file) {
        return get("assessed." + file);
    }

    long rejected(String file) {
        return get("rejected." + file);
    }

    Map<String, Long> pathways() {
        return byName("pathway.", Pathway.values());
    }

    Map<String, Long> priorities() {
        return byName("priority.", TrialPriority.values());
    }

    Map<String, Long> reasons() {
        return byName("reason.", ReasonCode.values());
    }

    Map<String, Long> flags() {
        return byName("flag.", ReviewFlag.values());
    }

    Map<String, Long> rules() {
        return byName("rule.", TreatmentOption.values());
    }

    private Map<String, Long> byName(String prefix, Enum<?>[] vocabulary) {
        Map<String, Long> result = new LinkedHashMap<>();
        Arrays.stream(vocabulary).forEach(value -> result.put(value.name(), get(prefix + value.name())));
        return result;
    }

    private void add(String key) {
        counts.merge(key, 1L, Long::sum);
    }

    private long get(String key) {
        return counts.getOrDefault(key, 0L);
    }

    /** The counts of several partitions together. */
    static RunTally sum(List<RunTally> tallies) {
        LinkedHashMap<String, Long> total = new LinkedHashMap<>();
        for (RunTally tally : tallies) {
            tally.counts.forEach((key, count) -> total.merge(key, count, Long::sum));
        }
        return new RunTally(total);
    }
}
