package ca.trialpath.batch;

import ca.trialpath.cli.RunLauncher;
import ca.trialpath.cli.RunRequest;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.core.job.parameters.JobParameters;

/** Job parameters exactly as the command builds them, so the job tests run what production runs. */
public final class TestRuns {

    public static final LocalDate SAMPLE_RUN_DATE = LocalDate.of(2026, 11, 27);

    private TestRuns() {
    }

    public static RunRequest request(Path input, Path output, LocalDate runDate, double maxRejectRate) {
        return new RunRequest(input.toAbsolutePath().normalize(), output.toAbsolutePath().normalize(), runDate,
                maxRejectRate, List.of());
    }

    public static JobParameters parameters(RunRequest request) throws IOException {
        return RunLauncher.parameters(request, RunLauncher.fingerprint(request));
    }

    /** A run with a trial catalogue and, when not {@code null}, curated criteria. */
    public static RunRequest request(Path input, Path output, LocalDate runDate, double maxRejectRate, Path trials,
            Path trialCriteria) {
        return new RunRequest(input.toAbsolutePath().normalize(), output.toAbsolutePath().normalize(), runDate,
                maxRejectRate, List.of(), false, trials.toAbsolutePath().normalize(),
                trialCriteria == null ? null : trialCriteria.toAbsolutePath().normalize());
    }

    public static JobParameters parameters(Path input, Path output, LocalDate runDate, double maxRejectRate)
            throws IOException {
        return parameters(request(input, output, runDate, maxRejectRate));
    }

    /**
     * A step of an execution. (Kept out of the test classes: SpringBatchTest takes any test-class method
     * returning a StepExecution for a step-scope factory.)
     */
    public static org.springframework.batch.core.step.StepExecution step(
            org.springframework.batch.core.job.JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in execution " + execution.getId()));
    }

    /** What {@link RunLauncher#launch} returned and printed. */
    public record Launch(int exitStatus, String out, String err) {
    }

    public static Launch launch(RunLauncher launcher, RunRequest request) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = launcher.launch(request, o, e);
        }
        return new Launch(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
