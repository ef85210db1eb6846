package ca.trialpath.batch.input;

import ca.trialpath.cohort.CohortHeader;
import ca.trialpath.cohort.CsvRecord;
import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.naaccr.NaaccrNotes;

/**
 * A record together with the file it came from and that file's header; or, from a NAACCR XML file, the patient
 * as its reader already mapped and validated it ({@code registry}, then {@code header} and {@code record} are
 * {@code null}).
 */
public record SourcedRecord(String sourceFile, CohortHeader header, CsvRecord record, Registry registry) {

    public SourcedRecord(String sourceFile, CohortHeader header, CsvRecord record) {
        this(sourceFile, header, record, null);
    }

    /** A NAACCR patient in scope: valid ({@code record}, {@code notes}) or rejected ({@code rejected}). */
    public record Registry(PatientRecord record, NaaccrNotes notes, RejectedRow rejected) {
    }
}
