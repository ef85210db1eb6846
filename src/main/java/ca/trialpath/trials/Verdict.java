package ca.trialpath.trials;

/** How one criterion judges one (person, trial) pair; UNKNOWN when the person's record lacks what it needs. */
public enum Verdict {
    MET, FAILED, UNKNOWN
}
