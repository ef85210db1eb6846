package ca.trialpath.batch.assess;

import ca.trialpath.report.RunFolders;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Before a restarted assessment step resumes, checks that its staged files still hold everything its
 * last commit says they do. After a process crash they always do. After a power cut (the files are
 * handed to the operating system at each commit, not forced to disk: that would cost an fsync per file
 * per chunk) or a staging folder removed by hand they may not; then the step starts over from the
 * first row instead of resuming onto a hole, and says so.
 */
public class StagingCheck implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StagingCheck.class);

    private final RunFolders.Staging staging;

    public StagingCheck(RunFolders.Staging staging) {
        this.staging = staging;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        ExecutionContext context = stepExecution.getExecutionContext();
        if (!context.containsKey(StagedOutputWriter.TALLY) || StagedOutputWriter.stagedFilesIntact(context, staging)) {
            return;
        }
        log.warn("the staged files in {} hold less than the last commit of this run (power cut, or the folder was"
                + " changed by hand): assessing every row again instead of resuming", staging.root());
        // forget where the reader, the writer and the tally were: they open as on a first run
        List<String> keys = context.entrySet().stream().map(Map.Entry::getKey)
                .filter(key -> key.startsWith("reader.") || key.startsWith("writer.")).toList();
        keys.forEach(context::remove);
    }
}
