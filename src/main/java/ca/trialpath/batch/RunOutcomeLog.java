package ca.trialpath.batch;

import ca.trialpath.batch.run.RunCounts;
import ca.trialpath.batch.run.RunFailures;
import ca.trialpath.batch.run.RunState;
import java.time.Duration;
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
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStartTime() != null && step.getEndTime() != null) {
                log.info("step {} {} in {} ms ({} rows read in this execution)", step.getStepName(), step.getStatus(),
                        Duration.between(step.getStartTime(), step.getEndTime()).toMillis(), step.getReadCount());
            }
        }
        RunCounts counts = RunState.of(execution).counts();
        String runDate = execution.getJobParameters().getString("runDate");
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            log.info("run {} COMPLETED (execution {}): {}", runDate, execution.getId(), counts);
        } else {
            log.error("run {} {} (execution {}){}: {}", runDate, execution.getStatus(), execution.getId(),
                    counts == null ? "" : ", " + counts,
                    RunFailures.of(execution).stream().map(Throwable::getMessage).toList());
            // a broken file or a failed check is a data problem, said in full above; a limit of the machine
            // (memory, disk, files) is said in one line with the setting that moves it, and so is a run stopped
            // from outside; anything else is a fault of the program, and its stack trace is what a developer needs
            java.util.Set<String> said = new java.util.HashSet<>();
            for (Throwable failure : RunFailures.of(execution)) {
                java.util.Optional<String> limit = RunFailures.limitReached(failure, null);
                if (limit.isPresent()) {
                    if (said.add(limit.get())) { // one line, however many partitions ran out
                        log.error("{}", limit.get());
                    }
                } else if (RunFailures.isInterruption(failure) || RunFailures.jvmStopping()) {
                    if (said.add("interrupted")) {
                        log.error("the run was stopped from outside (SIGTERM or Ctrl-C) while it ran: {}", failure.toString());
                    }
                } else if (!RunFailures.saysItAll(failure)) {
                    log.error("cause of the failure", failure);
                }
            }
        }
    }
}
