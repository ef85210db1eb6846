package ca.trialpath.batch.run;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, at a steady interval, how far a long run has got: rows read of all, the rate, and an estimate of the
 * time left. An operator watching a 2 a.m. run at 3 a.m. needs to know whether to wait or to call someone.
 * One for the whole assessment, shared by the partitions that run at the same time.
 */
public class ProgressLog {

    private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);

    private final long intervalNanos;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong nextReport = new AtomicLong();
    private volatile long totalRows;
    private volatile long rowsAtStart;
    private volatile long startNanos;

    public ProgressLog(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** At the start of the assessment: the rows of the whole run. */
    public void start(long totalRows) {
        this.totalRows = totalRows;
        rows.set(0);
        rowsAtStart = 0;
        startNanos = System.nanoTime();
        nextReport.set(startNanos + intervalNanos);
    }

    /** A partition resumed after this many rows committed by an earlier execution. */
    public void resumed(long rowsAlreadyRead) {
        if (rowsAlreadyRead > 0) {
            rows.addAndGet(rowsAlreadyRead);
            log.info("resuming after {} rows already committed", rowsAlreadyRead);
        }
    }

    public void recordRead() {
        if (startNanos == 0) {
            // a remote worker's partitions report without the manager's start: count from its first row
            synchronized (this) {
                if (startNanos == 0) {
                    startNanos = System.nanoTime();
                    nextReport.set(startNanos + intervalNanos);
                }
            }
        }
        long read = rows.incrementAndGet();
        // checking the clock on every row would cost more than the row; every 1024th is steady enough
        if ((read & 1023) != 0) {
            return;
        }
        long now = System.nanoTime();
        long next = nextReport.get();
        if (now < next || !nextReport.compareAndSet(next, now + intervalNanos)) {
            return;
        }
        double seconds = (now - startNanos) / 1e9;
        long rate = seconds > 0 ? Math.round((read - rowsAtStart) / seconds) : 0;
        if (totalRows > 0) {
            double done = Math.min(1.0, (double) read / totalRows);
            long secondsLeft = done > 0 && rate > 0 ? Math.round((totalRows - read) / (double) rate) : 0;
            log.info("progress: {} of {} rows read ({} rows/s), {}%, about {} left", read, totalRows, rate,
                    Math.round(done * 100), Duration.ofSeconds(secondsLeft).toString().substring(2).toLowerCase());
        } else {
            log.info("progress: {} rows read ({} rows/s)", read, rate);
        }
    }
}
