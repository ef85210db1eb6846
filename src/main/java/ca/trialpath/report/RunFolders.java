package ca.trialpath.report;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Where a run writes. Everything is staged under {@code <output>/.trialpath/} (the same file system,
 * so the final move is a rename) and only a complete folder is moved to {@code <output>/<date>/}.
 */
public record RunFolders(Path output, LocalDate runDate) {

    public static final String WORK = ".trialpath";

    public Path work() {
        return output.resolve(WORK);
    }

    /** Becomes the published folder as a whole. */
    public Path staging() {
        return work().resolve("staging").resolve(runDate.toString()).resolve("publish");
    }

    /** Files the job needs while it runs but does not publish. */
    public Path internal() {
        return work().resolve("staging").resolve(runDate.toString()).resolve("internal");
    }

    public Path published() {
        return output.resolve(runDate.toString());
    }

    /** Where an earlier folder for the same date goes when a new run replaces it. */
    public Path replaced(String suffix) {
        return work().resolve("replaced").resolve(runDate + "-" + suffix);
    }

    public Path lockFile() {
        return work().resolve("run.lock");
    }
}
