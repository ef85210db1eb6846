package ca.trialpath.batch.assess;

import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.guideline.Pathway;
import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.guideline.TreatmentOption;
import ca.trialpath.guideline.TrialPriority;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    // the keys of the enums' counts, made once: a night counts each person under six to ten of them
    private static final Map<Pathway, String> PATHWAY_KEYS = keys("pathway.", Pathway.class, Pathway::name);
    private static final Map<TrialPriority, String> PRIORITY_KEYS = keys("priority.", TrialPriority.class,
            TrialPriority::name);
    private static final Map<ReviewFlag, String> FLAG_KEYS = keys("flag.", ReviewFlag.class, ReviewFlag::name);
    private static final Map<TreatmentOption, String> RULE_KEYS = keys("rule.", TreatmentOption.class,
            TreatmentOption::ruleId);
    private static final Map<ReasonCode, String> REASON_KEYS = keys("reason.", ReasonCode.class, ReasonCode::name);

    /** The last file counted and its keys: a partition's people come file by file. */
    private String file;
    private String assessedKey;
    private String rejectedKey;

    private static <E extends Enum<E>> Map<E, String> keys(String prefix, Class<E> type, Function<E, String> name) {
        Map<E, String> keys = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            keys.put(value, prefix + name.apply(value));
        }
        return keys;
    }

    private void file(String name) {
        if (!name.equals(file)) {
            file = name;
            assessedKey = "assessed." + name;
            rejectedKey = "rejected." + name;
        }
    }

    public void assessed(String file, Pathway pathway, TrialPriority priority, List<ReviewFlag> flags,
            List<TreatmentOption> options) {
        file(file);
        add(assessedKey);
        add("assessed");
        if (!flags.isEmpty()) {
            add("flagged");
        }
        add(PATHWAY_KEYS.get(pathway));
        add(PRIORITY_KEYS.get(priority));
        for (ReviewFlag flag : flags) {
            add(FLAG_KEYS.get(flag));
        }
        for (TreatmentOption option : options) {
            add(RULE_KEYS.get(option));
        }
    }

    public void rejected(String file, ReasonCode reason) {
        file(file);
        add(rejectedKey);
        add("rejected");
        add(REASON_KEYS.get(reason));
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
        return get(PRIORITY_KEYS.get(priority));
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
