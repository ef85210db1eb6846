package ca.trialpath.bench;

import ca.trialpath.duplicates.DuplicateCursor;
import ca.trialpath.duplicates.DuplicateFinder;
import ca.trialpath.duplicates.IdSpill;
import ca.trialpath.history.Change;
import ca.trialpath.history.PersonChanges;
import ca.trialpath.history.PersonResult;
import ca.trialpath.history.RunHistory;
import ca.trialpath.history.RunTotals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * One case of {@code bench/db-vs-files.sh}: the job's hand-written duplicate finder and history person blocks
 * against the same work done by the database with a table, {@code GROUP BY} and a join (issue 12). Each case runs
 * in a JVM of its own (the script gives it {@code -Xmx256m} and measures its peak memory) and prints one line:
 *
 * <pre>
 * case=dup-db db=h2 index=no people=1000000 duplicates=1000 load_s=.. find_s=.. total_s=..
 * </pre>
 *
 * <p>Cases ({@code java -cp ... ca.trialpath.bench.DbVsFiles CASE DB PEOPLE FOLDER}):
 * <ul>
 * <li>{@code dup-files}: {@code duplicates/} as the job uses it: an {@link IdSpill} takes every id in line order
 * (250,000 in memory, the job's default), {@link DuplicateFinder} merges the sorted runs, a
 * {@link DuplicateCursor} answers row by row which rows repeat an id and of which first row. {@code DB} is
 * ignored.</li>
 * <li>{@code dup-db} and {@code dup-db-index}: the ids INSERTed in JDBC batches of 1,000 rows (a commit per batch,
 * as a chunk would) into a table of (patient_id, line), without or with an index on patient_id made before the
 * load, then {@code SELECT patient_id, MIN(line) ... GROUP BY patient_id HAVING COUNT(*) > 1} into a map of the
 * ids that repeat, and every row asked in line order whether it is one of them and not its first row: the answers
 * the cursor gives. (Joining the groups back to the table in SQL instead took H2 22 s at 20,000 rows.)</li>
 * <li>{@code hist-blocks}: {@link RunHistory} as the job uses it: night 1 staged and published, night 2 staged,
 * then compared (the merge of the two runs' person blocks, the changes put in changes.csv order).</li>
 * <li>{@code hist-rows}: one row per person in {@code trialpath_person_result} (migration V1) by JDBC batches of
 * 1,000 (a commit per batch), both nights, then the comparison as SQL: tonight's people left-joined with last
 * night's, in tonight's order, then last night's people no longer there, each pair through
 * {@link PersonChanges#between}, so both sides give the same changes.</li>
 * </ul>
 *
 * <p>{@code DB}: {@code h2} is a file database in FOLDER with the job's URL settings
 * ({@code DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0}, H2's default mode: application.properties sets none);
 * {@code pg} is the PostgreSQL of {@code TRIALPATH_TEST_PG_URL}, {@code _USER}, {@code _PASSWORD}, in a schema of
 * its own dropped at the end. The data: person {@code k} has the id {@code <k scrambled, 8 hex digits>-<k>}, so
 * input order is not id order; for duplicates every row with {@code k % 1000 == 999} repeats the id of row
 * {@code k - 500}; for the history, night 2 drops every {@code k % 100 == 7}, changes the pathway of
 * {@code k % 100 == 3} and a trial of {@code k % 100 == 4}, and adds a person after each {@code k % 100 == 50}.
 * Each case checks its answer (the number of duplicates, of changes) and fails when it is not the one expected.
 */
public final class DbVsFiles {

    private static final int BATCH = 1000;
    /** The job's {@code trialpath.ids-in-memory}. */
    private static final int IDS_IN_MEMORY = 250_000;

    private DbVsFiles() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: DbVsFiles dup-files|dup-db|dup-db-index|hist-blocks|hist-rows h2|pg PEOPLE FOLDER");
            System.exit(2);
        }
        String kase = args[0];
        String db = args[1];
        int people = Integer.parseInt(args[2]);
        Path folder = Path.of(args[3]);
        if (people % 1000 != 0) {
            throw new IllegalArgumentException("people must be a multiple of 1000");
        }
        deleteTree(folder);
        Files.createDirectories(folder);
        String result;
        if (kase.equals("dup-files")) {
            result = duplicatesInFiles(people, folder);
        } else {
            try (Database database = Database.open(db, folder)) {
                result = switch (kase) {
                    case "dup-db" -> duplicatesInDatabase(database, people, false);
                    case "dup-db-index" -> duplicatesInDatabase(database, people, true);
                    case "hist-blocks" -> historyInBlocks(database, people, folder);
                    case "hist-rows" -> historyInRows(database, people);
                    default -> throw new IllegalArgumentException("unknown case " + kase);
                };
            }
        }
        System.out.println("case=" + kase + " db=" + (kase.equals("dup-files") ? "-" : db) + " people=" + people
                + " " + result + " heap_max_mib=" + Runtime.getRuntime().maxMemory() / 1048576);
        deleteTree(folder);
    }

    // ---------------------------------------------------------------- duplicates

    static String id(long k) {
        String hex = Integer.toHexString((int) (k * 0x9E3779B1L));
        return "00000000".substring(hex.length()) + hex + "-" + k;
    }

    /** The id of input row {@code k} (0 first): every thousandth row repeats the id of a row 500 before it. */
    static String rowId(long k) {
        return k % 1000 == 999 ? id(k - 500) : id(k);
    }

    private static String duplicatesInFiles(int people, Path folder) throws IOException {
        Path ids = folder.resolve("ids");
        long start = System.nanoTime();
        try (IdSpill spill = new IdSpill(ids, 0, IDS_IN_MEMORY)) {
            for (long k = 0; k < people; k++) {
                spill.add(rowId(k), k + 2);
            }
        }
        long loaded = System.nanoTime();
        DuplicateFinder.find(ids, 1, IDS_IN_MEMORY);
        long found;
        long duplicates = 0;
        try (DuplicateCursor cursor = DuplicateCursor.open(ids, 0)) {
            for (long k = 0; k < people; k++) {
                DuplicateCursor.FirstRow first = cursor.firstRowOf(k + 2);
                if (first != null) {
                    check(k % 1000 == 999 && first.line() == k - 500 + 2, "row " + k + " is no duplicate");
                    duplicates++;
                }
            }
            found = System.nanoTime();
        }
        check(duplicates == people / 1000, duplicates + " duplicates, not " + people / 1000);
        return "duplicates=" + duplicates + " load_s=" + seconds(start, loaded) + " find_s=" + seconds(loaded, found)
                + " total_s=" + seconds(start, found);
    }

    private static String duplicatesInDatabase(Database database, int people, boolean index) throws SQLException {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE bench_ids (patient_id VARCHAR(64) NOT NULL, line BIGINT NOT NULL)");
                if (index) {
                    ddl.execute("CREATE INDEX bench_ids_by_id ON bench_ids (patient_id)");
                }
            }
            connection.commit();
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_ids (patient_id, line) VALUES (?, ?)")) {
                for (long k = 0; k < people; k++) {
                    insert.setString(1, rowId(k));
                    insert.setLong(2, k + 2);
                    insert.addBatch();
                    if ((k + 1) % BATCH == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            long loaded = System.nanoTime();
            // the ids that repeat, with the first row of each (the GROUP BY of issue 12), then the rows asked in
            // line order as the cursor is: a row is a duplicate when its id repeats and it is not that first row
            java.util.Map<String, Long> firstRows = new java.util.HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT patient_id, MIN(line) FROM bench_ids"
                    + " GROUP BY patient_id HAVING COUNT(*) > 1")) {
                query.setFetchSize(BATCH);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        firstRows.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            long duplicates = 0;
            for (long k = 0; k < people; k++) {
                Long first = firstRows.get(rowId(k));
                if (first != null && first != k + 2) {
                    check(k % 1000 == 999 && first == k - 500 + 2, "row " + k + " is no duplicate");
                    duplicates++;
                }
            }
            connection.commit();
            long found = System.nanoTime();
            check(duplicates == people / 1000, duplicates + " duplicates, not " + people / 1000);
            return "index=" + (index ? "yes" : "no") + " duplicates=" + duplicates + " load_s=" + seconds(start, loaded)
                    + " find_s=" + seconds(loaded, found) + " total_s=" + seconds(start, found);
        }
    }

    // ---------------------------------------------------------------- history

    private static PersonResult person(long k, String pathway, String trials) {
        return new PersonResult(id(k), pathway, k % 2 == 0 ? "LR1;LR2" : "CHEMORADIOTHERAPY",
                k % 3 == 0 ? "HIGH" : "ROUTINE", trials, k % 11 == 0 ? "PRIOR_TREATMENT_MISSING" : "");
    }

    /** A night's people in input order, generated as they are read (the rule of the class comment). */
    static Iterator<PersonResult> night(int people, boolean second) {
        return new Iterator<>() {
            private long k;
            private PersonResult pendingNew;

            @Override
            public boolean hasNext() {
                if (pendingNew != null) {
                    return true;
                }
                while (second && k < people && k % 100 == 7) {
                    k++;
                }
                return k < people;
            }

            @Override
            public PersonResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (pendingNew != null) {
                    PersonResult p = pendingNew;
                    pendingNew = null;
                    return p;
                }
                long current = k++;
                String pathway = second && current % 100 == 3 ? "DISTANT_METASTASIS" : "LOCAL_RECURRENCE";
                String trials = second && current % 100 == 4 ? "NCT00000001;NCT00000003" : "NCT00000001;NCT00000002";
                if (second && current % 100 == 50) {
                    pendingNew = person(people + current / 100, "NOT_RECURRENT", "");
                }
                return person(current, pathway, trials);
            }
        };
    }

    /** Gone, new, pathway changed, and a trial matched and one no longer matched: 5 changes per 100 people. */
    private static long expectedChanges(int people) {
        return 5L * people / 100;
    }

    private static RunTotals totals(long runId, LocalDate day, int people) {
        return new RunTotals(runId, day, people, people, 0, 0, 0);
    }

    private static String historyInBlocks(Database database, int people, Path folder) {
        Flyway.configure().dataSource(database.dataSource()).load().migrate();
        RunHistory history = new RunHistory(database.dataSource(), new JdbcTransactionManager(database.dataSource()));
        Path scratch = folder.resolve("scratch");
        LocalDate day = LocalDate.of(2026, 11, 27);
        Instant now = Instant.parse("2026-11-27T02:00:00Z");
        long start = System.nanoTime();
        history.stage("/out", 1, now, totals(1, day.minusDays(1), people), night(people, false), scratch);
        history.publish(1, now, 30);
        long first = System.nanoTime();
        history.stage("/out", 2, now, totals(2, day, people), night(people, true), scratch);
        long second = System.nanoTime();
        long[] counted = { 0 };
        long changes = history.compare(1, 2, scratch, change -> counted[0]++);
        long compared = System.nanoTime();
        check(changes == expectedChanges(people) && counted[0] == changes, changes + " changes, not "
                + expectedChanges(people));
        return "changes=" + changes + " night1_store_s=" + seconds(start, first) + " night2_store_s="
                + seconds(first, second) + " compare_s=" + seconds(second, compared) + " night2_total_s="
                + seconds(first, compared);
    }

    private static String historyInRows(Database database, int people) throws SQLException {
        Flyway.configure().dataSource(database.dataSource()).load().migrate();
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            insertRun(connection, 1, night(people, false));
            long first = System.nanoTime();
            insertRun(connection, 2, night(people, true));
            long second = System.nanoTime();
            long[] changes = { 0 };
            Consumer<Change> count = change -> changes[0]++;
            String columns = "patient_id, pathway, options, trial_priority, matched_trials, review_flags";
            // tonight's people in input order, each with last night's result (none: a new person)
            try (PreparedStatement tonight = connection.prepareStatement("SELECT a.patient_id, a.pathway, a.options,"
                    + " a.trial_priority, a.matched_trials, a.review_flags, b.patient_id, b.pathway, b.options,"
                    + " b.trial_priority, b.matched_trials, b.review_flags FROM trialpath_person_result a"
                    + " LEFT JOIN trialpath_person_result b ON b.run_id = ? AND b.patient_id = a.patient_id"
                    + " WHERE a.run_id = ? ORDER BY a.ordinal")) {
                tonight.setLong(1, 1);
                tonight.setLong(2, 2);
                tonight.setFetchSize(BATCH);
                try (ResultSet rows = tonight.executeQuery()) {
                    while (rows.next()) {
                        PersonResult after = result(rows, 1);
                        PersonResult before = rows.getString(7) == null ? null : result(rows, 7);
                        PersonChanges.between(before, after, count);
                    }
                }
            }
            // then last night's people no longer there, in last night's order (changes.csv)
            try (PreparedStatement gone = connection.prepareStatement("SELECT " + columns
                    + " FROM trialpath_person_result b WHERE b.run_id = ? AND NOT EXISTS (SELECT 1 FROM"
                    + " trialpath_person_result a WHERE a.run_id = ? AND a.patient_id = b.patient_id)"
                    + " ORDER BY b.ordinal")) {
                gone.setLong(1, 1);
                gone.setLong(2, 2);
                gone.setFetchSize(BATCH);
                try (ResultSet rows = gone.executeQuery()) {
                    while (rows.next()) {
                        PersonChanges.between(result(rows, 1), null, count);
                    }
                }
            }
            connection.commit();
            long compared = System.nanoTime();
            check(changes[0] == expectedChanges(people), changes[0] + " changes, not " + expectedChanges(people));
            return "changes=" + changes[0] + " night1_store_s=" + seconds(start, first) + " night2_store_s="
                    + seconds(first, second) + " compare_s=" + seconds(second, compared) + " night2_total_s="
                    + seconds(first, compared);
        }
    }

    private static void insertRun(Connection connection, long runId, Iterator<PersonResult> people)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO trialpath_person_result (run_id,"
                + " patient_id, ordinal, pathway, options, trial_priority, matched_trials, review_flags)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            long ordinal = 0;
            while (people.hasNext()) {
                PersonResult person = people.next();
                insert.setLong(1, runId);
                insert.setString(2, person.patientId());
                insert.setLong(3, ++ordinal);
                insert.setString(4, person.pathway());
                insert.setString(5, person.options());
                insert.setString(6, person.trialPriority());
                insert.setString(7, person.matchedTrials());
                insert.setString(8, person.reviewFlags());
                insert.addBatch();
                if (ordinal % BATCH == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private static PersonResult result(ResultSet rows, int from) throws SQLException {
        return new PersonResult(rows.getString(from), rows.getString(from + 1), rows.getString(from + 2),
                rows.getString(from + 3), rows.getString(from + 4), rows.getString(from + 5));
    }

    // ---------------------------------------------------------------- plumbing

    /** The database of a case: an H2 file in the case's folder, or a schema of its own on PostgreSQL. */
    private record Database(DataSource dataSource, String schema) implements AutoCloseable {

        static Database open(String kind, Path folder) throws SQLException {
            if (kind.equals("h2")) {
                JdbcDataSource h2 = new JdbcDataSource();
                // the job's settings (application.properties), in the case's folder
                h2.setURL("jdbc:h2:file:" + folder.resolve("repository").toAbsolutePath()
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
                h2.setUser("sa");
                h2.setPassword("");
                return new Database(h2, null);
            }
            if (!kind.equals("pg")) {
                throw new IllegalArgumentException("unknown database " + kind + " (h2 or pg)");
            }
            String url = require("TRIALPATH_TEST_PG_URL");
            String schema = "bench_" + Long.toHexString(System.nanoTime()).toLowerCase(Locale.ROOT);
            PGSimpleDataSource admin = pg(url, null);
            try (Connection connection = admin.getConnection(); Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE SCHEMA " + schema);
            }
            return new Database(pg(url, schema), schema);
        }

        private static PGSimpleDataSource pg(String url, String schema) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setUrl(url);
            pg.setUser(require("TRIALPATH_TEST_PG_USER"));
            pg.setPassword(require("TRIALPATH_TEST_PG_PASSWORD"));
            if (schema != null) {
                pg.setCurrentSchema(schema);
            }
            // JDBC batches as one round trip of many rows
            pg.setReWriteBatchedInserts(true);
            return pg;
        }

        Connection connection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void close() throws SQLException {
            if (schema != null) {
                try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
                    ddl.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            } else {
                try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
                    ddl.execute("SHUTDOWN");
                }
            }
        }
    }

    private static String require(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(variable + " is not set (see COMMON.md: the PostgreSQL of the tests)");
        }
        return value;
    }

    private static void check(boolean holds, String message) {
        if (!holds) {
            throw new AssertionError(message);
        }
    }

    private static String seconds(long from, long to) {
        return String.format(Locale.ROOT, "%.2f", (to - from) / 1e9);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
