package ca.trialpath.trials;

/**
 * The criteria a (person, trial) pair is judged on (trials.md, "Criteria"), in the order the outputs list
 * them. The first three depend on the study alone.
 */
public enum Criterion {
    STATUS, CONDITION, LOCATION, AGE, SEX, PATHWAY, HISTOLOGY, ECOG, PRIOR_REQUIRED, PRIOR_EXCLUDED, SURGERY;

    /** A failure of one of these makes a study useless for everyone: it can be no near miss either. */
    public boolean isStudyWide() {
        return this == STATUS || this == CONDITION || this == LOCATION;
    }
}
