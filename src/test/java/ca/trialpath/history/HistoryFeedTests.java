package ca.trialpath.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history feed as the chunk step writes it: frames ending at each commit, cut back to the last commit on
 * restart, read back partition after partition with exactly the values written.
 */
class HistoryFeedTests {

    @TempDir
    private Path temp;

    @Test
    void shouldReadThePeopleOfEveryPartitionInOrderWithTheirValues() throws IOException {
        // given: two partitions, the first with three commits (the second ends a frame of its own when full)
        List<PersonResult> first = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            first.add(new PersonResult("TP-" + i, i % 2 == 0 ? "LOCAL_RECURRENCE" : "DISTANT", "A1;B2",
                    "HIGH", i % 7 == 0 ? "NCT01234567;NCT07654321" : "", i % 3 == 0 ? "AGE_UNKNOWN" : ""));
        }
        first.add(new PersonResult("é-ü-\uD83D\uDE00", "DISTANT", "", "NONE", "", ""));
        List<PersonResult> second = List.of(new PersonResult("'=1+1", "LOCAL_RECURRENCE", "", "ROUTINE", "", ""));
        Path a = temp.resolve("a.feed");
        Path b = temp.resolve("b.feed");
        long aLength = write(a, List.of(first.subList(0, 1), first.subList(1, 4000), first.subList(4000, first.size())));
        long bLength = write(b, List.of(second));

        // when
        List<PersonResult> read = readAll(List.of(new HistoryFeed.Part(a, aLength), new HistoryFeed.Part(b, bLength)));

        // then
        List<PersonResult> expected = new ArrayList<>(first);
        expected.addAll(second);
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldContinueAFeedCutBackToItsLastCommit() throws IOException {
        // given: a commit of two people, then a chunk that never committed
        Path feed = temp.resolve("p.feed");
        PersonResult one = person("A");
        PersonResult two = person("B");
        long committed = write(feed, List.of(List.of(one, two)));
        try (FileChannel out = FileChannel.open(feed, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            HistoryFeed lost = new HistoryFeed();
            lost.add(person("LOST"), (bytes, offset, length) -> out.write(java.nio.ByteBuffer.wrap(bytes, offset, length)));
            lost.endFrame((bytes, offset, length) -> out.write(java.nio.ByteBuffer.wrap(bytes, offset, length)));
        }
        assertThat(readAll(List.of(new HistoryFeed.Part(feed, Files.size(feed))))).contains(person("LOST"));

        // when: the restart cuts it back and a fresh writer goes on
        try (FileChannel out = FileChannel.open(feed, StandardOpenOption.WRITE)) {
            out.truncate(committed);
            out.position(committed);
            HistoryFeed resumed = new HistoryFeed();
            HistoryFeed.Sink sink = (bytes, offset, length) -> out.write(java.nio.ByteBuffer.wrap(bytes, offset, length));
            resumed.add(person("C"), sink);
            resumed.endFrame(sink);
        }

        // then
        assertThat(readAll(List.of(new HistoryFeed.Part(feed, Files.size(feed)))))
                .containsExactly(one, two, person("C"));
    }

    @Test
    void shouldReadOnlyUpToTheCommittedLength() throws IOException {
        // given: a feed with a frame written after its last commit
        Path feed = temp.resolve("p.feed");
        long committed = write(feed, List.of(List.of(person("A"))));
        try (var out = Files.newOutputStream(feed, StandardOpenOption.APPEND)) {
            HistoryFeed after = new HistoryFeed();
            after.add(person("AFTER"), out::write);
            after.endFrame(out::write);
        }

        // then
        assertThat(readAll(List.of(new HistoryFeed.Part(feed, committed)))).containsExactly(person("A"));
    }

    @Test
    void shouldSayWhetherEveryFeedIsThere() throws IOException {
        Path there = temp.resolve("there.feed");
        long length = write(there, List.of(List.of(person("A"))));
        Path gone = temp.resolve("gone.feed");

        assertThat(HistoryFeed.allThere(List.of(new HistoryFeed.Part(there, length)))).isTrue();
        assertThat(HistoryFeed.allThere(List.of(new HistoryFeed.Part(gone, 0))))
                .as("a partition that assessed nobody").isTrue();
        assertThat(HistoryFeed.allThere(List.of(new HistoryFeed.Part(there, length), new HistoryFeed.Part(gone, 10))))
                .isFalse();
        assertThat(HistoryFeed.allThere(List.of(new HistoryFeed.Part(there, -1))))
                .as("a partition whose commits do not know the feed").isFalse();
    }

    private static PersonResult person(String id) {
        return new PersonResult(id, "LOCAL_RECURRENCE", "A1", "NONE", "", "");
    }

    /** Writes one frame per commit; returns the file's length. */
    private static long write(Path feed, List<List<PersonResult>> commits) throws IOException {
        try (var out = Files.newOutputStream(feed)) {
            HistoryFeed writer = new HistoryFeed();
            for (List<PersonResult> commit : commits) {
                for (PersonResult person : commit) {
                    writer.add(person, out::write);
                }
                writer.endFrame(out::write);
            }
        }
        return Files.size(feed);
    }

    private static List<PersonResult> readAll(List<HistoryFeed.Part> parts) throws IOException {
        List<PersonResult> people = new ArrayList<>();
        try (HistoryFeed.People read = HistoryFeed.read(parts)) {
            read.forEachRemaining(people::add);
        }
        return people;
    }
}
