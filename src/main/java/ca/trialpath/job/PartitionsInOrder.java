package ca.trialpath.job;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Runs the assessment's partitions on a pool of {@code threads} threads, handed out in partition order. The
 * order does not change what is published (the partitions' outputs are put together in their own order at
 * publication); it makes one thread work through the files as a single-threaded reader would, and lets the
 * early partitions, whose rows open the report's lists, finish first.
 */
class PartitionsInOrder extends TaskExecutorPartitionHandler implements DisposableBean {

    private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();

    PartitionsInOrder(Step worker, int threads) {
        pool.setCorePoolSize(threads);
        pool.setMaxPoolSize(threads);
        pool.setThreadNamePrefix("partition-");
        pool.setDaemon(true);
        pool.initialize();
        setTaskExecutor(pool);
        setStep(worker);
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        return super.doHandle(manager, partitions.stream()
                .sorted(Comparator.comparing(StepExecution::getStepName))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }
}
