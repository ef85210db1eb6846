package ca.trialpath.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/**
 * One run at a time per output folder. An operating-system file lock is released when its process
 * dies, however it dies, so holding it also proves that any run the job repository still calls
 * "started" for this output is dead, not running.
 */
final class RunLock implements AutoCloseable {

    /** How often a waiting launch tries the lock again: the run it waits for takes minutes. */
    private static final Duration POLL = Duration.ofSeconds(1);

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or {@code null} when another process holds it. */
    static RunLock tryAcquire(Path lockFile) throws IOException {
        Files.createDirectories(lockFile.getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            return new RunLock(channel, lock);
        } catch (OverlappingFileLockException heldInThisProcess) {
            channel.close();
            return null;
        }
    }

    /**
     * The lock, waiting up to {@code wait} for a run that holds it (a retry that meets the night's run still
     * going), or {@code null} when it is still held after that. Says once, on {@code err}, that it waits.
     */
    static RunLock acquire(Path lockFile, Duration wait, Path output, PrintStream err) throws IOException {
        RunLock lock = tryAcquire(lockFile);
        if (lock != null || wait.isZero() || wait.isNegative()) {
            return lock;
        }
        err.println("trialpath: a run is in progress for " + output + "; waiting up to " + wait.toString()
                .substring(2).toLowerCase(Locale.ROOT) + " for it to finish");
        long deadline = System.nanoTime() + wait.toNanos();
        while (lock == null && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            lock = tryAcquire(lockFile);
        }
        return lock;
    }

    /** What a second launch for the same output says: one line, the output folder named. */
    static String refusal(Path output) {
        return "trialpath: a run is in progress for " + output + " (another process holds "
                + output.resolve(".trialpath/run.lock") + "); this one did not start and changed nothing";
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
