package ca.trialpath.batch.inspect;

import ca.trialpath.batch.input.RegistryInput;
import ca.trialpath.batch.run.InputIdentity;
import ca.trialpath.batch.run.RunCheckFailedException;
import ca.trialpath.batch.run.RunState;
import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.cohort.CohortFileInspector;
import ca.trialpath.cohort.CohortFiles;
import ca.trialpath.cohort.CohortRowValidator;
import ca.trialpath.cohort.InputDigests;
import ca.trialpath.cohort.InputFingerprint;
import ca.trialpath.trials.CatalogueFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * First step: checks every input file as a whole (UTF-8, header, required columns) before any row is
 * read, so a broken export fails the run at once and names the file, and records each file's SHA-256.
 */
public class InputInspection implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(InputInspection.class);
    /** More input files than this are logged as a count, not a line each. */
    static final int FILES_LOGGED_ONE_BY_ONE = 100;
    private static final long PROGRESS_NANOS = 10_000_000_000L;

    private final Path input;
    private final String inputFingerprint;
    private final Path trials;
    private final Path trialCriteria;
    private final Path screening;
    /** Above this age the catalogue is a warning (docs/trial-catalogue.md). */
    private final long catalogueMaxAgeDays;
    /** The clinic's supplement to NAACCR input, or {@code null}. */
    private Path supplement;
    /** The digests the launcher took of the NAACCR extracts, or {@code null}. */
    private InputDigests digestsTaken;

    public InputInspection(Path input, String inputFingerprint) {
        this(input, inputFingerprint, null, null);
    }

    /** @param trials {@code null} for a run without a trial catalogue */
    public InputInspection(Path input, String inputFingerprint, Path trials, Path trialCriteria) {
        this(input, inputFingerprint, trials, trialCriteria, CatalogueFacts.DEFAULT_MAX_AGE_DAYS);
    }

    public InputInspection(Path input, String inputFingerprint, Path trials, Path trialCriteria, long catalogueMaxAgeDays) {
        this(input, inputFingerprint, trials, trialCriteria, catalogueMaxAgeDays, null);
    }

    /** @param screening the coordinators' screening log, {@code null} without {@code screening=} */
    public InputInspection(Path input, String inputFingerprint, Path trials, Path trialCriteria, long catalogueMaxAgeDays,
            Path screening) {
        this.screening = screening;
        this.catalogueMaxAgeDays = catalogueMaxAgeDays;
        this.input = input;
        this.inputFingerprint = inputFingerprint;
        this.trials = trials;
        this.trialCriteria = trialCriteria;
    }

    /** With the clinic's supplement ({@code supplement=}; {@code null}: none). */
    public InputInspection withSupplement(Path supplement) {
        this.supplement = supplement;
        return this;
    }

    /**
     * With the digests the launcher took for the run's fingerprint: an extract that still has the size, inode and
     * time it had then is not read again for its SHA-256 (the index checks its one parse against it).
     */
    public InputInspection withDigestsTaken(InputDigests digests) {
        this.digestsTaken = digests;
        return this;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        // the coordinators' log first, whole: a bad cell fails the run before any person is read
        InputFingerprint.FileDigest screeningDigest = screening == null ? null
                : ScreeningInspection.inspect(screening, chunkContext.getStepContext().getStepExecution().getJobExecution());
        ArrayList<InspectedFile> inspected = new ArrayList<>();
        ArrayList<InputIdentity> identities = new ArrayList<>();
        List<Path> files = CohortFiles.resolve(input);
        long started = System.nanoTime();
        long nextReport = started + PROGRESS_NANOS;
        for (Path file : files) {
            // before the file is read: a file swapped in while it is read is then another file at publication
            identities.add(InputIdentity.of(file));
            // each file in its own format: NAACCR XML by its name, as a cohort file by .csv
            InspectedFile result = CohortFiles.isNaaccrFile(file)
                    ? RegistryInput.inspectExtract(file, digestsTaken == null ? null : digestsTaken.taken(file))
                    : inspect(file);
            // names as a message shows values: a file or column name with a line break cannot forge a log line
            String line = "input " + CohortRowValidator.shorten(result.name()) + ": " + result.bytes() + " bytes, sha256 "
                    + result.sha256() + (result.ignoredColumns().isEmpty() ? "" : ", ignored columns "
                            + result.ignoredColumns().stream().map(CohortRowValidator::shorten).toList());
            // ten thousand files would be ten thousand lines: then each at debug, the count as it goes
            if (files.size() <= FILES_LOGGED_ONE_BY_ONE) {
                log.info(line);
            } else {
                log.debug(line);
                if (System.nanoTime() >= nextReport) {
                    nextReport = System.nanoTime() + PROGRESS_NANOS;
                    log.info("inspecting: {} of {} input files", inspected.size() + 1, files.size());
                }
            }
            inspected.add(result);
        }
        if (files.size() > FILES_LOGGED_ONE_BY_ONE) {
            log.info("inspected {} input files, {} bytes, in {} ms", files.size(),
                    inspected.stream().mapToLong(InspectedFile::bytes).sum(), (System.nanoTime() - started) / 1_000_000);
        }
        // the files must still be those the run was started for (its identity), not a later export
        // the catalogue and criteria are read whole now: bad JSON or a bad curated value fails the run
        // before any person is read
        CatalogueFacts catalogue = TrialInspection.inspect(trials, trialCriteria,
                chunkContext.getStepContext().getStepExecution().getJobExecution(), catalogueMaxAgeDays);
        List<InputFingerprint.FileDigest> digests = new ArrayList<>();
        inspected.forEach(file -> digests.add(new InputFingerprint.FileDigest(file.name(), file.sha256())));
        if (catalogue != null) {
            catalogue.files().forEach(file -> digests.add(new InputFingerprint.FileDigest(file.name(), file.sha256())));
        }
        Integer supplementIndex = null;
        if (supplement != null) {
            identities.add(InputIdentity.of(supplement));
            InspectedFile extra = RegistryInput.inspectSupplement(supplement);
            log.info("supplement {}: {} bytes, sha256 {}", CohortRowValidator.shorten(extra.name()), extra.bytes(),
                    extra.sha256());
            digests.add(new InputFingerprint.FileDigest(extra.name(), extra.sha256()));
            supplementIndex = inspected.size();
            inspected.add(extra);
        }
        if (screeningDigest != null) {
            digests.add(screeningDigest);
        }
        String fingerprint = InputFingerprint.of(digests.stream());
        if (!fingerprint.equals(inputFingerprint)) {
            throw new RunCheckFailedException("the input files in " + input + (trials == null ? "" : " or the trial files")
                    + (screening == null ? "" : " or the screening log")
                    + " changed after this run was started"
                    + " (a new export arriving?); run the command again to start a run for the files as they are now");
        }
        RunState.of(chunkContext.getStepContext().getStepExecution().getJobExecution()).inspected(inspected, identities);
        RunState.of(chunkContext.getStepContext().getStepExecution().getJobExecution()).supplementIndex(supplementIndex);
        return RepeatStatus.FINISHED;
    }

    private InspectedFile inspect(Path file) throws IOException {
        return inspect(file, digestsTaken);
    }

    /**
     * A cohort file as the launcher inspected it, if it is unchanged since (one reading for both); else inspected
     * now. A change that keeps the size, file key and modification time is still caught: the assessment checks the
     * bytes it reads against this SHA-256.
     */
    static InspectedFile inspect(Path file, InputDigests taken) throws IOException {
        InspectedFile kept = taken == null ? null : taken.inspected(file);
        return kept != null ? kept : CohortFileInspector.inspect(file);
    }
}
