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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The run history in the job database (tables of {@code db/migration/V1__run_history.sql}): per published
 * run its totals, and per person what it concluded. Every call joins the caller's transaction, so the
 * publish step writes a run's history in the same commit that marks the step complete: exactly once,
 * however often the step is restarted.
 *
 * <p>Memory stays flat whatever the size of a run: rows go in by JDBC batches, and the comparison of two
 * runs is done by the database (an index lookup per person) and read back in fetch-size pieces.
 */
public class RunHistory {

    /** Rows per JDBC batch insert, and per fetch when reading back. */
    static final int BATCH = 1000;

    private static final String INSERT_PERSON = "INSERT INTO trialpath_person_result"
            + " (run_id, patient_id, ordinal, pathway, options, trial_priority, matched_trials, review_flags)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String PERSON_COLUMNS = "patient_id, pathway, options, trial_priority, matched_trials,"
            + " review_flags";

    private final JdbcTemplate jdbc;

    public RunHistory(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(BATCH);
    }

    /**
     * Stores a published run and what it concluded for each person, replacing whatever was stored for the
     * same run before (a restart of a publication that did not commit).
     *
     * @param people the run's people in the order of its assessments.csv
     * @return how many people were stored
     */
    public long record(String output, long jobExecutionId, Instant publishedAt, RunTotals totals,
            Iterator<PersonResult> people) {
        forget(totals.runId());
        jdbc.update("INSERT INTO trialpath_run (run_id, output_path, run_date, job_execution_id, published_at,"
                + " read_rows, assessed, rejected, high_priority, routine_priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                totals.runId(), output, Date.valueOf(totals.runDate()), jobExecutionId,
                Timestamp.valueOf(LocalDateTime.ofInstant(publishedAt, ZoneOffset.UTC)), totals.read(),
                totals.assessed(), totals.rejected(), totals.highPriority(), totals.routinePriority());
        List<Object[]> batch = new ArrayList<>(BATCH);
        long ordinal = 0;
        while (people.hasNext()) {
            PersonResult p = people.next();
            batch.add(new Object[] { totals.runId(), p.patientId(), ++ordinal, p.pathway(), p.options(),
                    p.trialPriority(), p.matchedTrials(), p.reviewFlags() });
            if (batch.size() == BATCH) {
                jdbc.batchUpdate(INSERT_PERSON, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            jdbc.batchUpdate(INSERT_PERSON, batch);
        }
        return ordinal;
    }

    /**
     * The run to compare a run with: the latest other run published for the same output folder whose run date
     * is not after this one's. A corrected export for the same date is compared with the run it replaces; a
     * late run for an earlier date with the run before that date, not with a later one.
     */
    public Optional<PreviousRun> previousRun(String output, long runId, LocalDate runDate) {
        List<PreviousRun> runs = jdbc.query("SELECT run_id, run_date FROM trialpath_run"
                + " WHERE output_path = ? AND run_id <> ? AND run_date <= ?"
                + " ORDER BY run_date DESC, published_at DESC, run_id DESC FETCH FIRST 1 ROWS ONLY",
                (rs, i) -> new PreviousRun(rs.getLong("run_id"), rs.getDate("run_date").toLocalDate()),
                output, runId, Date.valueOf(runDate));
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

    /** Keeps the latest {@code runs} runs of an output folder (by run date, then publication) and forgets the rest. */
    public List<Long> keepLatest(String output, int runs) {
        List<Long> ids = jdbc.queryForList("SELECT run_id FROM trialpath_run WHERE output_path = ?"
                + " ORDER BY run_date DESC, published_at DESC, run_id DESC", Long.class, output);
        List<Long> forgotten = ids.size() > runs ? List.copyOf(ids.subList(runs, ids.size())) : List.of();
        forgotten.forEach(this::forget);
        return forgotten;
    }

    /**
     * The totals of the latest {@code limit} run dates of an output folder, oldest first: one per date, the run
     * published last for it (a replaced run is no longer what the folder shows).
     */
    public List<RunTotals> lastRuns(String output, int limit) {
        List<RunTotals> runs = jdbc.query("SELECT run_id, run_date, read_rows, assessed, rejected, high_priority,"
                + " routine_priority FROM trialpath_run r WHERE output_path = ? AND NOT EXISTS"
                + " (SELECT 1 FROM trialpath_run later WHERE later.output_path = r.output_path"
                + " AND later.run_date = r.run_date AND (later.published_at > r.published_at"
                + " OR (later.published_at = r.published_at AND later.run_id > r.run_id)))"
                + " ORDER BY run_date DESC FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY",
                (rs, i) -> new RunTotals(rs.getLong("run_id"), rs.getDate("run_date").toLocalDate(),
                        rs.getLong("read_rows"), rs.getLong("assessed"), rs.getLong("rejected"),
                        rs.getLong("high_priority"), rs.getLong("routine_priority")),
                output);
        List<RunTotals> oldestFirst = new ArrayList<>(runs);
        Collections.reverse(oldestFirst);
        return List.copyOf(oldestFirst);
    }

    /** What a stored run concluded per person, in its input order (for tests and checks; streams). */
    public void forEachPerson(long runId, Consumer<PersonResult> people) {
        jdbc.query("SELECT " + PERSON_COLUMNS + " FROM trialpath_person_result WHERE run_id = ? ORDER BY ordinal",
                rs -> {
                    people.accept(person(rs, ""));
                }, runId);
    }

    private void forget(long runId) {
        jdbc.update("DELETE FROM trialpath_person_result WHERE run_id = ?", runId);
        jdbc.update("DELETE FROM trialpath_run WHERE run_id = ?", runId);
    }

    private static PersonResult person(ResultSet rs, String prefix) throws SQLException {
        return new PersonResult(rs.getString(prefix + "patient_id"), rs.getString(prefix + "pathway"),
                rs.getString(prefix + "options"), rs.getString(prefix + "trial_priority"),
                rs.getString(prefix + "matched_trials"), rs.getString(prefix + "review_flags"));
    }
}
