package ca.trialpath.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.trialpath.cli.CommandConsole.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failures an operator meets at start-up, through the command: each is one line on standard error that names
 * the thing and the fix, with the README's exit status (docs/troubleshooting.md), and a run date in the future is
 * a wrong call unless asked for.
 */
class StartFailureTests {

    private static final Path SAMPLE = CommandConsole.SAMPLE;
    private static final String DATE = CommandConsole.DATE;

    @TempDir
    private Path temp;

    private Path output;
    private Path repository;
    private String out = "";
    private String err = "";

    @BeforeEach
    void setUp() {
        output = temp.resolve("reports");
        repository = temp.resolve("repository/db");
    }

    @Test
    void shouldExitWithUsageWhenTheConfigurationFileIsMissing() {
        Path missing = temp.resolve("etc/nightly.properties");

        int status = run("--spring.config.additional-location=file:" + missing);

        assertThat(status).isEqualTo(RunLauncher.USAGE);
        assertThat(err.lines()).singleElement().asString()
                .startsWith("trialpath: configuration file " + missing + " does not exist")
                .contains("copy jobs/nightly.properties there").endsWith(StartFailure.DID_NOT_START);
        assertThat(repository.getParent()).as("nothing started").doesNotExist();
    }

    @Test
    void shouldTakeAnOptionalConfigurationFileThatIsMissing() {
        int status = run("--spring.config.additional-location=optional:file:" + temp.resolve("none.properties"));

        assertThat(status).as(err).isEqualTo(RunLauncher.PUBLISHED);
    }

    @Test
    void shouldExitWithUsageWhenTheConfigurationFileIsAFolder() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("etc/nightly.properties"));

        int status = run("--spring.config.additional-location=file:" + folder);

        assertThat(status).isEqualTo(RunLauncher.USAGE);
        assertThat(err.lines()).singleElement().asString().contains(folder + " is a folder");
    }

    @Test
    void shouldExitWithUsageNamingThePropertyWhenAConfiguredValueIsWrong() throws IOException {
        Path config = Files.writeString(temp.resolve("nightly.properties"), "trialpath.chunk-size=many\n");

        int status = run("--spring.config.additional-location=file:" + config);

        assertThat(status).isEqualTo(RunLauncher.USAGE);
        assertThat(err.lines()).singleElement().asString()
                .startsWith("trialpath: configuration: trialpath.chunk-size = 'many'")
                .contains(config.getFileName().toString()).endsWith(StartFailure.DID_NOT_START);
        assertThat(output.resolve(DATE)).doesNotExist();
    }

    @Test
    void shouldFailNamingTheUrlWhenThePostgresJobRepositoryCannotBeReached() throws IOException {
        // a port that was free a moment ago: nothing listens there
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/trialpath";

        int status = run("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.hikari.connection-timeout=2000");

        assertThat(status).isEqualTo(RunLauncher.FAILED);
        assertThat(err.lines()).singleElement().asString()
                .startsWith("trialpath: cannot connect to the job repository database at " + url + " (")
                .contains("TRIALPATH_DB_URL").endsWith(StartFailure.DID_NOT_START);
    }

    @Test
    void shouldNameTheFileAndTheRemedyWhenTheH2RepositoryIsDamagedAndRecogniseThePublishedNightWithoutIt()
            throws IOException {
        // given: a published night, then its repository cut short, as a full disk or a bad copy leaves it
        assertThat(run()).as(err).isEqualTo(RunLauncher.PUBLISHED);
        Path file = repository.resolveSibling("db.mv.db");
        byte[] whole = Files.readAllBytes(file);
        assertThat(whole.length).isGreaterThan(40_000);
        // its headers and first chunks kept, the chunks they point to gone (a quarter was not always enough: H2 then
        // falls back to an older chunk set)
        Files.write(file, Arrays.copyOf(whole, 20_000));

        // when: the next night
        int status = run("runDate=2026-11-28");

        // then
        assertThat(status).as(out + err).isEqualTo(RunLauncher.FAILED);
        assertThat(err.lines()).singleElement().asString()
                .startsWith("trialpath: the job repository " + file.toAbsolutePath() + " is damaged (")
                .contains("restore-repository").contains("move the file aside");
        // and the remedy without a backup: the file moved aside, a new repository is taken (not "lost runs")
        Files.move(file, file.resolveSibling("db.mv.db.damaged"));
        assertThat(run("runDate=2026-11-28")).as(err).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(out).contains("trialpath: published");
        // and a night published before it is still recognised by its folder, by the new repository too
        Files.delete(output.resolve(".trialpath/repository.watermark"));
        assertThat(run()).as(err).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(out).contains("already published").doesNotContain("(execution");
    }

    @Test
    void shouldRestoreTheH2RepositoryFromTheNightlyBackupAndKnowThePublishedNightByItsExecution() throws IOException {
        // given: a published night (which backs the repository up), then the repository replaced by text
        assertThat(run()).as(err).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(output.resolve(".trialpath/repository-backup/repository-" + DATE + ".sql.gz")).isRegularFile();
        Path file = repository.resolveSibling("db.mv.db");
        Files.writeString(file, "overwritten by a careless copy\n");
        assertThat(run("runDate=2026-11-28")).isEqualTo(RunLauncher.FAILED);

        // when
        int restored = command("restore-repository", "output=" + output, "--trialpath.repository.path=" + repository);

        // then: the damaged file kept aside, the night known by its execution, the run history kept
        assertThat(restored).as(err).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(out).startsWith("trialpath: restored " + file.toAbsolutePath() + " from ")
                .contains("(executions up to 1)").contains("kept as ");
        try (var aside = Files.list(file.getParent())) {
            assertThat(aside.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("db.mv.db.damaged-"));
        }
        Files.delete(output.resolve(".trialpath/repository.watermark"));  // the night asked of the repository itself
        assertThat(run()).as(err).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(out).contains("already published").contains("(execution 1)");
        assertThat(run("runDate=2026-11-28")).as(err).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(Files.readString(output.resolve("2026-11-28/summary.json"))).contains("\"previous_run\"");
    }

    @Test
    void shouldAnswerARerunOfAPublishedNightWithoutStartingSpring() throws IOException {
        // given: a published night, then its repository made unusable: a rerun that opened it would fail
        assertThat(run()).as(err).isEqualTo(RunLauncher.PUBLISHED);
        Files.writeString(repository.resolveSibling("db.mv.db"), "not a database\n");

        // when
        int status = run();

        // then
        assertThat(status).as(err).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(out).isEqualTo("trialpath: " + output.toAbsolutePath().resolve(DATE) + " was already published"
                + " from these same input files (execution 1); nothing to do\n");
    }

    @Test
    void shouldRunAgainWhenTheInputChangedSinceThePublication() throws IOException {
        Path input = Files.createDirectories(temp.resolve("in"));
        Files.copy(SAMPLE.resolve("cohort-2026-11-a.csv"), input.resolve("a.csv"));
        assertThat(run("input=" + input)).as(err).isEqualTo(RunLauncher.PUBLISHED);
        Files.copy(SAMPLE.resolve("cohort-2026-11-b.csv"), input.resolve("b.csv"));

        assertThat(run("input=" + input)).as(err).isEqualTo(RunLauncher.PUBLISHED);

        assertThat(out).startsWith("trialpath: published ").doesNotContain("already");
    }

    @Test
    void shouldRefuseARestoreWhoseParametersAreWrongAsARunRefusesThem() {
        int twice = command("restore-repository", "output=" + output, "output=" + temp.resolve("other"));
        String twiceSaid = err;
        int unknown = command("restore-repository", "form=backup.sql.gz");
        String unknownSaid = err;

        assertThat(twice).isEqualTo(RunLauncher.USAGE);
        assertThat(twiceSaid.lines()).singleElement().asString()
                .startsWith("trialpath: parameter 'output' is given twice (usage: java -jar trialpath.jar restore-repository");
        assertThat(unknown).isEqualTo(RunLauncher.USAGE);
        assertThat(unknownSaid.lines()).singleElement().asString()
                .startsWith("trialpath: unknown parameter 'form': known are output, from (usage: ");
        assertThat(output).doesNotExist();
    }

    @Test
    void shouldRefuseToRestoreWithoutABackup() {
        int status = command("restore-repository", "output=" + output, "--trialpath.repository.path=" + repository);

        assertThat(status).isEqualTo(RunLauncher.USAGE);
        assertThat(err.lines()).singleElement().asString().startsWith("trialpath: no backup under ");
    }

    @Test
    void shouldFailNamingTheFileWhenTheH2RepositoryIsNotADatabaseAtAll() throws IOException {
        Files.createDirectories(repository.getParent());
        Path file = Files.writeString(repository.resolveSibling("db.mv.db"), "not a database\n");

        int status = run();

        assertThat(status).isEqualTo(RunLauncher.FAILED);
        assertThat(err.lines()).singleElement().asString().contains(file.toAbsolutePath() + " is damaged (");
    }

    @Test
    void shouldExitWithUsageWhenTheRepositoryFolderCannotBeCreated() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("var-lib"), "a file where a folder should be");
        repository = notAFolder.resolve("trialpath/repository");

        int status = run();

        assertThat(status).isEqualTo(RunLauncher.USAGE);
        assertThat(err.lines()).singleElement().asString()
                .startsWith("trialpath: the job repository's folder " + repository.getParent() + " cannot be created")
                .contains("install -d -o ").contains("trialpath.repository.path");
    }

    @Test
    void shouldPublishAndSayInOneLineThatTheLogFileCannotBeWritten() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("var-log"), "a file where a folder should be");
        Path logFile = notAFolder.resolve("trialpath/trialpath.log");

        int status = run("--logging.file.name=" + logFile);

        assertThat(status).as(err).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(err.lines()).singleElement().asString()
                .startsWith("trialpath: cannot write the log file " + logFile + " (")
                .contains("logging to standard output only").contains("install -d -o ");
        assertThat(output.resolve(DATE + "/summary.json")).exists();
    }

    @Test
    void shouldCreateTheLogFilesFolderWhenItCan() {
        Path logFile = temp.resolve("log/trialpath/trialpath.log");

        int status = run("--logging.file.name=" + logFile);

        assertThat(status).as(err).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(err).isEmpty();
        assertThat(logFile.getParent()).isDirectory();
    }

    @Test
    void shouldWaitForTheRunHoldingTheLockAndThenFindTheNightPublished() throws Exception {
        // given: the night published, and another process holding the output's lock (a 02:00 run still going)
        assertThat(run()).as(err).isEqualTo(RunLauncher.PUBLISHED);
        Path lockFile = output.resolve(".trialpath/run.lock");
        CompletableFuture<Integer> retry;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.tryLock()) {
            assertThat(held).isNotNull();

            // when: the 05:00 retry, told to wait
            retry = CompletableFuture.supplyAsync(() -> run("lockWait=10m"));
            Thread.sleep(1500);
            assertThat(retry).as("still waiting while the lock is held").isNotDone();
        }

        // then: once the lock is free it goes ahead and finds nothing to do
        assertThat(retry.get(5, TimeUnit.MINUTES)).as(err).isEqualTo(RunLauncher.PUBLISHED);
        assertThat(err).contains("a run is in progress for " + output.toAbsolutePath() + "; waiting up to 10m");
        assertThat(out).contains("already published");
    }

    @Test
    void shouldRefuseARunDateMoreThanADayAheadUnlessAskedFor() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        String[] base = {"input=x", "runDate=9999-12-31"};

        assertThatThrownBy(() -> RunRequest.parse(base, today)).isInstanceOf(UsageException.class)
                .hasMessageContaining("runDate 9999-12-31 is more than a day after today (2026-12-02)")
                .hasMessageContaining("allowFutureRunDate=true");
        assertThatThrownBy(() -> RunRequest.parse(new String[] {"input=x", "runDate=2026-12-04"}, today))
                .isInstanceOf(UsageException.class);
        assertThat(RunRequest.parse(new String[] {"input=x", "runDate=2026-12-03"}, today).runDate())
                .as("tomorrow: a run started just before midnight elsewhere").isEqualTo("2026-12-03");
        assertThat(RunRequest.parse(new String[] {"input=x", "runDate=9999-12-31", "allowFutureRunDate=true"}, today)
                .runDate()).isEqualTo("9999-12-31");
        assertThatThrownBy(() -> RunRequest.parse(new String[] {"input=x", "runDate=+999999999-12-31",
                "allowFutureRunDate=true"}, today)).isInstanceOf(UsageException.class)
                .hasMessageContaining("is not a date YYYY-MM-DD");
        assertThatThrownBy(() -> RunRequest.parse(new String[] {"input=x", "allowFutureRunDate=yes"}, today))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void shouldReadLockWaitAsADurationAndRefuseAnythingElse() {
        LocalDate today = LocalDate.of(2026, 12, 2);

        assertThat(RunRequest.parse(new String[] {"input=x"}, today).lockWait()).isZero();
        assertThat(RunRequest.parse(new String[] {"input=x", "lockWait=4h"}, today).lockWait()).hasHours(4);
        assertThat(RunRequest.parse(new String[] {"input=x", "lockWait=30m"}, today).lockWait()).hasMinutes(30);
        assertThat(RunRequest.parse(new String[] {"input=x", "lockWait=90"}, today).lockWait())
                .isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> RunRequest.parse(new String[] {"input=x", "lockWait=soon"}, today))
                .isInstanceOf(UsageException.class).hasMessageContaining("lockWait 'soon'");
    }

    @Test
    void shouldSayWhichFileSystemIsTooFullAndNothingWhenThereIsRoom() {
        assertThat(StartChecks.lowDiskSpace(List.of(temp), Long.MAX_VALUE))
                .startsWith("trialpath: only ").contains("MiB free on the file system of " + temp)
                .endsWith(StartFailure.DID_NOT_START);
        assertThat(StartChecks.lowDiskSpace(List.of(temp), 0)).isNull();
    }

    @Test
    void shouldTellEachKindOfDatabaseAndDiskFailureApart() {
        SQLException login = new SQLException("FATAL: password authentication failed for user \"trialpath\"", "28P01");
        SQLException noDatabase = new SQLException("FATAL: database \"trialpath\" does not exist", "3D000");
        RuntimeException full = new RuntimeException("write failed", new UncheckedIOException(
                new IOException("No space left on device")));
        String url = "jdbc:postgresql://db:5432/trialpath";

        assertThat(StartFailure.of(new RuntimeException("pool", login), url, null))
                .isEqualTo(new StartFailure(RunLauncher.USAGE, "trialpath: the job repository database at " + url
                        + " refused the login: FATAL: password authentication failed for user \"trialpath\"; fix"
                        + " TRIALPATH_DB_USER and TRIALPATH_DB_PASSWORD (jobs/postgres.env)" + StartFailure.DID_NOT_START));
        assertThat(StartFailure.of(noDatabase, url, null).status()).isEqualTo(RunLauncher.USAGE);
        assertThat(StartFailure.of(full, null, "/var/lib/trialpath/repository.mv.db"))
                .satisfies(f -> assertThat(f.status()).isEqualTo(RunLauncher.FAILED))
                .satisfies(f -> assertThat(f.message()).startsWith("trialpath: the disk is full (No space left on"
                        + " device): free some space on the file system of /var/lib/trialpath/repository.mv.db"));
        assertThat(StartFailure.of(new IllegalStateException("something else"), url, null).message())
                .isEqualTo("trialpath: the run could not be carried out: something else" + StartFailure.DID_NOT_START);
    }

    private int run(String... extra) {
        List<String> args = new ArrayList<>(List.of("input=" + SAMPLE, "output=" + output, "runDate=" + DATE,
                "--trialpath.repository.path=" + repository));
        args.addAll(CommandConsole.QUIET);
        for (String arg : extra) {
            for (String name : List.of("runDate=", "input=")) {
                if (arg.startsWith(name)) {
                    args.removeIf(a -> a.startsWith(name));
                }
            }
            args.add(arg);
        }
        return command(args.toArray(String[]::new));
    }

    private int command(String... args) {
        Console console = CommandConsole.command(args);
        out = console.out();
        err = console.err();
        return console.status();
    }
}
