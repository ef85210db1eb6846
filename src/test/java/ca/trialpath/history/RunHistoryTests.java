package ca.trialpath.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM trialpath_person_result",
                Long.class)).isEqualTo(4L);
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
        long count = history.compare(before, after, changes::add);

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
        history.stage(OUTPUT, 7L, clock, totals(run, DAY, 1), List.of(person("A", "UNDETERMINED")).iterator());
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
    void shouldStageARunOfThousandsOfPeopleInBatches() {
        // given: more people than one JDBC batch, in a stream the history does not hold
        int people = RunHistory.ROWS_PER_COMMIT * 2 + 17;
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
        long stored = history.stage(OUTPUT, 1L, clock, totals(99L, DAY, people), stream);

        // then
        assertThat(stored).isEqualTo(people);
        List<PersonResult> back = people(99L);
        assertThat(back).hasSize(people);
        assertThat(back.get(people - 1).patientId()).isEqualTo(String.format("P%07d", people - 1));
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
        history.stage(output, runId * 10, clock, totals(runId, runDate, people.length), List.of(people).iterator());
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
        history.forEachPerson(runId, people::add);
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
