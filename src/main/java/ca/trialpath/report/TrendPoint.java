package ca.trialpath.report;

import ca.trialpath.history.RunTotals;
import java.time.LocalDate;

/**
 * One run of the trend of {@code report.html}: people assessed, people given HIGH trial priority, rejected
 * rows. The run history (job database) supplies the earlier runs' totals; the current run's come from its
 * {@link RunSummary}.
 */
public record TrendPoint(LocalDate runDate, long assessed, long high, long rejected) {

    /** The totals of the run a summary describes. */
    public static TrendPoint of(RunSummary summary) {
        Long high = summary.priorities() == null ? null : summary.priorities().get("HIGH");
        return new TrendPoint(summary.runDate(), summary.assessed(), high == null ? 0 : high, summary.rejected());
    }

    /** A run of the run history. */
    public static TrendPoint of(RunTotals totals) {
        return new TrendPoint(totals.runDate(), totals.assessed(), totals.highPriority(), totals.rejected());
    }
}
