package ca.trialpath.history;

/**
 * What can change for a person between two published runs: the {@code change} column of changes.csv.
 * Review flags are kept in the history but are not a change of their own: they follow from the data,
 * and a coordinator acts on the pathway, the priority, the options and the trials.
 */
public enum ChangeKind {

    /** In this run, not in the previous one; {@code after} is the pathway. */
    NEW_PERSON,
    /** In the previous run, not in this one; {@code before} is the pathway it had. */
    NO_LONGER_PRESENT,
    /** {@code before} and {@code after} are pathways. */
    PATHWAY_CHANGED,
    /** {@code before} and {@code after} are trial priorities ({@code HIGH}, {@code ROUTINE}, {@code NONE}). */
    PRIORITY_CHANGED,
    /** {@code before} and {@code after} are {@code ;}-lists of option codes, empty for none. */
    OPTIONS_CHANGED,
    /** One row per trial: {@code after} is its NCT id. */
    TRIAL_MATCHED,
    /** One row per trial: {@code before} is its NCT id. */
    TRIAL_NO_LONGER_MATCHED
}
