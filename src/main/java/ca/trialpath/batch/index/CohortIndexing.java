package ca.trialpath.batch.index;

import ca.trialpath.batch.input.CohortFileReader;
import ca.trialpath.batch.input.RegistryCache;
import ca.trialpath.batch.input.RegistryInput;
import ca.trialpath.batch.input.ResourceLimits;
import ca.trialpath.batch.run.CohortPartition;
import ca.trialpath.batch.run.InputIdentity;
import ca.trialpath.batch.run.RunState;
import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.cohort.CutScan;
import ca.trialpath.cohort.CohortHeader;
import ca.trialpath.cohort.CohortRowValidator;
import ca.trialpath.cohort.CsvRecord;
import ca.trialpath.cohort.CsvRecordReader;
import ca.trialpath.cohort.InputFingerprint;
import ca.trialpath.deidentify.Deidentifier;
import ca.trialpath.duplicates.DuplicateFinder;
import ca.trialpath.duplicates.IdSpill;
import ca.trialpath.report.RunFolders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Second step: reads every input file once, before any person is assessed, to plan the partitions and to find
 * the duplicate patient ids.
 *
 * <p>Duplicates: a person's id is kept from the first valid row that holds it (file-name then line order); the
 * ids of the valid rows go through an external sort on disk ({@link IdSpill}, {@link DuplicateFinder}), so
 * finding them takes the same memory for ten thousand people as for ten million, and each partition later
 * learns its own duplicates from a file, whichever thread or machine assesses it and in whatever order.
 *
 * <p>Partitions: with more than one thread each file is cut after every {@code partitionRows} lines, at the byte
 * where the next record starts, so a large file is assessed by several threads too; with one thread a file is
 * not cut (cutting would only add the cost of putting its outputs together again). Whole files that follow one
 * another share a partition, up to {@link #MAX_FILES_PER_PARTITION} files and, with several threads, up to their
 * share of the rows: ten thousand files of one row are a few partitions, planned in this one pass, not ten
 * thousand step executions. A restart keeps the plan of the run it resumes: the assessment's completed
 * partitions are named after it.
 *
 * <p>Content: each piece of a file is read with the SHA-256 of its bytes, which must be those the run started
 * with (the inspected file's SHA-256 for a whole file, the digests of the cutting scan, itself checked against
 * it, for a cut one), and the assessment checks its reading against the same digests.
 */
public class CohortIndexing implements Tasklet {

    /**
     * Whole files per partition at most: the partition's step execution context names them all and is saved at
     * every chunk, so it must stay small.
     */
    static final int MAX_FILES_PER_PARTITION = 1000;
    /**
     * Whole files share a partition up to this many bytes: a partition costs a step execution, its staged files
     * and their putting together, worth it for a file of some size but not for one of a few rows; larger files
     * keep a partition each (so a failure in one file's partition does not stop the others).
     */
    static final long SHARED_PARTITION_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(CohortIndexing.class);

    private final LocalDate runDate;
    private final RunFolders.Staging staging;
    /** {@code null} in a plain run: duplicates compare the ids as published. */
    private final Deidentifier deidentifier;
    private final int threads;
    private final long partitionRows;
    private final int maxIdsInMemory;
    private final long progressIntervalNanos;
    /** The clinic's supplement among the files ({@link RunState#supplementIndex}), or {@code null}. */
    private Integer supplementIndex;
    /** What the NAACCR files' index found of the supplement's rows; {@code null} without one. */
    private RegistryInput.Joins joins;
    private ca.trialpath.naaccr.NaaccrSupplement supplement;

    public CohortIndexing(LocalDate runDate, RunFolders.Staging staging, Deidentifier deidentifier, int threads,
            long partitionRows, int maxIdsInMemory) {
        this(runDate, staging, deidentifier, threads, partitionRows, maxIdsInMemory, Duration.ofSeconds(10));
    }

    public CohortIndexing(LocalDate runDate, RunFolders.Staging staging, Deidentifier deidentifier, int threads,
            long partitionRows, int maxIdsInMemory, Duration progressInterval) {
        this.runDate = runDate;
        this.staging = staging;
        this.deidentifier = deidentifier;
        this.threads = threads;
        this.partitionRows = partitionRows;
        this.maxIdsInMemory = maxIdsInMemory;
        this.progressIntervalNanos = progressInterval.toNanos();
    }

    @Override
    @SuppressWarnings("unchecked")
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        List<InspectedFile> files = RunState.of(job).inputs();
        // a restart keeps the plan its completed partitions were named after, even with other settings
        List<CohortPartition> kept = RunState.of(job).partitions();
        ArrayList<CohortPartition> plan;
        supplementIndex = RunState.of(job).supplementIndex();
        try {
            plan = index(files, kept);
        } catch (OutOfMemoryError e) {
            throw ResourceLimits.outOfMemory("indexing the input files");
        } catch (Exception e) {
            throw ResourceLimits.explain(e, "indexing the input files");
        }
        RunState.of(job).partitions(plan);
        return RepeatStatus.FINISHED;
    }

    /** Finds the duplicates of the files (into the staging folder) and returns their partitions. */
    public ArrayList<CohortPartition> index(List<InspectedFile> files) throws Exception {
        return index(files, null);
    }

    /**
     * @param kept the plan of the run this one resumes ({@code null}: a new plan): its partitions are indexed as
     *             they are, since the duplicates are told per partition
     */
    public ArrayList<CohortPartition> index(List<InspectedFile> files, List<CohortPartition> kept) throws Exception {
        long started = System.nanoTime();
        supplement = RegistryInput.supplement(files, supplementIndex, deidentifier == null);
        joins = supplement == null ? null : new RegistryInput.Joins();
        List<Range> ranges = kept != null ? ranges(files, kept) : cut(files);
        List<List<Range>> partitions = kept != null ? groupsOf(kept, ranges) : group(ranges);
        List<List<RangeIndex>> indexes = indexPartitions(files, partitions);
        if (indexes.stream().flatMap(List::stream).anyMatch(index -> !index.endsAtItsCut())) {
            if (kept != null) {
                throw new IllegalStateException("the input files no longer read as they did when this run was planned");
            }
            // a cut fell inside a record after all (a stray quote in an unquoted cell can fool the byte scan):
            // the files are indexed again whole, and cut by the records counted
            log.info("a cut of the input fell inside a record: indexing each file whole instead");
            ranges = whole(files, ranges);
            partitions = group(ranges);
            indexes = indexPartitions(files, partitions);
        }
        DuplicateFinder.Summary duplicates = DuplicateFinder.find(staging.ids(), partitions.size(), maxIdsInMemory);
        ArrayList<CohortPartition> plan = plan(files, partitions, indexes);
        long records = plan.stream().mapToLong(CohortPartition::records).sum();
        log.info("indexed {} rows of {} files in {} ms: {} valid ids, {} of them duplicates; {} partitions on {} threads",
                records, files.size(), (System.nanoTime() - started) / 1_000_000, duplicates.ids(),
                duplicates.duplicates(), plan.size(), threads);
        return plan;
    }

    /**
     * A part of a file, from a byte where a record starts to the next such byte (or the end of the file).
     *
     * @param sha256 the SHA-256 its bytes had when the run started
     * @param lines  the line breaks the scan counted in it, or -1 when the file was not scanned
     * @param cut    whether the file is cut into several ranges
     */
    record Range(int fileIndex, long startByte, long endByte, String sha256, long lines, boolean cut) {
    }

    /**
     * What the index read in a range: its records, the lines they took, whether the reading ended exactly at the
     * range's end (a cut between two records), and the SHA-256 of its bytes.
     */
    record RangeIndex(long records, long lines, boolean endsAtItsCut, String sha256) {
    }

    private List<List<RangeIndex>> indexPartitions(List<InspectedFile> files, List<List<Range>> partitions)
            throws Exception {
        Path ids = staging.ids();
        RunFolders.deleteRecursively(ids);
        Files.createDirectories(ids);
        Progress progress = new Progress(partitions.stream().mapToLong(List::size).sum());
        List<List<RangeIndex>> indexes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, partitions.size())));
        try {
            List<Future<List<RangeIndex>>> running = new ArrayList<>();
            for (int p = 0; p < partitions.size(); p++) {
                int partition = p;
                if (isSupplement(partitions.get(partition))) {
                    running.add(null); // after the NAACCR files: its rows' joins are known then
                    continue;
                }
                running.add(pool.submit(() -> index(partition, partitions.get(partition), files, ids, progress)));
            }
            for (int p = 0; p < running.size(); p++) {
                indexes.add(running.get(p) == null ? null : running.get(p).get());
            }
            for (int p = 0; p < partitions.size(); p++) {
                if (indexes.get(p) == null) {
                    // the supplement's partition lists its rows that joined no patient in scope
                    joins.write(staging, files);
                    long rejects = RegistryInput.supplementRejects(staging, supplement).size();
                    new IdSpill(ids, p, maxIdsInMemory).close();
                    indexes.set(p, List.of(new RangeIndex(rejects, 0, true, files.get(supplementIndex).sha256())));
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
        return indexes;
    }

    /**
     * Reads the ranges of one partition, its lines numbered from 1 and on through its ranges: the duplicates are
     * told per partition and relative line, since the lines before a range are not counted until the ranges before
     * it are read.
     */
    private List<RangeIndex> index(int partition, List<Range> ranges, List<InspectedFile> files, Path ids,
            Progress progress) throws IOException {
        CohortRowValidator validator = new CohortRowValidator(runDate, deidentifier == null);
        List<RangeIndex> indexes = new ArrayList<>(ranges.size());
        long lineOffset = 0;
        try (IdSpill spill = new IdSpill(ids, partition, maxIdsInMemory)) {
            for (Range range : ranges) {
                InspectedFile file = files.get(range.fileIndex());
                if (RegistryInput.isNaaccr(file)) {
                    RangeIndex index = indexExtract(range.fileIndex(), file, validator, spill);
                    indexes.add(index);
                    progress.rangeIndexed(index.records());
                    continue;
                }
                long records = 0;
                try (CohortFileReader reader = CohortFileReader.open(file, range.startByte(), range.endByte(), 1)) {
                    CohortHeader header = reader.header();
                    CsvRecordReader csv = reader.records();
                    CsvRecord record;
                    while (range.startByte() + csv.bytesTaken() < range.endByte() && (record = csv.next()) != null) {
                        records++;
                        if (validator.validate(file.name(), header, record) instanceof CohortRowValidator.Valid valid) {
                            String id = valid.record().patientId();
                            spill.add(deidentifier == null ? id : deidentifier.pseudonym(id), lineOffset + record.line());
                        }
                    }
                    long read = range.startByte() + csv.bytesTaken();
                    String sha256 = reader.digest();
                    if (!sha256.equals(range.sha256())) {
                        throw InputIdentity.changed(file, "bytes " + range.startByte() + " to " + range.endByte()
                                + " no longer hold what they held when the run started");
                    }
                    // the first range's lines include the header's
                    long lines = csv.line() - 1;
                    lineOffset += lines;
                    indexes.add(new RangeIndex(records, lines, read == range.endByte() || range.endByte() == file.bytes(),
                            sha256));
                }
                progress.rangeIndexed(records);
            }
        }
        return indexes;
    }

    /**
     * Reads a NAACCR file whole, the only time the run parses it ({@link RegistryCache} keeps its patients in scope
     * for its partition): the ids of its valid patients go to the spill by the line of their
     * {@code <Patient>} (the partition's only piece, so its lines are the file's); its records are the patients
     * in scope, assessed or rejected; the supplement's rows are marked joined or met out of scope.
     */
    private RangeIndex indexExtract(int fileIndex, InspectedFile file, CohortRowValidator validator, IdSpill spill)
            throws IOException {
        long records = 0;
        long lastLine = 0;
        Path path = Path.of(file.path());
        String read;
        try (ca.trialpath.naaccr.NaaccrCohortReader reader = ca.trialpath.naaccr.NaaccrCohortReader.open(path,
                validator, deidentifier == null, supplement);
                RegistryCache.Writer cache = new RegistryCache.Writer(RegistryCache.file(staging, fileIndex))) {
            for (var outcome = reader.next(); outcome != null; outcome = reader.next()) {
                if (outcome instanceof ca.trialpath.naaccr.NaaccrCohortReader.NotInScope out) {
                    if (joins != null) {
                        joins.outOfScope(supplement.row(out.patientId()), fileIndex, out.line());
                    }
                    continue;
                }
                records++;
                if (outcome instanceof ca.trialpath.naaccr.NaaccrCohortReader.Assessed assessed) {
                    cache.assessed(assessed.record(), assessed.notes());
                    String id = assessed.record().patientId();
                    lastLine = assessed.record().sourceLine();
                    spill.add(deidentifier == null ? id : deidentifier.pseudonym(id), lastLine);
                    if (joins != null) {
                        joins.joined(supplement.row(id));
                    }
                } else if (outcome instanceof ca.trialpath.naaccr.NaaccrCohortReader.Rejected rejected) {
                    cache.rejected(rejected.rejected());
                    if (joins != null) {
                        // listed in rejects.csv with its own reason: its supplement row is not unknown
                        joins.joined(supplement.row(rejected.rejected().patientId()));
                    }
                }
            }
            var counts = reader.counts();
            cache.end(counts.read(), counts.notInScope(), counts.provincesDropped());
            // taken as the parser read the bytes, not by a reading of its own
            read = reader.sha256();
        } catch (ca.trialpath.naaccr.NaaccrFileException e) {
            // the inspection read the file as NAACCR XML: broken now, it may have been changed under the run
            if (!InputFingerprint.sha256(path).equals(file.sha256())) {
                throw InputIdentity.changed(file, "its SHA-256 is no longer " + file.sha256());
            }
            throw e;
        }
        // the bytes read must be those the run started for
        if (!read.equals(file.sha256())) {
            throw InputIdentity.changed(file, "the bytes read no longer have the SHA-256 " + file.sha256());
        }
        return new RangeIndex(records, 0, true, file.sha256());
    }

    private boolean ownPartition(InspectedFile file, int fileIndex) {
        return RegistryInput.isNaaccr(file) || Integer.valueOf(fileIndex).equals(supplementIndex);
    }

    private boolean isSupplement(List<Range> partition) {
        return supplementIndex != null && partition.size() == 1 && partition.get(0).fileIndex() == supplementIndex;
    }

    /** Logs how far the index got, at the progress interval: ten thousand files take a while too. */
    private final class Progress {

        private final long ranges;
        private final long startNanos = System.nanoTime();
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong rows = new AtomicLong();
        private final AtomicLong nextReport = new AtomicLong(startNanos + progressIntervalNanos);

        Progress(long ranges) {
            this.ranges = ranges;
        }

        void rangeIndexed(long records) {
            long indexed = done.incrementAndGet();
            long read = rows.addAndGet(records);
            long now = System.nanoTime();
            long next = nextReport.get();
            if (now >= next && nextReport.compareAndSet(next, now + progressIntervalNanos)) {
                log.info("indexing: {} of {} file parts read, {} rows, {} s", indexed, ranges, read,
                        (now - startNanos) / 1_000_000_000);
            }
        }
    }

    /**
     * Where to cut each file ({@link CutScan}): with one thread nowhere; else after about every
     * {@code partitionRows} lines, at a line break outside quotes between two lines that are not blank. The index
     * checks that each part reads up to the next cut.
     */
    private List<Range> cut(List<InspectedFile> files) throws IOException {
        List<Range> ranges = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            InspectedFile file = files.get(f);
            if (ownPartition(file, f)) {
                // a NAACCR file is one partition (no byte offsets into XML or gzip), the supplement another
                ranges.add(new Range(f, 0, file.bytes(), file.sha256(), 0, true));
            } else if (threads > 1 && file.bytes() > 0) {
                // found by the inspection on its pass over the file, unless asked for other cuts than these
                CutScan.Cuts cuts = file.cuts();
                if (cuts == null || cuts.linesApart() != partitionRows) {
                    Scan scan = scan(Path.of(file.path()), partitionRows);
                    if (!scan.sha256().equals(file.sha256())) {
                        throw InputIdentity.changed(file, "its SHA-256 is no longer " + file.sha256());
                    }
                    cuts = scan.cuts();
                }
                long start = 0;
                boolean cut = !cuts.at().isEmpty();
                for (int k = 0; k <= cuts.at().size(); k++) {
                    long end = k < cuts.at().size() ? cuts.at().get(k) : file.bytes();
                    String sha256 = cut ? cuts.rangeSha256().get(k) : file.sha256();
                    ranges.add(new Range(f, start, end, sha256, cuts.rangeLines().get(k), cut));
                    start = end;
                }
            } else {
                ranges.add(new Range(f, 0, file.bytes(), file.sha256(), -1, false));
            }
        }
        return ranges;
    }

    /** Each file as one range again, after a cut fell inside a record. */
    private List<Range> whole(List<InspectedFile> files, List<Range> ranges) {
        List<Range> whole = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            int file = f;
            if (ownPartition(files.get(f), f)) {
                whole.add(ranges.stream().filter(range -> range.fileIndex() == file).findFirst().orElseThrow());
                continue;
            }
            List<Range> parts = ranges.stream().filter(range -> range.fileIndex() == file).toList();
            long lines = parts.stream().anyMatch(range -> range.lines() < 0) ? -1
                    : parts.stream().mapToLong(Range::lines).sum();
            whole.add(new Range(f, 0, files.get(f).bytes(), files.get(f).sha256(), lines, false));
        }
        return whole;
    }

    /**
     * Ranges into partitions: a range of a cut file alone; whole files one after the other, up to
     * {@link #MAX_FILES_PER_PARTITION} files and {@link #SHARED_PARTITION_BYTES} bytes and, when their lines are
     * known (several threads), up to a thread's share of the rows or {@code partitionRows}, whichever is less.
     */
    private List<List<Range>> group(List<Range> ranges) {
        long totalLines = ranges.stream().mapToLong(range -> Math.max(0, range.lines())).sum();
        long share = Math.max(1, Math.min(partitionRows, (totalLines + threads - 1) / Math.max(1, threads)));
        List<List<Range>> partitions = new ArrayList<>();
        List<Range> group = new ArrayList<>();
        long groupLines = 0;
        long groupBytes = 0;
        for (Range range : ranges) {
            long bytes = range.endByte() - range.startByte();
            boolean full = group.size() >= MAX_FILES_PER_PARTITION || groupBytes + bytes > SHARED_PARTITION_BYTES
                    || (range.lines() >= 0 && groupLines + range.lines() > share);
            if (!group.isEmpty() && (range.cut() || full)) {
                partitions.add(group);
                group = new ArrayList<>();
                groupLines = 0;
                groupBytes = 0;
            }
            group.add(range);
            groupLines += Math.max(0, range.lines());
            groupBytes += bytes;
            if (range.cut()) {
                partitions.add(group);
                group = new ArrayList<>();
                groupLines = 0;
                groupBytes = 0;
            }
        }
        if (!group.isEmpty()) {
            partitions.add(group);
        }
        return partitions;
    }

    /** The SHA-256 of a file, and where to cut it. */
    record Scan(CutScan.Cuts cuts, String sha256) {
    }

    static List<Long> cuts(Path file, long linesApart) throws IOException {
        return scan(file, linesApart).cuts().at();
    }

    static Scan scan(Path file, long linesApart) throws IOException {
        MessageDigest whole = sha256();
        CutScan cuts = new CutScan(linesApart);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                whole.update(buffer, 0, n);
                cuts.update(buffer, n);
            }
        }
        return new Scan(cuts.finish(), HexFormat.of().formatHex(whole.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The ranges of a kept plan, with the digests it was planned with. */
    private static List<Range> ranges(List<InspectedFile> files, List<CohortPartition> plan) {
        List<Range> ranges = new ArrayList<>();
        for (CohortPartition partition : plan) {
            if (partition.pieces() == null) {
                throw new IllegalStateException("this run was planned by an earlier version of TrialPath, which this"
                        + " one cannot resume; abandon it (or publish it with that version) and run the command again");
            }
            for (CohortPartition.Piece piece : partition.pieces()) {
                ranges.add(new Range(piece.fileIndex(), piece.startByte(), piece.endByte(),
                        piece.sha256Of(files.get(piece.fileIndex())), piece.lines(), false));
            }
        }
        return ranges;
    }

    /** The ranges of a kept plan in its partitions. */
    private static List<List<Range>> groupsOf(List<CohortPartition> plan, List<Range> ranges) {
        List<List<Range>> groups = new ArrayList<>();
        int next = 0;
        for (CohortPartition partition : plan) {
            groups.add(ranges.subList(next, next + partition.pieces().size()));
            next += partition.pieces().size();
        }
        return groups;
    }

    private static ArrayList<CohortPartition> plan(List<InspectedFile> files, List<List<Range>> partitions,
            List<List<RangeIndex>> indexes) {
        ArrayList<CohortPartition> plan = new ArrayList<>();
        long startLine = 1;
        for (int p = 0; p < partitions.size(); p++) {
            List<CohortPartition.Piece> pieces = new ArrayList<>();
            long lineOffset = 0;
            for (int k = 0; k < partitions.get(p).size(); k++) {
                Range range = partitions.get(p).get(k);
                RangeIndex index = indexes.get(p).get(k);
                boolean wholeFile = range.startByte() == 0 && range.endByte() == files.get(range.fileIndex()).bytes();
                if (range.startByte() == 0) {
                    startLine = 1;
                }
                pieces.add(new CohortPartition.Piece(range.fileIndex(), files.get(range.fileIndex()).name(),
                        range.startByte(), range.endByte(), startLine, lineOffset, index.lines(), index.records(),
                        wholeFile ? null : index.sha256()));
                startLine += index.lines();
                lineOffset += index.lines();
            }
            plan.add(new CohortPartition(p, pieces));
        }
        return plan;
    }
}
