package ca.trialpath.duplicates;

import java.io.IOException;
import java.nio.file.Path;

/** A run of duplicates: (partition, line, first row's partition, first row's line) in (partition, line) order. */
final class DuplicateRun extends SortedRun<DuplicateRun> {

    int partition;
    long line;
    int firstPartition;
    long firstLine;

    DuplicateRun(Path file) throws IOException {
        super(file);
    }

    @Override
    boolean next() throws IOException {
        if (!in.hasMore()) {
            return false;
        }
        partition = in.readCount();
        line = in.readNumber();
        firstPartition = in.readCount();
        firstLine = in.readNumber();
        return true;
    }

    @Override
    int compareTo(DuplicateRun other) {
        int byPartition = Integer.compare(partition, other.partition);
        return byPartition != 0 ? byPartition : Long.compare(line, other.line);
    }

    @Override
    void copyTo(CompactOutput out) throws IOException {
        write(out, partition, line, firstPartition, firstLine);
    }

    static void write(CompactOutput out, int partition, long line, int firstPartition, long firstLine)
            throws IOException {
        out.writeNumber(partition);
        out.writeNumber(line);
        out.writeNumber(firstPartition);
        out.writeNumber(firstLine);
    }
}
