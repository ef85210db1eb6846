package ca.trialpath.job;

import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.guideline.Assessment;
import ca.trialpath.guideline.GuidelineVersion;
import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.guideline.TreatmentOption;
import ca.trialpath.guideline.TrialPriority;
import ca.trialpath.report.AssessmentJson;
import ca.trialpath.report.PublishPermissions;
import ca.trialpath.report.PublishedColumns;
import ca.trialpath.report.ReportFeeds;
import ca.trialpath.report.RunFolders;
import ca.trialpath.report.SpreadsheetSafe;
import ca.trialpath.report.TrialRows;
import ca.trialpath.trials.TrialMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
    static final String ASSESSED_IDS = "assessed-ids.txt";
    static final String TRIAL_MATCHES = "trial_matches.csv";

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final String LENGTH = "writer.length.";
    private static final Map<String, List<String>> CSV_HEADERS = Map.of(
            "publish/assessments.csv", PublishedColumns.ASSESSMENTS,
            "publish/options.csv", PublishedColumns.OPTIONS,
            "publish/rejects.csv", PublishedColumns.REJECTS,
            "publish/" + TRIAL_MATCHES, PublishedColumns.TRIAL_MATCHES);
    /** The options.csv row of each option after its patient_id: the same for everyone, so formatted once. */
    private static final Map<TreatmentOption, String> OPTION_ROWS = new EnumMap<>(TreatmentOption.class);

    static {
        for (TreatmentOption option : TreatmentOption.values()) {
            OPTION_ROWS.put(option, "," + CSV.format(Stream.of(option.ruleId(), option.code(),
                    option.label(), option.regimens(), option.goal().name(), option.section().heading(), option.basis())
                    .map(SpreadsheetSafe::cell).toArray()) + "\n");
        }
    }

    private final RunFolders.Staging staging;
    private final int reportCap;
    private final AssessmentJson json = new AssessmentJson();
    private final Map<String, StagedFile> files = new LinkedHashMap<>();
    private final Map<String, CSVPrinter> printers = new LinkedHashMap<>();
    private final Map<String, Long> lengths = new LinkedHashMap<>();
    private RunTally tally = new RunTally();
    /** One assessment as JSON, written once and copied to the JSON Lines file and the report feeds. */
    private final StringBuilderWriter line = new StringBuilderWriter();

    /** @param reportCap how many entries of each list report.html shows: the feeds keep no more */
    StagedOutputWriter(RunFolders.Staging staging, int reportCap) {
        this.staging = staging;
        this.reportCap = reportCap;
    }

    /** The staged files, relative to the staging folder: published ones first, then internal ones. */
    static List<String> stagedFiles() {
        List<String> names = new ArrayList<>(List.of("publish/assessments.csv", "publish/options.csv",
                "publish/rejects.csv", "publish/assessments.jsonl", "publish/" + TRIAL_MATCHES,
                "internal/" + ASSESSED_IDS));
        for (String feed : List.of(ReportFeeds.HIGH, ReportFeeds.ROUTINE, ReportFeeds.REVIEW, ReportFeeds.PEOPLE,
                ReportFeeds.REJECTS)) {
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
    }

    private void openFile(ExecutionContext context, boolean resuming, String stagedFile, List<String> csvHeader)
            throws IOException {
        Path path = staging.root().resolve(stagedFile);
        String name = path.getFileName().toString();
        StagedFile file = resuming ? StagedFile.resume(path, context.getLong(lengthKey(stagedFile)))
                : StagedFile.create(path);
        files.put(name, file);
        if (csvHeader != null) {
            CSVPrinter printer = new CSVPrinter(file.writer(), CSV);
            if (!resuming) {
                printer.printRecord(csvHeader);
            }
            printers.put(name, printer);
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
        List<String> row = new ArrayList<>(PublishedColumns.ASSESSMENTS.size());
        row.add(record.patientId());
        row.add(record.sourceFile());
        row.add(Long.toString(record.sourceLine()));
        row.add(record.primarySite());
        row.add(assessment.pathway().name());
        row.add(assessment.extent());
        row.add(assessment.goal() == null ? null : assessment.goal().name());
        row.add(assessment.options().stream().map(TreatmentOption::code).collect(Collectors.joining(";")));
        row.add(assessment.options().stream().map(TreatmentOption::ruleId).collect(Collectors.joining(";")));
        row.add(Boolean.toString(assessment.trialDiscussion()));
        row.add(assessment.trialPriority().name());
        row.add(flags.stream().map(Enum::name).collect(Collectors.joining(";")));
        row.add(assessed.ageAtRecurrence() == null ? null : assessed.ageAtRecurrence().toString());
        row.add(record.province());
        row.add(GuidelineVersion.ID);
        row.add(assessed.trials() == null ? null : assessed.trials().stream()
                .filter(match -> match.result() == TrialMatch.Result.MATCH).map(TrialMatch::nctId)
                .collect(Collectors.joining(";")));
        printSafe("assessments.csv", row);
        if (assessed.trials() != null) {
            for (TrialMatch match : assessed.trials()) {
                printSafe(TRIAL_MATCHES, TrialRows.matchRow(record.patientId(), match));
            }
        }

        if (!assessment.options().isEmpty()) {
            String patient = CSV.format(SpreadsheetSafe.cell(record.patientId()));
            var options = files.get("options.csv").writer();
            for (TreatmentOption option : assessment.options()) {
                options.append(patient).append(OPTION_ROWS.get(option));
            }
        }
        line.setLength(0);
        json.writeAssessment(line, record, assessment, assessed.ageAtRecurrence(), assessed.trials());
        String assessmentJson = line.toString();
        files.get("assessments.jsonl").writer().append(assessmentJson).append('\n');
        // where each id was first assessed, so a restart names the same first row in a duplicate's message
        files.get(ASSESSED_IDS).writer().append(record.patientId()).append('\t').append(record.sourceFile())
                .append('\t').append(Long.toString(record.sourceLine())).append('\n');

        // the first entries of each list of report.html, so the page never has to read the whole run
        long ordinal = tally.assessed();
        if (assessment.trialPriority() == TrialPriority.HIGH && tally.priority(TrialPriority.HIGH) < reportCap) {
            files.get(ReportFeeds.HIGH).writer().append(ReportFeeds.personLine(ordinal, assessmentJson));
        }
        if (assessment.trialPriority() == TrialPriority.ROUTINE && tally.priority(TrialPriority.ROUTINE) < reportCap) {
            files.get(ReportFeeds.ROUTINE).writer().append(ReportFeeds.personLine(ordinal, assessmentJson));
        }
        if (!flags.isEmpty() && tally.flagged() < reportCap) {
            files.get(ReportFeeds.REVIEW).writer().append(ReportFeeds.personLine(ordinal, assessmentJson));
        }
        if (ordinal < reportCap) {
            files.get(ReportFeeds.PEOPLE).writer().append(ReportFeeds.personLine(ordinal, assessmentJson));
        }
        tally.assessed(record.sourceFile(), assessment.pathway(), assessment.trialPriority(), flags,
                assessment.options());
    }

    private void writeRejected(RejectedRow row) throws IOException {
        printSafe("rejects.csv", Arrays.asList(row.sourceFile(), Long.toString(row.line()), row.patientId(),
                row.reason().name(), row.message()));
        if (tally.rejected() < reportCap) {
            var feed = files.get(ReportFeeds.REJECTS).writer();
            json.writeRejected(feed, row);
            feed.write('\n');
        }
        tally.rejected(row.sourceFile(), row.reason());
    }

    private void printSafe(String file, List<String> cells) throws IOException {
        CSVPrinter printer = printers.get(file);
        for (String cell : cells) {
            printer.print(SpreadsheetSafe.cell(cell));
        }
        printer.println();
    }

    @Override
    public void update(ExecutionContext context) {
        lengths.forEach((name, length) -> context.putLong(lengthKey(name), length));
        context.put(TALLY, tally.snapshot());
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
        printers.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
