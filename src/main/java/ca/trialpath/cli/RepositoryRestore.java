package ca.trialpath.cli;

import ca.trialpath.repository.RepositoryCare;
import ca.trialpath.report.RunFolders;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code java -jar trialpath.jar restore-repository [output=DIR] [from=FILE] [--trialpath.repository.path=...]}:
 * puts an H2 job repository back from a nightly backup ({@link RepositoryCare#backUpH2}), the newest of the output
 * folder's unless {@code from=} names one. The file it replaces is moved aside, never deleted. Without Spring: it
 * must work when the repository is what keeps Spring from starting.
 */
final class RepositoryRestore {

    static final String COMMAND = "restore-repository";
    private static final List<String> PARAMETERS = List.of("output", "from");
    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final PrintStream out;
    private final PrintStream err;

    RepositoryRestore(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args, PARAMETERS);
        } catch (UsageException e) {
            return usage(e.getMessage());
        }
        String output = arguments.value("output", "reports");
        String from = arguments.value("from");
        List<String> spring = arguments.spring();
        StartChecks settings;
        try {
            settings = StartChecks.of(spring);
        } catch (UsageException e) {
            return usage(e.getMessage());
        }
        if (String.valueOf(settings.setting("spring.profiles.active")).contains("postgres")) {
            return usage("a PostgreSQL job repository is restored with psql from its pg_dump backup"
                    + " (docs/troubleshooting.md), not by this command");
        }
        Path outputFolder = Path.of(output).toAbsolutePath().normalize();
        RunFolders folders = new RunFolders(outputFolder, java.time.LocalDate.EPOCH);
        Path repository = Path.of(settingOr(settings, TrialPathCommand.REPOSITORY_PATH, "./data/trialpath-repository"))
                .toAbsolutePath().normalize();
        Path file = repository.resolveSibling(repository.getFileName() + ".mv.db");
        try {
            Path backup = from != null ? Path.of(from).toAbsolutePath().normalize()
                    : new RepositoryCare(folders.work()).newestBackup();
            if (backup == null || !Files.isReadable(backup)) {
                return usage(backup == null ? "no backup under " + new RepositoryCare(folders.work()).backupFolder()
                        + " (give from=FILE)" : "the backup " + backup + " cannot be read");
            }
            // no run may be using the repository meanwhile: the output's lock says none is
            try (RunLock lock = RunLock.tryAcquire(folders.lockFile())) {
                if (lock == null) {
                    err.println(RunLock.refusal(outputFolder));
                    return RunLauncher.FAILED;
                }
                Path aside = null;
                if (Files.exists(file)) {
                    aside = file.resolveSibling(file.getFileName() + ".damaged-" + LocalDateTime.now().format(ASIDE));
                    Files.move(file, aside);
                }
                Files.deleteIfExists(repository.resolveSibling(repository.getFileName() + ".trace.db"));
                Files.createDirectories(file.getParent());
                long executions = restore(repository, backup);
                out.println("trialpath: restored " + file + " from " + backup + " (executions up to " + executions + ")"
                        + (aside == null ? "" : "; the file it replaced is kept as " + aside));
                return RunLauncher.PUBLISHED;
            }
        } catch (IOException | SQLException e) {
            err.println("trialpath: cannot restore " + file + ": " + TrialPathCommand.rootMessage(e));
            return RunLauncher.FAILED;
        }
    }

    private static long restore(Path repository, Path backup) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + repository, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM '" + backup.toString().replace("'", "''") + "' COMPRESSION GZIP");
            long executions;
            try (ResultSet rows = statement.executeQuery(
                    "SELECT COALESCE(MAX(JOB_EXECUTION_ID), 0) FROM BATCH_JOB_EXECUTION")) {
                rows.next();
                executions = rows.getLong(1);
            }
            statement.execute("SHUTDOWN");
            return executions;
        }
    }

    private static String settingOr(StartChecks settings, String name, String fallback) {
        String value = settings.setting(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private int usage(String message) {
        err.println("trialpath: " + message + " (usage: java -jar trialpath.jar " + COMMAND
                + " [output=DIR] [from=FILE] [--trialpath.repository.path=PATH | --spring.config.additional-location=FILE])");
        return RunLauncher.USAGE;
    }
}
