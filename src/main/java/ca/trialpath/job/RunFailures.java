package ca.trialpath.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
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

    private static boolean isUnsuccessfulPartition(Throwable failure) {
        return failure instanceof JobExecutionException && UNSUCCESSFUL_PARTITION.equals(failure.getMessage());
    }

    /**
     * Adds up the partitions into the assessment step, and gives it the failures of its failed partitions, so the
     * step says why it failed.
     */
    static final class Aggregator extends DefaultStepExecutionAggregator {

        @Override
        public void aggregate(StepExecution result, java.util.Collection<StepExecution> executions) {
            super.aggregate(result, executions);
            executions.stream()
                    .sorted(Comparator.comparing(StepExecution::getStepName))
                    .forEach(partition -> partition.getFailureExceptions().forEach(result::addFailureException));
        }
    }
}
