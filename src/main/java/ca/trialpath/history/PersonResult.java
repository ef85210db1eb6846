package ca.trialpath.history;

import ca.trialpath.guideline.Assessment;
import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.guideline.TreatmentOption;
import ca.trialpath.trials.TrialMatch;
import java.util.List;
import java.util.StringJoiner;

/**
 * What one published run concluded for one person, as the history keeps it. Lists are {@code ;}-lists as
 * in assessments.csv (an empty list is the empty string), so two runs compare as text.
 */
public record PersonResult(String patientId, String pathway, String options, String trialPriority,
        String matchedTrials, String reviewFlags) {

    /**
     * What the history keeps of an assessed person: the values of their {@code assessments.csv} row in the columns
     * {@code patient_id} (without a spreadsheet's apostrophe), {@code pathway}, {@code options},
     * {@code trial_priority}, {@code matched_trials} and {@code review_flags}.
     *
     * @param trials the person's matches and near misses; {@code null} in a run without a catalogue
     */
    public static PersonResult of(String patientId, Assessment assessment, List<TrialMatch> trials) {
        StringJoiner options = new StringJoiner(";");
        for (TreatmentOption option : assessment.options()) {
            options.add(option.code());
        }
        StringJoiner matched = new StringJoiner(";");
        if (trials != null) {
            for (TrialMatch match : trials) {
                if (match.result() == TrialMatch.Result.MATCH) {
                    matched.add(match.nctId());
                }
            }
        }
        StringJoiner flags = new StringJoiner(";");
        for (ReviewFlag flag : assessment.orderedFlags()) {
            flags.add(flag.name());
        }
        return new PersonResult(patientId, assessment.pathway().name(), options.toString(),
                assessment.trialPriority().name(), matched.toString(), flags.toString());
    }
}
