package ca.trialpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command run as cron runs it, in this JVM or as the built jar, with what it printed: the set-up the
 * command-line tests share (CommandLineTests, StartFailureTests, StartFailureIT, DataRowAsHeaderTests,
 * RepositoryUpgradeTests), so that each test says only what its own run adds.
 */
final class CommandConsole {

    /** The fictional cohort every command-line test runs on. */
    static final Path SAMPLE = Path.of("sample-data");
    static final String DATE = "2026-11-27";
    /** Logs quiet enough that standard error holds only what the command itself says. */
    static final List<String> QUIET = List.of("--logging.level.ca.trialpath=WARN", "--logging.level.root=ERROR");

    private static final Path JAR = Path.of("target/trialpath.jar").toAbsolutePath();

    private CommandConsole() {
    }

    /**
     * What one command printed.
     *
     * @param out standard output; for the jar, empty (see {@code err})
     * @param err standard error; for the jar, standard output and error together, as cron mails them
     */
    record Console(int status, String out, String err) {

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** {@code new TrialPathCommand(out, err).run(args)} in this JVM. */
    static Console command(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new TrialPathCommand(o, e).run(args.toArray(String[]::new));
        }
        return new Console(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Console command(String... args) {
        return command(List.of(args));
    }

    /**
     * {@code java -Xmx256m -jar target/trialpath.jar args} started in {@code folder}; fails the test on a stack
     * trace or Spring's banner, which an operator must never see for a failure the command knows.
     */
    static Console jar(Path folder, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", JAR.toString()));
        command.addAll(args);
        Path log = Files.createTempFile(folder, "console", ".log");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).as("no stack trace, no banner").noneMatch(l -> l.startsWith("\tat ") || l.contains("***")
                || l.contains("Exception in thread"));
        return new Console(process.exitValue(), "", String.join(System.lineSeparator(), lines));
    }
}
