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
        ArrayList<CohortPartition> plan = index(files);
        // a restart keeps the plan its completed partitions were named after, even with other settings
        if (!job.getExecutionContext().containsKey(PARTITIONS)) {
            job.getExecutionContext().put(PARTITIONS, plan);
        }
        return RepeatStatus.FINISHED;
    }

    /** Finds the duplicates of the files (into the staging folder) and returns their partitions. */
    ArrayList<CohortPartition> index(List<InspectedFile> files) throws Exception {
        Path ids = idsFolder(staging);
        Files.createDirectories(ids);
        long started = System.nanoTime();
        List<FileIndex> indexes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, files.size())));
        try {
            List<Future<FileIndex>> running = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                int fileIndex = i;
                running.add(pool.submit(() -> index(fileIndex, files.get(fileIndex), ids)));
            }
            for (Future<FileIndex> index : running) {
                indexes.add(index.get());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
        DuplicateFinder.Summary duplicates = DuplicateFinder.find(ids, files.size(), maxIdsInMemory);
        ArrayList<CohortPartition> plan = plan(files, indexes);
        long records = indexes.stream().mapToLong(FileIndex::records).sum();
        log.info("indexed {} rows of {} files in {} ms: {} valid ids, {} of them duplicates; {} partitions on {} threads",
                records, files.size(), (System.nanoTime() - started) / 1_000_000, duplicates.ids(),
                duplicates.duplicates(), plan.size(), threads);
        return plan;
    }

    /** Where a file can be cut: the byte, line and count of records before each cut. */
    record FileIndex(long records, List<long[]> cuts) {
    }

    private FileIndex index(int fileIndex, InspectedFile file, Path ids) throws IOException {
        CohortRowValidator validator = new CohortRowValidator(runDate, deidentifier == null);
        List<long[]> cuts = new ArrayList<>();
        long records = 0;
        try (CohortFileReader reader = CohortFileReader.open(file, 0, 1);
                IdSpill spill = new IdSpill(ids, fileIndex, maxIdsInMemory)) {
            CohortHeader header = reader.header();
            CsvRecordReader csv = reader.records();
            CsvRecord record;
            while ((record = csv.next()) != null) {
                records++;
                if (validator.validate(file.name(), header, record) instanceof CohortRowValidator.Valid valid) {
                    String id = valid.record().patientId();
                    spill.add(deidentifier == null ? id : deidentifier.pseudonym(id), record.line());
                }
                if (threads > 1 && records % partitionRows == 0) {
                    cuts.add(new long[] { csv.bytesTaken() + reader.startByte(), csv.line(), records });
                }
            }
        }
        return new FileIndex(records, cuts);
    }

    private ArrayList<CohortPartition> plan(List<InspectedFile> files, List<FileIndex> indexes) {
        ArrayList<CohortPartition> plan = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            InspectedFile file = files.get(f);
            FileIndex index = indexes.get(f);
            long startByte = 0;
            long startLine = 1;
            long before = 0;
            for (long[] cut : index.cuts()) {
                if (cut[2] == index.records()) {
                    break; // a cut after the last record would leave an empty partition
                }
                plan.add(new CohortPartition(plan.size(), f, file.name(), file.path(), file.bytes(), startByte, startLine,
                        cut[2] - before));
                startByte = cut[0];
                startLine = cut[1];
                before = cut[2];
            }
            plan.add(new CohortPartition(plan.size(), f, file.name(), file.path(), file.bytes(), startByte, startLine,
                    index.records() - before));
        }
        return plan;
    }
}
