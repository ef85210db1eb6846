package ca.trialpath.history;

/**
 * What one published run concluded for one person, as the history keeps it. Lists are {@code ;}-lists as
 * in assessments.csv (an empty list is the empty string), so two runs compare as text.
 */
public record PersonResult(String patientId, String pathway, String options, String trialPriority,
        String matchedTrials, String reviewFlags) {
}
