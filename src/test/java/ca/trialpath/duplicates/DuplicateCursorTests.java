package ca.trialpath.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.trialpath.duplicates.DuplicateCursor.FirstRow;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateCursorTests {

    @TempDir
    Path folder;

    @Test
    void shouldSayNoRowIsADuplicateWhenThePartitionHasNoFile() throws IOException {
        try (DuplicateCursor cursor = DuplicateCursor.open(folder.resolve("missing"), 0)) {
            assertThat(cursor.firstRowOf(2)).isNull();
            assertThat(cursor.firstRowOf(Long.MAX_VALUE)).isNull();
        }
    }

    @Test
    void shouldPassOverLinesThatAreNotAsked() throws IOException {
        // given: duplicates on lines 4, 6 and 1,000,000,000,000 of partition 0
        try (IdSpill spill = new IdSpill(folder, 0, 10)) {
            spill.add("A", 2);
            spill.add("A", 4);
            spill.add("A", 6);
            spill.add("A", 1_000_000_000_000L);
        }
        DuplicateFinder.find(folder, 1, 10);

        // when: the row on line 4 was rejected for another reason, so never asked about
        try (DuplicateCursor cursor = DuplicateCursor.open(folder, 0)) {
            // then
            assertThat(cursor.firstRowOf(2)).isNull();
            assertThat(cursor.firstRowOf(5)).isNull();
            assertThat(cursor.firstRowOf(6)).isEqualTo(new FirstRow(0, 2));
            assertThat(cursor.firstRowOf(7)).isNull();
            assertThat(cursor.firstRowOf(1_000_000_000_000L)).isEqualTo(new FirstRow(0, 2));
            assertThat(cursor.firstRowOf(1_000_000_000_001L)).isNull();
        }
    }

    @Test
    void shouldRefuseALineAskedOutOfOrder() throws IOException {
        try (DuplicateCursor cursor = DuplicateCursor.open(folder, 0)) {
            cursor.firstRowOf(7);
            assertThatThrownBy(() -> cursor.firstRowOf(7))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("7 after 7");
        }
    }
}
