package ca.trialpath.batch.publish;

import ca.trialpath.batch.run.RunCheckFailedException;
import ca.trialpath.history.HistoryFeed;
import ca.trialpath.history.PreviousRun;
import ca.trialpath.history.RunHistory;
import ca.trialpath.history.RunTotals;
import ca.trialpath.history.ScreeningHistory;
import ca.trialpath.report.ChangesCsv;
import ca.trialpath.report.OvernightChanges;
import ca.trialpath.screening.RememberedPair;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish step's part in the run history: stores what the run concluded per person, taken from the
 * partitions' history feeds (written with assessments.csv by the chunk step, cut back with it on restart: never a
 * parse of the published file), writes changes.csv against the previous published run, and forgets runs beyond
 * the number kept. The people are staged in transactions of their own; the run is
 * marked published in the publish step's transaction, so it enters the history together with the step's
 * completion: exactly once.
 */
public class HistoryRecorder {

    /** The run-history trend shows this many runs. */
    static final int TREND_RUNS = 30;
    static final String CHANGES_CSV = "changes.csv";

    private static final Logger log = LoggerFactory.getLogger(HistoryRecorder.class);

    private final RunHistory history;
    private final ScreeningHistory screening;
    private final int runsKept;

    public HistoryRecorder(RunHistory history, ScreeningHistory screening, int runsKept) {
        this.history = history;
        this.screening = screening;
        this.runsKept = runsKept;
    }

    /**
     * The screening pairs the last published run of the output folder kept (the run {@link #record} compares with):
     * a rerun or a restart of the same night reads the same ones. Empty on the first night.
     */
    List<RememberedPair> screeningBefore(String output, long runId, LocalDate runDate) {
        return history.previousRun(output, runId, runDate).map(run -> screening.pairs(run.runId())).orElse(List.of());
    }

    /** The screening pairs a run stored. */
    List<RememberedPair> screeningOf(long runId) {
        return screening.pairs(runId);
    }

    /**
     * Stores the run whose people are in {@code people}, writes {@code folder/changes.csv} and returns what
     * changed, keeping the first {@code maxRowsPerList} changes for the page.
     *
     * @param people  the partitions' history feeds, in partition order
     * @param scratch a folder that is not published (the run's staging {@code internal/}) for the files of the
     *                history's sorts; they are deleted before return
     * @param pairs   the screening pairs the run keeps for the next night, stored in the caller's transaction;
     *                {@code null}: none (a de-identified run)
     */
    OvernightChanges record(Path folder, List<HistoryFeed.Part> people, String output, long jobExecutionId,
            RunTotals totals, int maxRowsPerList, Path scratch, List<RememberedPair> pairs) throws IOException {
        if (!HistoryFeed.allThere(people)) {
            throw new IOException("the run history's feeds of the partitions (" + HistoryFeed.FILE + ") are not all"
                    + " there: a partition was assessed by an earlier TrialPath or its staging was changed; start"
                    + " the run afresh (a new run of the same night)");
        }
        stage(people, output, jobExecutionId, totals, scratch);
        storeScreening(totals.runId(), pairs);
        Optional<PreviousRun> previous = history.previousRun(output, totals.runId(), totals.runDate());
        OvernightChanges.Gatherer changes = new OvernightChanges.Gatherer(previous.orElse(null), maxRowsPerList);
        try (ChangesCsv csv = new ChangesCsv(folder.resolve(CHANGES_CSV))) {
            previous.ifPresent(run -> history.compare(run.runId(), totals.runId(), scratch, change -> {
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
     * changes.csv is published already, only the database lacks the run's "published" mark. Its people were
     * staged before the move; they are staged again from the feeds only if they are not all there (another run
     * of the output folder removed them). Without them and without the feeds (removed with the staging folder
     * after the move), the history goes without this run, and says so: the next night compares with the run before.
     */
    void recordPublished(List<HistoryFeed.Part> people, String output, long jobExecutionId, RunTotals totals,
            Path scratch, List<RememberedPair> pairs) throws IOException {
        if (!history.isStaged(totals.runId(), totals.assessed())) {
            if (!HistoryFeed.allThere(people)) {
                log.warn("the run history lost the people of this run (job instance {}) and its staging folder is"
                        + " gone: the history goes without it, and the next run of {} compares with the run before",
                        totals.runId(), output);
                return;
            }
            stage(people, output, jobExecutionId, totals, scratch);
        }
        storeScreening(totals.runId(), pairs);
        publish(output, totals);
    }

    /** After the run's row is staged, before it is marked published: in the publish step's transaction. */
    private void storeScreening(long runId, List<RememberedPair> pairs) {
        if (pairs != null) {
            screening.store(runId, pairs);
        }
    }

    /** The totals of the last runs of the output folder, oldest first (for the trend of the report). */
    public List<RunTotals> lastRuns(String output) {
        return history.lastRuns(output, TREND_RUNS);
    }

    private void stage(List<HistoryFeed.Part> feeds, String output, long jobExecutionId, RunTotals totals,
            Path scratch) throws IOException {
        long stored;
        try (HistoryFeed.People people = HistoryFeed.read(feeds)) {
            stored = history.stage(output, jobExecutionId, Instant.now(), totals, people, scratch);
        }
        if (stored != totals.assessed()) {
            throw new RunCheckFailedException("the run history's feeds hold " + stored + " people where the run"
                    + " assessed " + totals.assessed() + ": a staged file was changed or lost; nothing is published");
        }
    }

    /** In the publish step's transaction: the run counts once that commits. */
    private void publish(String output, RunTotals totals) {
        List<Long> forgotten = history.publish(totals.runId(), Instant.now(), runsKept);
        if (!forgotten.isEmpty()) {
            log.info("run history keeps the latest {} runs of {}; forgot job instances {}", runsKept, output, forgotten);
        }
    }
}
