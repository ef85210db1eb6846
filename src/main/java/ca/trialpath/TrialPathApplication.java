package ca.trialpath;

import ca.trialpath.launch.TrialPathCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The nightly job's entry point: {@code java -jar trialpath.jar input=... output=... runDate=...}. */
@SpringBootApplication
public class TrialPathApplication {

    public static void main(String[] args) {
        System.exit(new TrialPathCommand().run(args));
    }
}
