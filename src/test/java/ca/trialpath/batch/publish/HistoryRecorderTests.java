package ca.trialpath.batch.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.trialpath.batch.run.RunCheckFailedException;
import ca.trialpath.history.HistoryFeed;
import ca.trialpath.history.PersonResult;
import ca.trialpath.history.RunHistory;
import ca.trialpath.history.RunTotals;
import ca.trialpath.history.ScreeningHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The history stored from the partitions' feeds: in partition order, checked against the run's count, and for a
 * run already moved into place, staged again only when its people are not all in the history.
 */
class HistoryRecorderTests {

    private static final String OUTPUT = "/srv/reports";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @TempDir
    private Path temp;

    private RunHistory history;
    private HistoryRecorder recorder;
    private JdbcTemplate jdbc;

    @BeforeEach
    void migrate() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:recorder-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).load().migrate();
        history = new RunHistory(h2, new JdbcTransactionManager(h2));
        recorder = new HistoryRecorder(history, new ScreeningHistory(h2), 30);
        jdbc = new JdbcTemplate(h2);
    }

    @Test
    void shouldStoreThePeopleOfThePartitionsInPartitionOrder() throws IOException {
        // given
        List<HistoryFeed.Part> feeds = List.of(feed("p0", person("B"), person("C")), feed("p1"),
                feed("p2", person("A")));

        // when
        recorder.record(temp, feeds, OUTPUT, 11, totals(1, 3), 10, temp.resolve("scratch"), null);

        // then: id order in the history, input order kept as each person's row
        assertThat(people(1)).containsExactly(person("A"), person("B"), person("C"));
        assertThat(Files.readString(temp.resolve(HistoryRecorder.CHANGES_CSV))).hasLineCount(1);
    }

    @Test
    void shouldPublishNothingWhenAFeedIsLostOrHoldsFewerPeopleThanTheRunAssessed() throws IOException {
        List<HistoryFeed.Part> lost = List.of(feed("p0", person("A")), new HistoryFeed.Part(temp.resolve("gone"), 12));
        assertThatIOException().isThrownBy(() -> recorder.record(temp, lost, OUTPUT, 11, totals(1, 2), 10,
                temp.resolve("scratch"), null)).withMessageContaining(HistoryFeed.FILE);

        List<HistoryFeed.Part> short1 = List.of(feed("p1", person("A")));
        assertThatThrownBy(() -> recorder.record(temp, short1, OUTPUT, 11, totals(2, 2), 10,
                temp.resolve("scratch"), null)).isInstanceOf(RunCheckFailedException.class)
                .hasMessageContaining("hold 1 people where the run assessed 2");
        assertThat(recorder.lastRuns(OUTPUT)).isEmpty();
    }

    @Test
    void shouldPublishARunMovedIntoPlaceWithThePeopleItStagedBeforeTheMove() throws IOException {
        // given: staged, then the feeds went with the staging folder
        List<HistoryFeed.Part> feeds = List.of(feed("p0", person("A"), person("B")));
        stageOnly(feeds, totals(1, 2));
        Files.delete(feeds.get(0).file());

        // when
        recorder.recordPublished(feeds, OUTPUT, 12, totals(1, 2), temp.resolve("scratch"), null);

        // then
        assertThat(recorder.lastRuns(OUTPUT)).extracting(RunTotals::runId).containsExactly(1L);
        assertThat(people(1)).containsExactly(person("A"), person("B"));
    }

    @Test
    void shouldStageARunMovedIntoPlaceAgainFromItsFeedsWhenItsPeopleAreNotAllInTheHistory() throws IOException {
        // given
        List<HistoryFeed.Part> feeds = List.of(feed("p0", person("A"), person("B")));
        stageOnly(feeds, totals(1, 2));
        jdbc.update("DELETE FROM trialpath_run_block WHERE run_id = 1");

        // when
        recorder.recordPublished(feeds, OUTPUT, 12, totals(1, 2), temp.resolve("scratch"), null);

        // then
        assertThat(people(1)).containsExactly(person("A"), person("B"));
        assertThat(recorder.lastRuns(OUTPUT)).extracting(RunTotals::runId).containsExactly(1L);
    }

    @Test
    void shouldLeaveTheHistoryWithoutARunMovedIntoPlaceWhosePeopleAndFeedsAreGone() throws IOException {
        // given
        List<HistoryFeed.Part> feeds = List.of(feed("p0", person("A")));
        stageOnly(feeds, totals(1, 1));
        jdbc.update("DELETE FROM trialpath_run_block WHERE run_id = 1");
        Files.delete(feeds.get(0).file());

        // when
        recorder.recordPublished(feeds, OUTPUT, 12, totals(1, 1), temp.resolve("scratch"), null);

        // then
        assertThat(recorder.lastRuns(OUTPUT)).isEmpty();
    }

    /** Stages a run as the publish step does before its move, and stops there (no "published" mark). */
    private void stageOnly(List<HistoryFeed.Part> feeds, RunTotals totals) throws IOException {
        try (HistoryFeed.People people = HistoryFeed.read(feeds)) {
            history.stage(OUTPUT, 11, java.time.Instant.now(), totals, people, temp.resolve("scratch"));
        }
    }

    private HistoryFeed.Part feed(String partition, PersonResult... people) throws IOException {
        Path file = temp.resolve(partition + ".feed");
        try (var out = Files.newOutputStream(file)) {
            HistoryFeed writer = new HistoryFeed();
            for (PersonResult person : people) {
                writer.add(person, out::write);
            }
            writer.endFrame(out::write);
        }
        return new HistoryFeed.Part(file, Files.size(file));
    }

    private List<PersonResult> people(long runId) {
        List<PersonResult> people = new ArrayList<>();
        history.forEachPerson(runId, temp.resolve("scratch"), people::add);
        return people;
    }

    private static PersonResult person(String id) {
        return new PersonResult(id, "LOCAL_RECURRENCE", "A1", "NONE", "", "");
    }

    private static RunTotals totals(long runId, long assessed) {
        return new RunTotals(runId, DAY, assessed, assessed, 0, 0, 0);
    }
}
