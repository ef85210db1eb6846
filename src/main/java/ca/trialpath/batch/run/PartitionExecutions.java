package ca.trialpath.batch.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The last execution of every partition of a run, found in one reading of the job repository. Asking the
 * repository partition by partition (as Spring Batch's own splitter does, and the publication did) loads the
 * run's whole job execution context each time: with many input files that context is megabytes, and ten thousand
 * partitions spent 900 s there. Here each execution of the job is read once, with its steps.
 */
public final class PartitionExecutions {

    private PartitionExecutions() {
    }

    /** By step name ({@code assessPartition:partition-00000}), the latest execution of each partition of the run. */
    static Map<String, StepExecution> last(JobRepository jobRepository, JobExecution job) {
        Map<String, StepExecution> last = new HashMap<>();
        for (JobExecution execution : jobRepository.getJobExecutions(job.getJobInstance())) {
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStepName().startsWith(JobNames.PARTITION_STEP + ":")) {
                    last.merge(step.getStepName(), step,
                            (a, b) -> Comparator.comparing(StepExecution::getId).compare(a, b) >= 0 ? a : b);
                }
            }
        }
        return last;
    }

    /** The execution contexts the partitions of the plan left, in partition order. */
    public static List<ExecutionContext> contexts(JobRepository jobRepository, JobExecution job, List<CohortPartition> plan) {
        Map<String, StepExecution> last = last(jobRepository, job);
        List<ExecutionContext> contexts = new ArrayList<>(plan.size());
        for (CohortPartition partition : plan) {
            StepExecution execution = last.get(JobNames.partitionExecution(partition.name()));
            if (execution == null) {
                throw new IllegalStateException("no execution of " + partition.name() + " of job instance "
                        + job.getJobInstance().getInstanceId() + " is known to the job repository");
            }
            contexts.add(execution.getExecutionContext());
        }
        return contexts;
    }

    /**
     * Splits the assessment into its partitions' step executions as Spring Batch's SimpleStepExecutionSplitter
     * does (a partition that completed in an earlier execution is not run again; one that did not resumes from
     * its last context), with one reading of the repository instead of one per partition.
     */
    public static final class Splitter implements StepExecutionSplitter {

        private final JobRepository jobRepository;
        private final Partitioner partitioner;

        public Splitter(JobRepository jobRepository, Partitioner partitioner) {
            this.jobRepository = jobRepository;
            this.partitioner = partitioner;
        }

        @Override
        public String getStepName() {
            return JobNames.PARTITION_STEP;
        }

        @Override
        public Set<StepExecution> split(StepExecution manager, int gridSize) throws JobExecutionException {
            JobExecution job = manager.getJobExecution();
            Map<String, StepExecution> last = last(jobRepository, job);
            Set<StepExecution> partitions = new HashSet<>();
            for (Map.Entry<String, ExecutionContext> partition : partitioner.partition(gridSize).entrySet()) {
                String name = getStepName() + ":" + partition.getKey();
                StepExecution before = last.get(name);
                if (before != null && before.getStatus() == BatchStatus.COMPLETED) {
                    continue;
                }
                if (before != null && before.getStatus() == BatchStatus.ABANDONED) {
                    throw new JobExecutionException(name + " was abandoned: this run cannot be restarted");
                }
                StepExecution execution = jobRepository.createStepExecution(name, job);
                execution.setExecutionContext(before != null ? before.getExecutionContext() : partition.getValue());
                jobRepository.updateExecutionContext(execution);
                partitions.add(execution);
            }
            return partitions;
        }
    }
}
