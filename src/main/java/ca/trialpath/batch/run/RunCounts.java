package ca.trialpath.batch.run;

/**
 * The run's totals, kept in its {@link RunState} so the last log line and the command's last line can state
 * them, whether the run published or failed its checks.
 */
public record RunCounts(long read, long assessed, long rejected) {

    @Override
    public String toString() {
        // NAACCR patients without an anal tumour: read, counted, not listed
        long notInScope = read - assessed - rejected;
        return "read " + read + ", assessed " + assessed + ", rejected " + rejected
                + (notInScope > 0 ? ", not in scope " + notInScope : "");
    }
}
