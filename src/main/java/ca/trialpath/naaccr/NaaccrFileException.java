package ca.trialpath.naaccr;

import ca.trialpath.cohort.CohortFileException;

/**
 * A NAACCR XML file that cannot be read as a whole (not well-formed, another root element, an unknown specification
 * version, a damaged gzip stream): the run fails and publishes nothing, as for a cohort file without its header. The
 * message names the file, line and column, and never a value of a health record.
 */
public class NaaccrFileException extends CohortFileException {

    public NaaccrFileException(String file, long line, long column, String problem) {
        super(file, where(line, column) + problem);
    }

    public NaaccrFileException(String file, String problem) {
        super(file, problem);
    }

    private static String where(long line, long column) {
        if (line <= 0) {
            return "";
        }
        return column <= 0 ? "line " + line + ": " : "line " + line + ", column " + column + ": ";
    }
}
