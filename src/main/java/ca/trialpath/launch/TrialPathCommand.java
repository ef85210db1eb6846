package ca.trialpath.launch;

import ca.trialpath.TrialPathApplication;
import java.io.PrintStream;
import java.time.LocalDate;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line: checks the parameters before Spring starts (a typo should not wait for a
 * database), then runs the job and returns its exit status.
 */
public class TrialPathCommand {

    private final PrintStream out;
    private final PrintStream err;

    public TrialPathCommand() {
        this(System.out, System.err);
    }

    public TrialPathCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        RunRequest request;
        try {
            request = RunRequest.parse(args, LocalDate.now());
        } catch (UsageException e) {
            err.println("trialpath: " + e.getMessage());
            err.println("usage: java -jar trialpath.jar input=PATH [output=DIR] [runDate=YYYY-MM-DD] [maxRejectRate=0.10]");
            return RunLauncher.USAGE;
        }
        SpringApplication application = new SpringApplication(TrialPathApplication.class);
        try (ConfigurableApplicationContext context = application.run(request.springArguments().toArray(String[]::new))) {
            return context.getBean(RunLauncher.class).launch(request, out, err);
        } catch (Exception e) {
            err.println("trialpath: the run could not be carried out: " + e.getMessage());
            return RunLauncher.FAILED;
        }
    }
}
