package ca.trialpath.remote;

import ca.trialpath.job.NightlyJobConfiguration;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * Assesses the partitions a manager sends, one step execution of {@link NightlyJobConfiguration#PARTITION_STEP}
 * each, read from and recorded in the shared job repository (as Spring Batch's StepExecutionRequestHandler does,
 * plus what a worker of a nightly run needs: it knows what it is running, so that SIGTERM can stop it cleanly, and
 * it never runs a partition twice).
 */
class PartitionWorker {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final JobRepository jobRepository;
    private final Step assessPartition;
    private final String name;
    private final Set<StepExecution> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    PartitionWorker(JobRepository jobRepository, Step assessPartition, String name) {
        this.jobRepository = jobRepository;
        this.assessPartition = assessPartition;
        this.name = name;
    }

    void assess(StepExecutionRequest request) {
        if (stopping) {
            // thrown, the message goes back to the queue (the listener's session is transacted) for another worker
            throw new IllegalStateException("worker " + name + " is stopping; " + request + " left for another worker");
        }
        if (!NightlyJobConfiguration.PARTITION_STEP.equals(request.getStepName())) {
            log.warn("worker {} ignores a request for step {}: it runs {} only", name, request.getStepName(),
                    NightlyJobConfiguration.PARTITION_STEP);
            return;
        }
        StepExecution execution = jobRepository.getStepExecution(request.getStepExecutionId());
        if (execution == null) {
            log.warn("worker {} ignores step execution {}: not in the job repository (another repository than the"
                    + " manager's?)", name, request.getStepExecutionId());
            return;
        }
        if (execution.getStatus() != BatchStatus.STARTING) {
            // a request delivered again (its worker died or the broker failed over): the partition was started once
            // already, and running it twice at once would write its staged files twice; the manager's timeout and
            // a restart of the run take it up again
            log.warn("worker {} ignores {} of job execution {}: already {}", name, execution.getStepName(),
                    execution.getJobExecutionId(), execution.getStatus());
            return;
        }
        running.add(execution);
        try {
            log.info("worker {} assessing {} of job execution {}", name, partitionName(execution),
                    execution.getJobExecutionId());
            assessPartition.execute(execution);
        } catch (JobInterruptedException e) {
            execution.setStatus(BatchStatus.STOPPED);
            jobRepository.update(execution);
        } catch (Throwable e) {
            // the step records its own failures; this is a failure around it, which must not leave the
            // partition "running" in the repository for the manager to wait on
            execution.addFailureException(e);
            execution.setStatus(BatchStatus.FAILED);
            jobRepository.update(execution);
        } finally {
            running.remove(execution);
        }
        log.info("worker {} assessed {} of job execution {}: {}, {} rows read", name, partitionName(execution),
                execution.getJobExecutionId(), execution.getStatus(), execution.getReadCount());
    }

    /**
     * Takes no more partitions, and stops those running at their next chunk boundary (their committed rows stay:
     * a restart of the run resumes them), waiting at most {@code wait} for them.
     *
     * @return how many were still running when the wait ended
     */
    int stop(Duration wait) throws InterruptedException {
        stopping = true;
        for (StepExecution execution : running) {
            log.info("worker {} stopping {} of job execution {} at its next chunk", name, partitionName(execution),
                    execution.getJobExecutionId());
            execution.setTerminateOnly();
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return running.size();
    }

    String name() {
        return name;
    }

    private static String partitionName(StepExecution execution) {
        String step = execution.getStepName();
        return step.substring(step.indexOf(':') + 1);
    }
}
