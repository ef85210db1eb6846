package ca.trialpath.guideline;

/** The guideline's fork (rules.md, section 3): which part of the guideline applies to the person. */
public enum Pathway {
    LOCAL_RECURRENCE,
    DISTANT_METASTASIS,
    UNDETERMINED,
    NOT_RECURRENT,
    OUT_OF_SCOPE
}
