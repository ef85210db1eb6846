package ca.trialpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.batch.PostgresTestDatabase;
import ca.trialpath.batch.PublishedOutputs;
import ca.trialpath.bench.CohortGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar, as cron starts it, in separate processes: killed with SIGKILL while it reads, while it
 * writes the reports and while it publishes, restarted each time with the same parameters, it publishes
 * byte for byte what an uninterrupted run publishes; a second launch for the same output is refused at
 * once and does not disturb the first; and no half folder is ever visible under {@code output}. On the
 * default H2 file repository and on PostgreSQL. Runs after {@code package} (failsafe).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashSafetyIT {

    private static final Path JAR = Path.of("target/trialpath.jar").toAbsolutePath();
    private static final String DATE = "2026-11-27";
    /** Big enough for several seconds of reading on 2 cores, small enough to keep this class near 2 minutes. */
    private static final int PEOPLE = 300_000;
    private static final Duration PROCESS_LIMIT = Duration.ofMinutes(3);
    private static final int KILLED = 128 + 9;

    @TempDir
    private static Path work;

    private static Path cohort;
    /** The uninterrupted run's folder, made by the first test. */
    private static Path reference;

    @BeforeAll
    static void generateCohort() throws IOException {
        assertThat(JAR).as("run after package: mvn verify").exists();
        cohort = work.resolve("cohort");
        CohortGenerator.write(cohort, PEOPLE, 2, 20261127L, 0.01);
    }

    @Test
    @Order(1)
    void shouldRefuseASecondLaunchForTheSameOutputAtOnceAndLetTheFirstFinish() throws Exception {
        // given: a run reading its input
        Path output = work.resolve("reference");
        List<String> repository = List.of("--trialpath.repository.path=" + work.resolve("reference-repository/db"));
        try (OutputWatch watch = OutputWatch.start(output)) {
            Job first = Job.start(output, repository, work.resolve("reference.log"));
            first.awaitOrFail("reading has begun", () -> stagedBytes(output, "assessments.csv") > 0);

            // when
            long started = System.nanoTime();
            Job second = Job.start(output, repository, work.resolve("second.log"));
            int secondStatus = second.awaitExit();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // then
            assertThat(secondStatus).as(second.log()).isEqualTo(RunLauncher.FAILED);
            assertThat(second.log()).contains("trialpath: a run is in progress for " + output)
                    .doesNotContain("Exception", "job repository is in use");
            assertThat(took).as("refused at once, before Spring starts").isLessThan(Duration.ofSeconds(15));
            assertThat(first.process.isAlive()).as("the first run goes on").isTrue();
            assertThat(first.awaitExit()).as(first.log()).isEqualTo(RunLauncher.PUBLISHED);
            assertThat(first.log()).contains("trialpath: published " + output.resolve(DATE));
            watch.assertNoHalfFolderWasSeen();
        }
        reference = output.resolve(DATE);
        assertThat(PublishedOutputs.records(reference.resolve("assessments.csv")).size()
                + PublishedOutputs.records(reference.resolve("rejects.csv")).size()).isEqualTo(PEOPLE);
    }

    @Test
    @Order(2)
    void shouldPublishWhatAnUninterruptedRunPublishesAfterKillsWhileReadingWritingReportsAndPublishing()
            throws Exception {
        assertThat(reference).as("the uninterrupted run of the first test").isNotNull();
        Path output = work.resolve("crash-h2");
        List<String> repository = List.of("--trialpath.repository.path=" + work.resolve("crash-h2-repository/db"));
        long fullSize = Files.size(reference.resolve("assessments.csv"));
        List<String> killedAt = new ArrayList<>();
        try (OutputWatch watch = OutputWatch.start(output)) {
            // when: killed at a quarter of the rows, restarted, killed again past half of them
            Job run = Job.start(output, repository, work.resolve("crash-h2.log"));
            run.killWhen("reading, a quarter of the rows written", () -> stagedBytes(output, "assessments.csv") > fullSize / 4);
            killedAt.add("reading 1/4");
            run = Job.start(output, repository, work.resolve("crash-h2.log"));
            run.killWhen("reading again, past half the rows", () -> stagedBytes(output, "assessments.csv") > fullSize * 3 / 5);
            killedAt.add("reading 3/5");
            assertThat(Files.readString(work.resolve("crash-h2.log"))).as("the restart resumed")
                    .contains("resuming after ");

            // and killed as the report step starts (the recount of the staged files, summary, report.html)
            Job reporting = Job.start(output, repository, work.resolve("crash-h2.log"));
            reporting.killWhen("writing the reports", () -> reporting.logContains("checking the staged files of " + DATE));
            killedAt.add("publishReports started");

            // and killed once the summary is written, before or during the move into place
            Job publishing = Job.start(output, repository, work.resolve("crash-h2.log"));
            publishing.killWhen("publishing", () -> stagedBytes(output, "summary.json") > 0);
            killedAt.add("summary.json staged");

            // then: the same command finishes the night
            Job last = Job.start(output, repository, work.resolve("crash-h2.log"));
            assertThat(last.awaitExit()).as(last.log()).isEqualTo(RunLauncher.PUBLISHED);
            watch.assertNoHalfFolderWasSeen();
        }
        assertThat(killedAt).hasSize(4);
        assertSamePublication(output.resolve(DATE), reference);
        assertThat(output.resolve(".trialpath/staging")).as("no staging left once published").doesNotExist();
    }

    @Test
    @Order(3)
    void shouldDoTheSameWithTheJobRepositoryOnPostgresql() throws Exception {
        PostgresTestDatabase.assumeAvailable();
        assertThat(reference).as("the uninterrupted run of the first test").isNotNull();
        Path output = work.resolve("crash-postgres");
        List<String> database = PostgresTestDatabase.commandLine("crash_it");
        long fullSize = Files.size(reference.resolve("assessments.csv"));
        try (OutputWatch watch = OutputWatch.start(output)) {
            // given: a run on PostgreSQL, reading
            Job first = Job.start(output, database, work.resolve("crash-postgres.log"));
            first.awaitOrFail("reading has begun", () -> stagedBytes(output, "assessments.csv") > 0);

            // when: a second launch for the same output
            Job second = Job.start(output, database, work.resolve("second-postgres.log"));

            // then: refused, the first unaffected
            assertThat(second.awaitExit()).as(second.log()).isEqualTo(RunLauncher.FAILED);
            assertThat(second.log()).contains("trialpath: a run is in progress for " + output);
            assertThat(first.process.isAlive()).isTrue();

            // when: the first is killed while reading, and started again
            first.killWhen("reading, a third of the rows written", () -> stagedBytes(output, "assessments.csv") > fullSize / 3);
            Job last = Job.start(output, database, work.resolve("crash-postgres.log"));

            // then
            assertThat(last.awaitExit()).as(last.log()).isEqualTo(RunLauncher.PUBLISHED);
            assertThat(last.log()).contains("resuming after ");
            watch.assertNoHalfFolderWasSeen();
        }
        assertSamePublication(output.resolve(DATE), reference);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** Byte for byte, summary.json without its times and ids, report.html without its run details (times, ids). */
    private static void assertSamePublication(Path actual, Path expected) {
        assertThat(PublishedOutputs.tree(actual)).containsExactlyInAnyOrderElementsOf(PublishedOutputs.FILES);
        for (String file : PublishedOutputs.EXACT_FILES) {
            PublishedOutputs.assertSameContent(actual.resolve(file), expected.resolve(file));
        }
        PublishedOutputs.assertSameSummary(actual.resolve("summary.json"), expected.resolve("summary.json"));
        assertThat(withoutRunDetails(actual.resolve("report.html"))).as("report.html without its run details")
                .isEqualTo(withoutRunDetails(expected.resolve("report.html")));
    }

    /** The page's last section, "Run details", holds the execution id and times: the rest must be the same bytes. */
    private static String withoutRunDetails(Path html) {
        String page = PublishedOutputs.read(html);
        assertThat(page).as("the run details section").contains("<section id=\"run\"");
        return page.replaceFirst("(?s)<section id=\"run\".*?</section>", "<section id=\"run\"/>");
    }

    /** Bytes of a staged file of this date's run (0 while it does not exist). */
    /**
     * How much of a staged file is written: the run's own (put together at publication) or, while the partitions
     * are assessed, the sum of theirs.
     */
    private static long stagedBytes(Path output, String file) {
        Path root = output.resolve(".trialpath/staging");
        try (Stream<Path> stagings = Files.list(root)) {
            Optional<Path> staging = stagings.filter(p -> p.getFileName().toString().startsWith(DATE + "-")).findFirst();
            if (staging.isEmpty()) {
                return 0;
            }
            // the partitions that finished are put together while the others run
            long bytes = size(staging.get().resolve("publish").resolve(file));
            if (!Files.isDirectory(staging.get().resolve("partitions"))) {
                return bytes;
            }
            try (Stream<Path> partitions = Files.list(staging.get().resolve("partitions"))) {
                return bytes + partitions.mapToLong(partition -> size(partition.resolve("publish").resolve(file))).sum();
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // not there yet, or moved away in between
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** One start of the jar, its output appended to a log file. */
    private static final class Job {

        private final Process process;
        private final Path logFile;
        private final long logStart;

        private Job(Process process, Path logFile, long logStart) {
            this.process = process;
            this.logFile = logFile;
            this.logStart = logStart;
        }

        static Job start(Path output, List<String> settings, Path log) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                    JAR.toString(), "input=" + cohort, "output=" + output, "runDate=" + DATE));
            command.addAll(settings);
            long start = Files.exists(log) ? Files.size(log) : 0;
            Files.writeString(log, "\n$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new Job(process, log, start);
        }

        /** What this start printed. */
        String log() {
            try {
                byte[] all = Files.readAllBytes(logFile);
                return new String(all, (int) logStart, all.length - (int) logStart, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(log unreadable: " + e + ")";
            }
        }

        boolean logContains(String text) {
            return log().contains(text);
        }

        int awaitExit() throws InterruptedException {
            if (!process.waitFor(PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the run did not end within " + PROCESS_LIMIT + ":\n" + log());
            }
            return process.exitValue();
        }

        void awaitOrFail(String moment, BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + PROCESS_LIMIT.toNanos();
            while (!condition.getAsBoolean()) {
                if (!process.isAlive()) {
                    throw new AssertionError("the run ended (status " + process.exitValue() + ") before " + moment
                            + "; a bigger cohort is needed:\n" + log());
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("no " + moment + " within " + PROCESS_LIMIT + ":\n" + log());
                }
                Thread.sleep(1);
            }
        }

        /** SIGKILL ({@code destroyForcibly} on Linux) at the moment named, which must come while it runs. */
        void killWhen(String moment, BooleanSupplier condition) throws InterruptedException {
            awaitOrFail(moment, condition);
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed by SIGKILL while %s, not ended by itself:\n%s", moment, log())
                    .isEqualTo(KILLED);
        }
    }

    /**
     * Looks at {@code output} as a reader of the reports would, every millisecond or so: anything there
     * besides the hidden work folder must be a whole published folder (every file of PublishedOutputs.FILES).
     */
    private static final class OutputWatch implements AutoCloseable {

        private final Path output;
        private final List<String> seenHalf = new CopyOnWriteArrayList<>();
        private final AtomicLong looks = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        private OutputWatch(Path output) {
            this.output = output;
            this.thread = new Thread(this::watch, "output-watch");
            thread.setDaemon(true);
        }

        static OutputWatch start(Path output) {
            OutputWatch watch = new OutputWatch(output);
            watch.thread.start();
            return watch;
        }

        private void watch() {
            Set<String> whole = new HashSet<>(PublishedOutputs.FILES);
            while (running) {
                if (Files.isDirectory(output)) {
                    try (DirectoryStream<Path> entries = Files.newDirectoryStream(output)) {
                        for (Path entry : entries) {
                            String name = entry.getFileName().toString();
                            if (name.equals(".trialpath")) {
                                continue;
                            }
                            Set<String> files = new HashSet<>();
                            try (DirectoryStream<Path> inside = Files.newDirectoryStream(entry)) {
                                inside.forEach(f -> files.add(f.getFileName().toString()));
                            } catch (NoSuchFileException movedAway) {
                                continue;
                            }
                            if (!files.equals(whole)) {
                                seenHalf.add(name + " " + files);
                            }
                        }
                        looks.incrementAndGet();
                    } catch (IOException e) {
                        seenHalf.add("cannot list " + output + ": " + e);
                    }
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void assertNoHalfFolderWasSeen() {
            assertThat(looks.get()).as("the output folder was looked at").isGreaterThan(100);
            assertThat(seenHalf).as("folders under %s that were not whole when seen", output).isEmpty();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5000);
        }
    }
}
