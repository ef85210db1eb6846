package ca.trialpath.cli;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.config.ConfigDataException;
import org.springframework.boot.context.properties.bind.BindException;

/**
 * Why Spring could not start a run, as one line that names the thing and the fix, and the exit status of the
 * README: a configuration Spring cannot bind is a wrong call (2), as are credentials the database refuses; a
 * database that cannot be reached, a damaged job repository and a full disk are failures (1), which the 05:00
 * retry or an operator's repair can get past. The lines are listed in docs/troubleshooting.md.
 *
 * @param status  {@link RunLauncher#USAGE} or {@link RunLauncher#FAILED}
 * @param message the line, starting with {@code trialpath: }
 */
record StartFailure(int status, String message) {

    /** Ends every line of a run that never began, so that the nightly wrapper does not promise a resume. */
    static final String DID_NOT_START = "; this run did not start";

    /**
     * @param databaseUrl    the job repository's JDBC URL as configured ({@code null} when unknown)
     * @param repositoryFile the H2 file ({@code <path>.mv.db}) when the job repository is H2, else {@code null}
     */
    static StartFailure of(Throwable failure, String databaseUrl, String repositoryFile) {
        List<Throwable> chain = chain(failure);
        String root = TrialPathCommand.rootMessage(failure);
        for (Throwable cause : chain) {
            if (cause instanceof BindException bind) {
                String property = String.valueOf(bind.getProperty() == null ? bind.getName() : bind.getProperty().getName());
                String value = bind.getProperty() == null ? "" : " = '" + bind.getProperty().getValue() + "'";
                String origin = bind.getProperty() == null || bind.getProperty().getOrigin() == null ? ""
                        : " (" + bind.getProperty().getOrigin() + ")";
                return usage("configuration: " + property + value + origin + " is not valid: " + root
                        + "; fix it in the configuration file");
            }
            if (cause instanceof ConfigDataException) {
                return usage("configuration: " + firstLine(cause) + "; fix --spring.config.additional-location"
                        + " (TRIALPATH_CONFIG)");
            }
        }
        String where = databaseUrl == null ? "" : " at " + databaseUrl;
        String h2 = repositoryFile == null ? "the job repository" : "the job repository " + repositoryFile;
        for (Throwable cause : chain) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("28")) {
                    return usage("the job repository database" + where + " refused the login: " + firstLine(sql)
                            + "; fix TRIALPATH_DB_USER and TRIALPATH_DB_PASSWORD (jobs/postgres.env)");
                }
                if (state.equals("42P01") || state.equals("42S02") || state.equals("42102")) {
                    return failed("the job repository" + where + " is missing its tables (" + firstLine(sql) + "):"
                            + " they were dropped after Flyway made them; restore last night's backup"
                            + " (docs/troubleshooting.md)");
                }
                if (state.equals("3D000") || state.equals("3F000")) {
                    return usage("the job repository database" + where + " has no such database or schema: "
                            + firstLine(sql) + "; create it (README, PostgreSQL set-up) or fix TRIALPATH_DB_URL");
                }
            }
        }
        boolean unreachable = chain.stream().anyMatch(c -> c instanceof ConnectException
                || c instanceof UnknownHostException
                || (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                        && !isH2(sql)));
        if (unreachable) {
            return failed("cannot connect to the job repository database" + where + " (" + root + "): start it or"
                    + " fix TRIALPATH_DB_URL (jobs/postgres.env), then run again");
        }
        String all = String.join("\n", chain.stream().map(StartFailure::firstLine).toList()).toLowerCase(Locale.ROOT);
        if (all.contains("no space left on device") || all.contains("disk full")) {
            return failed("the disk is full (" + root + "): free some space on the file system of "
                    + (repositoryFile == null ? "the output and the job repository" : repositoryFile)
                    + ", then run again");
        }
        if (repositoryFile != null && (all.contains("file corrupted") || all.contains("is corrupted")
                || all.contains("unable to recover") || all.contains("invalid file header")
                || all.contains("unsupported database file version") || all.contains("eofexception")
                || all.contains("file version") || chain.stream().anyMatch(c -> c instanceof EOFException)
                || chain.stream().anyMatch(c -> c.getClass().getName().equals("org.h2.mvstore.MVStoreException")
                        && !c.getMessage().contains("locked")))) {
            return failed(damaged(repositoryFile, root));
        }
        if (chain.stream().anyMatch(c -> c instanceof AccessDeniedException) || all.contains("permission denied")
                || (repositoryFile != null && all.contains("error while creating file"))) {
            return usage("cannot write " + h2 + " (" + root + "): give user " + StartChecks.user()
                    + " the folder (install -d -o " + StartChecks.user() + " -m 700 FOLDER, docs/install.md)");
        }
        return failed("the run could not be carried out: " + TrialPathCommand.rootMessage(failure).replaceFirst(
                "; this one did not start$", ""));
    }

    /** A damaged H2 file: what to do is in docs/troubleshooting.md, and the published nights are safe. */
    static String damaged(String repositoryFile, String reason) {
        return "the job repository " + repositoryFile + " is damaged (" + reason + "): restore last night's backup"
                + " with java -jar trialpath.jar restore-repository, or move the file aside to start a new one"
                + " (published nights are recognised from their folders); see docs/troubleshooting.md";
    }

    /** A PostgreSQL repository whose runs are gone (tables dropped and made again, or another database). */
    static String lostTables(String url, String reason) {
        return "the job repository at " + url + " has lost runs (" + reason + "): restore it from last night's"
                + " pg_dump (docs/troubleshooting.md), or delete the watermark file named to start afresh on purpose";
    }

    private static boolean isH2(SQLException sql) {
        return sql.getClass().getName().startsWith("org.h2.");
    }

    private static StartFailure usage(String message) {
        return new StartFailure(RunLauncher.USAGE, "trialpath: " + message + DID_NOT_START);
    }

    private static StartFailure failed(String message) {
        return new StartFailure(RunLauncher.FAILED, "trialpath: " + message + DID_NOT_START);
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static String firstLine(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
