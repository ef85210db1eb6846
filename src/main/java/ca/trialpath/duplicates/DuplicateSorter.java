package ca.trialpath.duplicates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sorts the duplicates the merge finds in id order into (partition, line) order and writes each partition's
 * file, holding at most {@code maxInMemory} of them: beyond that it spills sorted runs and merges them like
 * the ids. Usually every duplicate fits and nothing but the final files touches the disk.
 */
final class DuplicateSorter {

    private static final int FIRST_CAPACITY = 1024;

    private final Path folder;
    private final int maxInMemory;
    private final RunReducer reducer;

    private int[] partitions = new int[0];
    private long[] lines = new long[0];
    private int[] firstPartitions = new int[0];
    private long[] firstLines = new long[0];
    private int count;
    private int mostInMemory;
    private final List<Path> runs = new ArrayList<>();

    /** Names the runs the sorter spills and merges them down to a number it may open at once. */
    interface RunReducer {
        Path newRun() throws IOException;

        List<Path> reduce(List<Path> runs) throws IOException;
    }

    DuplicateSorter(Path folder, int maxInMemory, RunReducer reducer) {
        this.folder = folder;
        this.maxInMemory = maxInMemory;
        this.reducer = reducer;
    }

    void add(int partition, long line, int firstPartition, long firstLine) throws IOException {
        if (count == maxInMemory) {
            writeRun();
        }
        if (count == partitions.length) {
            int capacity = (int) Math.min(maxInMemory, Math.max(FIRST_CAPACITY, 2L * count));
            partitions = Arrays.copyOf(partitions, capacity);
            lines = Arrays.copyOf(lines, capacity);
            firstPartitions = Arrays.copyOf(firstPartitions, capacity);
            firstLines = Arrays.copyOf(firstLines, capacity);
        }
        partitions[count] = partition;
        lines[count] = line;
        firstPartitions[count] = firstPartition;
        firstLines[count] = firstLine;
        count++;
        mostInMemory = Math.max(mostInMemory, count);
    }

    /** Writes {@code duplicates-p<partition>.bin} for every partition that has a duplicate. */
    void finish() throws IOException {
        try (PartitionFiles files = new PartitionFiles(folder)) {
            if (runs.isEmpty()) {
                int[] order = sort();
                for (int i = 0; i < count; i++) {
                    int at = order[i];
                    files.write(partitions[at], lines[at], firstPartitions[at], firstLines[at]);
                }
            } else {
                if (count > 0) {
                    writeRun();
                }
                release();
                List<Path> last = reducer.reduce(runs);
                try (RunMerge<DuplicateRun> merge = new RunMerge<>(last, DuplicateRun::new)) {
                    for (DuplicateRun run = merge.top(); run != null; run = merge.top()) {
                        files.write(run.partition, run.line, run.firstPartition, run.firstLine);
                        merge.advance();
                    }
                }
            }
            files.finishPartition();
        }
        release();
    }

    /** The largest number of duplicates held at once. */
    int mostInMemory() {
        return mostInMemory;
    }

    /** The runs spilled, all of them intermediate: the caller deletes them. */
    List<Path> runs() {
        return runs;
    }

    private void release() {
        partitions = null;
        lines = null;
        firstPartitions = null;
        firstLines = null;
        count = 0;
    }

    private void writeRun() throws IOException {
        int[] order = sort();
        Path run = reducer.newRun();
        runs.add(run);
        try (CompactOutput out = new CompactOutput(run)) {
            for (int i = 0; i < count; i++) {
                int at = order[i];
                DuplicateRun.write(out, partitions[at], lines[at], firstPartitions[at], firstLines[at]);
            }
        }
        count = 0;
    }

    /**
     * The held duplicates' positions in (partition, line) order: a least-significant-byte-first radix sort of
     * positions, by the line's eight bytes then the partition's four, each pass skipped when every duplicate
     * shares that byte (most of them: lines and partitions are small numbers). They come in id order, which is
     * random as far as lines go: a comparison sort of half a registry took several times longer.
     */
    private int[] sort() {
        int n = count;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] scratch = new int[n];
        int[] next = new int[257];
        for (int pass = 0; pass < Long.BYTES + Integer.BYTES && n > 1; pass++) {
            Arrays.fill(next, 0);
            for (int i = 0; i < n; i++) {
                next[digit(i, pass) + 1]++;
            }
            if (next[digit(0, pass) + 1] == n) {
                continue;
            }
            for (int b = 1; b < next.length; b++) {
                next[b] += next[b - 1];
            }
            for (int i = 0; i < n; i++) {
                int at = order[i];
                scratch[next[digit(at, pass)]++] = at;
            }
            int[] swap = order;
            order = scratch;
            scratch = swap;
        }
        return order;
    }

    /** Byte {@code pass} of the (partition, line) key, least significant first; both are never negative. */
    private int digit(int at, int pass) {
        return pass < Long.BYTES
                ? (int) (lines[at] >>> (pass * 8)) & 0xFF
                : partitions[at] >>> ((pass - Long.BYTES) * 8) & 0xFF;
    }

    /**
     * The per-partition files, written one after the other as the sorted duplicates come: each to a temporary
     * name first, so a partition's file is either absent or whole.
     */
    private static final class PartitionFiles implements AutoCloseable {

        private final Path folder;
        private int partition = -1;
        private long previousLine;
        private CompactOutput out;
        private Path temporary;

        PartitionFiles(Path folder) {
            this.folder = folder;
        }

        void write(int duplicatePartition, long line, int firstPartition, long firstLine) throws IOException {
            if (duplicatePartition != partition) {
                finishPartition();
                partition = duplicatePartition;
                previousLine = 0;
                Path target = DuplicateFolder.duplicates(folder, partition);
                temporary = target.resolveSibling(target.getFileName() + ".tmp");
                out = new CompactOutput(temporary);
            }
            // lines only increase: their differences are small numbers, one or two bytes each
            out.writeNumber(line - previousLine);
            out.writeNumber(firstPartition);
            out.writeNumber(firstLine);
            previousLine = line;
        }

        void finishPartition() throws IOException {
            if (out != null) {
                out.close();
                out = null;
                DuplicateFolder.moveInPlace(temporary, DuplicateFolder.duplicates(folder, partition));
            }
        }

        /** After a failure: the partition being written is left out rather than published half-written. */
        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
                out = null;
                Files.deleteIfExists(temporary);
            }
        }
    }
}
