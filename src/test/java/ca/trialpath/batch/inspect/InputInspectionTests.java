package ca.trialpath.batch.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.trialpath.cohort.CohortFileException;
import ca.trialpath.cohort.CohortFileInspector;
import ca.trialpath.cohort.InputDigests;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first step takes a cohort file's inspection from the launcher, which read the file whole for the run's
 * fingerprint, while the file is unchanged: one reading before the run starts, not two.
 */
class InputInspectionTests {

    private static final Path SAMPLE = Path.of("sample-data", "cohort-2026-11-a.csv");

    @TempDir
    private Path temp;

    @Test
    void shouldTakeTheLaunchersInspectionOfAnUnchangedFileWithoutReadingItAgain() throws Exception {
        // given: inspected by the launcher; then a byte is damaged with the size and modification time kept, which
        // only a new reading would see (the assessment does: it checks its bytes against the SHA-256)
        Path file = Files.copy(SAMPLE, temp.resolve("cohort.csv"));
        InputDigests taken = new InputDigests();
        taken.inspect(file);
        var launchers = CohortFileInspector.inspect(file);
        FileTime modified = Files.getLastModifiedTime(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {(byte) 0xFF}), 200);
        }
        Files.setLastModifiedTime(file, modified);

        // when
        var inspected = InputInspection.inspect(file, taken);

        // then: the launcher's, not a reading now (which refuses the byte)
        assertThat(inspected).isEqualTo(launchers);
        assertThatThrownBy(() -> InputInspection.inspect(file, null)).isInstanceOf(CohortFileException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void shouldInspectAgainAFileChangedSinceTheLaunch() throws Exception {
        // given
        Path file = Files.copy(SAMPLE, temp.resolve("cohort.csv"));
        InputDigests taken = new InputDigests();
        taken.inspect(file);

        // when: appended to
        Files.writeString(file, "TP-99-0001,1959-01-28,M,QC,C21.1,8070/3,2021-11-09,30,anal canal,chemoradiation,no,,0,\n",
                StandardOpenOption.APPEND);

        // then: read now, with the new bytes
        assertThat(InputInspection.inspect(file, taken)).isEqualTo(CohortFileInspector.inspect(file));
        assertThat(InputInspection.inspect(file, taken).bytes()).isEqualTo(Files.size(file));
    }
}
