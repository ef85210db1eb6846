package ca.trialpath.history;

import java.nio.file.Path;
import java.sql.Date;
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
 * The run history in the job database (tables of {@code db/migration}): per run its totals and state, and its
 * people in blocks.
 *
 * <p>A run's people are stored sorted by patient id, a hundred thousand to a block ({@link PersonBlock}, table
 * {@code trialpath_run_block}), so that comparing two runs is one pass over both, side by side (a merge join),
 * and storing ten million people is about a hundred rows instead of ten million. The sort is an external one
 * ({@link ExternalSorter}): at most {@code maxPeopleInMemory} people are held at a time, the rest wait in
 * sorted files of the scratch folder the caller names. Each person keeps their row in the run's
 * assessments.csv (the ordinal), and the changes found by the merge are put back in the order changes.csv
 * needs by a second external sort, which for the usual few changes stays in memory.
 *
 * <p>A run is written in two moves. {@link #stage} stores its blocks in transactions of their own with the run
 * marked {@code STAGED}: invisible to comparisons, and replaced whole if the run stages again. {@link #publish}
 * then marks it {@code PUBLISHED} in the caller's transaction, the one that completes the publish step, so a
 * run enters the history exactly once however often its publication is restarted. Runs beyond those kept are
 * marked {@code FORGOTTEN} in that same transaction and their blocks deleted once it has committed.
 *
 * <p>Runs stored by TrialPath before the blocks (one row per person in {@code trialpath_person_result}) are
 * read from there, sorted the same way, so the first night after an upgrade compares with the night before.
 */
public class RunHistory {

    /** People held in memory by each sort, unless the constructor says otherwise (about 15 MB). */
    public static final int MAX_PEOPLE_IN_MEMORY = 100_000;
    /** Rows per fetch when reading the people of a run stored before the blocks. */
    static final int BATCH = 1000;
    /** Rows per transaction of their own when deleting a run stored before the blocks. */
    static final int ROWS_PER_COMMIT = 10 * BATCH;
    /** Blocks per transaction of their own when deleting a run's blocks. */
    static final int BLOCKS_PER_COMMIT = 16;

    static final String STAGED = "STAGED";
    static final String PUBLISHED = "PUBLISHED";
    static final String FORGOTTEN = "FORGOTTEN";

    private static final Logger log = LoggerFactory.getLogger(RunHistory.class);

    private static final String INSERT_BLOCK = "INSERT INTO trialpath_run_block (run_id, block_no, people, data)"
            + " VALUES (?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final int maxPeopleInMemory;

    public RunHistory(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this(dataSource, transactionManager, MAX_PEOPLE_IN_MEMORY);
    }

    /**
     * @param maxPeopleInMemory people (or changes) each sort holds in memory before it writes them to a file
     */
    public RunHistory(DataSource dataSource, PlatformTransactionManager transactionManager, int maxPeopleInMemory) {
        if (maxPeopleInMemory < 1) {
            throw new IllegalArgumentException("maxPeopleInMemory must be at least 1, not " + maxPeopleInMemory);
        }
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(BATCH);
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxPeopleInMemory = maxPeopleInMemory;
    }

    /**
     * Stores a run and what it concluded for each person, as {@code STAGED}, in transactions of its own;
     * whatever was stored for the same run before (a publication that stopped) is replaced, and what this
     * output folder left behind (runs forgotten, runs staged that never published) is deleted first.
     *
     * @param people  the run's people in the order of its assessments.csv ({@link HistoryFeed}); a patient id must
     *                not come twice
     * @param scratch a folder for the sort's files (created when needed; the files are deleted before return)
     * @return how many people were stored
     */
    public long stage(String output, long jobExecutionId, Instant stagedAt, RunTotals totals,
            Iterator<PersonResult> people, Path scratch) {
        long runId = totals.runId();
        deleteLeftovers(output, runId);
        deleteRun(runId);
        ownTransaction.executeWithoutResult(status -> jdbc.update("INSERT INTO trialpath_run (run_id, output_path,"
                + " state, run_date, job_execution_id, published_at, read_rows, assessed, rejected, high_priority,"
                + " routine_priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runId, output, STAGED, Date.valueOf(totals.runDate()), jobExecutionId, timestamp(stagedAt),
                totals.read(), totals.assessed(), totals.rejected(), totals.highPriority(), totals.routinePriority()));
        try (ExternalSorter<NumberedPerson> byId = peopleSorter(scratch)) {
            long ordinal = 0;
            while (people.hasNext()) {
                byId.add(new NumberedPerson(++ordinal, people.next()));
            }
            PersonBlock block = new PersonBlock();
            int blockNo = 0;
            String previousId = null;
            for (Iterator<NumberedPerson> sorted = byId.sorted(); sorted.hasNext();) {
                NumberedPerson person = sorted.next();
                if (person.patientId().equals(previousId)) {
                    throw new IllegalStateException("patient id " + previousId + " is twice in run " + runId
                            + ": the run history keeps one result per person");
                }
                previousId = person.patientId();
                if (block.add(person)) {
                    insertBlock(runId, blockNo++, block);
                }
            }
            if (block.people() > 0) {
                insertBlock(runId, blockNo, block);
            }
            return ordinal;
        }
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
     * @param scratch a folder for the sorts' files (created when needed; the files are deleted before return)
     * @return how many changes there were
     */
    public long compare(long previousRunId, long currentRunId, Path scratch, Consumer<Change> changes) {
        try (SortedRun before = sortedRun(previousRunId, scratch);
                SortedRun after = sortedRun(currentRunId, scratch);
                ExternalSorter<OrderedChange> inOrder = new ExternalSorter<>(OrderedChange.ORDER, OrderedChange.FORMAT,
                        maxPeopleInMemory, scratch, "changes-")) {
            long[] sequence = { 0 };
            NumberedPerson b = before.next();
            NumberedPerson a = after.next();
            while (b != null || a != null) {
                int side = b == null ? 1 : a == null ? -1 : b.patientId().compareTo(a.patientId());
                long place = side < 0 ? OrderedChange.GONE + b.ordinal() : a.ordinal();
                PersonChanges.between(side <= 0 ? b.person() : null, side >= 0 ? a.person() : null,
                        change -> inOrder.add(new OrderedChange(place, sequence[0]++, change)));
                if (side <= 0) {
                    b = before.next();
                }
                if (side >= 0) {
                    a = after.next();
                }
            }
            for (Iterator<OrderedChange> ordered = inOrder.sorted(); ordered.hasNext();) {
                changes.accept(ordered.next().change());
            }
            return inOrder.size();
        }
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

    /** What a stored run concluded per person, in patient id order (streams). */
    public void forEachPerson(long runId, Path scratch, Consumer<PersonResult> people) {
        try (SortedRun run = sortedRun(runId, scratch)) {
            for (NumberedPerson person = run.next(); person != null; person = run.next()) {
                people.accept(person.person());
            }
        }
    }

    /** Whether a run is staged (not yet published) with {@code people} people in its blocks. */
    public boolean isStaged(long runId, long people) {
        List<String> state = jdbc.queryForList("SELECT state FROM trialpath_run WHERE run_id = ?", String.class, runId);
        return state.equals(List.of(STAGED)) && peopleInBlocks(runId) == people;
    }

    /** How many people a run has in its blocks (none for a run stored before the blocks). */
    public long peopleInBlocks(long runId) {
        Long people = jdbc.queryForObject("SELECT SUM(people) FROM trialpath_run_block WHERE run_id = ?", Long.class,
                runId);
        return people == null ? 0 : people;
    }

    /** A run's people in patient id order, one at a time; {@code null} after the last. */
    private interface SortedRun extends AutoCloseable {
        NumberedPerson next();

        @Override
        void close();
    }

    private SortedRun sortedRun(long runId, Path scratch) {
        Integer blocks = jdbc.queryForObject("SELECT COUNT(*) FROM trialpath_run_block WHERE run_id = ?",
                Integer.class, runId);
        if (blocks != null && blocks > 0) {
            return blocks(runId, blocks);
        }
        return storedBeforeBlocks(runId, scratch);
    }

    /** Reads the blocks one query each: one block in memory at a time, and no cursor held open across them. */
    private SortedRun blocks(long runId, int blocks) {
        return new SortedRun() {
            private int nextBlock;
            private Iterator<NumberedPerson> people = Collections.emptyIterator();

            @Override
            public NumberedPerson next() {
                while (!people.hasNext()) {
                    if (nextBlock == blocks) {
                        return null;
                    }
                    int blockNo = nextBlock++;
                    people = jdbc.queryForObject("SELECT people, data FROM trialpath_run_block"
                            + " WHERE run_id = ? AND block_no = ?",
                            (rs, i) -> PersonBlock.read(rs.getBytes("data"), rs.getInt("people")), runId, blockNo);
                }
                return people.next();
            }

            @Override
            public void close() {
                people = Collections.emptyIterator();
            }
        };
    }

    /** A run stored one row per person (before the blocks): read in fetch-size pieces and sorted like a new one. */
    private SortedRun storedBeforeBlocks(long runId, Path scratch) {
        ExternalSorter<NumberedPerson> byId = peopleSorter(scratch);
        try {
            jdbc.query("SELECT ordinal, patient_id, pathway, options, trial_priority, matched_trials, review_flags"
                    + " FROM trialpath_person_result WHERE run_id = ?", rs -> {
                        byId.add(new NumberedPerson(rs.getLong("ordinal"), new PersonResult(rs.getString("patient_id"),
                                rs.getString("pathway"), rs.getString("options"), rs.getString("trial_priority"),
                                rs.getString("matched_trials"), rs.getString("review_flags"))));
                    }, runId);
        } catch (RuntimeException e) {
            byId.close();
            throw e;
        }
        Iterator<NumberedPerson> sorted = byId.sorted();
        return new SortedRun() {
            @Override
            public NumberedPerson next() {
                return sorted.hasNext() ? sorted.next() : null;
            }

            @Override
            public void close() {
                byId.close();
            }
        };
    }

    private ExternalSorter<NumberedPerson> peopleSorter(Path scratch) {
        return new ExternalSorter<>(NumberedPerson.BY_PATIENT_ID, PersonFormat.INSTANCE,
                maxPeopleInMemory, scratch, "people-");
    }

    private void insertBlock(long runId, int blockNo, PersonBlock block) {
        byte[] data = block.compressed();
        int people = block.people();
        block.clear();
        ownTransaction.executeWithoutResult(status -> jdbc.update(INSERT_BLOCK, runId, blockNo, people, data));
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

    /**
     * Deletes a run's blocks {@link #BLOCKS_PER_COMMIT} at a time, its rows from before the blocks
     * {@link #ROWS_PER_COMMIT} at a time, its screening pairs ({@link ScreeningHistory}), then the run.
     */
    private void deleteRun(long runId) {
        Integer lastBlock = ownTransaction.execute(status -> jdbc.queryForObject(
                "SELECT MAX(block_no) FROM trialpath_run_block WHERE run_id = ?", Integer.class, runId));
        for (int from = 0; lastBlock != null && from <= lastBlock; from += BLOCKS_PER_COMMIT) {
            int first = from;
            ownTransaction.executeWithoutResult(status -> jdbc.update("DELETE FROM trialpath_run_block"
                    + " WHERE run_id = ? AND block_no >= ? AND block_no < ?", runId, first, first + BLOCKS_PER_COMMIT));
        }
        Long last = ownTransaction.execute(status -> jdbc.queryForObject(
                "SELECT MAX(ordinal) FROM trialpath_person_result WHERE run_id = ?", Long.class, runId));
        for (long from = 0; last != null && from < last; from += ROWS_PER_COMMIT) {
            long after = from;
            ownTransaction.executeWithoutResult(status -> jdbc.update("DELETE FROM trialpath_person_result"
                    + " WHERE run_id = ? AND ordinal > ? AND ordinal <= ?", runId, after, after + ROWS_PER_COMMIT));
        }
        // the screening snapshot refers to the run: it goes first (a few rows per pair, one transaction)
        ownTransaction.executeWithoutResult(status -> ScreeningHistory.delete(jdbc, runId));
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
}
