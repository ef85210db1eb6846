package ca.trialpath.history;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Two generated nights of {@code people} people stored and compared in an H2 file database, checking every
 * change as it streams by (nothing kept per person): run in a JVM of its own by {@link RunHistoryAtScaleTests}
 * with a small heap, and by hand to measure
 * ({@code java -Xmx256m -cp ... ca.trialpath.history.HistoryAtScale <folder> 1000000 100000}).
 *
 * <p>Person {@code k} has the id {@code <scrambled k in hex>-<k>}, so input order is not id order. Night 2 drops
 * every person with {@code k % 100 == 7}, changes the pathway of {@code k % 100 == 3} and one trial of
 * {@code k % 100 == 4}, and adds a new person after each {@code k % 100 == 50}: 5 changes per 100 people.
 * Prints one line: {@code people=.. changes=.. stageMs=.. secondStageMs=.. compareMs=..}.
 */
public final class HistoryAtScale {

    private HistoryAtScale() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int people = Integer.parseInt(args[1]);
        int maxInMemory = Integer.parseInt(args[2]);
        boolean fromFeed = args.length > 3 && args[3].equals("feed");
        if (people % 100 != 0) {
            throw new IllegalArgumentException("people must be a multiple of 100");
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("db").toAbsolutePath() + ";CACHE_SIZE=8192");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).load().migrate();
        RunHistory history = new RunHistory(h2, new JdbcTransactionManager(h2), maxInMemory);
        Path scratch = folder.resolve("scratch");
        LocalDate day = LocalDate.of(2026, 11, 27);
        Instant now = Instant.parse("2026-11-27T02:00:00Z");

        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        Path feed1 = folder.resolve("night-1.feed");
        Path feed2 = folder.resolve("night-2.feed");
        if (fromFeed) {
            writeFeed(feed1, night(people, false));
            writeFeed(feed2, night(people, true));
        }
        long start = System.nanoTime();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long first = fromFeed ? stageFeed(history, feed1, 1, day.minusDays(1), people, now, scratch)
                : history.stage("/out", 1, now, totals(1, day.minusDays(1), people), night(people, false), scratch);
        history.publish(1, now, 30);
        long stageMs = (System.nanoTime() - start) / 1_000_000;
        long stageCpuMs = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;

        start = System.nanoTime();
        cpuStart = cpu.getCurrentThreadCpuTime();
        long second = fromFeed ? stageFeed(history, feed2, 2, day, people, now, scratch)
                : history.stage("/out", 2, now, totals(2, day, people), night(people, true), scratch);
        long secondStageMs = (System.nanoTime() - start) / 1_000_000;
        long secondStageCpuMs = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        start = System.nanoTime();
        cpuStart = cpu.getCurrentThreadCpuTime();
        Checker checker = new Checker(people);
        long changes = history.compare(1, 2, scratch, checker::accept);
        long compareMs = (System.nanoTime() - start) / 1_000_000;
        long compareCpuMs = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        history.publish(2, now.plusSeconds(60), 30);

        checker.finish(changes);
        if (first != people || second != people || history.peopleInBlocks(1) != people
                || history.peopleInBlocks(2) != people) {
            throw new AssertionError("stored " + first + " and " + second + " people, not " + people);
        }
        System.out.println("people=" + people + " changes=" + changes + " stageMs=" + stageMs + " secondStageMs="
                + secondStageMs + " compareMs=" + compareMs + " (thread CPU: " + stageCpuMs + ", " + secondStageCpuMs + ", "
                + compareCpuMs + ") maxHeapMb=" + Runtime.getRuntime().maxMemory() / 1048576);
    }

    /** Stages from a history feed, as the job does. */
    private static long stageFeed(RunHistory history, Path feed, long runId, LocalDate day, int people, Instant now,
            Path scratch) throws java.io.IOException {
        try (HistoryFeed.People rows = HistoryFeed.read(
                java.util.List.of(new HistoryFeed.Part(feed, java.nio.file.Files.size(feed))))) {
            return history.stage("/out", runId, now, totals(runId, day, people), rows, scratch);
        }
    }

    /** A history feed as a partition writes it: a frame at each commit of a thousand people. */
    private static void writeFeed(Path feed, Iterator<PersonResult> people) throws java.io.IOException {
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(feed))) {
            HistoryFeed writer = new HistoryFeed();
            HistoryFeed.Sink sink = out::write;
            for (long n = 1; people.hasNext(); n++) {
                writer.add(people.next(), sink);
                if (n % 1000 == 0) {
                    writer.endFrame(sink);
                }
            }
            writer.endFrame(sink);
        }
    }


    static String id(long k) {
        int scrambled = (int) (k * 0x9E3779B1L);
        String hex = Integer.toHexString(scrambled);
        return "00000000".substring(hex.length()) + hex + "-" + k;
    }

    static long key(String id) {
        return Long.parseLong(id.substring(id.indexOf('-') + 1));
    }

    private static PersonResult person(long k, String pathway, String trials) {
        return new PersonResult(id(k), pathway, k % 2 == 0 ? "LR1;LR2" : "CHEMORADIOTHERAPY",
                k % 3 == 0 ? "HIGH" : "ROUTINE", trials, k % 11 == 0 ? "PRIOR_TREATMENT_MISSING" : "");
    }

    /** A night's people in input order, generated as they are read. */
    private static Iterator<PersonResult> night(int people, boolean second) {
        return new Iterator<>() {
            private long k;
            private PersonResult pendingNew;

            @Override
            public boolean hasNext() {
                if (pendingNew != null) {
                    return true;
                }
                while (second && k < people && k % 100 == 7) {
                    k++; // no longer present
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

    /** Checks each change against the generator's rule, and the order of changes.csv, as they stream by. */
    private static final class Checker {
        private final int people;
        private final long[] counts = new long[ChangeKind.values().length];
        private long lastPlace = -1;
        private boolean gone;
        private long lastGone = -1;

        Checker(int people) {
            this.people = people;
        }

        void accept(Change change) {
            counts[change.kind().ordinal()]++;
            long k = key(change.patientId());
            if (change.kind() == ChangeKind.NO_LONGER_PRESENT) {
                gone = true;
                check(k % 100 == 7 && k > lastGone, change);
                lastGone = k;
                return;
            }
            check(!gone, change); // this run's people first
            long place = k < people ? 2 * k : 2 * ((k - people) * 100 + 50) + 1;
            check(place >= lastPlace, change);
            lastPlace = place;
            switch (change.kind()) {
                case NEW_PERSON -> check(k >= people, change);
                case PATHWAY_CHANGED -> check(k % 100 == 3, change);
                case TRIAL_MATCHED -> check(k % 100 == 4 && change.after().equals("NCT00000003"), change);
                case TRIAL_NO_LONGER_MATCHED -> check(k % 100 == 4 && change.before().equals("NCT00000002"), change);
                default -> check(false, change);
            }
        }

        void finish(long total) {
            long hundreds = people / 100;
            long[] expected = { hundreds, hundreds, hundreds, 0, 0, hundreds, hundreds };
            for (ChangeKind kind : ChangeKind.values()) {
                if (counts[kind.ordinal()] != expected[kind.ordinal()]) {
                    throw new AssertionError(kind + ": " + counts[kind.ordinal()] + " changes, not "
                            + expected[kind.ordinal()]);
                }
            }
            if (total != 5 * hundreds) {
                throw new AssertionError(total + " changes, not " + 5 * hundreds);
            }
        }

        private static void check(boolean ok, Change change) {
            if (!ok) {
                throw new AssertionError("unexpected change or order: " + change);
            }
        }
    }

    private static RunTotals totals(long runId, LocalDate day, long people) {
        return new RunTotals(runId, day, people, people, 0, people / 3, people - people / 3);
    }
}
