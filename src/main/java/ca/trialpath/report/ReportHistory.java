package ca.trialpath.report;

import ca.trialpath.history.RunTotals;
import java.util.List;

/**
 * What report.html shows from the run history: what changed since the previous run (its first section), and
 * the totals of the last runs of this output folder, oldest first, this run included (for the trend chart).
 */
public record ReportHistory(OvernightChanges changes, List<RunTotals> lastRuns) {

    public ReportHistory {
        lastRuns = List.copyOf(lastRuns);
    }

    /** A report written without history: it says there is nothing to compare with. */
    public static ReportHistory none() {
        return new ReportHistory(OvernightChanges.firstRun(), List.of());
    }
}
