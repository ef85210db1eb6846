package ca.trialpath.job;

import ca.trialpath.cohort.CohortHeader;
import ca.trialpath.cohort.CsvRecord;

/** A record together with the file it came from and that file's header. */
record SourcedRecord(String sourceFile, CohortHeader header, CsvRecord record) {
}
