package ca.trialpath.cohort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of input files taken once in this process, by the launcher for the run's fingerprint, for the first
 * step to use rather than read a registry's extract of hundreds of megabytes a second time (issue 14, point 7).
 * Each is kept with the file's size, file key (the inode on Linux) and modification time from before it was read,
 * and given back only while the file still has them: a file changed or replaced since is read again, and then no
 * longer matches the run's fingerprint. What the run reads later is still checked against the digest by the
 * readers and, before publication, against the file's identity.
 */
public final class InputDigests {

    private record Taken(String stamp, String sha256) {
    }

    private final Map<Path, Taken> taken = new ConcurrentHashMap<>();

    /** Reads the file whole: its SHA-256 in hex, kept for {@link #taken}. */
    public String sha256(Path file) throws IOException {
        String before = stamp(file);
        String sha256 = InputFingerprint.sha256(file);
        taken.put(key(file), new Taken(before, sha256));
        return sha256;
    }

    /**
     * The SHA-256 {@link #sha256} took of the file, if it still has the size, file key and modification time it
     * had before that reading; else {@code null}.
     */
    public String taken(Path file) throws IOException {
        Taken then = taken.get(key(file));
        if (then == null) {
            return null;
        }
        try {
            return then.stamp().equals(stamp(file)) ? then.sha256() : null;
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    /** Forgets every digest: a new launch takes its own. */
    public void clear() {
        taken.clear();
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static String stamp(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.size() + "/" + attributes.fileKey() + "/" + attributes.lastModifiedTime().toInstant();
    }
}
