package ca.trialpath.cohort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ca.trialpath.cohort.CohortFileInspector.InspectedFile;

/**
 * The SHA-256 of input files taken once in this process, by the launcher for the run's fingerprint, for the first
 * step to use rather than read a registry's extract of hundreds of megabytes a second time (issue 14, point 7).
 * Each is kept with the file's size, file key (the inode on Linux) and modification time from before it was read,
 * and given back only while the file still has them: a file changed or replaced since is read again, and then no
 * longer matches the run's fingerprint. What the run reads later is still checked against the digest by the
 * readers and, before publication, against the file's identity.
 *
 * <p>A cohort CSV file is inspected whole here ({@link #inspect}), once: the launcher's digest and the first step's
 * inspection (UTF-8, header, SHA-256) are then one reading of the file, not two.
 */
public final class InputDigests {

    private record Taken(String stamp, String sha256) {
    }

    private record Inspected(String stamp, InspectedFile file) {
    }

    private final Map<Path, Taken> taken = new ConcurrentHashMap<>();
    private final Map<Path, Inspected> inspected = new ConcurrentHashMap<>();
    private final long cutLinesApart;

    /** Keeps no cuts of cohort files: a run on one thread does not cut them. */
    public InputDigests() {
        this(0);
    }

    /** @param cutLinesApart the inspections also find where to cut cohort files for threads ({@link CutScan}); 0: not */
    public InputDigests(long cutLinesApart) {
        this.cutLinesApart = cutLinesApart;
    }

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
        return then != null && unchangedSince(then.stamp(), file) ? then.sha256() : null;
    }

    /**
     * Inspects a cohort file whole ({@link CohortFileInspector#inspect}), kept for {@link #inspected}, and returns
     * its SHA-256. A file its inspection refuses is only digested, and not kept: the first step inspects it again
     * and fails the run with the file's error, as it would have without this.
     */
    public String inspect(Path file) throws IOException {
        String before = stamp(file);
        try {
            InspectedFile result = CohortFileInspector.inspect(file, cutLinesApart);
            inspected.put(key(file), new Inspected(before, result));
            return result.sha256();
        } catch (CohortFileException refused) {
            return InputFingerprint.sha256(file);
        }
    }

    /**
     * What {@link #inspect} found in the file, named as {@code file} names it, if it still has the size, file key
     * and modification time it had before that reading; else {@code null}.
     */
    public InspectedFile inspected(Path file) throws IOException {
        Inspected then = inspected.get(key(file));
        if (then == null || !unchangedSince(then.stamp(), file)) {
            return null;
        }
        InspectedFile kept = then.file();
        return new InspectedFile(file.getFileName().toString(), file.toString(), kept.bytes(), kept.sha256(),
                kept.ignoredColumns(), kept.cuts());
    }

    /** Forgets every digest: a new launch takes its own. */
    public void clear() {
        taken.clear();
        inspected.clear();
    }

    /** Whether the file still has the size, file key and modification time of {@code stamp}; gone, it has not. */
    private static boolean unchangedSince(String stamp, Path file) throws IOException {
        try {
            return stamp.equals(stamp(file));
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static String stamp(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.size() + "/" + attributes.fileKey() + "/" + attributes.lastModifiedTime().toInstant();
    }
}
