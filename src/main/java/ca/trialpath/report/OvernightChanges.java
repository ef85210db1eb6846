package ca.trialpath.report;

import ca.trialpath.history.Change;
import ca.trialpath.history.ChangeKind;
import ca.trialpath.history.PreviousRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed since the previous published run, as the report and summary.json show it: the run compared
 * with ({@code null} on the first run ever), the count of every change kind (zeros included), and the first
 * changes up to the page's cap. changes.csv holds every change.
 */
public record OvernightChanges(PreviousRun previous, Map<String, Long> counts, List<Change> first, long total) {

    public OvernightChanges {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        first = List.copyOf(first);
    }

    /** The first run for an output folder: nothing to compare with. */
    public static OvernightChanges firstRun() {
        return new Gatherer(null, 0).result();
    }

    public boolean isFirstRun() {
        return previous == null;
    }

    /** Counts every change and keeps the first {@code max} of them. */
    public static final class Gatherer {

        private final PreviousRun previous;
        private final int max;
        /** Per change kind, by its ordinal: one array increment per change, as a night may bring millions. */
        private final long[] counts = new long[ChangeKind.values().length];
        private final List<Change> first = new ArrayList<>();
        private long total;

        public Gatherer(PreviousRun previous, int max) {
            this.previous = previous;
            this.max = max;
        }

        public void add(Change change) {
            counts[change.kind().ordinal()]++;
            total++;
            if (first.size() < max) {
                first.add(change);
            }
        }

        public OvernightChanges result() {
            Map<String, Long> byName = new LinkedHashMap<>();
            for (ChangeKind kind : ChangeKind.values()) {
                byName.put(kind.name(), counts[kind.ordinal()]);
            }
            return new OvernightChanges(previous, byName, first, total);
        }
    }
}
