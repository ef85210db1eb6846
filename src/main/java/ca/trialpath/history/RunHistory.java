package ca.trialpath.history;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The run history in the job database (tables of {@code db/migration/V1__run_history.sql}): per run its
 * totals and state, and per person what it concluded.
 *
 * <p>A run is written in two moves. {@link #stage} stores its people in transactions of their own, a few
 * thousand rows each (H2 pays several times more for one transaction of a million rows), with the run marked
 * {@code STAGED}: invisible to comparisons, and replaced whole if the run stages again. {@link #publish} then
 * marks it {@code PUBLISHED} in the caller's transaction, the one that completes the publish step, so a run
 * enters the history exactly once however often its publication is restarted. Runs beyond those kept are
 * marked {@code FORGOTTEN} in that same transaction and their rows deleted once it has committed.
 *
 * <p>Memory stays flat whatever the size of a run: rows go in by JDBC batches, and the comparison of two
 * runs is done by the database (an index lookup per person) and read back in fetch-size pieces.
 */
public class RunHistory {

    /** Rows per JDBC batch insert, and per fetch when reading back. */
    static final int BATCH = 1000;
    /** Rows per transaction of their own when staging or deleting a run's people. */
    static final int ROWS_PER_COMMIT = 10 * BATCH;

    static final String STAGED = "STAGED";
    static final String PUBLISHED = "PUBLISHED";
    static final String FORGOTTEN = "FORGOTTEN";

    private static final Logger log = LoggerFactory.getLogger(RunHistory.class);

    private static final String INSERT_PERSON = "INSERT INTO trialpath_person_result"
            + " (run_id, patient_id, ordinal, pathway, options, trial_priority, matched_trials, review_flags)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String PERSON_COLUMNS = "patient_id, pathway, options, trial_priority, matched_trials,"
            + " review_flags";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public RunHistory(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(BATCH);
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Stores a run and what it concluded for each person, as {@code STAGED}, in transactions of its own;
     * whatever was stored for the same run before (a publication that stopped) is replaced, and what this
     * output folder left behind (runs forgotten, runs staged that never published) is deleted first.
     *
     * @param people the run's people in the order of its assessments.csv
     * @return how many people were stored
     */
    public long stage(String output, long jobExecutionId, Instant stagedAt, RunTotals totals,
            Iterator<PersonResult> people) {
        long runId = totals.runId();
        deleteLeftovers(output, runId);
        deleteRun(runId);
        ownTransaction.executeWithoutResult(status -> jdbc.update("INSERT INTO trialpath_run (run_id, output_path,"
                + " state, run_date, job_execution_id, published_at, read_rows, assessed, rejected, high_priority,"
                + " routine_priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runId, output, STAGED, Date.valueOf(totals.runDate()), jobExecutionId, timestamp(stagedAt),
                totals.read(), totals.assessed(), totals.rejected(), totals.highPriority(), totals.routinePriority()));
        List<Object[]> rows = new ArrayList<>(ROWS_PER_COMMIT);
        long ordinal = 0;
        while (people.hasNext()) {
            PersonResult p = people.next();
            rows.add(new Object[] { runId, p.patientId(), ++ordinal, p.pathway(), p.options(), p.trialPriority(),
                    p.matchedTrials(), p.reviewFlags() });
            if (rows.size() == ROWS_PER_COMMIT) {
                insert(rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            insert(rows);
        }
        return ordinal;
    }

    /**
     * Marks a staged run published, in the caller's transaction, and forgets the runs of its output folder
     * beyond the latest {@code runsKept} (by run date, then publication); their rows are deleted once the
     * caller's transaction has committed (at once without one).
     *
     * @return the runs forgotten
     */
    public List<Long> publish(long runId, Instant publishedAt, int runsKept) {
        String output = jdbc.queryForObject("SELECT output_path FROM trialpath_run WHERE run_id = ?", String.class,
                runId);
        int marked = jdbc.update("UPDATE trialpath_run SET state = ?, published_at = ? WHERE run_id = ? AND state = ?",
                PUBLISHED, timestamp(publishedAt), runId, STAGED);
        if (marked != 1) {
            throw new IllegalStateException("run " + runId + " is not staged in the run history");
        }
        List<Long> published = jdbc.queryForList("SELECT run_id FROM trialpath_run WHERE output_path = ? AND state = ?"
                + " ORDER BY run_date DESC, published_at DESC, run_id DESC", Long.class, output, PUBLISHED);
        List<Long> forgotten = published.size() > runsKept ? List.copyOf(published.subList(runsKept, published.size()))
                : List.of();
        for (long old : forgotten) {
            jdbc.update("UPDATE trialpath_run SET state = ? WHERE run_id = ?", FORGOTTEN, old);
        }
        if (!forgotten.isEmpty()) {
            afterCommit(() -> deleteLeftovers(output, runId));
        }
        return forgotten;
    }

    /**
     * The run to compare a run with: the latest other run published for the same output folder whose run date
     * is not after this one's. A corrected export for the same date is compared with the run it replaces; a
     * late run for an earlier date with the run before that date, not with a later one.
     */
    public Optional<PreviousRun> previousRun(String output, long runId, LocalDate runDate) {
        List<PreviousRun> runs = jdbc.query("SELECT run_id, run_date FROM trialpath_run"
                + " WHERE output_path = ? AND state = ? AND run_id <> ? AND run_date <= ?"
                + " ORDER BY run_date DESC, published_at DESC, run_id DESC FETCH FIRST 1 ROWS ONLY",
                (rs, i) -> new PreviousRun(rs.getLong("run_id"), rs.getDate("run_date").toLocalDate()),
                output, PUBLISHED, runId, Date.valueOf(runDate));
        return runs.stream().findFirst();
    }

    /**
     * Every change between two stored runs: first the people of the current run in its input order (new ones,
     * changed ones), then the people no longer present in the previous run's order.
     *
     * @return how many changes there were
     */
    public long compare(long previousRunId, long currentRunId, Consumer<Change> changes) {
        long[] count = { 0 };
        Consumer<Change> counting = change -> {
            count[0]++;
            changes.accept(change);
        };
        jdbc.query("SELECT c.patient_id, c.pathway, c.options, c.trial_priority, c.matched_trials, c.review_flags,"
                + " p.patient_id AS p_patient_id, p.pathway AS p_pathway, p.options AS p_options,"
                + " p.trial_priority AS p_trial_priority, p.matched_trials AS p_matched_trials,"
                + " p.review_flags AS p_review_flags"
                + " FROM trialpath_person_result c LEFT JOIN trialpath_person_result p"
                + " ON p.run_id = ? AND p.patient_id = c.patient_id"
                + " WHERE c.run_id = ? ORDER BY c.ordinal",
                rs -> {
                    PersonResult before = rs.getString("p_patient_id") == null ? null : person(rs, "p_");
                    PersonChanges.between(before, person(rs, ""), counting);
                }, previousRunId, currentRunId);
        jdbc.query("SELECT " + PERSON_COLUMNS + " FROM trialpath_person_result p WHERE p.run_id = ?"
                + " AND NOT EXISTS (SELECT 1 FROM trialpath_person_result c"
                + " WHERE c.run_id = ? AND c.patient_id = p.patient_id) ORDER BY p.ordinal",
                rs -> {
                    PersonChanges.between(person(rs, ""), null, counting);
                }, previousRunId, currentRunId);
        return count[0];
    }

    /**
     * The totals of the latest {@code limit} run dates of an output folder, oldest first: one per date, the run
     * published last for it (a replaced run is no longer what the folder shows).
     */
    public List<RunTotals> lastRuns(String output, int limit) {
        List<RunTotals> runs = jdbc.query("SELECT run_id, run_date, read_rows, assessed, rejected, high_priority,"
                + " routine_priority FROM trialpath_run r WHERE output_path = ? AND state = ? AND NOT EXISTS"
                + " (SELECT 1 FROM trialpath_run later WHERE later.output_path = r.output_path"
                + " AND later.state = r.state AND later.run_date = r.run_date"
                + " AND (later.published_at > r.published_at"
                + " OR (later.published_at = r.published_at AND later.run_id > r.run_id)))"
                + " ORDER BY run_date DESC FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY",
                (rs, i) -> new RunTotals(rs.getLong("run_id"), rs.getDate("run_date").toLocalDate(),
                        rs.getLong("read_rows"), rs.getLong("assessed"), rs.getLong("rejected"),
                        rs.getLong("high_priority"), rs.getLong("routine_priority")),
                output, PUBLISHED);
        List<RunTotals> oldestFirst = new ArrayList<>(runs);
        Collections.reverse(oldestFirst);
        return List.copyOf(oldestFirst);
    }

    /** What a stored run concluded per person, in its input order (streams). */
    public void forEachPerson(long runId, Consumer<PersonResult> people) {
        jdbc.query("SELECT " + PERSON_COLUMNS + " FROM trialpath_person_result WHERE run_id = ? ORDER BY ordinal",
                rs -> {
                    people.accept(person(rs, ""));
                }, runId);
    }

    private void insert(List<Object[]> rows) {
        ownTransaction.executeWithoutResult(status -> {
            for (int from = 0; from < rows.size(); from += BATCH) {
                jdbc.batchUpdate(INSERT_PERSON, rows.subList(from, Math.min(rows.size(), from + BATCH)));
            }
        });
    }

    /**
     * Deletes what an output folder left behind: runs forgotten, and runs staged that never published (one run
     * at a time writes to an output folder, so a staged run other than {@code current} is dead).
     */
    private void deleteLeftovers(String output, long current) {
        List<Long> leftovers = ownTransaction.execute(status -> jdbc.queryForList("SELECT run_id FROM trialpath_run"
                + " WHERE output_path = ? AND run_id <> ? AND (state = ? OR state = ?)", Long.class, output, current,
                FORGOTTEN, STAGED));
        for (long runId : leftovers) {
            deleteRun(runId);
        }
    }

    /** Deletes a run's people a transaction of {@link #ROWS_PER_COMMIT} at a time, then the run. */
    private void deleteRun(long runId) {
        Long last = ownTransaction.execute(status -> jdbc.queryForObject(
                "SELECT MAX(ordinal) FROM trialpath_person_result WHERE run_id = ?", Long.class, runId));
        for (long from = 0; last != null && from < last; from += ROWS_PER_COMMIT) {
            long after = from;
            ownTransaction.executeWithoutResult(status -> jdbc.update("DELETE FROM trialpath_person_result"
                    + " WHERE run_id = ? AND ordinal > ? AND ordinal <= ?", runId, after, after + ROWS_PER_COMMIT));
        }
        ownTransaction.executeWithoutResult(status -> jdbc.update("DELETE FROM trialpath_run WHERE run_id = ?", runId));
    }

    /** Runs after the caller's transaction commits, or at once without one; a failure is left for the next run. */
    private static void afterCommit(Runnable work) {
        Runnable quietly = () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("run history: forgotten runs not deleted yet (the next run retries): {}", e.getMessage());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    quietly.run();
                }
            });
        } else {
            quietly.run();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static PersonResult person(ResultSet rs, String prefix) throws SQLException {
        return new PersonResult(rs.getString(prefix + "patient_id"), rs.getString(prefix + "pathway"),
                rs.getString(prefix + "options"), rs.getString(prefix + "trial_priority"),
                rs.getString(prefix + "matched_trials"), rs.getString(prefix + "review_flags"));
    }
}
