package ca.trialpath.history;

/** One row of changes.csv: what changed for a person since the previous published run. */
public record Change(String patientId, ChangeKind kind, String before, String after) {
}
