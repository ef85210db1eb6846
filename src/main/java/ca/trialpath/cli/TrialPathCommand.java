package ca.trialpath.cli;

import ca.trialpath.TrialPathApplication;
import ca.trialpath.batch.run.RunFailures;
import ca.trialpath.remote.RemotePartitioning;
import ca.trialpath.remote.RemoteWorker;
import ca.trialpath.report.RunFolders;
import ca.trialpath.report.SummaryJson;
import ca.trialpath.repository.RepositoryCare;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The command line: decides the mode from the first argument (a night's run unless it names {@code worker},
 * {@code fetch-trials} or {@code restore-repository}); for a run, checks the parameters before Spring starts (a
 * typo should not wait for a database), then runs the job and returns its exit status.
 */
public class TrialPathCommand {

    static final String REPOSITORY_PATH = "trialpath.repository.path";
    /** Whether each publication also writes an H2 repository's backup beside the published folders. */
    static final String BACKUP = "trialpath.repository.backup";
    /** Set by the command: the H2 file did not exist when Spring started. */
    private static final String NEW_H2_FILE = "trialpath.repository.created-now";

    private final PrintStream out;
    private final PrintStream err;

    /** The jar's entry point ({@code Start-Class}): {@code java -jar trialpath.jar input=... output=... runDate=...}. */
    public static void main(String[] args) {
        System.exit(new TrialPathCommand().run(args));
    }

    public TrialPathCommand() {
        this(System.out, System.err);
    }

    public TrialPathCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * H2 refuses a relative file path such as {@code data/repo} (only {@code ./data/repo}); an operator
     * should not have to know that, so the repository path is made absolute before the database opens.
     */
    private static void absoluteRepositoryPath(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String path = environment.getProperty(REPOSITORY_PATH);
        if (path != null && !path.isBlank()) {
            environment.getPropertySources().addFirst(new MapPropertySource("trialpathRepositoryPath",
                    Map.of(REPOSITORY_PATH, Path.of(path).toAbsolutePath().normalize().toString())));
        }
    }

    public int run(String[] args) {
        if (args.length > 0 && RemotePartitioning.WORKER_COMMAND.equals(args[0])) {
            // not a run: a JVM that assesses the partitions of runs managed elsewhere (docs/remote-partitioning.md)
            return new RemoteWorker(err).run(List.of(args).subList(1, args.length));
        }
        if (args.length > 0 && FetchTrialsCommand.COMMAND.equals(args[0])) {
            // not a run: downloads the trial catalogue that a run's trials= reads (docs/trial-catalogue.md)
            return new FetchTrialsCommand(out, err).run(List.of(args).subList(1, args.length));
        }
        if (args.length > 0 && RepositoryRestore.COMMAND.equals(args[0])) {
            // not a run: an H2 job repository put back from a nightly backup (docs/troubleshooting.md)
            return new RepositoryRestore(out, err).run(List.of(args).subList(1, args.length));
        }
        RunRequest parsed;
        try {
            parsed = RunRequest.parse(args, LocalDate.now());
        } catch (UsageException e) {
            // one line: what is wrong, then how it is called
            err.println("trialpath: " + e.getMessage() + " (usage: java -jar trialpath.jar input=PATH [output=DIR]"
                    + " [runDate=YYYY-MM-DD] [maxRejectRate=0.10] [deidentify=false] [trials=PATH [trialCriteria=FILE]"
                    + " [screening=FILE]] [lang=en|fr] [lockWait=4h] [allowFutureRunDate=true] [supplement=CSV])");
            return RunLauncher.USAGE;
        }
        RunRequest request;
        try {
            request = checkedBeforeStart(parsed);
        } catch (UsageException e) {
            err.println("trialpath: " + e.getMessage() + StartFailure.DID_NOT_START);
            return RunLauncher.USAGE;
        }
        if (request == null) {
            return RunLauncher.FAILED;
        }
        // the output's lock is taken before Spring starts: a second launch is refused at once, by name, and
        // never gets as far as the job repository (whose H2 file the first run holds open)
        try {
            return RunLauncher.holdingTheLock(request, err, (files, folders) -> runHoldingTheLock(request, files, folders));
        } catch (Exception e) {
            // runHoldingTheLock reports the run's own failures: what is left is releasing the lock
            err.println("trialpath: cannot release the lock of " + request.output() + ": " + rootMessage(e));
            return RunLauncher.FAILED;
        }
    }

    /**
     * The checks of {@link StartChecks}: the request to run (its log file turned off when it cannot be written), or
     * {@code null} when the run must not start (said on {@code err}).
     *
     * @throws UsageException for a configuration or folder the operator must fix
     */
    private RunRequest checkedBeforeStart(RunRequest request) {
        StartChecks checks = StartChecks.of(request.springArguments());
        List<String> warnings = new ArrayList<>();
        String noLogFile = checks.unwritableLogFile(warnings);
        warnings.forEach(err::println);
        Path repositoryFolder = checks.checkRepositoryFolder();
        String lowSpace = StartChecks.lowDiskSpace(StartChecks.existing(request.output(), repositoryFolder),
                StartChecks.MIN_FREE_BYTES);
        if (lowSpace != null) {
            err.println(lowSpace);
            return null;
        }
        if (noLogFile == null) {
            return request;
        }
        List<String> spring = new ArrayList<>(request.springArguments());
        spring.add(noLogFile);
        return new RunRequest(request.input(), request.output(), request.runDate(), request.maxRejectRate(),
                List.copyOf(spring), request.deidentify(), request.trials(), request.trialCriteria(), request.lang(),
                request.lockWait(), request.supplement(), request.screening());
    }

    private int runHoldingTheLock(RunRequest request, List<Path> files, RunFolders folders) throws IOException {
        String published = publishedBefore(request, folders);
        if (published != null) {
            out.println(published);
            return RunLauncher.PUBLISHED;
        }
        SpringApplication application = new SpringApplication(TrialPathApplication.class);
        application.addInitializers(TrialPathCommand::absoluteRepositoryPath);
        ConfigurableEnvironment[] environment = new ConfigurableEnvironment[1];
        application.addInitializers(context -> {
            environment[0] = context.getEnvironment();
            String h2File = h2File(environment[0]);
            environment[0].getPropertySources().addFirst(new MapPropertySource("trialpathNewRepository",
                    Map.of(NEW_H2_FILE, String.valueOf(h2File != null && !Files.exists(Path.of(h2File))))));
        });
        ConfigurableApplicationContext context;
        try {
            context = application.run(request.springArguments().toArray(String[]::new));
        } catch (Exception e) {
            StartFailure failure = StartFailure.of(e, databaseUrl(environment[0]), h2File(environment[0]));
            err.println(failure.message());
            return failure.status();
        }
        try (context) {
            String url = databaseUrl(environment[0]);
            String h2File = h2File(environment[0]);
            RepositoryCare care = new RepositoryCare(folders.work());
            DataSource dataSource = context.getBean(DataSource.class);
            long before = RepositoryCare.lastExecution(dataSource);
            String lost = care.lostRuns(url, before);
            // a new H2 file where the old one was deleted is a fresh start, not a loss (README, Job repository)
            if (lost != null && (h2File == null || !createdNow(h2File, context))) {
                err.println("trialpath: " + (h2File == null ? StartFailure.lostTables(url, lost)
                        : StartFailure.damaged(h2File, lost)) + StartFailure.DID_NOT_START);
                return RunLauncher.FAILED;
            }
            RunLauncher launcher = context.getBean(RunLauncher.class);
            int status = launcher.launchHoldingTheLock(request, files, folders, out, err);
            long after = RepositoryCare.lastExecution(dataSource);
            if (status == RunLauncher.PUBLISHED && after != before) {
                afterPublication(care, url, h2File, dataSource, after, request, environment[0],
                        launcher.launchedFingerprint());
            }
            return status;
        } catch (Exception e) {
            if (RunFailures.jvmStopping()) {
                // SIGTERM or Ctrl-C: the launcher's shutdown hook says so in one line; what failed after it (the
                // connection pool closed under a step, say) is the stop itself, not a second cause
                return RunLauncher.FAILED;
            }
            StartFailure failure = StartFailure.of(e, databaseUrl(environment[0]), h2File(environment[0]));
            if (failure.message().contains(" is damaged (")) {
                err.println(failure.message());
            } else {
                err.println("trialpath: the run could not be carried out: " + rootMessage(e));
            }
            return RunLauncher.FAILED;
        }
    }

    /**
     * The rerun of a night already published, answered without starting Spring (most of a run's fixed cost): the
     * night's execution completed (recorded after it by {@link #afterPublication}) and its folder still holds a
     * publication of these very input files. Not for a de-identified run, whose key is only read once Spring runs.
     *
     * @return the line to print, or {@code null} to start the run as usual
     */
    private static String publishedBefore(RunRequest request, RunFolders folders) throws IOException {
        if (request.deidentify()) {
            return null;
        }
        String[] night = new RepositoryCare(folders.work()).publishedNight(request.runDate());
        if (night == null || !Files.exists(folders.published().resolve("summary.json"))) {
            return null;
        }
        String fingerprint = RunLauncher.fingerprint(request);
        if (!fingerprint.equals(night[0]) || !SummaryJson.isPublishedFrom(folders.published(), fingerprint, null)) {
            return null;
        }
        return "trialpath: " + folders.published() + " was already published from these same input files (execution "
                + night[1] + "); nothing to do";
    }

    /**
     * The watermark, and the night's backup of an H2 repository. A backup that fails does not fail the night, which
     * is published: it says so in one line, and the backup before it stays.
     */
    private void afterPublication(RepositoryCare care, String url, String h2File, DataSource dataSource,
            long lastExecution, RunRequest request, ConfigurableEnvironment environment, String fingerprint) {
        try {
            // the run's own fingerprint: the inputs were checked unchanged before publication, and reading them
            // again for it would cost a large extract's SHA-256 once more
            care.recordWatermark(url, lastExecution, request.runDate(), request.deidentify() ? null
                    : fingerprint != null ? fingerprint : RunLauncher.fingerprint(request));
            if (h2File != null && environment.getProperty(BACKUP, Boolean.class, true)) {
                care.backUpH2(dataSource, request.runDate());
            }
        } catch (Exception e) {
            err.println("trialpath: published, but the job repository's backup under " + care.backupFolder()
                    + " failed: " + rootMessage(e) + "; the backup before it is kept");
        }
    }

    /** Whether this start created the H2 file (it was not there before Spring opened it): a deleted repository. */
    private static boolean createdNow(String h2File, ConfigurableApplicationContext context) {
        return Boolean.TRUE.equals(context.getEnvironment().getProperty(NEW_H2_FILE, Boolean.class));
    }

    /** The job repository's URL without its options (H2's) or credentials: for naming it in a message. */
    static String databaseUrl(ConfigurableEnvironment environment) {
        String url = environment == null ? null : environment.getProperty("spring.datasource.url");
        if (url == null) {
            return null;
        }
        int options = url.indexOf(';');
        String bare = options < 0 ? url : url.substring(0, options);
        return bare.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }

    /** The H2 job repository's file ({@code <path>.mv.db}), or {@code null} for another database. */
    static String h2File(ConfigurableEnvironment environment) {
        String url = databaseUrl(environment);
        if (url == null || !url.startsWith("jdbc:h2:file:")) {
            return null;
        }
        return Path.of(url.substring("jdbc:h2:file:".length())).toAbsolutePath().normalize() + ".mv.db";
    }

    /** The first line of the innermost message: Spring wraps the one an operator can act on in several layers. */
    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (message.contains("Database may be already in use") || message.contains("The file is locked")) {
            return "the job repository is in use by another TrialPath run (" + message.lines().findFirst().orElse("")
                    + "); this one did not start";
        }
        return message.lines().findFirst().orElse(message);
    }
}
