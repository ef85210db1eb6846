package ca.trialpath.trials;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every criterion's verdict for a listed pair, in {@link Criterion} order, immutable. The matcher makes one per
 * way a pair can be judged (at most one FAILED among eight person criteria: 1,280 ways) and every pair judged
 * that way shares it, so {@link TrialMatch} takes it without a copy. It iterates, compares and prints like the
 * unmodifiable {@link java.util.EnumMap} a {@link TrialMatch} holds otherwise.
 */
final class Verdicts extends AbstractMap<Criterion, Verdict> {

    private static final Criterion[] CRITERIA = Criterion.values();

    private final Verdict[] byCriterion;
    private final List<Map.Entry<Criterion, Verdict>> entries;
    private final Set<Map.Entry<Criterion, Verdict>> entrySet = new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<Criterion, Verdict>> iterator() {
            return entries.iterator(); // an immutable list's: no remove
        }

        @Override
        public int size() {
            return entries.size();
        }
    };

    /** @param byCriterion a verdict for every criterion, by ordinal */
    Verdicts(Verdict[] byCriterion) {
        if (byCriterion.length != CRITERIA.length) {
            throw new IllegalArgumentException(byCriterion.length + " verdicts for " + CRITERIA.length + " criteria");
        }
        this.byCriterion = byCriterion.clone();
        List<Map.Entry<Criterion, Verdict>> list = new ArrayList<>(CRITERIA.length);
        for (Criterion criterion : CRITERIA) {
            list.add(new AbstractMap.SimpleImmutableEntry<>(criterion,
                    java.util.Objects.requireNonNull(this.byCriterion[criterion.ordinal()], criterion::name)));
        }
        this.entries = List.copyOf(list);
    }

    @Override
    public Verdict get(Object key) {
        return key instanceof Criterion criterion ? byCriterion[criterion.ordinal()] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof Criterion;
    }

    @Override
    public int size() {
        return byCriterion.length;
    }

    @Override
    public Set<Map.Entry<Criterion, Verdict>> entrySet() {
        return entrySet;
    }
}
