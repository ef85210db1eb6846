package ca.trialpath.batch.run;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.step.StepExecution;

/**
 * Why a run failed, in the order an operator should read it: the job's own failures, then each step's in the
 * order the steps ran (partitions in partition order). A failed partition fails the assessment with Spring
 * Batch's "Partition handler returned an unsuccessful step", which says nothing; it is left out whenever the
 * partition's own failure is known.
 */
public final class RunFailures {

    private static final String UNSUCCESSFUL_PARTITION = "Partition handler returned an unsuccessful step";

    private RunFailures() {
    }

    public static List<Throwable> of(JobExecution execution) {
        LinkedHashSet<Throwable> failures = new LinkedHashSet<>(execution.getFailureExceptions());
        execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(StepExecution::getStepName))
                .forEach(step -> failures.addAll(step.getFailureExceptions()));
        List<Throwable> telling = new ArrayList<>(failures.stream().filter(failure -> !isUnsuccessfulPartition(failure)).toList());
        return telling.isEmpty() ? new ArrayList<>(failures) : telling;
    }

    /**
     * A failure whose message says everything an operator needs, on every line (a failed check of the run, a
     * broken file): shown whole, where any other failure is shown by the first line of its innermost message.
     */
    public static boolean saysItAll(Throwable failure) {
        return failure instanceof RunCheckFailedException || failure instanceof ca.trialpath.cohort.CohortFileException;
    }

    /**
     * Whether the JVM is stopping (SIGTERM, Ctrl-C): Spring's own shutdown hook then closes the job repository's
     * connection pool under a job still running, so whatever the job fails with next ("HikariDataSource has been
     * closed" between two steps) is the stop, not a fault of the program.
     */
    public static boolean jvmStopping() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }

    /**
     * The failure of a run stopped from outside (SIGTERM, Ctrl-C): its threads were interrupted while they wrote
     * or waited. Not a fault of the program or of the data, so no stack trace is logged for it.
     */
    public static boolean isInterruption(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ClosedByInterruptException || cause instanceof InterruptedException
                    || cause instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * When a failure is a limit of the machine reached (memory, disk, open files), one line naming it and the
     * setting that moves it; empty for any other failure. An {@link OutOfMemoryError} also shows as the job
     * repository's "The database has been closed": H2 closes itself when it runs out of memory.
     *
     * @param setting the value of a setting by name (e.g. {@code trialpath.max-rows-per-trial}), {@code null} if unset
     */
    public static Optional<String> limitReached(Throwable failure, UnaryOperator<String> setting) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof OutOfMemoryError || message.contains("The database has been closed")
                    || message.contains("Out of memory")) {
                long heap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
                return Optional.of("out of memory: the Java heap (-Xmx, now " + heap + " MB) is full"
                        + (cause instanceof OutOfMemoryError ? "" : " (the job repository closed itself: " + message
                                .lines().findFirst().orElse("") + ")")
                        + "; give the JVM more with JAVA_OPTS=-Xmx" + Math.max(1, 2 * heap / 1024) + "g, or lower"
                        + " trialpath.max-rows-per-trial" + now(setting, "trialpath.max-rows-per-trial", "100")
                        + ", trialpath.chunk-size" + now(setting, "trialpath.chunk-size", "1000")
                        + " or trialpath.threads; the same command then resumes the run");
            }
            if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
                return Optional.of("the disk is full (" + message.lines().findFirst().orElse("") + "): free space"
                        + " under the output folder, whose .trialpath/staging holds the run's files until they are"
                        + " published, or give another output=; the same command then resumes the run");
            }
            if (message.contains("Too many open files")) {
                return Optional.of("too many open files (" + message.lines().findFirst().orElse("") + "): raise the"
                        + " limit of open files (ulimit -n) or lower trialpath.threads; the same command then resumes"
                        + " the run");
            }
        }
        return Optional.empty();
    }

    /** " (now 100)": the setting's value, or its default when unset; "" when the settings are not known here. */
    private static String now(UnaryOperator<String> setting, String name, String defaultValue) {
        if (setting == null) {
            return "";
        }
        String set = setting.apply(name);
        return " (now " + (set == null || set.isBlank() ? defaultValue : set) + ")";
    }

    private static boolean isUnsuccessfulPartition(Throwable failure) {
        return failure instanceof JobExecutionException && UNSUCCESSFUL_PARTITION.equals(failure.getMessage());
    }

    /**
     * Adds up the partitions into the assessment step, and gives it the failures of its failed partitions, so the
     * step says why it failed.
     */
    public static final class Aggregator extends DefaultStepExecutionAggregator {

        @Override
        public void aggregate(StepExecution result, java.util.Collection<StepExecution> executions) {
            super.aggregate(result, executions);
            executions.stream()
                    .sorted(Comparator.comparing(StepExecution::getStepName))
                    .forEach(partition -> partition.getFailureExceptions().forEach(result::addFailureException));
        }
    }
}
