package ca.trialpath.cli;

import ca.trialpath.batch.inspect.ScreeningInspection;
import ca.trialpath.batch.run.JobNames;
import ca.trialpath.batch.run.RunCounts;
import ca.trialpath.batch.run.RunFailures;
import ca.trialpath.batch.run.RunState;
import ca.trialpath.cohort.CohortFiles;
import ca.trialpath.cohort.InputDigests;
import ca.trialpath.cohort.InputFingerprint;
import ca.trialpath.deidentify.PseudonymKey;
import ca.trialpath.report.PublishPermissions;
import ca.trialpath.report.RunFolders;
import ca.trialpath.report.SummaryJson;
import ca.trialpath.trials.TrialFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Starts, resumes or declines one night's run and turns its outcome into the exit status of
 * outputs.md: 0 published, 1 failed, 2 called wrongly.
 */
@Component
public class RunLauncher {

    public static final int PUBLISHED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyAssessment;
    /** Where the pseudonym key is looked up: the process environment, or a property of the same name. */
    private final Environment environment;
    /** The digests of the NAACCR extracts taken for the fingerprint, which the first step takes from here. */
    private final InputDigests inputDigests;
    /** The fingerprint of the last launch, for the command's watermark after it (not a reading of the inputs again). */
    private volatile String launchedFingerprint;

    RunLauncher(JobOperator jobOperator, JobRepository jobRepository, Job nightlyAssessment, Environment environment,
            InputDigests inputDigests) {
        this.environment = environment;
        this.inputDigests = inputDigests;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyAssessment = nightlyAssessment;
    }

    /** The job parameters of a request: its inputs' fingerprint is part of the run's identity. */
    public static JobParameters parameters(RunRequest request, String inputFingerprint) {
        return parameters(request, inputFingerprint, null);
    }

    /**
     * @param pseudonymKeyId the key's tag in a de-identified run ({@code null}: a plain run, whose parameters
     *                       stay as they always were): another key is another run, never a resumed one
     */
    public static JobParameters parameters(RunRequest request, String inputFingerprint, String pseudonymKeyId) {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString("input", request.input().toString())
                .addString("output", request.output().toString())
                .addString("runDate", request.runDate().toString())
                .addDouble("maxRejectRate", request.maxRejectRate())
                .addString("inputFingerprint", inputFingerprint)
                // not identifying: a French report of the same inputs is the same run (README, Decisions)
                .addString("lang", request.lang(), false);
        if (pseudonymKeyId != null) {
            parameters.addString("deidentify", "true").addString("pseudonymKeyId", pseudonymKeyId);
        }
        if (request.trials() != null) {
            parameters.addString("trials", request.trials().toString());
        }
        if (request.trialCriteria() != null) {
            parameters.addString("trialCriteria", request.trialCriteria().toString());
        }
        if (request.supplement() != null) {
            parameters.addString("supplement", request.supplement().toString());
        }
        if (request.screening() != null) {
            parameters.addString("screening", request.screening().toString());
        }
        return parameters.toJobParameters();
    }

    /**
     * The fingerprint of everything the run reads: the cohort files and, when given, the trial catalogue and
     * criteria and the coordinators' screening log, so a changed catalogue or log is a new run just like a changed
     * cohort (a night given back an edited log is published again, not "already published").
     */
    public static String fingerprint(RunRequest request) throws IOException {
        return fingerprint(request, CohortFiles.resolve(request.input()), null);
    }

    /**
     * @param taken where the digests of NAACCR extracts and the inspections of cohort files are kept for the first
     *              step ({@code null}: nowhere), so that neither is read whole twice before the run starts
     */
    private static String fingerprint(RunRequest request, List<Path> cohortFiles, InputDigests taken)
            throws IOException {
        List<InputFingerprint.FileDigest> digests = new ArrayList<>();
        for (Path file : cohortFiles) {
            digests.add(new InputFingerprint.FileDigest(file.getFileName().toString(),
                    taken == null ? InputFingerprint.sha256(file)
                            : CohortFiles.isNaaccrFile(file) ? taken.sha256(file) : taken.inspect(file)));
        }
        digests.addAll(TrialFiles.digests(request.trials(), request.trialCriteria()));
        if (request.supplement() != null) {
            // after the catalogue, as the first step takes it: a corrected supplement is a new run
            digests.add(new InputFingerprint.FileDigest(request.supplement().getFileName().toString(),
                    InputFingerprint.sha256(request.supplement())));
        }
        if (request.screening() != null) {
            // last, as the first step takes it: an edited screening log is a new run
            digests.add(ScreeningInspection.digest(request.screening()));
        }
        return InputFingerprint.of(digests.stream());
    }

    /** The input fingerprint of the last run this launcher started or found published, {@code null} before one. */
    String launchedFingerprint() {
        return launchedFingerprint;
    }

    public int launch(RunRequest request, PrintStream out, PrintStream err) throws Exception {
        return holdingTheLock(request, err, (files, folders) -> launchHoldingTheLock(request, files, folders, out, err));
    }

    /** What a run does once its process holds the output folder's {@link RunLock}. */
    @FunctionalInterface
    interface LockedRun {
        int run(List<Path> files, RunFolders folders) throws Exception;
    }

    /**
     * The part of a launch before the run, shared by {@link #launch} and the command (which must hold the
     * lock before Spring starts): a missing input or trial file is a wrong call, said before any database is
     * opened; then the output folder is made and its lock taken, or the launch refused by name.
     */
    static int holdingTheLock(RunRequest request, PrintStream err, LockedRun run) throws Exception {
        List<Path> files;
        try {
            files = CohortFiles.resolve(request.input());
            TrialFiles.check(request.trials(), request.trialCriteria());
            if (request.supplement() != null && !Files.isRegularFile(request.supplement())) {
                throw new IllegalArgumentException("supplement " + request.supplement() + " does not exist or is not a file");
            }
            ScreeningInspection.check(request.screening());
        } catch (IllegalArgumentException e) {
            err.println("trialpath: " + e.getMessage());
            return USAGE;
        }
        RunFolders folders = new RunFolders(request.output(), request.runDate());
        try {
            Files.createDirectories(request.output());
        } catch (IOException e) {
            err.println("trialpath: cannot create output folder " + request.output() + ": " + e.getMessage());
            return USAGE;
        }
        RunLock lock;
        try {
            lock = RunLock.acquire(folders.lockFile(), request.lockWait(), request.output(), err);
        } catch (IOException e) {
            err.println("trialpath: cannot lock " + folders.lockFile() + ": " + e.getMessage());
            return FAILED;
        }
        if (lock == null) {
            err.println(RunLock.refusal(request.output()));
            return FAILED;
        }
        try (lock) {
            return run.run(files, folders);
        }
    }

    /** The run itself, once this process holds the output folder's {@link RunLock}. */
    int launchHoldingTheLock(RunRequest request, List<Path> files, RunFolders folders, PrintStream out,
            PrintStream err) throws Exception {
        String pseudonymKeyId = null;
        if (request.deidentify()) {
            try {
                pseudonymKeyId = PseudonymKey.from(environment::getProperty).id();
            } catch (IllegalArgumentException e) {
                err.println("trialpath: " + e.getMessage());
                return USAGE;
            }
        }
        // staging and the lock are the job's own: no one else needs to read them
        PublishPermissions.ownerOnlyFolder(folders.work());
        inputDigests.clear();
        String fingerprint = fingerprint(request, files, inputDigests);
        launchedFingerprint = fingerprint;
        JobParameters parameters = parameters(request, fingerprint, pseudonymKeyId);
        JobExecution last = jobRepository.getLastJobExecution(JobNames.JOB, parameters);
        if (last == null && SummaryJson.isPublishedFrom(folders.published(), fingerprint, pseudonymKeyId)) {
            // a job repository that does not know the night (a new one, or moved to PostgreSQL): the folder
            // itself says it holds these very input files
            out.println("trialpath: " + folders.published() + " was already published from these same input"
                    + " files; nothing to do");
            return PUBLISHED;
        }
        // a published run whose folder was deleted or replaced by hand since is published again, as a
        // run of its own keyed by the one before it, so that a crash of the republication resumes too
        while (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            if (SummaryJson.isPublishedFrom(folders.published(), fingerprint, pseudonymKeyId)) {
                out.println("trialpath: " + folders.published() + " was already published from these same input"
                        + " files (execution " + last.getId() + "); nothing to do");
                return PUBLISHED;
            }
            log.warn("execution {} published {} from these input files, but the folder no longer holds that run;"
                    + " publishing it again", last.getId(), folders.published());
            parameters = new JobParametersBuilder(parameters)
                    .addLong("republishedAfter", last.getId())
                    .toJobParameters();
            last = jobRepository.getLastJobExecution(JobNames.JOB, parameters);
        }
        if (last != null && last.isRunning()) {
            // we hold the lock, so the process that ran it is gone: mark it failed, then restart it
            log.warn("execution {} of this run was left unfinished by a process that stopped; resuming it",
                    last.getId());
            jobOperator.recover(last);
        }
        // SIGTERM or Ctrl-C while the job runs: the JVM stops the steps by interrupting them and exits before
        // the job's outcome can be printed; this says so, once, on standard error
        Thread stoppedFromOutside = new Thread(() -> {
            err.println("trialpath: run " + request.runDate() + " stopped by a signal (SIGTERM or Ctrl-C) before it"
                    + " finished; nothing published; the same command resumes it");
            err.flush();
        }, "trialpath-stopped");
        Runtime.getRuntime().addShutdownHook(stoppedFromOutside);
        JobExecution execution;
        boolean stopping = false;
        try {
            execution = jobOperator.start(nightlyAssessment, parameters);
        } catch (Exception | OutOfMemoryError e) {
            // the job repository failed under the job (most often H2 closing itself after the heap filled up)
            java.util.Optional<String> limit = RunFailures.limitReached(e, environment::getProperty);
            if (limit.isEmpty()) {
                throw e;
            }
            log.error("run {} failed: {}", request.runDate(), limit.get());
            err.println("trialpath: run " + request.runDate() + " failed; nothing published: " + limit.get());
            return FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stoppedFromOutside);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is stopping: the hook runs and says so
                stopping = true;
            }
        }
        if (stopping && execution.getStatus() != BatchStatus.COMPLETED) {
            return FAILED; // said by the hook; the failure is the interruption itself
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            RunCounts counts = RunState.of(execution).counts();
            out.println("trialpath: published " + folders.published() + " (execution " + execution.getId() + ")"
                    + (counts == null ? "" : ": " + counts));
            return PUBLISHED;
        }
        err.println("trialpath: run " + request.runDate() + " " + execution.getStatus() + " (execution "
                + execution.getId() + "); nothing published: " + failureOf(execution));
        return FAILED;
    }

    /**
     * Why the run failed, for standard error: a limit of the machine in one line with the setting that moves it;
     * a failed check or a broken file in full (the reject-rate check lists the first rejected rows on the lines
     * after its first); anything else by the first line of its innermost message (the log has the rest).
     */
    private String failureOf(JobExecution execution) {
        List<Throwable> failures = RunFailures.of(execution);
        if (failures.isEmpty()) {
            return execution.getExitStatus().getExitDescription();
        }
        for (Throwable failure : failures) {
            java.util.Optional<String> limit = RunFailures.limitReached(failure, environment::getProperty);
            if (limit.isPresent()) {
                return limit.get();
            }
        }
        Throwable first = failures.get(0);
        if (RunFailures.saysItAll(first) && first.getMessage() != null) {
            return first.getMessage().strip();
        }
        return TrialPathCommand.rootMessage(first);
    }
}
