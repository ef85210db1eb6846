package ca.trialpath.report;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who may read a published folder ({@code trialpath.publish-permissions}). Owner-only by default: the
 * exports describe people with cancer, and a umask of 022 would otherwise leave them readable by every
 * account on the host. {@code group} lets the owner's group read (not write) them, for analysts who
 * share a group with the service account. On a file system without POSIX permissions nothing is changed.
 */
public enum PublishPermissions {

    OWNER("rwx------", "rw-------"),
    GROUP("rwxr-x---", "rw-r-----");

    private final Set<PosixFilePermission> folder;
    private final Set<PosixFilePermission> file;

    PublishPermissions(String folder, String file) {
        this.folder = PosixFilePermissions.fromString(folder);
        this.file = PosixFilePermissions.fromString(file);
    }

    /** Whether the file system can be told (POSIX); elsewhere the folder's own access rules apply. */
    public static boolean supported() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Sets a folder, and every folder and file under it, to these permissions. */
    public void applyTo(Path root) throws IOException {
        if (!supported()) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, Files.isDirectory(path) ? folder : file);
            }
        }
    }

    /** Sets one folder (not what is in it) to owner-only: the job's own work folders. */
    public static void ownerOnlyFolder(Path folder) throws IOException {
        if (supported()) {
            Files.setPosixFilePermissions(folder, OWNER.folder);
        }
    }
}
