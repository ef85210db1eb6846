package ca.trialpath.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.trialpath.duplicates.DuplicateCursor.FirstRow;
import ca.trialpath.duplicates.DuplicateFinder.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateFinderTests {

    /** Collisions on every id of the same length: the bytes alone must tell ids apart. */
    private static final IdBytes.Hash POOR_HASH = (bytes, from, length) -> length;

    @TempDir
    Path folder;

    /** One valid row: its id and its line. */
    record Row(String id, long line) {
    }

    /** A duplicate row (partition, line) and the first row it repeats. */
    record Duplicate(int partition, long line, FirstRow first) {
    }

    @Test
    void shouldFindNoDuplicatesWhenEveryIdIsNew() throws IOException {
        // given
        List<List<Row>> partitions = List.of(rows("A", "B", "C"), rows("D", "E"));

        // when
        Result result = find(partitions, 1_000, DuplicateFinder.MAX_OPEN_RUNS, IdBytes.Hash.STANDARD);

        // then
        assertThat(result.summary()).isEqualTo(new Summary(5, 0));
        assertThat(result.duplicates()).isEmpty();
        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void shouldKeepTheFirstRowOfAnIdWithinOnePartition() throws IOException {
        // given: lines 2 to 6, the id A on lines 2 and 5
        List<List<Row>> partitions = List.of(rows("A", "B", "C", "A", "D"));

        // when
        Result result = find(partitions, 1_000, DuplicateFinder.MAX_OPEN_RUNS, IdBytes.Hash.STANDARD);

        // then
        assertThat(result.summary()).isEqualTo(new Summary(5, 1));
        assertThat(result.duplicates()).containsExactly(new Duplicate(0, 5, new FirstRow(0, 2)));
        assertThat(filesIn(folder)).containsExactly("duplicates-p0.bin");
    }

    @Test
    void shouldTakeTheSmallestPartitionAsFirstEvenWhenItsLineIsLarger() throws IOException {
        // given: X on line 9 of partition 0, line 2 of partition 1, line 3 of partition 2
        List<List<Row>> partitions = List.of(
                List.of(new Row("Y", 8), new Row("X", 9)),
                List.of(new Row("X", 2)),
                List.of(new Row("Z", 2), new Row("X", 3), new Row("Y", 4)));

        // when
        Result result = find(partitions, 1_000, DuplicateFinder.MAX_OPEN_RUNS, IdBytes.Hash.STANDARD);

        // then
        assertThat(result.duplicates()).containsExactly(
                new Duplicate(1, 2, new FirstRow(0, 9)),
                new Duplicate(2, 3, new FirstRow(0, 9)),
                new Duplicate(2, 4, new FirstRow(0, 8)));
        assertThat(filesIn(folder)).containsExactly("duplicates-p1.bin", "duplicates-p2.bin");
    }

    @Test
    void shouldNameTheFirstRowForEveryLaterCopy() throws IOException {
        // given: three copies of A, the third in another partition
        List<List<Row>> partitions = List.of(rows("A", "B", "A"), rows("C", "A"));

        // when
        Result result = find(partitions, 1_000, DuplicateFinder.MAX_OPEN_RUNS, IdBytes.Hash.STANDARD);

        // then: the third copy repeats the first row, not the second
        assertThat(result.summary()).isEqualTo(new Summary(5, 2));
        assertThat(result.duplicates()).containsExactly(
                new Duplicate(0, 4, new FirstRow(0, 2)),
                new Duplicate(1, 3, new FirstRow(0, 2)));
    }

    @Test
    void shouldFindTheSameDuplicatesWhenEveryFewIdsSpillToDisk() throws IOException {
        // given
        List<List<Row>> partitions = randomPartitions(new SplittableRandom(7), 3, 40, 15);

        // when
        Result inMemory = find(partitions, 1_000, DuplicateFinder.MAX_OPEN_RUNS, IdBytes.Hash.STANDARD);
        Result spilled = find(partitions, 3, DuplicateFinder.MAX_OPEN_RUNS, IdBytes.Hash.STANDARD);

        // then
        assertThat(inMemory.duplicates()).isNotEmpty();
        assertThat(spilled.duplicates()).isEqualTo(inMemory.duplicates());
        assertThat(spilled.summary()).isEqualTo(inMemory.summary());
        assertThat(spilled.finder().mostDuplicatesInMemory()).isLessThanOrEqualTo(3);
        assertThat(inMemory.duplicates()).isEqualTo(oracle(partitions));
    }

    @Test
    void shouldMergeInPassesWhenThereAreMoreRunsThanItMayOpen() throws IOException {
        // given: 2 ids a run, so about 100 runs of ids and as many of duplicates, merged 4 at a time
        List<List<Row>> partitions = randomPartitions(new SplittableRandom(11), 5, 40, 60);

        // when
        Result result = find(partitions, 2, 4, IdBytes.Hash.STANDARD);

        // then
        assertThat(result.finder().mergePasses()).isGreaterThan(10);
        assertThat(result.finder().mostRunsOpen()).isEqualTo(4);
        assertThat(result.duplicates()).isEqualTo(oracle(partitions));
        assertThat(filesIn(folder)).allMatch(name -> name.startsWith("duplicates-p") && name.endsWith(".bin"));
    }

    @Test
    void shouldCompareUnicodeIdsExactly() throws IOException {
        // given: ids that a lossy encoding, a normalization or a case folding would merge
        String emoji = "\uD83D\uDE00";
        List<List<Row>> partitions = List.of(
                rows("é", "e\u0301", emoji, "\uD83D", "\uDE00", "a\uD800", "a?", "\u0000", ""),
                rows("É", "é", emoji, "a\uD800", "日本語", "\uFFFF", "\u0000", "", "\u00E9\u00E9"),
                rows("日本語", "\uD83D", "e\u0301", "x".repeat(64), "x".repeat(64), "ab\u0000", "ab"));

        // when
        Result result = find(partitions, 4, 3, IdBytes.Hash.STANDARD);

        // then
        assertThat(result.duplicates()).isEqualTo(oracle(partitions));
        assertThat(result.duplicates()).contains(
                new Duplicate(1, 3, new FirstRow(0, 2)),
                new Duplicate(1, 4, new FirstRow(0, 4)),
                new Duplicate(1, 5, new FirstRow(0, 7)),
                new Duplicate(2, 2, new FirstRow(1, 6)),
                new Duplicate(2, 6, new FirstRow(2, 5)));
        assertThat(result.summary().duplicates()).isEqualTo(9);
    }

    @Test
    void shouldTellIdsApartWhenTheirHashesCollide() throws IOException {
        // given: a hash that is only the length, so every id of a length collides with every other
        List<List<Row>> partitions = randomPartitions(new SplittableRandom(3), 4, 300, 30);

        // when
        Result result = find(partitions, 17, 3, POOR_HASH);

        // then
        assertThat(result.duplicates()).isEqualTo(oracle(partitions));
    }

    @Test
    void shouldAgreeWithAHashMapOnRandomCohorts() throws IOException {
        SplittableRandom random = new SplittableRandom(20_260_521);
        for (int attempt = 0; attempt < 20; attempt++) {
            // given
            int partitionCount = random.nextInt(1, 8);
            List<List<Row>> partitions = randomPartitions(random, partitionCount, random.nextInt(0, 300),
                    random.nextInt(1, 500));
            int maxIdsInMemory = random.nextInt(1, 80);
            int fanIn = random.nextInt(2, 10);

            // when
            Result result = find(partitions, maxIdsInMemory, fanIn, IdBytes.Hash.STANDARD);

            // then
            List<Duplicate> expected = oracle(partitions);
            assertThat(result.duplicates()).as("attempt %d", attempt).isEqualTo(expected);
            assertThat(result.summary()).isEqualTo(
                    new Summary(partitions.stream().mapToLong(List::size).sum(), expected.size()));
            assertThat(result.finder().mostRunsOpen()).isLessThanOrEqualTo(fanIn);
            assertThat(result.finder().mostDuplicatesInMemory()).isLessThanOrEqualTo(maxIdsInMemory);
        }
    }

    @Test
    void shouldHoldAtMostTheBoundWhenAWholeExportIsRepeated() throws IOException {
        // given: a registry that sends the same export twice, 500,000 people in two partitions
        int people = 500_000;
        int maxIdsInMemory = 10_000;
        for (int partition = 0; partition < 2; partition++) {
            int mostInMemory = 0;
            try (IdSpill spill = new IdSpill(folder, partition, maxIdsInMemory)) {
                for (int person = 0; person < people; person++) {
                    spill.add("P" + (1_000_000_000 + person), person + 2);
                    mostInMemory = Math.max(mostInMemory, spill.idsInMemory());
                }
                assertThat(spill.runsWritten()).isEqualTo(people / maxIdsInMemory - 1);
            }
            assertThat(mostInMemory).isEqualTo(maxIdsInMemory);
        }

        // when
        DuplicateFinder finder = new DuplicateFinder(folder, 2, maxIdsInMemory, DuplicateFinder.MAX_OPEN_RUNS,
                IdBytes.Hash.STANDARD);
        Summary summary = finder.find();

        // then: every id of the second partition repeats the same line of the first
        assertThat(summary).isEqualTo(new Summary(2L * people, people));
        assertThat(finder.mostRunsOpen()).isLessThanOrEqualTo(DuplicateFinder.MAX_OPEN_RUNS);
        assertThat(finder.mergePasses()).isPositive();
        assertThat(finder.mostDuplicatesInMemory()).isEqualTo(maxIdsInMemory);
        try (DuplicateCursor first = DuplicateCursor.open(folder, 0);
                DuplicateCursor second = DuplicateCursor.open(folder, 1)) {
            long wrong = 0;
            for (int person = 0; person < people; person++) {
                if (first.firstRowOf(person + 2) != null
                        || !new FirstRow(0, person + 2).equals(second.firstRowOf(person + 2))) {
                    wrong++;
                }
            }
            assertThat(wrong).isZero();
        }
        assertThat(filesIn(folder)).containsExactly("duplicates-p1.bin");
    }

    @Test
    void shouldReplaceTheRunsOfAPartitionCollectedAgain() throws IOException {
        // given: partition 0 collected with A and B, then again with C only (spilling, so runs to replace)
        try (IdSpill first = new IdSpill(folder, 0, 1)) {
            first.add("A", 2);
            first.add("B", 3);
        }
        try (IdSpill again = new IdSpill(folder, 0, 1)) {
            again.add("C", 2);
        }
        try (IdSpill other = new IdSpill(folder, 1, 1)) {
            other.add("A", 2);
            other.add("C", 3);
        }

        // when
        Summary summary = DuplicateFinder.find(folder, 2, 10);

        // then: A of the first attempt is gone
        assertThat(summary).isEqualTo(new Summary(3, 1));
        assertThat(duplicatesOf(folder, List.of(rows("C"), rows("A", "C"))))
                .containsExactly(new Duplicate(1, 3, new FirstRow(0, 2)));
    }

    @Test
    void shouldRefuseAPartitionWhoseCollectionDidNotFinish() throws IOException {
        // given: partition 1 collected once, then started again and abandoned
        try (IdSpill spill = new IdSpill(folder, 0, 10)) {
            spill.add("A", 2);
        }
        try (IdSpill spill = new IdSpill(folder, 1, 10)) {
            spill.add("A", 2);
        }
        IdSpill abandoned = new IdSpill(folder, 1, 1);
        abandoned.add("B", 2);
        abandoned.add("C", 3);

        // when, then
        assertThatThrownBy(() -> DuplicateFinder.find(folder, 2, 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("partition 1 of 2");
    }

    @Test
    void shouldLeaveNoResultWhenARunHasLostIds() throws IOException {
        // given: three copies of A in three runs, the last run emptied
        try (IdSpill spill = new IdSpill(folder, 0, 1)) {
            spill.add("A", 2);
            spill.add("A", 3);
            spill.add("A", 4);
        }
        Files.write(folder.resolve("ids-p0-r2.run"), new byte[0]);

        // when, then: the duplicate of line 3 was found, yet nothing is published
        assertThatThrownBy(() -> DuplicateFinder.find(folder, 1, 10))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("hold 2 ids but the partitions added 3");
        assertThat(filesIn(folder)).noneMatch(name -> name.startsWith("duplicates") || name.startsWith("merge"));
    }

    @Test
    void shouldRefuseToFindTwiceRatherThanFindNothing() throws IOException {
        // given
        find(List.of(rows("A", "A")), 10, DuplicateFinder.MAX_OPEN_RUNS, IdBytes.Hash.STANDARD);

        // when, then
        assertThatThrownBy(() -> DuplicateFinder.find(folder, 1, 10)).isInstanceOf(IllegalStateException.class);
        assertThat(filesIn(folder)).containsExactly("duplicates-p0.bin");
    }

    @Test
    void shouldReplaceAnEarlierResultWhenFindingAgainAfterACollection() throws IOException {
        // given: a first night's folder reused, partition 0 had a duplicate
        find(List.of(rows("A", "A")), 10, DuplicateFinder.MAX_OPEN_RUNS, IdBytes.Hash.STANDARD);

        // when: collected again without one
        Result result = find(List.of(rows("A", "B")), 10, DuplicateFinder.MAX_OPEN_RUNS, IdBytes.Hash.STANDARD);

        // then
        assertThat(result.duplicates()).isEmpty();
        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void shouldFindNothingInARunWithoutPartitionsOrIds() throws IOException {
        assertThat(DuplicateFinder.find(folder, 0, 10)).isEqualTo(new Summary(0, 0));
        assertThat(find(List.of(List.of(), List.of()), 10, 2, IdBytes.Hash.STANDARD).summary())
                .isEqualTo(new Summary(0, 0));
    }

    // --- helpers

    private record Result(Summary summary, List<Duplicate> duplicates, DuplicateFinder finder) {
    }

    private Result find(List<List<Row>> partitions, int maxIdsInMemory, int fanIn, IdBytes.Hash hash)
            throws IOException {
        for (int partition = 0; partition < partitions.size(); partition++) {
            try (IdSpill spill = new IdSpill(folder, partition, maxIdsInMemory, hash)) {
                for (Row row : partitions.get(partition)) {
                    spill.add(row.id(), row.line());
                    assertThat(spill.idsInMemory()).isLessThanOrEqualTo(maxIdsInMemory);
                }
            }
        }
        DuplicateFinder finder = new DuplicateFinder(folder, partitions.size(), maxIdsInMemory, fanIn, hash);
        Summary summary = finder.find();
        return new Result(summary, duplicatesOf(folder, partitions), finder);
    }

    /** Asks every partition's cursor about every row, in line order, as the assess pass does. */
    static List<Duplicate> duplicatesOf(Path folder, List<List<Row>> partitions) throws IOException {
        List<Duplicate> duplicates = new ArrayList<>();
        for (int partition = 0; partition < partitions.size(); partition++) {
            try (DuplicateCursor cursor = DuplicateCursor.open(folder, partition)) {
                for (Row row : partitions.get(partition)) {
                    FirstRow first = cursor.firstRowOf(row.line());
                    if (first != null) {
                        duplicates.add(new Duplicate(partition, row.line(), first));
                    }
                }
            }
        }
        return duplicates;
    }

    /** What the in-memory map the processor had says: the first row seen in (partition, line) order wins. */
    static List<Duplicate> oracle(List<List<Row>> partitions) {
        Map<String, FirstRow> firstSeen = new HashMap<>();
        List<Duplicate> duplicates = new ArrayList<>();
        for (int partition = 0; partition < partitions.size(); partition++) {
            for (Row row : partitions.get(partition)) {
                FirstRow earlier = firstSeen.putIfAbsent(row.id(), new FirstRow(partition, row.line()));
                if (earlier != null) {
                    duplicates.add(new Duplicate(partition, row.line(), earlier));
                }
            }
        }
        return duplicates;
    }

    /** Rows on lines 2, 3, ... as in a file with a header. */
    static List<Row> rows(String... ids) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            rows.add(new Row(ids[i], i + 2));
        }
        return rows;
    }

    /** Ids drawn from {@code distinct} (some Unicode, some long), with gaps in the lines like rejected rows. */
    static List<List<Row>> randomPartitions(SplittableRandom random, int partitionCount, int rowsEach, int distinct) {
        List<List<Row>> partitions = new ArrayList<>();
        for (int partition = 0; partition < partitionCount; partition++) {
            List<Row> rows = new ArrayList<>();
            long line = random.nextInt(1, 1_000);
            int count = random.nextInt(0, rowsEach + 1);
            for (int i = 0; i < count; i++) {
                int n = random.nextInt(Math.max(distinct, 1));
                String id = switch (n % 4) {
                    case 0 -> "P" + n;
                    case 1 -> "patient-" + n + "-" + "ü".repeat(n % 7);
                    case 2 -> "\uD83D\uDE00" + n + "日";
                    default -> String.valueOf(n).repeat(1 + n % 9);
                };
                rows.add(new Row(id, line));
                line += random.nextInt(1, 4);
            }
            partitions.add(rows);
        }
        return partitions;
    }

    static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
