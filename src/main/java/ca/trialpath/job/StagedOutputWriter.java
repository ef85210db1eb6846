package ca.trialpath.job;

import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.guideline.Assessment;
import ca.trialpath.guideline.GuidelineVersion;
import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.guideline.SurgeryPossible;
import ca.trialpath.guideline.TreatmentOption;
import ca.trialpath.guideline.TrialPriority;
import ca.trialpath.report.AssessmentJson;
import ca.trialpath.report.CsvRow;
import ca.trialpath.report.PublishPermissions;
import ca.trialpath.report.PublishedColumns;
import ca.trialpath.report.ReportFeeds;
import ca.trialpath.report.RunFolders;
import ca.trialpath.report.TrialRows;
import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.Study;
import ca.trialpath.trials.TrialMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Appends each committed chunk to the staged output files, in input order, and counts what it wrote.
 * The files' lengths and the counts are saved with every commit, so a restart continues them exactly.
 */
class StagedOutputWriter implements ItemStreamWriter<Outcome> {

    static final String TALLY = "writer.tally";
    /** The execution-context key of the {@link TrialTally}. */
    static final String TRIAL_TALLY = "writer.trials";
    static final String TRIAL_MATCHES = "trial_matches.csv";
    /**
     * The first rows of each study's {@code trial_matches.csv} rows, for the trial sections of the page: CSV
     * rows {@code nct_id, patient_id, result, failed_criterion, to_verify, sites_in_province, site_cities}, the
     * values as they are (not spreadsheet-safe: only the job reads this file).
     */
    static final String TRIAL_FEED = "report-trials.feed";

    private static final String LENGTH = "writer.length.";
    private static final Map<String, List<String>> CSV_HEADERS = Map.of(
            "publish/assessments.csv", PublishedColumns.ASSESSMENTS,
            "publish/options.csv", PublishedColumns.OPTIONS,
            "publish/rejects.csv", PublishedColumns.REJECTS,
            "publish/" + TRIAL_MATCHES, PublishedColumns.TRIAL_MATCHES);
    /**
     * The options.csv cells of each option after its patient_id, per surgery_possible (a surgical option's
     * rationale says "if surgery can remove it" when unknown): the same for everyone, so formatted once.
     */
    private static final Map<SurgeryPossible, Map<TreatmentOption, String>> OPTION_CELLS =
            new EnumMap<>(SurgeryPossible.class);
    private static final String GUIDELINE_VERSION_CELL = CsvRow.following(GuidelineVersion.ID);

    static {
        for (SurgeryPossible surgery : SurgeryPossible.values()) {
            Map<TreatmentOption, String> cells = new EnumMap<>(TreatmentOption.class);
            for (TreatmentOption option : TreatmentOption.values()) {
                cells.put(option, CsvRow.following(option.ruleId(), option.code(), option.label(),
                        option.regimens(), option.goal().name(), option.section().heading(), option.basis(surgery),
                        GuidelineVersion.ID));
            }
            OPTION_CELLS.put(surgery, cells);
        }
    }

    /** A study's constant cells of trial_matches.csv, kept while the study object stays the same. */
    private record StudyCells(Study study, String cells) {
    }

    private final RunFolders.Staging staging;
    private final int reportCap;
    private final int trialCap;
    private final AssessmentJson json = new AssessmentJson();
    private final Map<String, StagedFile> files = new LinkedHashMap<>();
    private final Map<String, Long> lengths = new LinkedHashMap<>();
    private RunTally tally = new RunTally();
    private TrialTally trialTally = new TrialTally();
    /** Per NCT id, as many as the catalogue has studies. */
    private final Map<String, StudyCells> studyCells = new HashMap<>();
    /** The rows being written, reused from person to person. */
    private final CsvRow csv = new CsvRow();
    /** One assessment as JSON, written once and copied to the JSON Lines file and the report feeds. */
    private final StringBuilder line = new StringBuilder(4096);
    private final StringBuilder text = new StringBuilder(256);
    private char[] copy = new char[4096];

    /**
     * @param reportCap how many entries of each list report.html shows: the feeds keep no more; the trial
     *                  feed keeps as many rows per study (the page shows {@code maxRowsPerTrial} of them)
     */
    StagedOutputWriter(RunFolders.Staging staging, int reportCap) {
        this(staging, reportCap, reportCap);
    }

    /** @param trialCap how many rows of each study the trial feed keeps: at least the page's per-trial cap */
    StagedOutputWriter(RunFolders.Staging staging, int reportCap, int trialCap) {
        this.staging = staging;
        this.reportCap = reportCap;
        this.trialCap = trialCap;
    }

    /** The staged files, relative to the staging folder: published ones first, then internal ones. */
    static List<String> stagedFiles() {
        List<String> names = new ArrayList<>(List.of("publish/assessments.csv", "publish/options.csv",
                "publish/rejects.csv", "publish/assessments.jsonl", "publish/" + TRIAL_MATCHES));
        for (String feed : List.of(ReportFeeds.HIGH, ReportFeeds.ROUTINE, ReportFeeds.REVIEW, ReportFeeds.PEOPLE,
                ReportFeeds.REJECTS, TRIAL_FEED)) {
            names.add("internal/" + feed);
        }
        return names;
    }

    /** The execution-context key of a staged file's length at the last commit (file names are unique). */
    static String lengthKey(String stagedFile) {
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
                openFile(context, resuming, name, CSV_HEADERS.get(name));
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot open the staged outputs in " + staging.root(), e);
        }
        tally = resuming ? RunTally.of((Map<String, Long>) context.get(TALLY)) : new RunTally();
        trialTally = resuming ? TrialTally.of((Map<String, Long>) context.get(TRIAL_TALLY)) : new TrialTally();
    }

    private void openFile(ExecutionContext context, boolean resuming, String stagedFile, List<String> csvHeader)
            throws IOException {
        Path path = staging.root().resolve(stagedFile);
        String name = path.getFileName().toString();
        StagedFile file = resuming ? StagedFile.resume(path, context.getLong(lengthKey(stagedFile)))
                : StagedFile.create(path);
        files.put(name, file);
        if (csvHeader != null && !resuming) {
            file.writer().write(CsvRow.of(csvHeader));
        }
        lengths.put(name, file.flush());
    }

    @Override
    public void write(Chunk<? extends Outcome> chunk) throws IOException {
        for (Outcome outcome : chunk) {
            if (outcome instanceof Outcome.Assessed assessed) {
                writeAssessed(assessed);
            } else if (outcome instanceof Outcome.Rejected rejected) {
                writeRejected(rejected.row());
            }
        }
        // to the operating system before the commit: the saved lengths never exceed what is on disk
        for (Map.Entry<String, StagedFile> file : files.entrySet()) {
            lengths.put(file.getKey(), file.getValue().flush());
        }
    }

    private void writeAssessed(Outcome.Assessed assessed) throws IOException {
        PatientRecord record = assessed.record();
        Assessment assessment = assessed.assessment();
        List<ReviewFlag> flags = assessment.orderedFlags();
        List<TreatmentOption> options = assessment.options();
        List<TrialMatch> trials = assessed.trials();
        String patientId = record.patientId();

        csv.cell(patientId).cell(record.sourceFile()).number(record.sourceLine()).cell(record.primarySite())
                .cell(assessment.pathway().name()).cell(assessment.extent())
                .cell(assessment.goal() == null ? null : assessment.goal().name());
        text.setLength(0);
        for (TreatmentOption option : options) {
            text.append(text.isEmpty() ? "" : ";").append(option.code());
        }
        csv.cell(text.toString());
        text.setLength(0);
        for (TreatmentOption option : options) {
            text.append(text.isEmpty() ? "" : ";").append(option.ruleId());
        }
        csv.cell(text.toString()).cell(assessment.trialDiscussion() ? "true" : "false")
                .cell(assessment.trialPriority().name());
        text.setLength(0);
        for (ReviewFlag flag : flags) {
            text.append(text.isEmpty() ? "" : ";").append(flag.name());
        }
        csv.cell(text.toString());
        if (assessed.ageAtRecurrence() == null) {
            csv.cell(null);
        } else {
            csv.number(assessed.ageAtRecurrence());
        }
        csv.cell(record.province()).formatted(GUIDELINE_VERSION_CELL);
        if (trials == null) {
            csv.cell(null);
        } else {
            text.setLength(0);
            for (TrialMatch match : trials) {
                if (match.result() == TrialMatch.Result.MATCH) {
                    text.append(text.isEmpty() ? "" : ";").append(match.nctId());
                }
            }
            csv.cell(text.toString());
        }
        csv.cell(assessment.trialRule().name());
        csv.end().writeTo(files.get("assessments.csv").writer());

        if (trials != null && !trials.isEmpty()) {
            writeTrialMatches(patientId, trials);
        }
        if (!options.isEmpty()) {
            Map<TreatmentOption, String> optionCells = OPTION_CELLS.get(assessment.surgeryPossible());
            for (TreatmentOption option : options) {
                csv.cell(patientId).formatted(optionCells.get(option)).end();
            }
            csv.writeTo(files.get("options.csv").writer());
        }

        line.setLength(0);
        json.writeAssessment(line, record, assessment, assessed.ageAtRecurrence(), trials);
        line.append('\n');
        write(files.get("assessments.jsonl").writer(), line);

        // the first entries of each list of report.html, so the page never has to read the whole run
        long ordinal = tally.assessed();
        boolean high = assessment.trialPriority() == TrialPriority.HIGH && tally.priority(TrialPriority.HIGH) < reportCap;
        boolean routine = assessment.trialPriority() == TrialPriority.ROUTINE
                && tally.priority(TrialPriority.ROUTINE) < reportCap;
        boolean review = !flags.isEmpty() && tally.flagged() < reportCap;
        boolean people = ordinal < reportCap;
        if (high || routine || review || people) {
            String personLine = ReportFeeds.personLine(ordinal, line.substring(0, line.length() - 1));
            if (high) {
                files.get(ReportFeeds.HIGH).writer().write(personLine);
            }
            if (routine) {
                files.get(ReportFeeds.ROUTINE).writer().write(personLine);
            }
            if (review) {
                files.get(ReportFeeds.REVIEW).writer().write(personLine);
            }
            if (people) {
                files.get(ReportFeeds.PEOPLE).writer().write(personLine);
            }
        }
        tally.assessed(record.sourceFile(), assessment.pathway(), assessment.trialPriority(), flags, options);
    }

    /** The person's rows of trial_matches.csv, the first rows of each study to the trial feed too, and counts them. */
    private void writeTrialMatches(String patientId, List<TrialMatch> trials) throws IOException {
        for (TrialMatch match : trials) {
            csv.cell(patientId).formatted(studyCells(match.study())).cell(match.result().name())
                    .cell(match.failedCriterion() == null ? null : match.failedCriterion().name())
                    .cell(toVerify(match)).number(match.sitesInProvince()).number(match.sitesInCanada())
                    .cell(String.join(";", match.siteCities())).end();
        }
        csv.writeTo(files.get(TRIAL_MATCHES).writer());
        boolean feed = false;
        for (TrialMatch match : trials) {
            // a person has one row per study at most: the study's rows so far are those of earlier people
            if (trialTally.rows(match.nctId()) < trialCap) {
                csv.plain(match.nctId()).plain(patientId).plain(match.result().name())
                        .plain(match.failedCriterion() == null ? null : match.failedCriterion().name())
                        .plain(toVerify(match)).number(match.sitesInProvince())
                        .plain(String.join(";", match.siteCities())).end();
                feed = true;
            }
        }
        if (feed) {
            csv.writeTo(files.get(TRIAL_FEED).writer());
        }
        trialTally.person(trials);
    }

    private String toVerify(TrialMatch match) {
        List<Criterion> toVerify = match.toVerify();
        if (toVerify.isEmpty()) {
            return "";
        }
        text.setLength(0);
        for (Criterion criterion : toVerify) {
            text.append(text.isEmpty() ? "" : ";").append(criterion.name());
        }
        return text.toString();
    }

    private String studyCells(Study study) {
        StudyCells cells = studyCells.get(study.nctId());
        // the same object for every person of a run; compared by identity, which costs nothing
        if (cells == null || cells.study() != study) {
            cells = new StudyCells(study, TrialRows.studyCells(study));
            studyCells.put(study.nctId(), cells);
        }
        return cells.cells();
    }

    private void writeRejected(RejectedRow row) throws IOException {
        csv.cell(row.sourceFile()).number(row.line()).cell(row.patientId()).cell(row.reason().name())
                .cell(row.message()).end().writeTo(files.get("rejects.csv").writer());
        if (tally.rejected() < reportCap) {
            line.setLength(0);
            json.writeRejected(line, row);
            line.append('\n');
            write(files.get(ReportFeeds.REJECTS).writer(), line);
        }
        tally.rejected(row.sourceFile(), row.reason());
    }

    /** One bulk write: Writer.append(CharSequence) would copy the text into a String first. */
    private void write(Writer out, StringBuilder chars) throws IOException {
        int length = chars.length();
        if (copy.length < length) {
            copy = new char[Math.max(length, copy.length * 2)];
        }
        chars.getChars(0, length, copy, 0);
        out.write(copy, 0, length);
    }

    @Override
    public void update(ExecutionContext context) {
        lengths.forEach((name, length) -> context.putLong(lengthKey(name), length));
        context.put(TALLY, tally.snapshot());
        context.put(TRIAL_TALLY, trialTally.snapshot());
    }

    @Override
    public void close() {
        // close every file even when one fails, then report the first failure
        UncheckedIOException failure = null;
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
        if (failure != null) {
            throw failure;
        }
    }
}
