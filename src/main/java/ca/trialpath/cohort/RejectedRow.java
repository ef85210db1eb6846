package ca.trialpath.cohort;

/**
 * An input row that was read but not assessed, with enough to find and fix it in the source.
 *
 * @param patientId the row's id when one could be read, else {@code null}
 * @param message   names the column and the value at fault
 */
public record RejectedRow(String sourceFile, long line, String patientId, ReasonCode reason, String message) {
}
