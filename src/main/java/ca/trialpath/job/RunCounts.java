package ca.trialpath.job;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The run's totals, kept on the job execution so the last log line and the command's last line can
 * state them, whether the run published or failed its checks.
 */
public record RunCounts(long read, long assessed, long rejected) {

    private static final String READ = "run.read";
    private static final String ASSESSED = "run.assessed";
    private static final String REJECTED = "run.rejected";

    static void put(JobExecution job, long read, long assessed, long rejected) {
        ExecutionContext context = job.getExecutionContext();
        context.putLong(READ, read);
        context.putLong(ASSESSED, assessed);
        context.putLong(REJECTED, rejected);
    }

    /** The totals of a run that got as far as its checks; {@code null} for one that stopped before. */
    public static RunCounts of(JobExecution job) {
        ExecutionContext context = job.getExecutionContext();
        if (!context.containsKey(READ)) {
            return null;
        }
        return new RunCounts(context.getLong(READ), context.getLong(ASSESSED), context.getLong(REJECTED));
    }

    @Override
    public String toString() {
        return "read " + read + ", assessed " + assessed + ", rejected " + rejected;
    }
}
