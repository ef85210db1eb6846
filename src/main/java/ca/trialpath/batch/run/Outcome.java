package ca.trialpath.batch.run;

import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.guideline.Assessment;
import ca.trialpath.trials.TrialMatch;
import java.time.LocalDate;
import java.util.List;

/** What became of one input record: assessed, or rejected with a reason. Nothing else is possible. */
public sealed interface Outcome {

    /**
     * @param trials    the person's matches and near misses; {@code null} when the run does no matching
     * @param birthDate the row's own birth date, for the trial AGE criterion only: a de-identified
     *                  {@code record} has none, and this one is never written
     */
    record Assessed(PatientRecord record, Assessment assessment, Integer ageAtRecurrence, List<TrialMatch> trials,
            LocalDate birthDate) implements Outcome {

        Assessed(PatientRecord record, Assessment assessment, Integer ageAtRecurrence) {
            this(record, assessment, ageAtRecurrence, null, record.birthDate());
        }
    }

    record Rejected(RejectedRow row) implements Outcome {
    }
}
