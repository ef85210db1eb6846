package ca.trialpath.launch;

import ca.trialpath.TrialPathApplication;
import ca.trialpath.remote.RemotePartitioning;
import ca.trialpath.remote.RemoteWorker;
import ca.trialpath.report.RunFolders;
import ca.trialpath.trials.fetch.FetchTrialsCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The command line: checks the parameters before Spring starts (a typo should not wait for a
 * database), then runs the job and returns its exit status.
 */
public class TrialPathCommand {

    static final String REPOSITORY_PATH = "trialpath.repository.path";

    private final PrintStream out;
    private final PrintStream err;

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
        RunRequest request;
        try {
            request = RunRequest.parse(args, LocalDate.now());
        } catch (UsageException e) {
            // one line: what is wrong, then how it is called
            err.println("trialpath: " + e.getMessage() + " (usage: java -jar trialpath.jar input=PATH [output=DIR]"
                    + " [runDate=YYYY-MM-DD] [maxRejectRate=0.10] [deidentify=false] [trials=PATH [trialCriteria=FILE]]"
                    + " [lang=en|fr])");
            return RunLauncher.USAGE;
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

    private int runHoldingTheLock(RunRequest request, List<Path> files, RunFolders folders) {
        SpringApplication application = new SpringApplication(TrialPathApplication.class);
        application.addInitializers(TrialPathCommand::absoluteRepositoryPath);
        try (ConfigurableApplicationContext context = application.run(request.springArguments().toArray(String[]::new))) {
            return context.getBean(RunLauncher.class).launchHoldingTheLock(request, files, folders, out, err);
        } catch (Exception e) {
            err.println("trialpath: the run could not be carried out: " + rootMessage(e));
            return RunLauncher.FAILED;
        }
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
