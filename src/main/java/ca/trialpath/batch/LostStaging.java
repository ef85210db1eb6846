package ca.trialpath.batch;

import ca.trialpath.batch.run.RunState;
import ca.trialpath.report.RunFolders;
import ca.trialpath.report.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * A restarted run whose staging folder is gone (a power cut, a clean-up by hand) has nothing to resume from:
 * the steps its earlier executions completed (the index, finished partitions) are reopened, so the restart
 * does them again instead of publishing a run with holes. A run that already moved its folder into place
 * (and stopped before saying so) is not one of those: the publish step finishes it.
 */
class LostStaging implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(LostStaging.class);

    private final JobRepository jobRepository;

    LostStaging(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long instanceId = execution.getJobInstance().getInstanceId();
        RunFolders folders = RunState.folders(execution.getJobParameters());
        Path staging = folders.staging(instanceId).root();
        if (Files.isDirectory(staging) || SummaryJson.isPublishedBy(folders.published(), instanceId)) {
            return;
        }
        int reopened = 0;
        for (JobExecution earlier : jobRepository.getJobExecutions(execution.getJobInstance())) {
            if (earlier.getId() == execution.getId()) {
                continue;
            }
            for (StepExecution step : earlier.getStepExecutions()) {
                if (step.getStatus() == BatchStatus.COMPLETED) {
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(),
                            "reopened: the run's staging folder " + staging + " was lost"));
                    jobRepository.update(step);
                    reopened++;
                }
            }
        }
        if (reopened > 0) {
            log.warn("the staging folder {} of this run is gone (power cut, or removed by hand): doing its {}"
                    + " completed steps again instead of resuming", staging, reopened);
        }
    }
}
