package ca.trialpath.report;

import java.time.LocalDate;

/**
 * One run's totals as the trend of {@code report.html} draws them: people assessed, people given HIGH
 * trial priority, rejected rows. The run history (job database) supplies the earlier runs; the current
 * run's own totals come from its {@link RunSummary}.
 */
public record RunTotals(LocalDate runDate, long assessed, long high, long rejected) {

    /** The totals of the run a summary describes. */
    public static RunTotals of(RunSummary summary) {
        Long high = summary.priorities() == null ? null : summary.priorities().get("HIGH");
        return new RunTotals(summary.runDate(), summary.assessed(), high == null ? 0 : high, summary.rejected());
    }
}
