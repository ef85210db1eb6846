package ca.trialpath.job;

import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.cohort.CohortHeader;
import ca.trialpath.cohort.CohortRowValidator;
import ca.trialpath.cohort.CsvRecord;
import ca.trialpath.cohort.CsvRecordReader;
import ca.trialpath.deidentify.Deidentifier;
import ca.trialpath.duplicates.DuplicateFinder;
import ca.trialpath.duplicates.IdSpill;
import ca.trialpath.report.RunFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * <p>Partitions: each file is cut after every {@code partitionRows} records, at the byte where the next
 * record starts, so a large file is assessed by several threads too; with one thread a file is one partition
 * (cutting it would only add the cost of putting its outputs together again). A restart keeps the plan of the
 * run it resumes: the assessment's completed partitions are named after it.
 */
class CohortIndexing implements Tasklet {

    static final String PARTITIONS = "partitions";
    /** Where the ids and duplicates are, under the run's staging folder. */
    static final String IDS_FOLDER = "ids";

    private static final Logger log = LoggerFactory.getLogger(CohortIndexing.class);

    private final LocalDate runDate;
    private final RunFolders.Staging staging;
    /** {@code null} in a plain run: duplicates compare the ids as published. */
    private final Deidentifier deidentifier;
    private final int threads;
    private final long partitionRows;
    private final int maxIdsInMemory;

    CohortIndexing(LocalDate runDate, RunFolders.Staging staging, Deidentifier deidentifier, int threads,
            long partitionRows, int maxIdsInMemory) {
        this.runDate = runDate;
        this.staging = staging;
        this.deidentifier = deidentifier;
        this.threads = threads;
        this.partitionRows = partitionRows;
        this.maxIdsInMemory = maxIdsInMemory;
    }

    static Path idsFolder(RunFolders.Staging staging) {
        return staging.internal().resolve(IDS_FOLDER);
    }

    @Override
    @SuppressWarnings("unchecked")
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        List<InspectedFile> files = (List<InspectedFile>) job.getExecutionContext().get(InputInspection.INPUTS);
        // a restart keeps the plan its completed partitions were named after, even with other settings
        List<CohortPartition> kept = (List<CohortPartition>) job.getExecutionContext().get(PARTITIONS);
        job.getExecutionContext().put(PARTITIONS, index(files, kept));
        return RepeatStatus.FINISHED;
    }

    /** Finds the duplicates of the files (into the staging folder) and returns their partitions. */
    ArrayList<CohortPartition> index(List<InspectedFile> files) throws Exception {
        return index(files, null);
    }

    /**
     * @param kept the plan of the run this one resumes ({@code null}: a new plan): its partitions are indexed as
     *             they are, since the duplicates are told per partition
     */
    ArrayList<CohortPartition> index(List<InspectedFile> files, List<CohortPartition> kept) throws Exception {
        long started = System.nanoTime();
        List<Range> ranges = kept != null ? ranges(files, kept) : cut(files);
        List<RangeIndex> indexes = indexRanges(files, ranges);
        if (indexes.stream().anyMatch(index -> !index.endsAtItsCut())) {
            if (kept != null) {
                throw new IllegalStateException("the input files no longer read as they did when this run was planned");
            }
            // a cut fell inside a record after all (a stray quote in an unquoted cell can fool the byte scan):
            // the files are indexed again whole, and cut by the records counted
            log.info("a cut of the input fell inside a record: indexing each file whole instead");
            ranges = new ArrayList<>();
            for (int f = 0; f < files.size(); f++) {
                ranges.add(new Range(f, 0, files.get(f).bytes()));
            }
            indexes = indexRanges(files, ranges);
        }
        DuplicateFinder.Summary duplicates = DuplicateFinder.find(idsFolder(staging), ranges.size(), maxIdsInMemory);
        ArrayList<CohortPartition> plan = plan(files, ranges, indexes);
        long records = indexes.stream().mapToLong(RangeIndex::records).sum();
        log.info("indexed {} rows of {} files in {} ms: {} valid ids, {} of them duplicates; {} partitions on {} threads",
                records, files.size(), (System.nanoTime() - started) / 1_000_000, duplicates.ids(),
                duplicates.duplicates(), plan.size(), threads);
        return plan;
    }

    /** A part of a file, from a byte where a record starts to the next such byte (or the end of the file). */
    record Range(int fileIndex, long startByte, long endByte) {
    }

    /**
     * What the index read in a range: its records, the lines they took, and whether the reading ended exactly
     * at the range's end (a cut between two records).
     */
    record RangeIndex(long records, long lines, boolean endsAtItsCut) {
    }

    private List<RangeIndex> indexRanges(List<InspectedFile> files, List<Range> ranges) throws Exception {
        Path ids = idsFolder(staging);
        RunFolders.deleteRecursively(ids);
        Files.createDirectories(ids);
        List<RangeIndex> indexes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, ranges.size())));
        try {
            List<Future<RangeIndex>> running = new ArrayList<>();
            for (int r = 0; r < ranges.size(); r++) {
                int partition = r;
                Range range = ranges.get(r);
                running.add(pool.submit(() -> index(partition, range, files.get(range.fileIndex()), ids)));
            }
            for (Future<RangeIndex> index : running) {
                indexes.add(index.get());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
        return indexes;
    }

    /**
     * Reads one range, its lines numbered from 1: the duplicates are told per partition and relative line, since
     * the lines before a range are not counted until the ranges before it are read.
     */
    private RangeIndex index(int partition, Range range, InspectedFile file, Path ids) throws IOException {
        CohortRowValidator validator = new CohortRowValidator(runDate, deidentifier == null);
        long records = 0;
        try (CohortFileReader reader = CohortFileReader.open(file, range.startByte(), 1);
                IdSpill spill = new IdSpill(ids, partition, maxIdsInMemory)) {
            CohortHeader header = reader.header();
            CsvRecordReader csv = reader.records();
            CsvRecord record;
            while (range.startByte() + csv.bytesTaken() < range.endByte() && (record = csv.next()) != null) {
                records++;
                if (validator.validate(file.name(), header, record) instanceof CohortRowValidator.Valid valid) {
                    String id = valid.record().patientId();
                    spill.add(deidentifier == null ? id : deidentifier.pseudonym(id), record.line());
                }
            }
            long read = range.startByte() + csv.bytesTaken();
            // the first range's lines include the header's
            long lines = csv.line() - 1;
            return new RangeIndex(records, lines, read == range.endByte() || range.endByte() == file.bytes());
        }
    }

    /**
     * Where to cut each file: with one thread nowhere; else after about every {@code partitionRows} lines, at a
     * line break outside quotes (an even number of quotes before it) between two lines that are not blank, so that
     * a reader started there reads the same records as one that read the whole file. The index checks that it
     * does.
     */
    private List<Range> cut(List<InspectedFile> files) throws IOException {
        List<Range> ranges = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            InspectedFile file = files.get(f);
            long start = 0;
            if (threads > 1 && file.bytes() > 0) {
                for (long cut : cuts(Path.of(file.path()), partitionRows)) {
                    ranges.add(new Range(f, start, cut));
                    start = cut;
                }
            }
            ranges.add(new Range(f, start, file.bytes()));
        }
        return ranges;
    }

    static List<Long> cuts(Path file, long linesApart) throws IOException {
        List<Long> cuts = new ArrayList<>();
        byte[] buffer = new byte[1 << 16];
        boolean inQuotes = false;
        boolean lineHasText = false;
        boolean previousLineHadText = false;
        boolean atLineStart = false;
        // the header's line is not a row
        long lines = -1;
        long position = 0;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++, position++) {
                    byte b = buffer[i];
                    if (atLineStart) {
                        atLineStart = false;
                        // a cut here when the line before and this one hold text, outside quotes, far enough on
                        if (!inQuotes && previousLineHadText && b != '\n' && b != '\r' && lines >= linesApart) {
                            cuts.add(position);
                            lines = 0;
                        }
                    }
                    if (b == '"') {
                        inQuotes = !inQuotes;
                        lineHasText = true;
                    } else if (b == '\n') {
                        lines++;
                        previousLineHadText = lineHasText;
                        lineHasText = false;
                        atLineStart = true;
                    } else if (b != '\r' && b != ' ' && b != '\t') {
                        lineHasText = true;
                    }
                }
            }
        }
        return cuts;
    }

    /** The ranges of a kept plan: each partition to the start of the next one of its file. */
    private static List<Range> ranges(List<InspectedFile> files, List<CohortPartition> plan) {
        List<Range> ranges = new ArrayList<>();
        for (int k = 0; k < plan.size(); k++) {
            CohortPartition partition = plan.get(k);
            boolean lastOfFile = k + 1 == plan.size() || plan.get(k + 1).fileIndex() != partition.fileIndex();
            ranges.add(new Range(partition.fileIndex(), partition.startByte(),
                    lastOfFile ? files.get(partition.fileIndex()).bytes() : plan.get(k + 1).startByte()));
        }
        return ranges;
    }

    private static ArrayList<CohortPartition> plan(List<InspectedFile> files, List<Range> ranges,
            List<RangeIndex> indexes) {
        ArrayList<CohortPartition> plan = new ArrayList<>();
        long startLine = 1;
        for (int k = 0; k < ranges.size(); k++) {
            Range range = ranges.get(k);
            InspectedFile file = files.get(range.fileIndex());
            if (range.startByte() == 0) {
                startLine = 1;
            }
            plan.add(new CohortPartition(plan.size(), range.fileIndex(), file.name(), file.path(), file.bytes(),
                    range.startByte(), startLine, indexes.get(k).records()));
            startLine += indexes.get(k).lines();
        }
        return plan;
    }
}
