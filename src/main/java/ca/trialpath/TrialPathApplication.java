package ca.trialpath;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot application every mode starts (a night's run, a remote worker): its configuration, found by
 * scanning {@code ca.trialpath}. It knows nothing of the command line; {@code ca.trialpath.cli.TrialPathCommand}
 * is the jar's entry point, decides the mode from the arguments and starts Spring only when the mode needs it.
 */
@SpringBootApplication
public class TrialPathApplication {
}
