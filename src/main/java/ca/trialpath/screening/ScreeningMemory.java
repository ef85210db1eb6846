package ca.trialpath.screening;

import ca.trialpath.trials.TrialMatch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules of memory across nights (screening.md): last night's pairs, tonight's matches and the coordinator's
 * file make tonight's pairs, their statuses, why a closed decision is reopened, and the worklist's order.
 * A pure function: a rerun or a restart with the same inputs gives the same pairs.
 */
public final class ScreeningMemory {

    /** Within a worklist group: a site in the person's province, fewer criteria to verify, earliest recurrence. */
    static final Comparator<ScreeningPair> WORKLIST_ORDER = Comparator
            .comparing((ScreeningPair pair) -> pair.group())
            .thenComparing(pair -> !pair.match().inProvince())
            .thenComparingInt(pair -> pair.match().toVerify().size())
            .thenComparing(pair -> pair.match().recurrenceDate(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ScreeningPair::key);

    private ScreeningMemory() {
    }

    /**
     * Tonight's pairs.
     *
     * @param runDate  tonight's run date; a decision dated that day was taken on tonight's facts
     * @param previous what the run history kept after the last published run of this output folder
     * @param tonight  tonight's matches and near misses
     * @param fromFile the coordinator's rows ({@code screening=}), already validated; empty without the file
     */
    public static ScreeningNight tonight(LocalDate runDate, Collection<RememberedPair> previous,
            Collection<TonightsMatch> tonight, Map<PairKey, Decision> fromFile) {
        Map<PairKey, RememberedPair> before = index(previous, RememberedPair::key);
        Map<PairKey, TonightsMatch> matches = index(tonight, TonightsMatch::key);
        Set<PairKey> keys = new TreeSet<>(before.keySet());
        keys.addAll(matches.keySet());
        keys.addAll(fromFile.keySet());

        List<ScreeningPair> worklist = new ArrayList<>();
        List<ScreeningPair> others = new ArrayList<>();
        List<PairKey> olderThanHistory = new ArrayList<>();
        for (PairKey key : keys) {
            RememberedPair remembered = before.get(key);
            Decision logged = fromFile.get(key);
            if (remembered != null && logged != null && logged.statusDate().isBefore(remembered.decision().statusDate())
                    && !logged.equals(remembered.decision())) {
                olderThanHistory.add(key);
            }
            ScreeningPair pair = pair(runDate, key, remembered, matches.get(key), logged);
            (pair.group().onWorklist() ? worklist : others).add(pair);
        }
        worklist.sort(WORKLIST_ORDER);
        List<ScreeningPair> ordered = new ArrayList<>(worklist);
        ordered.addAll(others);
        return new ScreeningNight(ordered, olderThanHistory);
    }

    /** One pair tonight; at least one of {@code remembered}, {@code match} and {@code logged} is there. */
    static ScreeningPair pair(LocalDate runDate, PairKey key, RememberedPair remembered, TonightsMatch match, Decision logged) {
        List<Decision> history = new ArrayList<>();
        if (remembered != null) {
            history.addAll(remembered.history());
        } else if (logged == null) {
            // nobody has acted on a pair seen for the first time
            history.add(Decision.firstSeen(runDate));
        }
        if (logged != null && (history.isEmpty() || wins(logged, last(history)))) {
            history.add(logged);
        }
        Decision decision = last(history);

        LocalDate firstSeen = remembered == null ? null : remembered.firstSeen();
        if (firstSeen == null && match != null) {
            firstSeen = runDate;
        }

        PairFacts lastFacts = remembered == null ? null : remembered.lastFacts();
        List<FactChange> changes = new ArrayList<>(remembered == null ? List.of() : remembered.factChanges());
        PairFacts facts = lastFacts;
        if (match != null) {
            facts = match.facts();
        } else if (lastFacts != null) {
            // not matching tonight: the result is gone, the rest is as last seen (the pair was not judged again)
            facts = new PairFacts(null, lastFacts.pathway(), lastFacts.options(), lastFacts.verdicts(),
                    lastFacts.criteriaVersion());
        }
        if (lastFacts != null && facts != null) {
            for (String what : facts.changesSince(lastFacts)) {
                changes.add(new FactChange(runDate, what));
            }
        }
        // only a change after the decision's date reopens it; a decision dated tonight saw tonight's facts
        changes.removeIf(change -> !change.runDate().isAfter(decision.statusDate()));

        String title = match != null ? match.briefTitle() : remembered != null ? remembered.briefTitle() : "";
        RememberedPair memory = new RememberedPair(key, title, decision, history, firstSeen, facts, changes);

        List<String> reopenedBecause = match != null && decision.status().canReopen()
                ? changes.stream().map(FactChange::what).collect(Collectors.toCollection(LinkedHashSet::new))
                        .stream().toList()
                : List.of();
        WorklistGroup group = group(decision, match, reopenedBecause, runDate);
        return new ScreeningPair(memory, match, runDate.equals(firstSeen), reopenedBecause, group);
    }

    /** The file's row replaces the history's status when it is dated later, or the same day (screening.md). */
    private static boolean wins(Decision logged, Decision current) {
        return !logged.equals(current) && !logged.statusDate().isBefore(current.statusDate());
    }

    private static WorklistGroup group(Decision decision, TonightsMatch match, List<String> reopenedBecause,
            LocalDate runDate) {
        if (match == null) {
            return WorklistGroup.NOT_ON_WORKLIST;
        }
        ScreeningStatus status = decision.status();
        if (status == ScreeningStatus.NEW && match.facts().result() == TrialMatch.Result.MATCH) {
            return WorklistGroup.NEW_MATCH;
        }
        if (!reopenedBecause.isEmpty()) {
            return WorklistGroup.REOPENED;
        }
        if (status.revisitDue(decision.revisitDate(), runDate)) {
            return WorklistGroup.REVISIT_DUE;
        }
        if (status.isOpen()) {
            return status == ScreeningStatus.NEW ? WorklistGroup.NEW_NEAR_MISS : WorklistGroup.IN_PROGRESS;
        }
        return WorklistGroup.NOT_ON_WORKLIST;
    }

    private static Decision last(List<Decision> history) {
        return history.get(history.size() - 1);
    }

    private static <T> Map<PairKey, T> index(Collection<T> items, Function<T, PairKey> key) {
        Map<PairKey, T> byKey = new TreeMap<>();
        for (T item : items) {
            if (byKey.put(key.apply(item), item) != null) {
                throw new IllegalArgumentException("the pair " + key.apply(item) + " is given twice");
            }
        }
        return byKey;
    }
}
