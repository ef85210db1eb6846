package ca.trialpath.batch.publish;

import ca.trialpath.batch.run.CohortPartition;
import ca.trialpath.batch.run.RunState;
import ca.trialpath.report.RunFolders;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Runs the assessment's partitions on a pool of {@code threads} threads, handed out in partition order, and
 * while they run, puts the published files of those that have finished together, in order: the copying then
 * overlaps the assessing of later partitions instead of waiting for the publish step (at ten million people
 * it was a third of the run). The publish step finishes what is left; putting the files together is the same
 * whoever does it, and can be done again after a crash.
 */
public class PartitionsInOrder extends TaskExecutorPartitionHandler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PartitionsInOrder.class);

    private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();

    public PartitionsInOrder(Step worker, int threads) {
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
        List<StepExecution> inOrder = partitions.stream().sorted(Comparator.comparing(StepExecution::getStepName)).toList();
        List<FutureTask<StepExecution>> tasks = new ArrayList<>();
        for (StepExecution partition : inOrder) {
            FutureTask<StepExecution> task = createTask(getStep(), partition);
            pool.execute(task);
            tasks.add(task);
        }
        JobExecution job = manager.getJobExecution();
        RunState run = RunState.of(job);
        List<CohortPartition> plan = run.partitions();
        // a restart runs only some partitions: the publish step puts everything together then
        boolean combining = plan != null && plan.size() == inOrder.size() && plan.size() > 1;
        RunFolders.Staging staging = combining ? run.staging() : null;
        Set<StepExecution> results = new LinkedHashSet<>();
        List<ExecutionContext> done = new ArrayList<>();
        for (FutureTask<StepExecution> task : tasks) {
            StepExecution result = task.get();
            results.add(result);
            if (combining && result.getStatus() == BatchStatus.COMPLETED) {
                done.add(result.getExecutionContext());
                try {
                    PartitionOutputs.of(staging, plan.subList(0, done.size()), done).appendPublished();
                } catch (Exception e) {
                    log.warn("could not put {} together with the partitions before it while the others ran ({});"
                            + " the publish step will", result.getStepName(), e.getMessage());
                    combining = false;
                }
            } else {
                combining = false;
            }
        }
        return results;
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }
}
