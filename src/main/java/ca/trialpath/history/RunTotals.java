package ca.trialpath.history;

import java.time.LocalDate;

/**
 * The totals of one published run, kept in the history for the trend of the last runs: those of its summary.json.
 *
 * @param runId the job instance id of the run
 * @param read  every row and NAACCR patient read: assessed + rejected + not in scope (a run stored before
 *              TrialPath 2026-12 counted the patients in scope only)
 */
public record RunTotals(long runId, LocalDate runDate, long read, long assessed, long rejected, long highPriority,
        long routinePriority) {

    /** The NAACCR patients read without an anal tumour: counted in {@link #read}, never assessed nor rejected. */
    public long notInScope() {
        return read - assessed - rejected;
    }
}
