package ca.trialpath.job;

import ca.trialpath.cohort.CohortFileInspector;
import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.cohort.CohortFiles;
import ca.trialpath.cohort.CohortRowValidator;
import ca.trialpath.cohort.InputFingerprint;
import java.nio.file.Path;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * First step: checks every input file as a whole (UTF-8, header, required columns) before any row is
 * read, so a broken export fails the run at once and names the file, and records each file's SHA-256.
 */
class InputInspection implements Tasklet {

    static final String INPUTS = "inputs";

    private static final Logger log = LoggerFactory.getLogger(InputInspection.class);

    private final Path input;
    private final String inputFingerprint;

    InputInspection(Path input, String inputFingerprint) {
        this.input = input;
        this.inputFingerprint = inputFingerprint;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ArrayList<InspectedFile> inspected = new ArrayList<>();
        for (Path file : CohortFiles.resolve(input)) {
            InspectedFile result = CohortFileInspector.inspect(file);
            // names as a message shows values: a file or column name with a line break cannot forge a log line
            log.info("input {}: {} bytes, sha256 {}{}", CohortRowValidator.shorten(result.name()), result.bytes(),
                    result.sha256(), result.ignoredColumns().isEmpty() ? "" : ", ignored columns "
                            + result.ignoredColumns().stream().map(CohortRowValidator::shorten).toList());
            inspected.add(result);
        }
        // the files must still be those the run was started for (its identity), not a later export
        String fingerprint = InputFingerprint.of(inspected.stream()
                .map(file -> new InputFingerprint.FileDigest(file.name(), file.sha256())));
        if (!fingerprint.equals(inputFingerprint)) {
            throw new RunCheckFailedException("the input files in " + input + " changed after this run was started"
                    + " (a new export arriving?); run the command again to start a run for the files as they are now");
        }
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .put(INPUTS, inspected);
        return RepeatStatus.FINISHED;
    }
}
