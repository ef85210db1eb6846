package ca.trialpath.batch.assess;

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
public final class RunTally {

    private final LinkedHashMap<String, Long> counts;

    public RunTally() {
        this(new LinkedHashMap<>());
    }

    private RunTally(LinkedHashMap<String, Long> counts) {
        this.counts = counts;
    }

    public static RunTally of(Map<String, Long> saved) {
        return new RunTally(saved == null ? new LinkedHashMap<>() : new LinkedHashMap<>(saved));
    }

    /** A copy fit for the execution context. */
    public LinkedHashMap<String, Long> snapshot() {
        return new LinkedHashMap<>(counts);
    }

    public void assessed(String file, Pathway pathway, TrialPriority priority, List<ReviewFlag> flags,
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

    public void rejected(String file, ReasonCode reason) {
        add("rejected." + file);
        add("rejected");
        add("reason." + reason.name());
    }

    /** People assessed in the whole run so far. */
    public long assessed() {
        return get("assessed");
    }

    /** Rows rejected in the whole run so far. */
    public long rejected() {
        return get("rejected");
    }

    /** People with at least one review flag. */
    public long flagged() {
        return get("flagged");
    }

    public long priority(TrialPriority priority) {
        return get("priority." + priority.name());
    }

    public long assessed(String file) {
        return get("assessed." + file);
    }

    public long rejected(String file) {
        return get("rejected." + file);
    }

    public Map<String, Long> pathways() {
        return byName("pathway.", Pathway.values());
    }

    public Map<String, Long> priorities() {
        return byName("priority.", TrialPriority.values());
    }

    public Map<String, Long> reasons() {
        return byName("reason.", ReasonCode.values());
    }

    public Map<String, Long> flags() {
        return byName("flag.", ReviewFlag.values());
    }

    public Map<String, Long> rules() {
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
    public static RunTally sum(List<RunTally> tallies) {
        LinkedHashMap<String, Long> total = new LinkedHashMap<>();
        for (RunTally tally : tallies) {
            tally.counts.forEach((key, count) -> total.merge(key, count, Long::sum));
        }
        return new RunTally(total);
    }
}
