package ca.trialpath.duplicates;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The names of the files in the folder that {@link IdSpill}, {@link DuplicateFinder} and {@link DuplicateCursor}
 * share, and the few file operations they need.
 *
 * <ul>
 * <li>{@code ids-p<partition>-r<run>.run}: one sorted run of a partition's ids;</li>
 * <li>{@code ids-p<partition>.done}: written last by {@link IdSpill#close()}, says how many runs and ids the
 * partition has, so a partition that failed halfway is never merged as if it were complete;</li>
 * <li>{@code merge-<n>.run}, {@code dups-<n>.run}: the finder's own intermediate runs;</li>
 * <li>{@code duplicates-p<partition>.bin}: a partition's duplicates by line, the finder's result.</li>
 * </ul>
 */
final class DuplicateFolder {

    private DuplicateFolder() {
    }

    static Path idRun(Path folder, int partition, int run) {
        return folder.resolve("ids-p" + partition + "-r" + run + ".run");
    }

    static Path idsDone(Path folder, int partition) {
        return folder.resolve("ids-p" + partition + ".done");
    }

    static Path mergeRun(Path folder, int n) {
        return folder.resolve("merge-" + n + ".run");
    }

    static Path duplicateRun(Path folder, int n) {
        return folder.resolve("dups-" + n + ".run");
    }

    static Path duplicates(Path folder, int partition) {
        return folder.resolve("duplicates-p" + partition + ".bin");
    }

    /** What a closed partition left: how many runs, how many ids. */
    record Done(int runs, long ids) {

        void write(Path folder, int partition) throws IOException {
            Path target = idsDone(folder, partition);
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(temporary))) {
                out.writeInt(runs);
                out.writeLong(ids);
            }
            moveInPlace(temporary, target);
        }

        /** @return {@code null} when the partition was never closed */
        static Done read(Path folder, int partition) throws IOException {
            try (DataInputStream in = new DataInputStream(Files.newInputStream(idsDone(folder, partition)))) {
                return new Done(in.readInt(), in.readLong());
            } catch (NoSuchFileException e) {
                return null;
            }
        }
    }

    /** Replaces the target at once, so a reader sees either the old file or the whole new one. */
    static void moveInPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the folder's files whose names match the glob; a missing folder has none. */
    static void deleteMatching(Path folder, String glob) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, glob)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
    }
}
