package ca.trialpath.duplicates;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Answers, row by row in increasing line order, whether a row of one partition is a duplicate and of which
 * first row, reading that partition's file from {@link DuplicateFinder} forward: it holds one duplicate at a
 * time. Partitions may be read at the same time, each by its own cursor.
 */
public final class DuplicateCursor implements Closeable {

    /**
     * The row an id was first seen on.
     *
     * @param partition numbered like the partitions given to {@link IdSpill}
     * @param line      the line given to {@link IdSpill#add}
     */
    public record FirstRow(int partition, long line) {
    }

    private final int partition;
    /** {@code null} when the partition has no duplicates. */
    private final CompactInput in;
    private boolean holding;
    private long line;
    private int firstPartition;
    private long firstLine;
    private long lastAsked = Long.MIN_VALUE;

    private DuplicateCursor(int partition, CompactInput in) throws IOException {
        this.partition = partition;
        this.in = in;
        advance();
    }

    /** Opens the partition's duplicates; a partition without a file has none. */
    public static DuplicateCursor open(Path folder, int partition) throws IOException {
        Path file = DuplicateFolder.duplicates(folder, partition);
        return new DuplicateCursor(partition, Files.exists(file) ? new CompactInput(file) : null);
    }

    /**
     * @param line the line of the row asked about, greater than the line asked before; lines skipped (rows that
     *             were not valid, so never added) are passed over
     * @return the first row with the same id, or {@code null} when this row is the first (or only) one
     */
    public FirstRow firstRowOf(long line) throws IOException {
        if (line <= lastAsked) {
            throw new IllegalArgumentException("lines must be asked in increasing order in partition " + partition
                    + ": " + line + " after " + lastAsked);
        }
        lastAsked = line;
        while (holding && this.line < line) {
            advance();
        }
        if (!holding || this.line != line) {
            return null;
        }
        FirstRow first = new FirstRow(firstPartition, firstLine);
        advance();
        return first;
    }

    private void advance() throws IOException {
        holding = in != null && in.hasMore();
        if (holding) {
            line += in.readNumber();
            firstPartition = in.readCount();
            firstLine = in.readNumber();
        }
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }
}
