package ca.trialpath.history;

import java.time.LocalDate;

/**
 * The totals of one published run, kept in the history for the trend of the last runs.
 *
 * @param runId the job instance id of the run
 */
public record RunTotals(long runId, LocalDate runDate, long read, long assessed, long rejected, long highPriority,
        long routinePriority) {
}
