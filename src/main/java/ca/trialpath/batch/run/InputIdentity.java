package ca.trialpath.batch.run;

import ca.trialpath.cohort.CohortFileException;
import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.cohort.InputFingerprint;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;

/**
 * What the file system says of an input file when the run inspects it: its size, its identity (the inode on
 * Linux, so a file swapped in by write-then-rename is another file) and its modification time. Checked again
 * right before publication ({@link #checkUnchanged}): the readers check every byte they read against the run's
 * digests, and this check catches what changed after they read it.
 *
 * (The file's path is its inspected file's: the identities are kept in the order of the inputs, and small, since
 * the job execution context holding them is read again by every lookup of a step.)
 *
 * @param fileKey  {@link BasicFileAttributes#fileKey()} as text, {@code null} where the file system has none
 * @param modified the modification time in nanoseconds since the epoch
 */
public record InputIdentity(long bytes, String fileKey, long modifiedNanos) implements Serializable {

    public static InputIdentity of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new InputIdentity(attributes.size(),
                attributes.fileKey() == null ? null : attributes.fileKey().toString(),
                attributes.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L
                        + attributes.lastModifiedTime().toInstant().getNano());
    }

    /**
     * Fails the run when an input is gone, has another size, or is another file or was written since and no longer
     * holds the content the run read (its SHA-256 is taken again only then: a file touched, or rewritten with the
     * same bytes, still passes, and a restart of an unchanged input passes).
     *
     * @param identities as the inspection recorded them, in the order of {@code inputs}
     */
    public static void checkUnchanged(List<InspectedFile> inputs, List<InputIdentity> identities) throws IOException {
        if (identities == null) {
            // a run inspected by an earlier version, resumed: its readers checked what they read
            return;
        }
        for (int i = 0; i < inputs.size(); i++) {
            InspectedFile input = inputs.get(i);
            InputIdentity then = identities.get(i);
            InputIdentity now;
            try {
                now = of(Path.of(input.path()));
            } catch (NoSuchFileException e) {
                throw changed(input, "it is no longer there");
            }
            if (now.bytes() != then.bytes()) {
                throw changed(input, then.bytes() + " bytes then, " + now.bytes() + " now");
            }
            if (!Objects.equals(now.fileKey(), then.fileKey()) || now.modifiedNanos() != then.modifiedNanos()) {
                String sha256 = InputFingerprint.sha256(Path.of(input.path()));
                if (!sha256.equals(input.sha256())) {
                    throw changed(input, Objects.equals(now.fileKey(), then.fileKey())
                            ? "it was written to, and its SHA-256 is no longer " + input.sha256()
                            : "another file was put in its place, with another SHA-256");
                }
            }
        }
    }

    /** The error of an input that is not what it was when the run started. */
    public static CohortFileException changed(InspectedFile file, String how) {
        return new CohortFileException(file.path(), "the file changed since the run started (" + how
                + "); nothing is published: run the command again to start a run for the file as it is now");
    }
}
