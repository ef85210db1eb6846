package ca.trialpath.duplicates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the rows whose patient id an earlier row already had, across every partition of a run, by merging the
 * sorted runs {@link IdSpill} wrote; then writes each partition's duplicates in line order for
 * {@link DuplicateCursor}.
 *
 * <p>The first row of an id is the one with the smallest (partition, line); every later row with the same id
 * is a duplicate of that first row (three copies: the second and the third both name the first).
 *
 * <p>Memory is bounded whatever the cohort and whatever the share of duplicates: at most
 * {@value #MAX_OPEN_RUNS} runs are open at once (more are merged in passes first, smallest first), and at most
 * {@code maxIdsInMemory} duplicates are held for sorting by line (more are spilled and merged the same way).
 *
 * <p>The partitions' runs are deleted only once every result file is written, so a finder that fails can be
 * run again; one that succeeded cannot, as the runs are gone: it says so rather than find nothing.
 */
public final class DuplicateFinder {

    /** The most runs a merge opens at once. */
    public static final int MAX_OPEN_RUNS = 64;

    /**
     * @param ids        how many ids the partitions added
     * @param duplicates how many of them repeat an earlier row's id
     */
    public record Summary(long ids, long duplicates) {
    }

    private final Path folder;
    private final int partitions;
    private final int maxIdsInMemory;
    private final int fanIn;
    private final IdBytes.Hash hash;
    /** The runs this finder wrote, deleted once merged; the partitions' own runs are kept until the end. */
    private final Set<Path> ownRuns = new HashSet<>();
    private int runsNamed;
    private int mergePasses;
    private int mostRunsOpen;
    private int mostDuplicatesInMemory;

    DuplicateFinder(Path folder, int partitions, int maxIdsInMemory, int fanIn, IdBytes.Hash hash) {
        if (partitions < 0) {
            throw new IllegalArgumentException("a negative number of partitions: " + partitions);
        }
        if (maxIdsInMemory < 1) {
            throw new IllegalArgumentException("at least one id must fit in memory: " + maxIdsInMemory);
        }
        if (fanIn < 2) {
            throw new IllegalArgumentException("a merge needs at least two runs open: " + fanIn);
        }
        this.folder = folder;
        this.partitions = partitions;
        this.maxIdsInMemory = maxIdsInMemory;
        this.fanIn = fanIn;
        this.hash = hash;
    }

    /**
     * Merges the runs of partitions 0 to {@code partitions - 1}, every one of which must have been collected by
     * an {@link IdSpill} that was closed, and writes each partition's duplicates.
     *
     * @param maxIdsInMemory how many duplicates to hold at once while sorting them by line
     * @throws IllegalStateException when a partition was not collected, or its spill not closed
     */
    public static Summary find(Path folder, int partitions, int maxIdsInMemory) throws IOException {
        return new DuplicateFinder(folder, partitions, maxIdsInMemory, MAX_OPEN_RUNS, IdBytes.Hash.STANDARD).find();
    }

    Summary find() throws IOException {
        List<Path> idRuns = new ArrayList<>();
        long added = 0;
        for (int partition = 0; partition < partitions; partition++) {
            DuplicateFolder.Done done = DuplicateFolder.Done.read(folder, partition);
            if (done == null) {
                throw new IllegalStateException("partition " + partition + " of " + partitions + " has no ids in "
                        + folder + ": it was not collected, its IdSpill was not closed, or the duplicates were"
                        + " already found (which deletes the runs)");
            }
            for (int run = 0; run < done.runs(); run++) {
                idRuns.add(DuplicateFolder.idRun(folder, partition, run));
            }
            added += done.ids();
        }
        // what an earlier attempt left: a stale result file would report duplicates that are not there
        deleteIntermediateRuns();
        DuplicateFolder.deleteMatching(folder, "duplicates-p*.bin*");
        Summary summary = null;
        try {
            summary = merge(idRuns);
            if (summary.ids() != added) {
                throw new IOException("the runs in " + folder + " hold " + summary.ids()
                        + " ids but the partitions added " + added);
            }
        } finally {
            deleteIntermediateRuns();
            if (summary == null || summary.ids() != added) {
                // some partitions' files and not others would read as "no duplicates" for the rest
                DuplicateFolder.deleteMatching(folder, "duplicates-p*.bin*");
            }
        }
        for (int partition = 0; partition < partitions; partition++) {
            DuplicateFolder.deleteMatching(folder, "ids-p" + partition + "-r*.run");
            Files.deleteIfExists(DuplicateFolder.idsDone(folder, partition));
        }
        return summary;
    }

    /**
     * The last merge: equal ids come out together, the first row of each id first; every row after it in the
     * group is a duplicate of it.
     */
    private Summary merge(List<Path> idRuns) throws IOException {
        List<Path> last = reduce(idRuns, run -> new IdRun(run, hash), this::newMergeRun);
        DuplicateSorter sorter = new DuplicateSorter(folder, maxIdsInMemory, new DuplicateSorter.RunReducer() {
            @Override
            public Path newRun() {
                return newOwnRun(DuplicateFolder.duplicateRun(folder, runsNamed++));
            }

            @Override
            public List<Path> reduce(List<Path> runs) throws IOException {
                List<Path> last = DuplicateFinder.this.reduce(runs, DuplicateRun::new, this::newRun);
                mostRunsOpen = Math.max(mostRunsOpen, last.size());
                return last;
            }
        });
        long ids = 0;
        long duplicates = 0;
        byte[] first = new byte[128];
        int firstLength = -1;
        long firstHash = 0;
        int firstPartition = 0;
        long firstLine = 0;
        mostRunsOpen = Math.max(mostRunsOpen, last.size());
        try (RunMerge<IdRun> merge = new RunMerge<>(last, run -> new IdRun(run, hash))) {
            for (IdRun row = merge.top(); row != null; row = merge.top()) {
                ids++;
                if (firstLength >= 0 && row.sameId(firstHash, first, firstLength)) {
                    sorter.add(row.partition, row.line, firstPartition, firstLine);
                    duplicates++;
                } else {
                    if (row.length > first.length) {
                        first = new byte[Math.max(row.length, 2 * first.length)];
                    }
                    System.arraycopy(row.bytes, 0, first, 0, row.length);
                    firstLength = row.length;
                    firstHash = row.hash;
                    firstPartition = row.partition;
                    firstLine = row.line;
                }
                merge.advance();
            }
        }
        sorter.finish();
        mostDuplicatesInMemory = sorter.mostInMemory();
        return new Summary(ids, duplicates);
    }

    /**
     * Merges runs into bigger ones until at most {@link #fanIn} are left, for one last merge to read. Merges
     * the smallest first, and the first merge only as many as it takes for every later one to merge a full
     * {@link #fanIn}: that way the fewest records are read and written twice.
     */
    private <R extends SortedRun<R>> List<Path> reduce(List<Path> runs, RunMerge.Opener<R> opener, RunNamer namer)
            throws IOException {
        List<Path> left = new ArrayList<>(runs);
        Map<Path, Long> sizes = new HashMap<>();
        for (Path run : left) {
            sizes.put(run, Files.size(run));
        }
        while (left.size() > fanIn) {
            int width = (left.size() - 1) % (fanIn - 1) + 1;
            if (width == 1) {
                width = fanIn;
            }
            left.sort((a, b) -> Long.compare(sizes.get(a), sizes.get(b)));
            List<Path> group = new ArrayList<>(left.subList(0, width));
            left.subList(0, width).clear();
            Path merged = namer.newRun();
            mostRunsOpen = Math.max(mostRunsOpen, group.size());
            try (RunMerge<R> merge = new RunMerge<>(group, opener);
                    CompactOutput out = new CompactOutput(merged)) {
                for (R record = merge.top(); record != null; record = merge.top()) {
                    record.copyTo(out);
                    merge.advance();
                }
            }
            mergePasses++;
            for (Path run : group) {
                if (ownRuns.remove(run)) {
                    Files.delete(run);
                }
            }
            sizes.put(merged, Files.size(merged));
            left.add(merged);
        }
        return left;
    }

    private interface RunNamer {
        Path newRun() throws IOException;
    }

    private Path newMergeRun() {
        return newOwnRun(DuplicateFolder.mergeRun(folder, runsNamed++));
    }

    private Path newOwnRun(Path run) {
        ownRuns.add(run);
        return run;
    }

    private void deleteIntermediateRuns() throws IOException {
        DuplicateFolder.deleteMatching(folder, "merge-*.run");
        DuplicateFolder.deleteMatching(folder, "dups-*.run");
        ownRuns.clear();
    }

    /** How many merges wrote an intermediate run (of ids or of duplicates). */
    int mergePasses() {
        return mergePasses;
    }

    /** The most runs one merge opened. */
    int mostRunsOpen() {
        return mostRunsOpen;
    }

    /** The most duplicates held at once for sorting by line. */
    int mostDuplicatesInMemory() {
        return mostDuplicatesInMemory;
    }
}
