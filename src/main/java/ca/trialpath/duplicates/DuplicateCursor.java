package ca.trialpath.duplicates;

import java.io.*;
import java.nio.file.*;

/** TEMPORARY STUB (replaced by the h-sort branch). */
public final class DuplicateCursor implements Closeable {
    public record FirstRow(int partition, long line) {}
    private final DataInputStream in;
    private long[] next;
    private DuplicateCursor(DataInputStream in) throws IOException { this.in = in; advance(); }
    public static DuplicateCursor open(Path folder, int partition) throws IOException {
        Path f = folder.resolve("dups-" + partition);
        return new DuplicateCursor(Files.exists(f) ? new DataInputStream(new BufferedInputStream(Files.newInputStream(f))) : null);
    }
    private void advance() throws IOException {
        next = in != null && in.available() > 0 ? new long[] { in.readLong(), in.readLong(), in.readLong() } : null;
    }
    public FirstRow firstRowOf(long line) throws IOException {
        while (next != null && next[0] < line) advance();
        if (next != null && next[0] == line) { FirstRow r = new FirstRow((int) next[1], next[2]); advance(); return r; }
        return null;
    }
    @Override public void close() throws IOException { if (in != null) in.close(); }
}
