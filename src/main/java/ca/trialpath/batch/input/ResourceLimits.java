package ca.trialpath.batch.input;

import ca.trialpath.batch.run.RunCheckFailedException;
import java.io.IOException;
import java.nio.file.FileSystemException;

/**
 * Turns a limit of the machine reached while the input is indexed or read (open files, disk, memory) into one
 * line that names the limit and the setting that moves it, instead of a stack trace an operator must decode.
 */
public final class ResourceLimits {

    private ResourceLimits() {
    }

    /** The failure to report: {@code e} itself unless it is a known limit. */
    public static Exception explain(Exception e, String where) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof IOException || e instanceof FileSystemException) {
            if (message.contains("Too many open files")) {
                return new RunCheckFailedException("limit reached: too many open files while " + where
                        + " (the process limit, ulimit -n); raise it (ulimit -n 65536) or lower trialpath.threads");
            }
            if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
                return new RunCheckFailedException("limit reached: the disk is full while " + where
                        + " (the run stages under its output folder); free space there or set output= to a larger"
                        + " disk; nothing is published");
            }
        }
        return e;
    }

    /** The line for memory: the heap, set with -Xmx in JAVA_OPTS, and the ids kept in memory per file. */
    public static RunCheckFailedException outOfMemory(String where) {
        return new RunCheckFailedException("limit reached: out of memory while " + where + " (the Java heap, "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB); raise -Xmx in JAVA_OPTS or lower"
                + " trialpath.ids-in-memory or trialpath.threads; nothing is published");
    }
}
