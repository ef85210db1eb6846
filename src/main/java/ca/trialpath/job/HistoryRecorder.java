package ca.trialpath.job;

import ca.trialpath.history.PersonResult;
import ca.trialpath.history.PreviousRun;
import ca.trialpath.history.RunHistory;
import ca.trialpath.history.RunTotals;
import ca.trialpath.report.ChangesCsv;
import ca.trialpath.report.OvernightChanges;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish step's part in the run history: stores what the run concluded per person, taken from its staged
 * assessments.csv (the source of truth of a restartable run), writes changes.csv against the previous published
 * run, and forgets runs beyond the number kept. The people are staged in transactions of their own; the run is
 * marked published in the publish step's transaction, so it enters the history together with the step's
 * completion: exactly once.
 */
class HistoryRecorder {

    /** The run-history trend shows this many runs. */
    static final int TREND_RUNS = 30;
    static final String CHANGES_CSV = "changes.csv";
    /** The column of assessments.csv with the matched trials ({@code ;}-list of NCT ids), once trials are matched. */
    static final String MATCHED_TRIALS = "matched_trials";

    private static final Logger log = LoggerFactory.getLogger(HistoryRecorder.class);
    private static final CSVFormat STAGED_CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private final RunHistory history;
    private final int runsKept;

    HistoryRecorder(RunHistory history, int runsKept) {
        this.history = history;
        this.runsKept = runsKept;
    }

    /**
     * Stores the run whose files are in {@code folder}, writes {@code folder/changes.csv} and returns what
     * changed, keeping the first {@code maxRowsPerList} changes for the page.
     */
    OvernightChanges record(Path folder, String output, long jobExecutionId, RunTotals totals, int maxRowsPerList)
            throws IOException {
        stage(folder, output, jobExecutionId, totals);
        Optional<PreviousRun> previous = history.previousRun(output, totals.runId(), totals.runDate());
        OvernightChanges.Gatherer changes = new OvernightChanges.Gatherer(previous.orElse(null), maxRowsPerList);
        try (ChangesCsv csv = new ChangesCsv(folder.resolve(CHANGES_CSV))) {
            previous.ifPresent(run -> history.compare(run.runId(), totals.runId(), change -> {
                csv.write(change);
                changes.add(change);
            }));
        }
        publish(output, totals);
        OvernightChanges result = changes.result();
        log.info("{}: {} changes since {}", CHANGES_CSV, result.total(),
                previous.map(run -> "the run of " + run.runDate() + " (job instance " + run.runId() + ")")
                        .orElse("no earlier run (the first run of this output folder)"));
        return result;
    }

    /**
     * Stores a run that was already moved into place by an execution that stopped before its commit: its
     * changes.csv is published already, only the database lacks the run.
     */
    void recordPublished(Path published, String output, long jobExecutionId, RunTotals totals) throws IOException {
        stage(published, output, jobExecutionId, totals);
        publish(output, totals);
    }

    /** The totals of the last runs of the output folder, oldest first (for the trend of the report). */
    List<RunTotals> lastRuns(String output) {
        return history.lastRuns(output, TREND_RUNS);
    }

    private void stage(Path folder, String output, long jobExecutionId, RunTotals totals) throws IOException {
        try (Reader reader = Files.newBufferedReader(folder.resolve("assessments.csv"), StandardCharsets.UTF_8);
                CSVParser parser = STAGED_CSV.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            history.stage(output, jobExecutionId, Instant.now(), totals, new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return records.hasNext();
                }

                @Override
                public PersonResult next() {
                    return person(records.next());
                }
            });
        }
    }

    /** In the publish step's transaction: the run counts once that commits. */
    private void publish(String output, RunTotals totals) {
        List<Long> forgotten = history.publish(totals.runId(), Instant.now(), runsKept);
        if (!forgotten.isEmpty()) {
            log.info("run history keeps the latest {} runs of {}; forgot job instances {}", runsKept, output, forgotten);
        }
    }

    static PersonResult person(CSVRecord row) {
        return new PersonResult(unspreadsheet(row.get("patient_id")), row.get("pathway"), row.get("options"),
                row.get("trial_priority"), row.isMapped(MATCHED_TRIALS) ? row.get(MATCHED_TRIALS) : "",
                row.get("review_flags"));
    }

    /**
     * The patient id as exported, without the apostrophe that keeps a spreadsheet from reading {@code -123} as a
     * formula (an id never holds an apostrophe of its own: cohort-csv.md).
     */
    private static String unspreadsheet(String patientId) {
        return patientId.startsWith("'") ? patientId.substring(1) : patientId;
    }
}
