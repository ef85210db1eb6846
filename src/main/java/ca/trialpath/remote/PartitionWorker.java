package ca.trialpath.remote;

import ca.trialpath.batch.run.JobNames;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * Assesses the partitions a manager sends, one step execution of {@link JobNames#PARTITION_STEP}
 * each, read from and recorded in the shared job repository (as Spring Batch's StepExecutionRequestHandler does,
 * plus what a worker of a nightly run needs: it knows what it is running, so that SIGTERM can let it finish or stop
 * it cleanly, and it never runs a partition twice).
 */
class PartitionWorker {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final JobRepository jobRepository;
    private final Step assessPartition;
    private final String name;
    /** By id: a step execution's own equality changes as it runs. */
    private final Map<Long, StepExecution> running = new ConcurrentHashMap<>();
    /** Requests taken and not yet done with (running, or still being looked up). */
    private int busy;
    private boolean stopping;
    /** Opened once the worker's listeners no longer take requests: those held meanwhile may go back. */
    private final CountDownLatch listenersStopped = new CountDownLatch(1);

    PartitionWorker(JobRepository jobRepository, Step assessPartition, String name) {
        this.jobRepository = jobRepository;
        this.assessPartition = assessPartition;
        this.name = name;
    }

    void assess(StepExecutionRequest request) throws InterruptedException {
        boolean taken;
        synchronized (this) {
            taken = !stopping;
            if (taken) {
                busy++;
            }
        }
        if (!taken) {
            // thrown, the request goes back to the queue (the listener's session is transacted) for another worker;
            // held until this worker's listeners are stopped, or one of them would take it again at once
            listenersStopped.await(10, TimeUnit.MINUTES);
            throw new IllegalStateException("worker " + name + " is stopping; " + request + " left for another worker");
        }
        try {
            assessTaken(request);
        } finally {
            synchronized (this) {
                busy--;
            }
        }
    }

    private void assessTaken(StepExecutionRequest request) {
        if (!JobNames.PARTITION_STEP.equals(request.getStepName())) {
            log.warn("worker {} ignores a request for step {}: it runs {} only", name, request.getStepName(),
                    JobNames.PARTITION_STEP);
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
        running.put(execution.getId(), execution);
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
            running.remove(execution.getId());
        }
        log.info("worker {} assessed {} of job execution {}: {}, {} rows read", name, partitionName(execution),
                execution.getJobExecutionId(), execution.getStatus(), execution.getReadCount());
    }

    /**
     * Takes no more partitions and lets those running finish, for at most {@code finish}; those still running then
     * are stopped at their next chunk boundary (their committed rows stay: a restart of the run resumes them), for
     * at most {@code atChunk} more.
     *
     * @return how many partitions were still running when both waits ended
     */
    int stop(Duration finish, Duration atChunk) throws InterruptedException {
        synchronized (this) {
            stopping = true;
        }
        if (!awaitIdle(finish)) {
            for (StepExecution execution : running.values()) {
                log.info("worker {} stopping {} of job execution {} at its next chunk: not finished in {}", name,
                        partitionName(execution), execution.getJobExecutionId(), finish);
                execution.setTerminateOnly();
            }
            awaitIdle(atChunk);
        }
        synchronized (this) {
            return busy;
        }
    }

    /** Once the listeners take no more requests: the requests refused meanwhile go back to the queue. */
    void listenersStopped() {
        listenersStopped.countDown();
    }

    private boolean awaitIdle(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                if (busy == 0) {
                    return true;
                }
            }
            Thread.sleep(50);
        }
        synchronized (this) {
            return busy == 0;
        }
    }

    String name() {
        return name;
    }

    private static String partitionName(StepExecution execution) {
        String step = execution.getStepName();
        return step.substring(step.indexOf(':') + 1);
    }
}
