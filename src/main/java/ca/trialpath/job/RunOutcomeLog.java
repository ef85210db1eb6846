package ca.trialpath.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** Ends the log of every run with its outcome and counts, so the last lines of a cron mail say it all. */
class RunOutcomeLog implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunOutcomeLog.class);

    @Override
    public void afterJob(JobExecution execution) {
        long read = 0;
        long written = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            if (NightlyJobConfiguration.ASSESS_STEP.equals(step.getStepName())) {
                read = step.getReadCount();
                written = step.getWriteCount();
            }
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            log.info("run {} COMPLETED (execution {}): {} rows read in this execution, {} outcomes written",
                    execution.getJobParameters().getString("runDate"), execution.getId(), read, written);
        } else {
            log.error("run {} {} (execution {}): {}", execution.getJobParameters().getString("runDate"),
                    execution.getStatus(), execution.getId(),
                    execution.getAllFailureExceptions().stream().map(Throwable::getMessage).toList());
        }
    }
}
