package ca.trialpath.trials;

/** Why a catalogue entry was not taken as a study; each is counted in summary.json. */
public enum SkipReason {
    /** Not a JSON object with a {@code protocolSection} (e.g. a string in the array, or another kind of page). */
    NOT_A_STUDY,
    /** No {@code identificationModule.nctId}, or an empty one (trials.md). */
    NO_NCT_ID,
    /** An {@code nctId} that is not {@code NCT} and eight digits: it could not be keyed by the criteria file. */
    INVALID_NCT_ID,
    /** The NCT id was already read from an earlier file or position (file-name order): the first is kept. */
    DUPLICATE_NCT_ID,
    /** {@code minimumAge} or {@code maximumAge} is neither "number unit" nor {@code N/A}: the age criterion could not be judged. */
    INVALID_AGE,
    /** {@code eligibilityModule.sex} is none of {@code ALL}, {@code FEMALE}, {@code MALE}. */
    INVALID_SEX
}
