package ca.trialpath.job;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, at a steady interval, how far a long run has got: rows read, the rate, and from the bytes of
 * the input still to read an estimate of the time left. An operator watching a 2 a.m. run at 3 a.m.
 * needs to know whether to wait or to call someone.
 */
class ProgressLog {

    private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);

    private final long intervalNanos;
    private long totalBytes;
    private long rows;
    private long startNanos;
    private long rowsAtStart;
    private long nextReport;

    ProgressLog(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    void start(long totalBytes, long rowsAlreadyRead) {
        this.totalBytes = totalBytes;
        this.rows = rowsAlreadyRead;
        this.rowsAtStart = rowsAlreadyRead;
        this.startNanos = System.nanoTime();
        this.nextReport = startNanos + intervalNanos;
        if (rowsAlreadyRead > 0) {
            log.info("resuming after {} rows already committed", rowsAlreadyRead);
        }
    }

    void recordRead(long bytesRead) {
        rows++;
        // checking the clock on every row would cost more than the row; every 1024th is steady enough
        if ((rows & 1023) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now < nextReport) {
            return;
        }
        nextReport = now + intervalNanos;
        double seconds = (now - startNanos) / 1e9;
        long rate = seconds > 0 ? Math.round((rows - rowsAtStart) / seconds) : 0;
        if (totalBytes > 0 && bytesRead > 0) {
            double done = Math.min(1.0, (double) bytesRead / totalBytes);
            long secondsLeft = done > 0 ? Math.round(seconds * (1 - done) / done) : 0;
            log.info("progress: {} rows read ({} rows/s), {}% of {} MB, about {} left", rows, rate,
                    Math.round(done * 100), totalBytes / (1024 * 1024), Duration.ofSeconds(secondsLeft)
                            .toString().substring(2).toLowerCase());
        } else {
            log.info("progress: {} rows read ({} rows/s)", rows, rate);
        }
    }
}
