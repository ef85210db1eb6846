package ca.trialpath.duplicates;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Collects the patient ids of one partition's valid rows and writes them to disk as sorted runs, holding at
 * most {@code maxIdsInMemory} ids at a time whatever the size of the partition.
 *
 * <p>Ids are kept as bytes in one shared array beside parallel arrays of their hashes and lines, so adding an
 * id allocates nothing once the arrays have grown; a full buffer is sorted by (hash, bytes, line) with a
 * radix sort of the hashes and written as one run. {@link DuplicateFinder} merges the runs of every partition.
 *
 * <p>Partitions may be collected at the same time, each by its own instance in its own thread: they share the
 * folder but no file. Creating an instance deletes what an earlier attempt at the same partition left, so a
 * partition can be collected again after a failure. Not thread-safe itself.
 */
public final class IdSpill implements Closeable {

    /** Arrays start this small and grow to {@code maxIdsInMemory}, so a small partition costs little. */
    private static final int FIRST_CAPACITY = 1024;
    /** A run is written early rather than let the ids' bytes outgrow an array (only very long ids could). */
    private static final int MAX_BYTES = 1 << 30;

    private final Path folder;
    private final int partition;
    private final int maxIdsInMemory;
    private final IdBytes.Hash hash;

    private byte[] bytes = new byte[0];
    /** Where id i starts in {@link #bytes}; it ends where id i + 1 starts. */
    private int[] starts = new int[1];
    private long[] hashes = new long[0];
    private long[] lines = new long[0];
    /** The sort's order and scratch space, kept between runs. */
    private int[] order = new int[0];
    private int[] orderScratch = new int[0];
    private long[] hashScratch = new long[0];
    private int count;

    private long lastLine = -1;
    private int runs;
    private long ids;
    private boolean closed;

    /**
     * @param folder         shared by all the partitions of a run; created if missing
     * @param partition      0 to n - 1, in file-name-then-line order
     * @param maxIdsInMemory how many ids to hold before writing a run; each costs about 36 bytes plus one to
     *                       three bytes a char
     */
    public IdSpill(Path folder, int partition, int maxIdsInMemory) throws IOException {
        this(folder, partition, maxIdsInMemory, IdBytes.Hash.STANDARD);
    }

    IdSpill(Path folder, int partition, int maxIdsInMemory, IdBytes.Hash hash) throws IOException {
        if (partition < 0) {
            throw new IllegalArgumentException("a partition is numbered from 0: " + partition);
        }
        if (maxIdsInMemory < 1) {
            throw new IllegalArgumentException("at least one id must fit in memory: " + maxIdsInMemory);
        }
        this.folder = folder;
        this.partition = partition;
        this.maxIdsInMemory = maxIdsInMemory;
        this.hash = hash;
        Files.createDirectories(folder);
        // the marker first: from here on the partition reads as not collected until this attempt closes
        Files.deleteIfExists(DuplicateFolder.idsDone(folder, partition));
        DuplicateFolder.deleteMatching(folder, "ids-p" + partition + "-r*.run");
    }

    /**
     * Adds the id of the valid row at {@code line}.
     *
     * @param line greater than the line of the id added before: the order decides which row is first
     */
    public void add(String patientId, long line) throws IOException {
        if (closed) {
            throw new IllegalStateException("partition " + partition + " is already closed");
        }
        if (line <= lastLine) {
            throw new IllegalArgumentException("lines must increase within partition " + partition + ": "
                    + line + " after " + lastLine);
        }
        long need = (long) patientId.length() * IdBytes.MAX_BYTES_PER_CHAR;
        if (count == maxIdsInMemory || count > 0 && starts[count] + need > MAX_BYTES) {
            writeRun();
        }
        if (count == hashes.length) {
            grow();
        }
        int start = starts[count];
        long room = start + need;
        if (room > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(room, 2L * bytes.length)));
        }
        int end = IdBytes.encode(patientId, bytes, start);
        starts[count + 1] = end;
        hashes[count] = hash.of(bytes, start, end - start);
        lines[count] = line;
        count++;
        ids++;
        lastLine = line;
    }

    /** Writes the last run and marks the partition as complete; the next step is {@link DuplicateFinder}. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (count > 0) {
            writeRun();
        }
        new DuplicateFolder.Done(runs, ids).write(folder, partition);
        bytes = null;
        starts = null;
        hashes = null;
        lines = null;
        order = null;
        orderScratch = null;
        hashScratch = null;
    }

    /** How many ids are held now; never more than {@code maxIdsInMemory}. */
    int idsInMemory() {
        return count;
    }

    int runsWritten() {
        return runs;
    }

    private void grow() {
        int capacity = (int) Math.min(maxIdsInMemory, Math.max(FIRST_CAPACITY, 2L * hashes.length));
        starts = Arrays.copyOf(starts, capacity + 1);
        hashes = Arrays.copyOf(hashes, capacity);
        lines = Arrays.copyOf(lines, capacity);
        order = new int[capacity];
        orderScratch = new int[capacity];
        hashScratch = new long[capacity];
    }

    private void writeRun() throws IOException {
        sort();
        try (CompactOutput out = new CompactOutput(DuplicateFolder.idRun(folder, partition, runs))) {
            for (int i = 0; i < count; i++) {
                int id = order[i];
                int start = starts[id];
                int length = starts[id + 1] - start;
                out.writeNumber(length);
                out.writeBytes(bytes, start, length);
                out.writeNumber(partition);
                out.writeNumber(lines[id]);
            }
        }
        runs++;
        count = 0;
    }

    /**
     * Puts {@link #order} in (hash, bytes, line) order, leaving {@link #hashes} sorted beside it.
     *
     * <p>A least-significant-byte-first radix sort: eight stable passes, each skipped when all hashes share
     * that byte. Being stable it keeps equal hashes in the order they were added, which is line order; only a
     * group of equal hashes whose ids differ (a rare collision) is then sorted by bytes.
     */
    private void sort() {
        int n = count;
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[][] counts = new int[Long.BYTES][257];
        for (int i = 0; i < n; i++) {
            long hash = hashes[i];
            for (int pass = 0; pass < Long.BYTES; pass++) {
                counts[pass][(int) (hash >>> (pass * 8) & 0xFF) + 1]++;
            }
        }
        long[] fromHashes = hashes;
        int[] fromOrder = order;
        long[] toHashes = hashScratch;
        int[] toOrder = orderScratch;
        for (int pass = 0; pass < Long.BYTES; pass++) {
            int[] next = counts[pass];
            int shift = pass * 8;
            if (next[(int) (fromHashes[0] >>> shift & 0xFF) + 1] == n) {
                continue;
            }
            for (int b = 1; b < 257; b++) {
                next[b] += next[b - 1];
            }
            for (int i = 0; i < n; i++) {
                long hash = fromHashes[i];
                int to = next[(int) (hash >>> shift & 0xFF)]++;
                toHashes[to] = hash;
                toOrder[to] = fromOrder[i];
            }
            long[] hashesSwap = fromHashes;
            fromHashes = toHashes;
            toHashes = hashesSwap;
            int[] orderSwap = fromOrder;
            fromOrder = toOrder;
            toOrder = orderSwap;
        }
        hashes = fromHashes;
        hashScratch = toHashes;
        order = fromOrder;
        orderScratch = toOrder;
        sortCollisions();
    }

    /** Sorts by (bytes, line) each group of equal hashes whose ids are not all the same. */
    private void sortCollisions() {
        int i = 0;
        while (i < count) {
            int end = i + 1;
            while (end < count && hashes[end] == hashes[i]) {
                end++;
            }
            if (end - i > 1 && !allSameId(i, end)) {
                insertionSort(i, end);
            }
            i = end;
        }
    }

    private boolean allSameId(int from, int to) {
        int first = order[from];
        for (int i = from + 1; i < to; i++) {
            if (compareIds(first, order[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    private void insertionSort(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int id = order[i];
            int j = i - 1;
            while (j >= from && compareRows(order[j], id) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = id;
        }
    }

    private int compareRows(int a, int b) {
        int byId = compareIds(a, b);
        return byId != 0 ? byId : Long.compare(lines[a], lines[b]);
    }

    private int compareIds(int a, int b) {
        return Arrays.compareUnsigned(bytes, starts[a], starts[a + 1], bytes, starts[b], starts[b + 1]);
    }
}
