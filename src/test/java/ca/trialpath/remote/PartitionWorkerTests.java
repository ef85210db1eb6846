package ca.trialpath.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ca.trialpath.batch.run.JobNames;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;

class PartitionWorkerTests {

    private final JobRepository repository = mock(JobRepository.class);
    private final Step step = mock(Step.class);
    private final PartitionWorker worker = new PartitionWorker(repository, step, "test-worker");

    @Test
    void shouldRunAPartitionTheManagerHasJustCreated() throws Exception {
        // given
        StepExecution execution = partition(7L, BatchStatus.STARTING);

        // when
        worker.assess(new StepExecutionRequest(JobNames.PARTITION_STEP, 7L));

        // then
        verify(step).execute(execution);
    }

    @Test
    void shouldNotRunAgainAPartitionThatWasStartedOnce() throws Exception {
        // given: a request delivered again after its first worker died
        partition(7L, BatchStatus.STARTED);

        // when
        worker.assess(new StepExecutionRequest(JobNames.PARTITION_STEP, 7L));

        // then
        verify(step, never()).execute(any());
    }

    @Test
    void shouldRecordAFailureAroundTheStepSoThatTheManagerDoesNotWaitForIt() throws Exception {
        // given
        StepExecution execution = partition(7L, BatchStatus.STARTING);
        doAnswer(invocation -> {
            throw new IllegalStateException("database gone");
        }).when(step).execute(execution);

        // when
        worker.assess(new StepExecutionRequest(JobNames.PARTITION_STEP, 7L));

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        verify(repository).update(execution);
    }

    @Test
    void shouldLetARunningPartitionFinishWhenStoppedAndGiveBackTheRequestsItIsHandedMeanwhile() throws Exception {
        // given: a partition running, that finishes on its own a little later
        StepExecution execution = partition(7L, BatchStatus.STARTING);
        CountDownLatch started = new CountDownLatch(1);
        doAnswer(invocation -> {
            started.countDown();
            Thread.sleep(300);
            execution.setStatus(BatchStatus.COMPLETED);
            return null;
        }).when(step).execute(execution);
        Thread running = new Thread(() -> assess(7L));
        running.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        // when
        int left = worker.stop(Duration.ofSeconds(10), Duration.ofSeconds(10));

        // then: finished, not stopped
        assertThat(left).isZero();
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.isTerminateOnly()).isFalse();
        running.join(10_000);
        StepExecution handedMeanwhile = partition(8L, BatchStatus.STARTING);
        worker.listenersStopped();
        assertThatThrownBy(() -> worker.assess(new StepExecutionRequest(JobNames.PARTITION_STEP, 8L)))
                .hasMessageContaining("stopping");
        verify(step, never()).execute(handedMeanwhile);
    }

    @Test
    void shouldStopAtItsNextChunkAPartitionThatDoesNotFinishInTime() throws Exception {
        // given: a partition running
        StepExecution execution = partition(7L, BatchStatus.STARTING);
        CountDownLatch started = new CountDownLatch(1);
        doAnswer(invocation -> {
            started.countDown();
            while (!execution.isTerminateOnly()) {
                Thread.sleep(5); // the chunk loop checks this flag between chunks
            }
            execution.setStatus(BatchStatus.STOPPED);
            return null;
        }).when(step).execute(execution);
        Thread running = new Thread(() -> assess(7L));
        running.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        // when
        int left = worker.stop(Duration.ofMillis(200), Duration.ofSeconds(10));

        // then
        assertThat(left).isZero();
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
        running.join(10_000);
    }

    private void assess(long stepExecutionId) {
        try {
            worker.assess(new StepExecutionRequest(JobNames.PARTITION_STEP, stepExecutionId));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private StepExecution partition(long id, BatchStatus status) {
        JobExecution job = new JobExecution(3L, new JobInstance(1L, JobNames.JOB), new JobParameters());
        StepExecution execution = new StepExecution(id, JobNames.PARTITION_STEP + ":partition-00000", job);
        execution.setStatus(status);
        when(repository.getStepExecution(id)).thenReturn(execution);
        return execution;
    }
}
