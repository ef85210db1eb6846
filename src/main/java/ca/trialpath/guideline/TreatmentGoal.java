package ca.trialpath.guideline;

/** What treatment aims at (rules.md, section 4, "Treatment goal"). */
public enum TreatmentGoal {
    /** Remove or destroy the recurrence. */
    TREAT_RECURRENCE,
    /** Control the disease, relieve symptoms and keep quality of life: there is no standard treatment. */
    CONTROL_AND_PALLIATION,
    /** Care that makes the person feel better without treating the cancer itself. */
    COMFORT_CARE
}
