package ca.trialpath.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishPermissionsTests {

    @TempDir
    Path folder;

    @Test
    void shouldMakeAFolderAndEverythingInItOwnerOnly() throws IOException {
        // given: what a umask of 022 gives
        Path run = world(Files.createDirectories(folder.resolve("2026-11-27/sub")).getParent());
        Path file = world(Files.writeString(run.resolve("assessments.csv"), "x"));

        // when
        PublishPermissions.OWNER.applyTo(run);

        // then
        assertThat(permissions(run)).isEqualTo("rwx------");
        assertThat(permissions(run.resolve("sub"))).isEqualTo("rwx------");
        assertThat(permissions(file)).isEqualTo("rw-------");
    }

    @Test
    void shouldLetTheGroupReadButNotWriteWhenAskedTo() throws IOException {
        // given
        Path run = world(Files.createDirectories(folder.resolve("2026-11-27")));
        Path file = world(Files.writeString(run.resolve("report.html"), "x"));

        // when
        PublishPermissions.GROUP.applyTo(run);

        // then
        assertThat(permissions(run)).isEqualTo("rwxr-x---");
        assertThat(permissions(file)).isEqualTo("rw-r-----");
    }

    private static Path world(Path path) throws IOException {
        return Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
