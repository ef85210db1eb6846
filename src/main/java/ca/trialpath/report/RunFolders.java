package ca.trialpath.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a run writes. Everything is staged under {@code <output>/.trialpath/} (the same file system,
 * so the final move is a rename) and only a complete folder is moved to {@code <output>/<date>/}.
 * Each run (job instance) stages in a folder of its own, so a corrected export for the same date
 * never mixes its rows with an earlier, failed run's.
 */
public record RunFolders(Path output, LocalDate runDate) {

    public static final String WORK = ".trialpath";

    public Path work() {
        return output.resolve(WORK);
    }

    /** Every run's staging folders are in here, named {@code <date>-<job instance id>}. */
    public Path stagingRoot() {
        return work().resolve("staging");
    }

    /** The staging folder of one run (job instance) for this date. */
    public Staging staging(long jobInstanceId) {
        return new Staging(stagingRoot().resolve(runDate + "-" + jobInstanceId));
    }

    /** Whether a folder of {@link #stagingRoot()} belongs to a run for this date. */
    public boolean isStagingOfThisDate(Path folder) {
        return folder.getFileName().toString().startsWith(runDate + "-");
    }

    public Path published() {
        return output.resolve(runDate.toString());
    }

    /**
     * Where an earlier folder for the date is kept when a new run replaces it: beside the date's folder, in
     * plain sight ({@code 2026-11-27.replaced/20261128T081502-by-execution-65/}), not in the hidden work
     * folder, so that an operator listing the reports sees that the date was published more than once.
     */
    public Path replaced(String name) {
        return output.resolve(runDate + ".replaced").resolve(name);
    }

    public Path lockFile() {
        return work().resolve("run.lock");
    }

    /** Removes a staging folder (or part of one) and everything in it; nothing to do when it is not there. */
    public static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * One run's staging folder: {@code publish/} becomes the published folder as a whole;
     * {@code internal/} holds what the job needs while it runs but does not publish.
     */
    public record Staging(Path root) {

        public Path publish() {
            return root.resolve("publish");
        }

        public Path internal() {
            return root.resolve("internal");
        }

        /** The index's duplicate ids and the registry's caches, which the partitions read. */
        public Path ids() {
            return internal().resolve("ids");
        }

        /**
         * The staging folder of one partition of the run: laid out as a run's own, and put together with the
         * others at publication.
         */
        public Staging partition(String name) {
            return new Staging(root.resolve("partitions").resolve(name));
        }
    }
}
