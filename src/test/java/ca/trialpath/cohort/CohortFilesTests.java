package ca.trialpath.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortFilesTests {

    @TempDir
    Path folder;

    @Test
    void shouldResolveOneFileToItself() throws IOException {
        // given
        Path file = touch(folder.resolve("cohort.csv"));

        // when
        List<Path> files = CohortFiles.resolve(file);

        // then
        assertThat(files).containsExactly(file.toAbsolutePath().normalize());
    }

    @Test
    void shouldResolveARelativeUnnormalisedPathToAnAbsoluteNormalisedOne() throws IOException {
        // given
        touch(folder.resolve("cohort.csv"));
        Path unnormalised = folder.resolve("sub").resolve("..").resolve("cohort.csv");
        Files.createDirectory(folder.resolve("sub"));

        // when
        List<Path> files = CohortFiles.resolve(unnormalised);

        // then
        assertThat(files).containsExactly(folder.resolve("cohort.csv").toAbsolutePath().normalize());
        assertThat(files.get(0).isAbsolute()).isTrue();
    }

    @Test
    void shouldTakeAnExplicitlyNamedFileWhateverItsExtension() throws IOException {
        // given
        Path file = touch(folder.resolve("cohort.txt"));

        // when / then
        assertThat(CohortFiles.resolve(file)).containsExactly(file.toAbsolutePath().normalize());
    }

    @Test
    void shouldResolveAFolderToItsCsvFilesInFileNameOrder() throws IOException {
        // given: created out of order, with files and folders that are not cohort files
        touch(folder.resolve("c.csv"));
        touch(folder.resolve("a.csv"));
        touch(folder.resolve("b.CSV"));
        touch(folder.resolve("notes.txt"));
        touch(folder.resolve("a.csv.bak"));
        touch(folder.resolve("csv"));
        Files.createDirectory(folder.resolve("archive.csv"));
        touch(Files.createDirectory(folder.resolve("nested")).resolve("0.csv"));

        // when
        List<Path> files = CohortFiles.resolve(folder);

        // then
        assertThat(files).extracting(path -> path.getFileName().toString()).containsExactly("a.csv", "b.CSV", "c.csv");
        assertThat(files).allSatisfy(path -> assertThat(path.isAbsolute()).isTrue());
    }

    @Test
    void shouldOrderByFileNameNotByNumber() throws IOException {
        // given
        touch(folder.resolve("2026-03-10.csv"));
        touch(folder.resolve("2026-03-02.csv"));
        touch(folder.resolve("2026-02-28.csv"));

        // when
        List<Path> files = CohortFiles.resolve(folder);

        // then
        assertThat(files).extracting(path -> path.getFileName().toString())
                .containsExactly("2026-02-28.csv", "2026-03-02.csv", "2026-03-10.csv");
    }

    @Test
    void shouldRejectAMissingInput() {
        // given
        Path missing = folder.resolve("missing.csv");

        // when / then
        assertThatThrownBy(() -> CohortFiles.resolve(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void shouldRejectAnEmptyFolder() {
        assertThatThrownBy(() -> CohortFiles.resolve(folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(folder.toString())
                .hasMessageContaining("no *.csv");
    }

    @Test
    void shouldRejectAFolderWithoutCsvFiles() throws IOException {
        // given
        touch(folder.resolve("cohort.xlsx"));
        Files.createDirectory(folder.resolve("old.csv"));

        // when / then
        assertThatThrownBy(() -> CohortFiles.resolve(folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no *.csv");
    }

    private static Path touch(Path file) throws IOException {
        return Files.writeString(file, "patient_id,primary_site\n");
    }
}
