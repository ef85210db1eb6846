package ca.trialpath.guideline;

/**
 * The rows of the clinical-trial discussion table (rules.md, section 5), each with the priority it gives.
 * Row ids are part of the output ({@code trial_rule}): keep them stable.
 */
public enum TrialRule {
    /** Out of scope or not recurrent, SC1 applies, or PRIMARY_NOT_INVASIVE or IN_SITU_RECURRENCE. */
    T1(TrialPriority.NONE),
    /** Distant metastasis: no standard treatment. */
    T2(TrialPriority.HIGH),
    /** Local recurrence with NO_STANDARD_OPTION, or whose only option is LR4. */
    T3(TrialPriority.HIGH),
    /** Any other local recurrence, and undetermined. */
    T4(TrialPriority.ROUTINE);

    private final TrialPriority priority;

    TrialRule(TrialPriority priority) {
        this.priority = priority;
    }

    public TrialPriority priority() {
        return priority;
    }

    /** The trial_discussion column: every row but T1 offers one. */
    public boolean discussion() {
        return this != T1;
    }
}
