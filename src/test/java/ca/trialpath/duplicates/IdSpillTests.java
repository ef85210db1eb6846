package ca.trialpath.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdSpillTests {

    @TempDir
    Path folder;

    @Test
    void shouldWriteARunEachTimeTheBoundIsReached() throws IOException {
        // given
        IdSpill spill = new IdSpill(folder.resolve("created"), 3, 4);

        // when
        for (int line = 1; line <= 10; line++) {
            spill.add("P" + line, line);
            assertThat(spill.idsInMemory()).isLessThanOrEqualTo(4);
        }
        spill.close();

        // then: 4 + 4 + 2
        assertThat(spill.runsWritten()).isEqualTo(3);
        assertThat(DuplicateFinderTests.filesIn(folder.resolve("created")))
                .containsExactly("ids-p3-r0.run", "ids-p3-r1.run", "ids-p3-r2.run", "ids-p3.done");
    }

    @Test
    void shouldRefuseLinesThatDoNotIncrease() throws IOException {
        try (IdSpill spill = new IdSpill(folder, 0, 10)) {
            spill.add("A", 5);
            assertThatThrownBy(() -> spill.add("B", 5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("5 after 5");
        }
    }

    @Test
    void shouldRefuseIdsAfterClosing() throws IOException {
        IdSpill spill = new IdSpill(folder, 0, 10);
        spill.close();
        spill.close();
        assertThatThrownBy(() -> spill.add("A", 2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseANegativePartitionOrAnEmptyBound() {
        assertThatThrownBy(() -> new IdSpill(folder, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdSpill(folder, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLeaveTheOtherPartitionsAloneWhenCollectingOneAgain() throws IOException {
        // given: partitions 1 and 12 (whose names share a prefix)
        for (int partition : new int[] {1, 12}) {
            try (IdSpill spill = new IdSpill(folder, partition, 1)) {
                spill.add("A", 2);
                spill.add("B", 3);
            }
        }

        // when
        new IdSpill(folder, 1, 1).close();

        // then
        assertThat(DuplicateFinderTests.filesIn(folder))
                .containsExactly("ids-p1.done", "ids-p12-r0.run", "ids-p12-r1.run", "ids-p12.done");
    }
}
