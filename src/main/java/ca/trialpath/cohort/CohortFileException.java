package ca.trialpath.cohort;

/**
 * A problem with a whole cohort file (no header, a required column missing, not UTF-8): the run
 * fails and publishes nothing, because the rows of such a file cannot be trusted one by one.
 */
public class CohortFileException extends RuntimeException {

    public CohortFileException(String file, String problem) {
        super(file + ": " + problem);
    }
}
