package ca.trialpath.batch.publish;

import ca.trialpath.batch.assess.CohortReader;
import ca.trialpath.batch.assess.RunTally;
import ca.trialpath.batch.assess.ScreeningFeed;
import ca.trialpath.batch.assess.TrialTally;
import ca.trialpath.batch.input.RegistryInput;
import ca.trialpath.batch.run.CohortPartition;
import ca.trialpath.batch.run.InputIdentity;
import ca.trialpath.batch.run.PartitionExecutions;
import ca.trialpath.batch.run.RejectRateExceededException;
import ca.trialpath.batch.run.RunCheckFailedException;
import ca.trialpath.batch.run.RunState;
import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.guideline.GuidelineVersion;
import ca.trialpath.guideline.TrialPriority;
import ca.trialpath.history.RunTotals;
import ca.trialpath.output.csv.CodesCsv;
import ca.trialpath.output.csv.GuidelineCsv;
import ca.trialpath.output.csv.RejectsCsv;
import ca.trialpath.report.HtmlReport;
import ca.trialpath.report.OvernightChanges;
import ca.trialpath.report.PublishPermissions;
import ca.trialpath.report.ReplacedRun;
import ca.trialpath.report.ReportFeeds;
import ca.trialpath.report.ReportHistory;
import ca.trialpath.report.ReportText;
import ca.trialpath.report.RunFolders;
import ca.trialpath.report.RunSummary;
import ca.trialpath.report.SummaryJson;
import ca.trialpath.report.TrialReport;
import ca.trialpath.screening.RememberedPair;
import ca.trialpath.screening.ScreeningNight;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Last step: checks the run before anyone sees it, then publishes it whole. Read = assessed + rejected
 * must hold for every input file, with the rows the owners of the staged files counted as they printed them
 * (kept with each commit, never read back from the files); the reject rate must
 * be within {@code maxRejectRate}; only then are the summary and the report written and the staged
 * folder renamed into place in one move.
 */
public class ReportPublisher implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReportPublisher.class);

    private final JobRepository jobRepository;
    private final RunFolders folders;
    private final LocalDate runDate;
    private final double maxRejectRate;
    private final String inputFingerprint;
    private final HtmlReport html;
    private final HistoryRecorder history;
    private final int maxRowsPerList;
    /** {@code null} in a plain run. */
    private final String pseudonymKeyId;
    private final PublishPermissions permissions;
    private final TrialPublication trials;
    private final ScreeningPublication screening;

    public ReportPublisher(JobRepository jobRepository, RunFolders folders, LocalDate runDate, double maxRejectRate,
            String inputFingerprint, int maxRowsPerList, String pseudonymKeyId, PublishPermissions permissions,
            HistoryRecorder history, TrialPublication trials, ReportText text, ScreeningPublication screening) {
        this.trials = trials;
        this.screening = screening;
        this.pseudonymKeyId = pseudonymKeyId;
        this.permissions = permissions;
        this.jobRepository = jobRepository;
        this.history = history;
        this.maxRowsPerList = maxRowsPerList;
        this.folders = folders;
        this.runDate = runDate;
        this.maxRejectRate = maxRejectRate;
        this.inputFingerprint = inputFingerprint;
        this.html = new HtmlReport(maxRowsPerList, text, pseudonymKeyId);
    }

    @Override
    @SuppressWarnings("unchecked")
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long instanceId = job.getJobInstance().getInstanceId();
        RunFolders.Staging staging = folders.staging(instanceId);
        List<CohortPartition> plan = RunState.of(job).partitions();
        // one reading of the repository for all partitions (PartitionExecutions), not one each
        PartitionOutputs partitions = PartitionOutputs.of(staging, plan, PartitionExecutions.contexts(jobRepository, job, plan));
        Map<String, Long> readPerFile = partitions.readPerFile();
        // NAACCR patients without an anal tumour: read, counted, not listed
        Map<String, Long> notInScope = partitions.perFile(CohortReader.NOT_IN_SCOPE_PER_FILE);
        long outOfScope = notInScope.values().stream().mapToLong(Long::longValue).sum();
        RunTally tally = partitions.tally();
        if (!Files.isDirectory(staging.publish()) && SummaryJson.isPublishedBy(folders.published(), instanceId)) {
            // this run died after its move into place but before the step's completion was committed, which
            // left it staged in the history: stage it again from the published files and mark it published
            log.info("{} was already published by this run (job instance {}) before it stopped", folders.published(),
                    instanceId);
            long read = readPerFile.values().stream().mapToLong(Long::longValue).sum();
            // the command's last line says them
            RunState.of(job).counts(read + outOfScope, read - tally.rejected(), tally.rejected());
            history.recordPublished(partitions.historyFeeds(), outputKey(), job.getId(),
                    totals(instanceId, readPerFile, outOfScope, tally),
                    staging.internal(), screeningOfAPublishedRun(job, instanceId, partitions, staging));
            removeStagingOfThisDate();
            return RepeatStatus.FINISHED;
        }
        log.info("checking the staged files of {} before publishing: read = assessed + rejected, reject rate, summary, report", runDate);
        List<InspectedFile> inputs = RunState.of(job).inputs();
        long combining = System.nanoTime();
        partitions.combine(maxRowsPerList);
        log.info("put the staged files of the partitions together in {} ms", (System.nanoTime() - combining) / 1_000_000);

        checkReadEqualsAssessedPlusRejected(partitions, inputs, readPerFile, tally);
        Integer supplementIndex = RunState.of(job).supplementIndex();
        Map<String, Long> patients = partitions.perFile(CohortReader.PATIENTS_PER_FILE);
        checkNaaccrPatients(partitions, inputs, supplementIndex, patients, notInScope);
        // in scope: the rows and patients the guideline is about, of which the reject rate is taken
        long inScope = readPerFile.values().stream().mapToLong(Long::longValue).sum();
        long read = inScope + outOfScope;
        long rejected = tally.rejected();
        RunState.of(job).counts(read, inScope - rejected, rejected);
        checkRejectRate(staging, partitions, inScope, rejected);
        // the dictionaries the per-person files join by code, once per run
        GuidelineCsv.write(staging.publish().resolve(GuidelineCsv.FILE));
        CodesCsv.write(staging.publish().resolve(CodesCsv.FILE));

        List<RunSummary.InputFile> files = new ArrayList<>();
        LinkedHashSet<String> ignored = new LinkedHashSet<>();
        Map<String, Long> provincesDropped = partitions.perFile(CohortReader.PROVINCES_DROPPED_PER_FILE);
        for (int i = 0; i < inputs.size(); i++) {
            InspectedFile input = inputs.get(i);
            String format = Integer.valueOf(i).equals(supplementIndex) ? RunSummary.InputFile.SUPPLEMENT
                    : RegistryInput.isNaaccr(input) ? RunSummary.InputFile.NAACCR_XML : RunSummary.InputFile.COHORT_CSV;
            long fileRead = format.equals(RunSummary.InputFile.SUPPLEMENT) ? patients.getOrDefault(input.name(), 0L)
                    : readPerFile.getOrDefault(input.name(), 0L) + notInScope.getOrDefault(input.name(), 0L);
            files.add(new RunSummary.InputFile(input.name(), input.sha256(), input.bytes(), fileRead,
                    tally.assessed(input.name()), tally.rejected(input.name()), input.ignoredColumns(), format,
                    notInScope.getOrDefault(input.name(), 0L), provincesDropped.getOrDefault(input.name(), 0L)));
            ignored.addAll(input.ignoredColumns());
        }
        Instant start = job.getStartTime() == null ? Instant.now()
                : job.getStartTime().atZone(ZoneId.systemDefault()).toInstant();
        RunSummary summary = new RunSummary(runDate, job.getId(), start, Instant.now(), GuidelineVersion.GUIDELINE,
                GuidelineVersion.RULES, maxRejectRate, read, inScope - rejected, rejected, tally.pathways(),
                tally.priorities(), tally.reasons(), tally.flags(), tally.rules(), files, List.copyOf(ignored));

        Path replacesFile = staging.internal().resolve("replaces.json");
        Path aside = null;
        ReplacedRun replaces;
        if (Files.exists(folders.published())) {
            aside = folders.replaced(DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").format(LocalDateTime.now())
                    + "-by-execution-" + job.getId());
            replaces = ReplacedRun.of(folders.published(), folders.output(), aside);
            replaces.remember(replacesFile);
        } else {
            // nothing to replace, or this run moved it aside already and stopped before its own move
            replaces = ReplacedRun.remembered(replacesFile, folders.output());
        }
        TrialReport trialReport = trials.publish(staging, partitions.trialPartitions(),
                RunState.of(job).catalogue(),
                tally.priority(TrialPriority.HIGH) + tally.priority(TrialPriority.ROUTINE));
        // the people are staged in transactions of their own; the run counts as published in this step's
        // transaction, which commits with the step, after the move into place
        // screening_log.csv from last night's pairs, tonight's and the coordinators' file; its pairs are stored
        // with the run, in this step's transaction
        ScreeningPublication.Tonight screened = screening(job, instanceId, partitions, staging.publish());
        OvernightChanges changes = history.record(staging.publish(), partitions.historyFeeds(), outputKey(), job.getId(),
                totals(instanceId, readPerFile, outOfScope, tally), maxRowsPerList, staging.internal(), screened.memory());
        SummaryJson.write(summary, inputFingerprint, instanceId, replaces, pseudonymKeyId, changes, trialReport,
                screened.summary(), staging.publish().resolve("summary.json"));
        // the morning worklist of the page (docs/screening.md, "Plugging in"); none without a judged night
        ScreeningNight night = screened.night() == null ? HtmlReport.NO_SCREENING : screened.night();
        ReportFeeds feeds = new ReportFeeds(staging.internal(), tally.priority(TrialPriority.HIGH),
                tally.priority(TrialPriority.ROUTINE), tally.flagged(), tally.assessed(), tally.rejected());
        html.write(summary, feeds, new ReportHistory(changes, history.lastRuns(outputKey())), trialReport,
                night, staging.publish().resolve("report.html"));
        // the inputs must still be what the run read: a file replaced, edited or appended to since fails it
        InputIdentity.checkUnchanged(inputs, RunState.of(job).inputIdentities());
        publish(staging, aside);
        log.info("published {}: read {}, assessed {}, rejected {}, not in scope {}", folders.published(), read,
                inScope - rejected, rejected, outOfScope);
        return RepeatStatus.FINISHED;
    }

    /** Tonight's screening: {@code publish} gets {@code screening_log.csv} (not in a de-identified run). */
    private ScreeningPublication.Tonight screening(JobExecution job, long instanceId, PartitionOutputs partitions,
            Path publish) throws IOException {
        boolean deidentified = pseudonymKeyId != null;
        List<TrialPublication.Partition> parts = partitions.trialPartitions();
        boolean matching = job.getJobParameters().getString("trials") != null;
        List<Path> feeds = matching ? feeds(parts) : null;
        TrialTally tally = TrialTally.merge(parts.stream().map(TrialPublication.Partition::tally).toList());
        List<RememberedPair> previous = deidentified ? List.of()
                : history.screeningBefore(outputKey(), instanceId, runDate);
        return screening.publish(runDate, deidentified, previous, feeds, tally.matches() + tally.nearMisses(),
                RunState.of(job).screening(), job.getJobParameters().getString("screening") != null, publish);
    }

    /**
     * The screening pairs of a run that was moved into place before it stopped: the same night again from the
     * partitions' feeds, its log written aside (the published one is the same). Without the feeds (the staging
     * folder was removed too), the last run's pairs are kept as they were, and tonight's changes are lost.
     */
    private List<RememberedPair> screeningOfAPublishedRun(JobExecution job, long instanceId,
            PartitionOutputs partitions, RunFolders.Staging staging) throws IOException {
        if (pseudonymKeyId != null) {
            return null;
        }
        if (job.getJobParameters().getString("trials") != null
                && !ScreeningPublication.allThere(feeds(partitions.trialPartitions()))) {
            log.warn("the screening feeds of this run are gone with its staging folder: the run history keeps the"
                    + " screening statuses of the run before; give tonight's screening_log.csv back with screening="
                    + " to record tonight's decisions");
            return history.screeningBefore(outputKey(), instanceId, runDate);
        }
        Files.createDirectories(staging.internal());
        return screening(job, instanceId, partitions, staging.internal()).memory();
    }

    private static List<Path> feeds(List<TrialPublication.Partition> parts) {
        return parts.stream().map(part -> part.staging().internal().resolve(ScreeningFeed.FILE)).toList();
    }

    /**
     * Runs are kept apart in the history per output folder and per kind of id: a de-identified run is
     * compared only with earlier runs that published pseudonyms of the same key. Compared with a plain night
     * (or another key's), its changes.csv and report would list every real id, or the other key's
     * pseudonyms, as "no longer present".
     */
    private String outputKey() {
        String folder = folders.output().toAbsolutePath().normalize().toString();
        return pseudonymKeyId == null ? folder : folder + " (pseudonyms, key " + pseudonymKeyId + ")";
    }

    /** The history's totals: summary.json's, read counting the NAACCR patients not in scope too. */
    private RunTotals totals(long instanceId, Map<String, Long> readPerFile, long outOfScope, RunTally tally) {
        long inScope = readPerFile.values().stream().mapToLong(Long::longValue).sum();
        return new RunTotals(instanceId, runDate, inScope + outOfScope, inScope - tally.rejected(), tally.rejected(),
                tally.priority(TrialPriority.HIGH), tally.priority(TrialPriority.ROUTINE));
    }

    /**
     * Read = assessed + rejected for every input file, with the rows the owners of assessments.csv and rejects.csv
     * printed (counted per input file as each row was printed, saved with each commit) and the run's tally.
     */
    public static void checkReadEqualsAssessedPlusRejected(PartitionOutputs partitions, List<InspectedFile> inputs,
            Map<String, Long> readPerFile, RunTally tally) {
        Map<String, Long> assessedRows = partitions.assessmentRows();
        Map<String, Long> rejectedRows = partitions.rejectRows();
        for (InspectedFile input : inputs) {
            long read = readPerFile.getOrDefault(input.name(), 0L);
            long assessed = assessedRows.getOrDefault(input.name(), 0L);
            long rejected = rejectedRows.getOrDefault(input.name(), 0L);
            if (read != assessed + rejected || assessed != tally.assessed(input.name())
                    || rejected != tally.rejected(input.name())) {
                throw new RunCheckFailedException("invariant broken for " + input.name() + ": read " + read
                        + " rows, but assessments.csv holds " + assessed + " and rejects.csv " + rejected
                        + "; nothing is published");
            }
        }
    }

    /**
     * For every NAACCR file, patients read = assessed + rejected + not in scope (naaccr.md), with the patients its
     * reader counted to the end of the file, the rows the owners of assessments.csv and rejects.csv printed, and
     * the patients it counted out of scope; checked before anything is published.
     */
    static void checkNaaccrPatients(PartitionOutputs partitions, List<InspectedFile> inputs, Integer supplementIndex,
            Map<String, Long> patients, Map<String, Long> notInScope) {
        Map<String, Long> assessedRows = partitions.assessmentRows();
        Map<String, Long> rejectedRows = partitions.rejectRows();
        for (int i = 0; i < inputs.size(); i++) {
            InspectedFile input = inputs.get(i);
            if (!RegistryInput.isNaaccr(input) || Integer.valueOf(i).equals(supplementIndex)) {
                continue;
            }
            Long read = patients.get(input.name());
            long assessed = assessedRows.getOrDefault(input.name(), 0L);
            long rejected = rejectedRows.getOrDefault(input.name(), 0L);
            long out = notInScope.getOrDefault(input.name(), 0L);
            if (read == null || read != assessed + rejected + out) {
                throw new RunCheckFailedException("invariant broken for " + input.name() + ": "
                        + (read == null ? "its reading did not reach the end of the file" : "read " + read + " patients")
                        + ", but assessments.csv holds " + assessed + ", rejects.csv " + rejected + " and " + out
                        + " are not in scope; nothing is published");
            }
        }
    }

    private void checkRejectRate(RunFolders.Staging staging, PartitionOutputs partitions, long read, long rejected) {
        // in decimal: 29 of 100 rows at maxRejectRate=0.29 is at the limit, which 0.29 * 100 in binary is not
        BigDecimal allowed = BigDecimal.valueOf(maxRejectRate).multiply(BigDecimal.valueOf(read));
        if (BigDecimal.valueOf(rejected).compareTo(allowed) <= 0) {
            return;
        }
        String share = BigDecimal.valueOf(100.0 * rejected / read).setScale(1, RoundingMode.HALF_UP).toPlainString();
        throw new RejectRateExceededException(rejected + " of " + read + " rows rejected (" + share
                + "%), more than maxRejectRate " + BigDecimal.valueOf(maxRejectRate).toPlainString() + " allows;"
                + " nothing is published for " + runDate + ". First rejected rows:\n  "
                + String.join("\n  ", partitions.firstRejects())
                + "\nAll of them: " + staging.publish().resolve(RejectsCsv.FILE));
    }

    /** @param aside where the date's current folder goes, {@code null} when there was none */
    private void publish(RunFolders.Staging staging, Path aside) throws IOException {
        // before the move: the folder is never visible to others, not even for an instant
        permissions.applyTo(staging.publish());
        forceToDisk(staging.publish());
        Path target = folders.published();
        if (aside != null && Files.exists(target)) {
            Files.createDirectories(aside.getParent());
            // from here until the next move the date has no folder; a restart of this run moves it in
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            log.warn("{} existed and was moved to {}", target, aside);
        }
        try {
            Files.move(staging.publish(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot publish " + target + " atomically: the output folder must be on one file system", e);
        }
        // the rename itself is on disk once the output folder's entry is
        try (FileChannel folder = FileChannel.open(folders.output(), StandardOpenOption.READ)) {
            folder.force(true);
        }
        removeStagingOfThisDate();
    }

    /**
     * Once a date is published, no earlier run for it can be resumed usefully: its staging folders go,
     * and the staging root too when nothing else is in it.
     */
    private void removeStagingOfThisDate() throws IOException {
        Path root = folders.stagingRoot();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> stagings = Files.list(root)) {
            for (Path staging : stagings.filter(folders::isStagingOfThisDate).toList()) {
                RunFolders.deleteRecursively(staging);
            }
        }
        try (Stream<Path> left = Files.list(root)) {
            if (left.findAny().isEmpty()) {
                Files.delete(root);
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
}
