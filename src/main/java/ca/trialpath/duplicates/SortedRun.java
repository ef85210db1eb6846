package ca.trialpath.duplicates;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one sorted run record by record, for {@link RunMerge}: the current record lives in the reader's
 * fields, so merging allocates nothing per record.
 */
abstract class SortedRun<R extends SortedRun<R>> implements Closeable {

    final CompactInput in;

    SortedRun(Path file) throws IOException {
        this.in = new CompactInput(file);
    }

    /** Moves to the next record; {@code false} at the end of the run. */
    abstract boolean next() throws IOException;

    /** The runs' order, between the current records of two readers. */
    abstract int compareTo(R other);

    /** Writes the current record as the run format has it. */
    abstract void copyTo(CompactOutput out) throws IOException;

    @Override
    public void close() throws IOException {
        in.close();
    }
}
