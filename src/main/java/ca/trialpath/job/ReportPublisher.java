package ca.trialpath.job;

import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.guideline.GuidelineVersion;
import ca.trialpath.guideline.TrialPriority;
import ca.trialpath.report.HtmlReport;
import ca.trialpath.report.ReportFeeds;
import ca.trialpath.report.RunFolders;
import ca.trialpath.report.RunSummary;
import ca.trialpath.report.SpreadsheetSafe;
import ca.trialpath.report.SummaryJson;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Last step: checks the run before anyone sees it, then publishes it whole. Read = assessed + rejected
 * must hold for every input file, counted again from the staged files themselves; the reject rate must
 * be within {@code maxRejectRate}; only then are the summary and the report written and the staged
 * folder renamed into place in one move.
 */
class ReportPublisher implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReportPublisher.class);
    private static final int REJECTS_IN_FAILURE_MESSAGE = 10;

    private final JobRepository jobRepository;
    private final RunFolders folders;
    private final LocalDate runDate;
    private final double maxRejectRate;
    private final String inputFingerprint;
    private final HtmlReport html;
    private long jobExecutionId;

    ReportPublisher(JobRepository jobRepository, RunFolders folders, LocalDate runDate, double maxRejectRate,
            String inputFingerprint, int maxRowsPerList) {
        this.jobRepository = jobRepository;
        this.folders = folders;
        this.runDate = runDate;
        this.maxRejectRate = maxRejectRate;
        this.inputFingerprint = inputFingerprint;
        this.html = new HtmlReport(maxRowsPerList);
    }

    @Override
    @SuppressWarnings("unchecked")
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        jobExecutionId = job.getId();
        if (!Files.isDirectory(folders.staging()) && SummaryJson.isPublishedFrom(folders.published(), inputFingerprint)) {
            // the process died after the move but before the step's completion was committed
            log.info("{} was already published by this run before it stopped", folders.published());
            return RepeatStatus.FINISHED;
        }
        StepExecution assessment = jobRepository.getLastStepExecution(job.getJobInstance(), NightlyJobConfiguration.ASSESS_STEP);
        Map<String, Long> readPerFile = (Map<String, Long>) assessment.getExecutionContext().get(CohortReader.READ_PER_FILE);
        RunTally tally = RunTally.of((Map<String, Long>) assessment.getExecutionContext().get(StagedOutputWriter.TALLY));
        List<InspectedFile> inputs = (List<InspectedFile>) job.getExecutionContext().get(InputInspection.INPUTS);

        checkReadEqualsAssessedPlusRejected(inputs, readPerFile, tally);
        long read = readPerFile.values().stream().mapToLong(Long::longValue).sum();
        long rejected = tally.rejected();
        RunCounts.put(job, read, read - rejected, rejected);
        checkRejectRate(read, rejected);

        List<RunSummary.InputFile> files = new ArrayList<>();
        LinkedHashSet<String> ignored = new LinkedHashSet<>();
        for (InspectedFile input : inputs) {
            files.add(new RunSummary.InputFile(input.name(), input.sha256(), input.bytes(),
                    readPerFile.getOrDefault(input.name(), 0L), tally.assessed(input.name()),
                    tally.rejected(input.name()), input.ignoredColumns()));
            ignored.addAll(input.ignoredColumns());
        }
        Instant start = job.getStartTime() == null ? Instant.now()
                : job.getStartTime().atZone(ZoneId.systemDefault()).toInstant();
        RunSummary summary = new RunSummary(runDate, job.getId(), start, Instant.now(), GuidelineVersion.GUIDELINE,
                GuidelineVersion.RULES, maxRejectRate, read, read - rejected, rejected, tally.pathways(),
                tally.priorities(), tally.reasons(), tally.flags(), tally.rules(), files, List.copyOf(ignored));

        SummaryJson.write(summary, inputFingerprint, folders.staging().resolve("summary.json"));
        ReportFeeds feeds = new ReportFeeds(folders.internal(), tally.priority(TrialPriority.HIGH),
                tally.priority(TrialPriority.ROUTINE), tally.flagged(), tally.assessed(), tally.rejected());
        html.write(summary, feeds, folders.staging().resolve("report.html"));
        publish();
        log.info("published {}: read {}, assessed {}, rejected {}", folders.published(), read, read - rejected, rejected);
        return RepeatStatus.FINISHED;
    }

    private void checkReadEqualsAssessedPlusRejected(List<InspectedFile> inputs, Map<String, Long> readPerFile,
            RunTally tally) throws IOException {
        Map<String, Long> assessedRows = rowsPerSourceFile(folders.staging().resolve("assessments.csv"), "source_file");
        Map<String, Long> rejectedRows = rowsPerSourceFile(folders.staging().resolve("rejects.csv"), "source_file");
        for (InspectedFile input : inputs) {
            long read = readPerFile.getOrDefault(input.name(), 0L);
            // the CSV files hold the name as written for spreadsheets ('-cohort.csv)
            String written = SpreadsheetSafe.cell(input.name());
            long assessed = assessedRows.getOrDefault(written, 0L);
            long rejected = rejectedRows.getOrDefault(written, 0L);
            if (read != assessed + rejected || assessed != tally.assessed(input.name())
                    || rejected != tally.rejected(input.name())) {
                throw new IllegalStateException("invariant broken for " + input.name() + ": read " + read
                        + " rows, but assessments.csv holds " + assessed + " and rejects.csv " + rejected
                        + "; nothing is published");
            }
        }
    }

    private static Map<String, Long> rowsPerSourceFile(Path csv, String column) throws IOException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord record : parser) {
                rows.merge(record.get(column), 1L, Long::sum);
            }
        }
        return rows;
    }

    private void checkRejectRate(long read, long rejected) throws IOException {
        // in decimal: 29 of 100 rows at maxRejectRate=0.29 is at the limit, which 0.29 * 100 in binary is not
        if (BigDecimal.valueOf(rejected).compareTo(BigDecimal.valueOf(maxRejectRate).multiply(BigDecimal.valueOf(read))) <= 0) {
            return;
        }
        List<String> first = new ArrayList<>();
        try (Stream<String> lines = Files.lines(folders.staging().resolve("rejects.csv"), StandardCharsets.UTF_8)) {
            lines.skip(1).limit(REJECTS_IN_FAILURE_MESSAGE).forEach(first::add);
        }
        String message = String.format("%d of %d rows rejected (%.1f%%), more than maxRejectRate %.2f allows;"
                + " nothing is published for %s. First rejected rows (source_file,line,patient_id,reason_code,message):%n  %s",
                rejected, read, 100.0 * rejected / read, maxRejectRate, runDate, String.join("\n  ", first));
        // the job's outcome log states it once, with the counts
        throw new RejectRateExceededException(message);
    }

    private void publish() throws IOException {
        forceToDisk(folders.staging());
        Path target = folders.published();
        if (Files.exists(target)) {
            Path aside = folders.replaced(DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss")
                    .format(java.time.LocalDateTime.now()) + "-execution-" + jobExecutionId);
            Files.createDirectories(aside.getParent());
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            log.warn("{} existed and was moved to {}", target, aside);
        }
        try {
            Files.move(folders.staging(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot publish " + target + " atomically: the output folder must be on one file system", e);
        }
        deleteRecursively(folders.internal().getParent());
        try (Stream<Path> left = Files.list(folders.internal().getParent().getParent())) {
            if (left.findAny().isEmpty()) {
                Files.delete(folders.internal().getParent().getParent());
            }
        }
    }

    private static void forceToDisk(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
