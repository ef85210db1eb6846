package ca.trialpath.history;

import java.time.LocalDate;

/** The run a new run is compared with: the latest run published before it for the same output folder. */
public record PreviousRun(long runId, LocalDate runDate) {
}
