package ca.trialpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.bench.CohortGenerator;
import ca.trialpath.bench.OpenTrialsGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar stopped at the moments that went wrong before, and started again with the same command: killed
 * just after the partitions were done and the publish step began (the restart used to assess every row again),
 * killed just after the folder was published (the restart printed "null" for its counts), stopped by SIGTERM
 * (a stack trace in the log and nothing on standard error); and, at a small heap, a catalogue where every
 * study is open to everyone (an OutOfMemoryError). Runs after {@code package} (failsafe).
 */
class StopAndRestartIT {

    private static final Path JAR = Path.of("target/trialpath.jar").toAbsolutePath();
    private static final String DATE = "2026-11-27";
    /** Two files, so two partitions on two threads; a few seconds of reading on 2 cores. */
    private static final int PEOPLE = 200_000;
    private static final Duration PROCESS_LIMIT = Duration.ofMinutes(4);
    private static final int KILLED = 128 + 9;
    private static final int TERMINATED = 128 + 15;

    @TempDir
    private static Path work;

    private static Path cohort;

    @BeforeAll
    static void generateCohort() throws IOException {
        assertThat(JAR).as("run after package: mvn verify").exists();
        cohort = work.resolve("cohort");
        CohortGenerator.write(cohort, PEOPLE, 2, 20261201L, 0.01);
    }

    @Test
    void shouldResumeAtThePublishStepWhenKilledJustAfterThePartitionsFinished() throws Exception {
        // H2 used to keep the last half second of commits in memory only: killed then, the partitions' completion
        // was lost while their files were already put together, and the restart assessed every row again (2 of 3)
        for (int attempt = 1; attempt <= 2; attempt++) {
            // given
            Path output = work.resolve("publish-step-" + attempt);
            List<String> settings = settings("publish-step-" + attempt);
            Run killed = Run.start(cohort, output, settings, List.of(), work.resolve("publish-step-" + attempt + ".log"));

            // when
            killed.killWhen("the publish step has begun", () -> killed.logContains("checking the staged files of " + DATE));
            Run restart = Run.start(cohort, output, settings, List.of(), work.resolve("publish-step-" + attempt + ".log"));

            // then
            assertThat(restart.awaitExit()).as(restart.log()).isEqualTo(RunLauncher.PUBLISHED);
            assertThat(restart.log()).as("attempt %d", attempt)
                    .doesNotContain("assessing every row again", "step assessCohort", "step assessPartition")
                    .contains("trialpath: published " + output.resolve(DATE) + " (execution ")
                    .contains("read " + PEOPLE + ", assessed ");
        }
    }

    @Test
    void shouldPrintTheCountsWhenTheRestartFindsTheRunAlreadyPublished() throws Exception {
        // given: killed once the folder is in place, before the step's end is committed
        Path output = work.resolve("published");
        List<String> settings = settings("published");
        Run killed = Run.start(cohort, output, settings, List.of(), work.resolve("published.log"));
        killed.killWhen("published", () -> killed.logContains("ReportPublisher - published " + output.resolve(DATE)));

        // when
        Run restart = Run.start(cohort, output, settings, List.of(), work.resolve("published.log"));

        // then
        assertThat(restart.awaitExit()).as(restart.log()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(restart.stdout()).doesNotContain("null")
                .containsPattern("trialpath: (published .* \\(execution \\d+\\): read " + PEOPLE + ", assessed \\d+,"
                        + " rejected \\d+|.* was already published from these same input files \\(execution \\d+\\);"
                        + " nothing to do)");
    }

    @Test
    void shouldSayOnStandardErrorThatSigtermStoppedTheRunWithNoStackTraceAndThenResume() throws Exception {
        // given: a run reading its input
        Path output = work.resolve("sigterm");
        List<String> settings = settings("sigterm");
        Run run = Run.start(cohort, output, settings, List.of(), work.resolve("sigterm.log"));
        run.awaitOrFail("reading", () -> run.logContains("CohortIndexing - indexed "));
        Thread.sleep(1500);

        // when
        run.process.destroy(); // SIGTERM
        assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // then
        assertThat(run.process.exitValue()).as(run.log()).isEqualTo(TERMINATED);
        assertThat(run.stderr().lines().toList()).as(run.log()).containsExactly("trialpath: run " + DATE
                + " stopped by a signal (SIGTERM or Ctrl-C) before it finished; nothing published; the same command"
                + " resumes it");
        assertThat(run.stdout()).doesNotContain("\tat ", "Exception:", "cause of the failure");
        assertThat(output.resolve(DATE)).doesNotExist();

        // and the same command finishes the night
        Run again = Run.start(cohort, output, settings, List.of(), work.resolve("sigterm.log"));
        assertThat(again.awaitExit()).as(again.log()).isEqualTo(RunLauncher.PUBLISHED);
    }

    @Test
    void shouldMatchACatalogueWhereEveryStudyIsOpenToEveryoneInASmallHeap() throws Exception {
        // given: 3,000 studies every flagged person of the sample matches: at -Xmx160m the matches of a chunk
        // (about 110 people times 3,000) and the page's people per trial ran out of memory
        Path trials = work.resolve("open-trials");
        OpenTrialsGenerator.write(trials, 3_000);
        Path output = work.resolve("open-trials-reports");

        // when
        Run run = Run.start(Path.of("sample-data").toAbsolutePath(), output, settings("open-trials"),
                List.of("trials=" + trials, "-Xmx160m"), work.resolve("open-trials.log"));

        // then
        assertThat(run.awaitExit()).as(run.log()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(run.stderr()).isEmpty();
        String[] trialsCsv = Files.readString(output.resolve(DATE).resolve("trials.csv")).split("\n");
        assertThat(trialsCsv).hasSize(3_001);
    }

    private static List<String> settings(String name) {
        return List.of("--trialpath.repository.path=" + work.resolve(name + "-repository/db"), "--trialpath.threads=2");
    }

    /** One start of the jar: standard output and standard error each to a file, both appended to a log. */
    private static final class Run {

        private final Process process;
        private final Path stdout;
        private final Path stderr;

        private Run(Process process, Path stdout, Path stderr) {
            this.process = process;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        /** @param extra job parameters, and JVM options (those starting with {@code -X}) */
        static Run start(Path input, Path output, List<String> settings, List<String> extra, Path log)
                throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.add(extra.stream().filter(option -> option.startsWith("-X")).findFirst().orElse("-Xmx256m"));
            command.addAll(List.of("-jar", JAR.toString(), "input=" + input, "output=" + output, "runDate=" + DATE));
            extra.stream().filter(option -> !option.startsWith("-X")).forEach(command::add);
            command.addAll(settings);
            int n = 0;
            while (Files.exists(log.resolveSibling(log.getFileName() + "." + n + ".out"))) {
                n++;
            }
            Path out = log.resolveSibling(log.getFileName() + "." + n + ".out");
            Path err = log.resolveSibling(log.getFileName() + "." + n + ".err");
            Files.writeString(log, "\n$ " + String.join(" ", command) + "\n(" + out + ")\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new Run(process, out, err);
        }

        String stdout() {
            return read(stdout);
        }

        String stderr() {
            return read(stderr);
        }

        String log() {
            return stdout() + "\n--- standard error ---\n" + stderr();
        }

        boolean logContains(String text) {
            return stdout().contains(text);
        }

        private static String read(Path file) {
            try {
                return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        }

        int awaitExit() throws InterruptedException {
            if (!process.waitFor(PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the run did not end within " + PROCESS_LIMIT + ":\n" + log());
            }
            return process.exitValue();
        }

        void awaitOrFail(String moment, java.util.function.BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + PROCESS_LIMIT.toNanos();
            while (!condition.getAsBoolean()) {
                if (!process.isAlive()) {
                    throw new AssertionError("the run ended (status " + process.exitValue() + ") before " + moment
                            + ":\n" + log());
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("no " + moment + " within " + PROCESS_LIMIT + ":\n" + log());
                }
                Thread.sleep(1);
            }
        }

        /** SIGKILL at the moment named, which must come while it runs. */
        void killWhen(String moment, java.util.function.BooleanSupplier condition) throws InterruptedException {
            awaitOrFail(moment, condition);
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed while %s, not ended by itself:\n%s", moment, log())
                    .isEqualTo(KILLED);
        }
    }
}
