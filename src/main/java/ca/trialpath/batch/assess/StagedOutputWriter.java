package ca.trialpath.batch.assess;

import ca.trialpath.batch.run.Outcome;
import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.guideline.Assessment;
import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.guideline.TrialPriority;
import ca.trialpath.history.HistoryFeed;
import ca.trialpath.history.PersonResult;
import ca.trialpath.output.csv.AssessmentsCsv;
import ca.trialpath.output.csv.CsvWriter;
import ca.trialpath.output.csv.OptionsCsv;
import ca.trialpath.output.csv.RejectsCsv;
import ca.trialpath.output.csv.TrialMatchesCsv;
import ca.trialpath.output.json.AssessmentsJsonl;
import ca.trialpath.report.FeedJson;
import ca.trialpath.report.PublishPermissions;
import ca.trialpath.report.ReportFeeds;
import ca.trialpath.report.RunFolders;
import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.TrialMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Appends each committed chunk to the staged output files, in input order, and counts what it wrote. Each
 * published file is printed by its owner ({@link AssessmentsCsv}, {@link OptionsCsv}, {@link RejectsCsv},
 * {@link TrialMatchesCsv}, {@link AssessmentsJsonl}); the page's feeds get the first entries of each list. The
 * files' lengths, the counts and the rows each owner printed per input file are saved with every commit, so a
 * restart continues them exactly and the publication checks the run without reading a file back.
 */
public class StagedOutputWriter implements ItemStreamWriter<Outcome> {

    public static final String TALLY = "writer.tally";
    /** The execution-context key of the {@link TrialTally}. */
    public static final String TRIAL_TALLY = "writer.trials";
    /** Rows {@code assessments.csv} received per input file. */
    public static final String ASSESSMENT_ROWS = "writer.rows.assessments";
    /** Rows {@code rejects.csv} received per input file. */
    public static final String REJECT_ROWS = "writer.rows.rejects";
    /** The first rejects, for the reject-rate failure ({@link FirstRejects}). */
    public static final String FIRST_REJECTS = "writer.rejects.first";
    /**
     * The first rows of each study's {@code trial_matches.csv} rows, for the trial sections of the page: CSV
     * rows {@code nct_id, patient_id, result, failed_criterion, to_verify, sites_in_province, site_cities}, the
     * values as they are (not spreadsheet-safe: only the job reads this file).
     */
    public static final String TRIAL_FEED = "report-trials.feed";

    private static final String LENGTH = "writer.length.";
    private static final String ASSESSMENTS = "publish/" + AssessmentsCsv.FILE;
    private static final String OPTIONS = "publish/" + OptionsCsv.FILE;
    private static final String REJECTS = "publish/" + RejectsCsv.FILE;
    private static final String JSONL = "publish/" + AssessmentsJsonl.FILE;
    private static final String TRIAL_MATCHES = "publish/" + TrialMatchesCsv.FILE;
    /** What the run history keeps of each person ({@link HistoryFeed}): read at publication, never published. */
    public static final String HISTORY = "internal/" + HistoryFeed.FILE;
    /**
     * Rows are handed to their file when this many characters wait (and at every commit): a person with
     * thousands of trials (every study open) waits in memory a few of these, not a chunk's worth.
     */
    private static final int HAND_OVER_AT = 64 * 1024;

    private final RunFolders.Staging staging;
    private final int reportCap;
    private final int trialCap;
    private final FeedJson feedJson = new FeedJson();
    /** Per staged file name (relative to the staging folder). */
    private final Map<String, StagedFile> files = new LinkedHashMap<>();
    private final Map<String, Long> lengths = new LinkedHashMap<>();
    /**
     * What the CSV owners printed and the file has not received yet, per staged file. Their {@link CsvWriter}
     * appends to a {@code StringBuilder} directly, which costs no lock, and the file receives the rows in one
     * write (a {@code BufferedWriter} takes its lock on every call).
     */
    private final Map<String, StringBuilder> pending = new LinkedHashMap<>();
    private RunTally tally = new RunTally();
    private TrialTally trialTally = new TrialTally();
    private FirstRejects firstRejects = new FirstRejects();
    private AssessmentsCsv assessments;
    private OptionsCsv options;
    private RejectsCsv rejects;
    private TrialMatchesCsv trialMatches;
    private AssessmentsJsonl jsonl;
    private CsvWriter trialFeed;
    private final HistoryFeed history = new HistoryFeed();
    private HistoryFeed.Sink historySink;

    /**
     * @param reportCap how many entries of each list report.html shows: the feeds keep no more; the trial
     *                  feed keeps as many rows per study (the page shows {@code maxRowsPerTrial} of them)
     */
    public StagedOutputWriter(RunFolders.Staging staging, int reportCap) {
        this(staging, reportCap, reportCap);
    }

    /** @param trialCap how many rows of each study the trial feed keeps: at least the page's per-trial cap */
    public StagedOutputWriter(RunFolders.Staging staging, int reportCap, int trialCap) {
        this.staging = staging;
        this.reportCap = reportCap;
        this.trialCap = trialCap;
    }

    /** The staged files, relative to the staging folder: published ones first, then internal ones. */
    public static List<String> stagedFiles() {
        List<String> names = new ArrayList<>(List.of(ASSESSMENTS, OPTIONS, REJECTS, JSONL, TRIAL_MATCHES));
        for (String feed : List.of(ReportFeeds.HIGH, ReportFeeds.ROUTINE, ReportFeeds.REVIEW, ReportFeeds.PEOPLE,
                ReportFeeds.REJECTS, TRIAL_FEED)) {
            names.add("internal/" + feed);
        }
        names.add(HISTORY);
        return names;
    }

    /** The execution-context key of a staged file's length at the last commit (file names are unique). */
    public static String lengthKey(String stagedFile) {
        return LENGTH + Path.of(stagedFile).getFileName();
    }

    /**
     * Whether every staged file is still at least as long as the last commit says. A process crash
     * keeps them so (each chunk is handed to the operating system before its commit); a power cut or
     * a hand in the staging folder may not.
     */
    static boolean stagedFilesIntact(ExecutionContext context, RunFolders.Staging staging) {
        for (String name : stagedFiles()) {
            String key = lengthKey(name);
            if (!context.containsKey(key)) {
                return false;
            }
            Path file = staging.root().resolve(name);
            try {
                if (!Files.isRegularFile(file) || Files.size(file) < context.getLong(key)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(ExecutionContext context) {
        boolean resuming = context.containsKey(TALLY);
        try {
            Files.createDirectories(staging.publish());
            Files.createDirectories(staging.internal());
            // what is staged is as private as what is published: no one else reads a half-written run
            PublishPermissions.ownerOnlyFolder(staging.root());
            for (String name : stagedFiles()) {
                Path path = staging.root().resolve(name);
                files.put(name, resuming ? StagedFile.resume(path, context.getLong(lengthKey(name)))
                        : StagedFile.create(path));
            }
            // a new file gets its header; a continued one has it
            assessments = new AssessmentsCsv(pending(ASSESSMENTS), !resuming);
            options = new OptionsCsv(pending(OPTIONS), !resuming);
            rejects = new RejectsCsv(pending(REJECTS), !resuming);
            trialMatches = new TrialMatchesCsv(pending(TRIAL_MATCHES), !resuming);
            jsonl = new AssessmentsJsonl(files.get(JSONL).writer());
            trialFeed = new CsvWriter(files.get("internal/" + TRIAL_FEED).writer());
            historySink = files.get(HISTORY)::write;
            flushAll();
        } catch (IOException e) {
            throw new ItemStreamException("cannot open the staged outputs in " + staging.root(), e);
        }
        tally = resuming ? RunTally.of((Map<String, Long>) context.get(TALLY)) : new RunTally();
        trialTally = resuming ? TrialTally.of((Map<String, Long>) context.get(TRIAL_TALLY)) : new TrialTally();
        firstRejects = resuming ? FirstRejects.of((List<String>) context.get(FIRST_REJECTS)) : new FirstRejects();
        assessments.rows().restore(resuming ? (Map<String, Long>) context.get(ASSESSMENT_ROWS) : null);
        rejects.rows().restore(resuming ? (Map<String, Long>) context.get(REJECT_ROWS) : null);
    }

    @Override
    public void write(Chunk<? extends Outcome> chunk) throws IOException {
        for (Outcome outcome : chunk) {
            if (outcome instanceof Outcome.Assessed assessed) {
                writeAssessed(assessed);
            } else if (outcome instanceof Outcome.Rejected rejected) {
                writeRejected(rejected.row());
            }
            handOver(HAND_OVER_AT);
        }
        // to the operating system before the commit: the saved lengths never exceed what is on disk
        flushAll();
    }

    private StringBuilder pending(String stagedFile) {
        return pending.computeIfAbsent(stagedFile, name -> new StringBuilder(HAND_OVER_AT + HAND_OVER_AT / 4));
    }

    /** Hands each file its waiting rows once at least {@code atLeast} characters wait (0: whatever waits). */
    private void handOver(int atLeast) throws IOException {
        for (Map.Entry<String, StringBuilder> waiting : pending.entrySet()) {
            StringBuilder rows = waiting.getValue();
            if (!rows.isEmpty() && rows.length() >= atLeast) {
                files.get(waiting.getKey()).write(rows);
                rows.setLength(0);
            }
        }
    }

    private void flushAll() throws IOException {
        handOver(0);
        history.endFrame(historySink);
        jsonl.flush();
        for (Map.Entry<String, StagedFile> file : files.entrySet()) {
            lengths.put(file.getKey(), file.getValue().flush());
        }
    }

    private void writeAssessed(Outcome.Assessed assessed) throws IOException {
        PatientRecord record = assessed.record();
        Assessment assessment = assessed.assessment();
        List<ReviewFlag> flags = assessment.orderedFlags();
        // worked out once here (TrialMatcher works a person's list out when it is first read), then read as a list
        List<TrialMatch> trials = assessed.trials() == null ? null : List.copyOf(assessed.trials());
        Integer age = assessed.ageAtRecurrence();

        assessments.write(record, assessment, age, trials);
        if (trials != null && !trials.isEmpty()) {
            trialMatches.write(record.patientId(), trials);
            writeTrialFeed(record.patientId(), trials);
        }
        options.write(record.patientId(), assessment);
        jsonl.write(record, assessment);
        history.add(PersonResult.of(record.patientId(), assessment, trials), historySink);

        // the first entries of each list of report.html, so the page never has to read the whole run
        long ordinal = tally.assessed();
        boolean high = assessment.trialPriority() == TrialPriority.HIGH && tally.priority(TrialPriority.HIGH) < reportCap;
        boolean routine = assessment.trialPriority() == TrialPriority.ROUTINE
                && tally.priority(TrialPriority.ROUTINE) < reportCap;
        boolean review = !flags.isEmpty() && tally.flagged() < reportCap;
        boolean people = ordinal < reportCap;
        if (high || routine || review || people) {
            String personLine = ReportFeeds.personLine(ordinal, feedJson.person(record, assessment, age, trials));
            if (high) {
                files.get("internal/" + ReportFeeds.HIGH).writer().write(personLine);
            }
            if (routine) {
                files.get("internal/" + ReportFeeds.ROUTINE).writer().write(personLine);
            }
            if (review) {
                files.get("internal/" + ReportFeeds.REVIEW).writer().write(personLine);
            }
            if (people) {
                files.get("internal/" + ReportFeeds.PEOPLE).writer().write(personLine);
            }
        }
        tally.assessed(record.sourceFile(), assessment.pathway(), assessment.trialPriority(), flags,
                assessment.options());
    }

    /** The first rows of each study to the trial feed, and counts the person's trials. */
    private void writeTrialFeed(String patientId, List<TrialMatch> trials) throws IOException {
        for (TrialMatch match : trials) {
            // a person has one row per study at most: the study's rows so far are those of earlier people
            if (trialTally.rows(match.nctId()) < trialCap) {
                trialFeed.record(match.nctId(), patientId, match.result().name(),
                        match.failedCriterion() == null ? "" : match.failedCriterion().name(),
                        joined(match.toVerify()), Integer.toString(match.sitesInProvince()),
                        String.join(";", match.siteCities()));
            }
        }
        trialTally.person(trials);
    }

    private static String joined(List<Criterion> criteria) {
        StringBuilder text = new StringBuilder();
        for (Criterion criterion : criteria) {
            text.append(text.isEmpty() ? "" : ";").append(criterion.name());
        }
        return text.toString();
    }

    private void writeRejected(RejectedRow row) throws IOException {
        rejects.write(row);
        if (tally.rejected() < reportCap) {
            files.get("internal/" + ReportFeeds.REJECTS).writer().write(feedJson.reject(row) + "\n");
        }
        firstRejects.add(row);
        tally.rejected(row.sourceFile(), row.reason());
    }

    @Override
    public void update(ExecutionContext context) {
        lengths.forEach((name, length) -> context.putLong(lengthKey(name), length));
        context.put(TALLY, tally.snapshot());
        context.put(TRIAL_TALLY, trialTally.snapshot());
        context.put(ASSESSMENT_ROWS, assessments.rows().snapshot());
        context.put(REJECT_ROWS, rejects.rows().snapshot());
        context.put(FIRST_REJECTS, firstRejects.snapshot());
    }

    @Override
    public void close() {
        // close every file even when one fails, then report the first failure
        UncheckedIOException failure = null;
        if (jsonl != null) {
            try {
                jsonl.close(); // its buffer to the file; the file stays open until closed below
            } catch (RuntimeException e) {
                failure = new UncheckedIOException(new IOException("cannot write " + JSONL, e));
            }
            jsonl = null;
        }
        for (StagedFile file : files.values()) {
            try {
                file.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = new UncheckedIOException(e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        files.clear();
        pending.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
