package ca.trialpath.remote;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.batch.PostgresTestDatabase;
import ca.trialpath.batch.PublishedOutputs;
import ca.trialpath.bench.CohortGenerator;
import ca.trialpath.cli.RunLauncher;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar in three JVMs on this machine: a manager (remote-manager profile, the broker embedded in it) and a
 * worker sharing a PostgreSQL job repository publish, byte for byte, what one process publishes from the same
 * files; the worker, not the manager, assessed every partition; SIGTERM stops the worker cleanly. Runs after
 * {@code package} (failsafe); in CI a missing PostgreSQL fails it (PostgresTestDatabase).
 */
class RemotePartitioningIT {

    private static final Path JAR = Path.of("target/trialpath.jar").toAbsolutePath();
    private static final Path TRIALS = Path.of("sample-data/trials").toAbsolutePath();
    private static final Path CRITERIA = Path.of("sample-data/trial-criteria.json").toAbsolutePath();
    private static final String DATE = "2026-11-27";
    private static final int FILES = 4;
    private static final int PER_FILE = 300;
    private static final Path EXTRACT = Path.of("sample-data/naaccr/registry-extract.xml");
    private static final Path SUPPLEMENT = Path.of("sample-data/naaccr/supplement.csv");
    /** The sample extract: 320 patients, 29 with an anal tumour (docs/naaccr-input.md), none rejected. */
    private static final int EXTRACT_IN_SCOPE = 29;
    private static final int EXTRACT_NOT_IN_SCOPE = 291;
    /** Each file cut in three: partitions of one file go to the worker's two threads at once. */
    private static final int PARTITION_ROWS = 110;
    private static final Duration PROCESS_LIMIT = Duration.ofMinutes(3);
    private static final int SIGTERM = 128 + 15;
    /** Every JVM this class starts, ended after it whatever happens. */
    private static final List<Process> STARTED = new CopyOnWriteArrayList<>();

    static {
        // a test JVM ended before @AfterAll (killed, timed out) must not leave a worker listening behind it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly),
                "end-remote-it-jvms"));
    }

    @TempDir
    private static Path work;

    private static Path cohort;

    @BeforeAll
    static void generateCohort() throws IOException {
        assertThat(JAR).as("run after package: mvn verify").exists();
        PostgresTestDatabase.assumeAvailable();
        cohort = work.resolve("cohort");
        CohortGenerator.write(cohort, (long) FILES * PER_FILE, FILES, 20261127L, 0.02);
        // and the registry's NAACCR XML extract beside them, with its supplement: one partition of its own
        Files.copy(EXTRACT, cohort.resolve(EXTRACT.getFileName()));
    }

    @AfterAll
    static void endEveryJvm() throws InterruptedException {
        for (Process process : STARTED) {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void shouldPublishWhatOneProcessPublishesWithTheAssessmentDoneByAWorkerInAnotherJvm() throws Exception {
        // given: a repository both sides share, and a port for the manager's broker
        String repository = PostgresTestDatabase.newSchemaUrl("remote_it");
        List<String> database = List.of("--spring.datasource.url=" + repository,
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD);
        String port = "--trialpath.remote.broker-port=" + freePort();
        Path remoteOutput = work.resolve("remote");
        Path singleOutput = work.resolve("single");

        // when: the single-process reference, the manager and the worker start together (three JVM start-ups
        // in parallel: the worker waits for the manager's broker, the requests wait in its queue for the worker)
        Jvm single = Jvm.start(work.resolve("single.log"), run(singleOutput),
                List.of("--trialpath.repository.path=" + work.resolve("single-repository/db"), "--trialpath.threads=1"));
        Jvm manager = Jvm.start(work.resolve("manager.log"), run(remoteOutput), concat(database,
                List.of("--spring.profiles.active=postgres,remote-manager", port, "--trialpath.threads=2",
                        "--trialpath.partition-rows=" + PARTITION_ROWS, "--trialpath.remote.poll-interval=200ms",
                        "--trialpath.remote.timeout=150s")));
        Jvm worker = Jvm.start(work.resolve("worker.log"), List.of("worker"), concat(database,
                List.of("--spring.profiles.active=postgres", port, "--trialpath.threads=2",
                        "--trialpath.remote.worker-name=it-worker")));

        // then: both publish, the same files
        assertThat(manager.awaitExit()).as(manager.log()).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(single.awaitExit()).as(single.log()).isEqualTo(RunLauncher.PUBLISHED);
        Path remote = remoteOutput.resolve(DATE);
        Path reference = singleOutput.resolve(DATE);
        // with a catalogue the night also has its screening log, built from the worker's feeds
        List<String> files = new ArrayList<>(PublishedOutputs.FILES);
        files.add("screening_log.csv");
        assertThat(PublishedOutputs.tree(remote)).containsExactlyInAnyOrderElementsOf(files);
        PublishedOutputs.assertSameContent(remote.resolve("screening_log.csv"), reference.resolve("screening_log.csv"));
        for (String file : PublishedOutputs.EXACT_FILES) {
            PublishedOutputs.assertSameContent(remote.resolve(file), reference.resolve(file));
        }
        PublishedOutputs.assertSameSummary(remote.resolve("summary.json"), reference.resolve("summary.json"));
        assertThat(PublishedOutputs.records(remote.resolve("assessments.csv")).size()
                + PublishedOutputs.records(remote.resolve("rejects.csv")).size())
                .as("every generated row, and the extract's patients with an anal tumour")
                .isEqualTo(FILES * PER_FILE + EXTRACT_IN_SCOPE);
        assertThat(PublishedOutputs.json(remote.resolve("summary.json")).get("not_in_scope").asLong())
                .isEqualTo(EXTRACT_NOT_IN_SCOPE);

        // and: every partition was assessed by the worker, none by the manager
        List<String> partitions = partitionsIn(repository);
        assertThat(partitions).as("cohort files cut into partitions, the extract (and the supplement's own) whole")
                .hasSizeGreaterThanOrEqualTo(FILES * 3 + 1).hasSizeLessThanOrEqualTo(FILES * 3 + 2);
        for (String partition : partitions) {
            assertThat(worker.log()).as("the worker's log").containsPattern(
                    "worker it-worker assessed " + partition + " of job execution \\d+: COMPLETED");
        }
        assertThat(manager.log()).contains("sending " + partitions.size() + " partitions to the workers")
                .doesNotContain("PartitionWorker");

        // and: SIGTERM ends the worker, cleanly
        worker.process.destroy();
        assertThat(worker.awaitExit()).as(worker.log()).isEqualTo(SIGTERM);
        assertThat(worker.log()).contains("trialpath: worker it-worker stopped");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static List<String> run(Path output) {
        return List.of("input=" + cohort, "output=" + output, "runDate=" + DATE, "trials=" + TRIALS,
                "trialCriteria=" + CRITERIA, "supplement=" + SUPPLEMENT.toAbsolutePath());
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The partitions of the run, by the names of their step executions in the shared repository. */
    private static List<String> partitionsIn(String repository) throws Exception {
        List<String> partitions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(repository, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT step_name, status FROM batch_step_execution"
                        + " WHERE step_name LIKE 'assessPartition:%' ORDER BY step_name")) {
            while (rows.next()) {
                assertThat(rows.getString("status")).as(rows.getString("step_name")).isEqualTo("COMPLETED");
                partitions.add(rows.getString("step_name").substring("assessPartition:".length()));
            }
        }
        return partitions;
    }

    /** One JVM of the jar, its output in a log file of its own. */
    private static final class Jvm {

        private final Process process;
        private final Path logFile;

        private Jvm(Process process, Path logFile) {
            this.process = process;
            this.logFile = logFile;
        }

        static Jvm start(Path log, List<String> arguments, List<String> settings) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                    JAR.toString()));
            command.addAll(arguments);
            command.addAll(settings);
            Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            STARTED.add(process);
            return new Jvm(process, log);
        }

        String log() {
            return PublishedOutputs.read(logFile);
        }

        int awaitExit() throws InterruptedException {
            if (!process.waitFor(PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("did not end within " + PROCESS_LIMIT + ":\n" + log());
            }
            return process.exitValue();
        }
    }
}
