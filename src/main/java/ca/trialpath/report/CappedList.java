package ca.trialpath.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Gathers (or counts, for a list written as it is read) a list of the page that shows at most {@code max} entries and counts the rest, so the page stays
 * readable (and bounded) however large the run. An empty list is a sentence, not an empty table.
 */
final class CappedList<T> {

    private final long max;
    private final List<T> shown = new ArrayList<>();
    private long admitted;
    private long notShown;

    CappedList(long max) {
        this.max = max;
    }

    /** Counts one entry, and makes it (only) while the list has room. */
    void offer(Supplier<T> entry) {
        if (admit()) {
            shown.add(entry.get());
        }
    }

    /** Counts one entry; {@code true} while the list has room, when the caller writes the entry itself. */
    boolean admit() {
        if (admitted >= max) {
            notShown++;
            return false;
        }
        admitted++;
        return true;
    }

    /**
     * The list as the page shows it, with what it left out.
     *
     * @param total how many entries the list has in all, shown or not
     * @param emptySentence the sentence for a list without entries, e.g. "No rejected rows."
     * @param whereTheRestIs the published file that holds every entry, e.g. "rejects.csv"
     */
    ReportView.Capped<T> finish(long total, String emptySentence, String whereTheRestIs, ReportText text) {
        // the feeds hold at most the cap: the total of the run says how many were left out
        long more = Math.max(notShown, total - admitted);
        return new ReportView.Capped<>(List.copyOf(shown), admitted == 0 && more == 0 ? emptySentence : null,
                more > 0 ? text.get("list.more", text.number(more), whereTheRestIs) : null);
    }
}
