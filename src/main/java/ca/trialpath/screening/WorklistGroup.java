package ca.trialpath.screening;

/**
 * The parts of the morning worklist, in the order the page shows them (screening.md, "Today"), and the rest of
 * the log after them.
 */
public enum WorklistGroup {
    /** A NEW pair whose result tonight is MATCH. */
    NEW_MATCH,
    /** A closed decision whose facts changed after its date. */
    REOPENED,
    /** A DEFERRED pair on or after its revisit date. */
    REVISIT_DUE,
    /** PENDING, CONTACTED or ELIGIBLE: somebody is working on it. */
    IN_PROGRESS,
    /**
     * A NEW near miss. The spec names only NEW matches first; a near miss still needs a person to look
     * (the failed criterion may be wrong in the record), so it is on the worklist, after the work in progress.
     */
    NEW_NEAR_MISS,
    /** Not on the worklist tonight: closed, deferred until later, enrolled, or no longer matching. */
    NOT_ON_WORKLIST;

    public boolean onWorklist() {
        return this != NOT_ON_WORKLIST;
    }
}
