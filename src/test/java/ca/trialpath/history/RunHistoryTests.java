package ca.trialpath.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The history tables as Flyway creates them (db/migration), on a database of their own per test: in-memory
 * H2 here, PostgreSQL in {@link PostgresRunHistoryTests}.
 */
class RunHistoryTests {

    private static final String OUTPUT = "/srv/reports";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    private DataSource dataSource;
    private RunHistory history;
    private long nextRunId = 1;
    private Instant clock = Instant.parse("2026-11-01T02:00:00Z");

    @TempDir
    private Path scratch;

    @BeforeEach
    void migrate() {
        dataSource = freshDatabase();
        Flyway.configure().dataSource(dataSource).load().migrate();
        history = new RunHistory(dataSource, new JdbcTransactionManager(dataSource));
    }

    @Test
    void shouldKeepTheLatestRunsOfAnOutputAndForgetTheOlderOnes() {
        // given: N + 1 runs, N = 3
        List<Long> runs = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            runs.add(record(OUTPUT, DAY.plusDays(day), person("A", "LOCAL_RECURRENCE")));
        }
        long otherOutput = record("/srv/other", DAY, person("A", "LOCAL_RECURRENCE"));

        // when: run N + 2 is published
        long last = stage(OUTPUT, DAY.plusDays(4), person("A", "LOCAL_RECURRENCE"));
        List<Long> forgotten = history.publish(last, clock, 3);
        runs.add(last);

        // then
        assertThat(forgotten).containsExactlyInAnyOrder(runs.get(0), runs.get(1));
        assertThat(history.lastRuns(OUTPUT, 30)).extracting(RunTotals::runId).containsExactlyElementsOf(runs.subList(2, 5));
        assertThat(people(runs.get(0))).isEmpty();
        assertThat(people(runs.get(4))).hasSize(1);
        assertThat(history.lastRuns("/srv/other", 30)).extracting(RunTotals::runId).containsExactly(otherOutput);
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT SUM(people) FROM trialpath_run_block",
                Long.class)).as("the people of the runs kept, and of the other output's").isEqualTo(4L);
    }

    @Test
    void shouldCompareWithTheLatestEarlierRunOfTheSameOutput() {
        // given
        long first = record(OUTPUT, DAY.minusDays(2), person("A", "LOCAL_RECURRENCE"));
        long yesterday = record(OUTPUT, DAY.minusDays(1), person("A", "LOCAL_RECURRENCE"));
        record("/srv/other", DAY.minusDays(1), person("A", "LOCAL_RECURRENCE"));
        long later = record(OUTPUT, DAY.plusDays(3), person("A", "LOCAL_RECURRENCE"));
        long today = record(OUTPUT, DAY, person("A", "LOCAL_RECURRENCE"));

        // when / then
        assertThat(history.previousRun(OUTPUT, today, DAY)).contains(new PreviousRun(yesterday, DAY.minusDays(1)));
        assertThat(history.previousRun(OUTPUT, first, DAY.minusDays(2))).isEmpty();
        assertThat(history.previousRun(OUTPUT, later, DAY.plusDays(3))).contains(new PreviousRun(today, DAY));
    }

    @Test
    void shouldCompareACorrectedExportWithTheRunItReplaces() {
        // given
        record(OUTPUT, DAY.minusDays(1), person("A", "LOCAL_RECURRENCE"));
        long original = record(OUTPUT, DAY, person("A", "LOCAL_RECURRENCE"));
        long corrected = record(OUTPUT, DAY, person("A", "DISTANT_METASTASIS"));

        // when / then
        assertThat(history.previousRun(OUTPUT, corrected, DAY)).contains(new PreviousRun(original, DAY));
        assertThat(history.lastRuns(OUTPUT, 30)).as("one point per date in the trend, the run published last")
                .extracting(RunTotals::runId).hasSize(2).endsWith(corrected);
    }

    @Test
    void shouldGiveEveryKindOfChangeInInputOrderThenThePeopleNoLongerPresent() {
        // given
        long before = record(OUTPUT, DAY.minusDays(1),
                person("same", "LOCAL_RECURRENCE"),
                person("gone-1", "DISTANT_METASTASIS"),
                new PersonResult("moved", "LOCAL_RECURRENCE", "LR1", "ROUTINE", "", ""),
                new PersonResult("reprioritised", "LOCAL_RECURRENCE", "LR1", "ROUTINE", "", ""),
                new PersonResult("reoptioned", "LOCAL_RECURRENCE", "LR1", "ROUTINE", "", ""),
                new PersonResult("trials", "LOCAL_RECURRENCE", "LR1", "ROUTINE", "NCT00000001", ""),
                person("gone-2", "UNDETERMINED"));
        long after = record(OUTPUT, DAY,
                new PersonResult("trials", "LOCAL_RECURRENCE", "LR1", "ROUTINE", "NCT00000002", ""),
                person("new", "NOT_RECURRENT"),
                new PersonResult("reoptioned", "LOCAL_RECURRENCE", "LR1;LR2", "ROUTINE", "", ""),
                new PersonResult("reprioritised", "LOCAL_RECURRENCE", "LR1", "HIGH", "", ""),
                new PersonResult("moved", "DISTANT_METASTASIS", "LR1", "ROUTINE", "", ""),
                person("same", "LOCAL_RECURRENCE"));

        // when
        List<Change> changes = new ArrayList<>();
        long count = history.compare(before, after, scratch, changes::add);

        // then
        assertThat(changes).containsExactly(
                new Change("trials", ChangeKind.TRIAL_MATCHED, "", "NCT00000002"),
                new Change("trials", ChangeKind.TRIAL_NO_LONGER_MATCHED, "NCT00000001", ""),
                new Change("new", ChangeKind.NEW_PERSON, "", "NOT_RECURRENT"),
                new Change("reoptioned", ChangeKind.OPTIONS_CHANGED, "LR1", "LR1;LR2"),
                new Change("reprioritised", ChangeKind.PRIORITY_CHANGED, "ROUTINE", "HIGH"),
                new Change("moved", ChangeKind.PATHWAY_CHANGED, "LOCAL_RECURRENCE", "DISTANT_METASTASIS"),
                new Change("gone-1", ChangeKind.NO_LONGER_PRESENT, "DISTANT_METASTASIS", ""),
                new Change("gone-2", ChangeKind.NO_LONGER_PRESENT, "UNDETERMINED", ""));
        assertThat(count).isEqualTo(8);
    }

    @Test
    void shouldReplaceWhatWasStagedForTheSameRunWhenItIsStagedAgain() {
        // given: a publication that stopped after staging its people
        long run = stage(OUTPUT, DAY, person("A", "LOCAL_RECURRENCE"), person("B", "LOCAL_RECURRENCE"));

        // when: the same run (job instance) staged again, as its restart does, and published
        history.stage(OUTPUT, 7L, clock, totals(run, DAY, 1), List.of(person("A", "UNDETERMINED")).iterator(), scratch);
        history.publish(run, clock, 30);

        // then
        assertThat(people(run)).containsExactly(person("A", "UNDETERMINED"));
        assertThat(history.lastRuns(OUTPUT, 30)).singleElement().extracting(RunTotals::assessed).isEqualTo(1L);
    }

    @Test
    void shouldNotCompareWithARunThatWasStagedButNeverPublishedAndDeleteItOnTheNextRun() {
        // given
        long published = record(OUTPUT, DAY.minusDays(2), person("A", "LOCAL_RECURRENCE"));
        long dead = stage(OUTPUT, DAY.minusDays(1), person("A", "UNDETERMINED"));

        // when
        long today = stage(OUTPUT, DAY, person("A", "LOCAL_RECURRENCE"));

        // then
        assertThat(history.previousRun(OUTPUT, today, DAY)).contains(new PreviousRun(published, DAY.minusDays(2)));
        assertThat(people(dead)).isEmpty();
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM trialpath_run WHERE run_id = ?",
                Long.class, dead)).isZero();
        assertThat(history.lastRuns(OUTPUT, 30)).extracting(RunTotals::runId).containsExactly(published);
    }

    @Test
    void shouldGiveTheTotalsOfTheLastRunsOldestFirst() {
        // given
        for (int day = 0; day < 35; day++) {
            record(OUTPUT, DAY.plusDays(day), person("A", "LOCAL_RECURRENCE"));
        }

        // when
        List<RunTotals> last = history.lastRuns(OUTPUT, 30);

        // then
        assertThat(last).hasSize(30);
        assertThat(last.get(0).runDate()).isEqualTo(DAY.plusDays(5));
        assertThat(last.get(29).runDate()).isEqualTo(DAY.plusDays(34));
        assertThat(last.get(29)).isEqualTo(new RunTotals(last.get(29).runId(), DAY.plusDays(34), 2, 1, 1, 1, 0));
    }

    @Test
    void shouldStageARunOfThousandsOfPeopleInBlocks() {
        // given: more people than one block, in a stream the history does not hold
        int people = PersonBlock.MAX_PEOPLE * 2 + 17;
        Iterator<PersonResult> stream = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < people;
            }

            @Override
            public PersonResult next() {
                return person(String.format("P%07d", next++), "LOCAL_RECURRENCE");
            }
        };

        // when
        long stored = history.stage(OUTPUT, 1L, clock, totals(99L, DAY, people), stream, scratch);

        // then
        assertThat(stored).isEqualTo(people);
        List<PersonResult> back = people(99L);
        assertThat(back).hasSize(people);
        assertThat(back.get(people - 1).patientId()).isEqualTo(String.format("P%07d", people - 1));
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT people FROM trialpath_run_block WHERE run_id = ?"
                + " ORDER BY block_no", Integer.class, 99L)).containsExactly(PersonBlock.MAX_PEOPLE,
                        PersonBlock.MAX_PEOPLE, 17);
    }

    @Test
    void shouldGiveTheSameChangesWhenTheSortsSpillToFilesAndLeaveNoFileBehind() throws Exception {
        // given: sorts that hold two people (or changes) at a time, and people given out of id order
        RunHistory tight = new RunHistory(dataSource, new JdbcTransactionManager(dataSource), 2);
        List<PersonResult> before = new ArrayList<>();
        List<PersonResult> after = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = "P" + (i * 37 % 50);
            before.add(new PersonResult(id, "LOCAL_RECURRENCE", "LR1", "ROUTINE", "NCT00000001", ""));
            if (i % 10 != 3) {
                after.add(new PersonResult(id, i % 7 == 0 ? "DISTANT_METASTASIS" : "LOCAL_RECURRENCE", "LR1",
                        i % 5 == 0 ? "HIGH" : "ROUTINE", "NCT00000001", ""));
            }
            if (i % 10 == 5) {
                after.add(person("N" + i, "NOT_RECURRENT"));
            }
        }
        tight.stage(OUTPUT, 1L, clock, totals(1L, DAY.minusDays(1), before.size()), before.iterator(), scratch);
        tight.publish(1L, clock, 30);
        tight.stage(OUTPUT, 2L, clock, totals(2L, DAY, after.size()), after.iterator(), scratch);

        // when
        List<Change> spilled = new ArrayList<>();
        long count = tight.compare(1L, 2L, scratch, spilled::add);
        List<Change> inMemory = new ArrayList<>();
        history.compare(1L, 2L, scratch, inMemory::add);

        // then: what the rule says, in the required order, whatever the sorts held
        List<Change> expected = new ArrayList<>();
        Map<String, PersonResult> earlier = new HashMap<>();
        before.forEach(p -> earlier.put(p.patientId(), p));
        Set<String> present = new HashSet<>();
        for (PersonResult p : after) {
            present.add(p.patientId());
            PersonChanges.between(earlier.get(p.patientId()), p, expected::add);
        }
        before.stream().filter(p -> !present.contains(p.patientId()))
                .forEach(p -> PersonChanges.between(p, null, expected::add));
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(spilled).containsExactlyElementsOf(expected);
        assertThat(inMemory).containsExactlyElementsOf(expected);
        assertThat(count).isEqualTo(expected.size());
        try (var left = Files.list(scratch)) {
            assertThat(left).as("the sorts' files are deleted").isEmpty();
        }
    }

    @Test
    void shouldRefuseARunWithAPatientIdTwice() {
        // when / then
        assertThatIllegalStateException().isThrownBy(() -> record(OUTPUT, DAY,
                person("A", "LOCAL_RECURRENCE"), person("B", "LOCAL_RECURRENCE"), person("A", "UNDETERMINED")))
                .withMessageContaining("patient id A is twice");
    }

    @Test
    void shouldCompareWithARunStoredBeforeTheBlocksAndForgetIt() {
        // given: a database at version 1, with a run stored one row per person as TrialPath stored it then
        DataSource old = freshDatabase();
        Flyway.configure().dataSource(old).target("1").load().migrate();
        JdbcTemplate db = new JdbcTemplate(old);
        db.update("INSERT INTO trialpath_run (run_id, output_path, state, run_date, job_execution_id, published_at,"
                + " read_rows, assessed, rejected, high_priority, routine_priority)"
                + " VALUES (1, ?, 'PUBLISHED', ?, 10, ?, 3, 3, 0, 1, 2)", OUTPUT, Date.valueOf(DAY.minusDays(1)),
                Timestamp.valueOf("2026-11-26 02:00:00"));
        String insert = "INSERT INTO trialpath_person_result (run_id, patient_id, ordinal, pathway, options,"
                + " trial_priority, matched_trials, review_flags) VALUES (1, ?, ?, ?, ?, ?, ?, '')";
        db.update(insert, "Z-1", 1, "LOCAL_RECURRENCE", "LR1", "ROUTINE", "NCT00000001");
        db.update(insert, "A-2", 2, "LOCAL_RECURRENCE", "LR1", "ROUTINE", "");
        db.update(insert, "M-3", 3, "UNDETERMINED", "", "NONE", "");

        // when: upgraded, then a night stored in blocks and compared with the old one
        Flyway.configure().dataSource(old).load().migrate();
        RunHistory upgraded = new RunHistory(old, new JdbcTransactionManager(old), 2);
        upgraded.stage(OUTPUT, 11L, clock, totals(2L, DAY, 3), List.of(
                new PersonResult("M-3", "UNDETERMINED", "", "NONE", "", ""),
                new PersonResult("Z-1", "LOCAL_RECURRENCE", "LR1", "ROUTINE", "NCT00000002", ""),
                new PersonResult("B-4", "NOT_RECURRENT", "", "NONE", "", "")).iterator(), scratch);
        List<Change> changes = new ArrayList<>();
        upgraded.compare(upgraded.previousRun(OUTPUT, 2L, DAY).orElseThrow().runId(), 2L, scratch, changes::add);
        List<Long> forgotten = upgraded.publish(2L, clock, 1);

        // then
        assertThat(changes).containsExactly(
                new Change("Z-1", ChangeKind.TRIAL_MATCHED, "", "NCT00000002"),
                new Change("Z-1", ChangeKind.TRIAL_NO_LONGER_MATCHED, "NCT00000001", ""),
                new Change("B-4", ChangeKind.NEW_PERSON, "", "NOT_RECURRENT"),
                new Change("A-2", ChangeKind.NO_LONGER_PRESENT, "LOCAL_RECURRENCE", ""));
        assertThat(forgotten).containsExactly(1L);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM trialpath_person_result", Long.class))
                .as("the old run's rows are deleted when it is forgotten").isZero();
    }

    // ---- helpers ----

    @Test
    void shouldKeepAPersonMatchedToHundredsOfStudies() {
        // given: 600 NCT ids, 7,199 characters, more than any fixed VARCHAR length we would have guessed
        String many = String.join(";", java.util.stream.IntStream.range(0, 600)
                .mapToObj(i -> String.format("NCT%08d", i)).toList());

        // when
        long run = record(OUTPUT, DAY, new PersonResult("A", "DISTANT_METASTASIS", "DM1", "HIGH", many, ""));

        // then
        assertThat(people(run)).extracting(PersonResult::matchedTrials).containsExactly(many);
    }

    /** A run staged and published. */
    private long record(String output, LocalDate runDate, PersonResult... people) {
        long runId = stage(output, runDate, people);
        history.publish(runId, clock, 1000);
        return runId;
    }

    private long stage(String output, LocalDate runDate, PersonResult... people) {
        long runId = nextRunId++;
        clock = clock.plusSeconds(3600);
        history.stage(output, runId * 10, clock, totals(runId, runDate, people.length), List.of(people).iterator(),
                scratch);
        return runId;
    }

    private static RunTotals totals(long runId, LocalDate runDate, long assessed) {
        return new RunTotals(runId, runDate, assessed + 1, assessed, 1, assessed, 0);
    }

    private static PersonResult person(String id, String pathway) {
        return new PersonResult(id, pathway, "", "HIGH", "", "");
    }

    private List<PersonResult> people(long runId) {
        List<PersonResult> people = new ArrayList<>();
        history.forEachPerson(runId, scratch, people::add);
        return people;
    }

    /** An empty database for one test. */
    DataSource freshDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:history-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }
}
