package ca.trialpath.job;

import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.guideline.Assessment;

/** What became of one input record: assessed, or rejected with a reason. Nothing else is possible. */
sealed interface Outcome {

    record Assessed(PatientRecord record, Assessment assessment, Integer ageAtRecurrence) implements Outcome {
    }

    record Rejected(RejectedRow row) implements Outcome {
    }
}
