package ca.trialpath.guideline;

/** How urgently a clinical-trial discussion should be offered (rules.md, section 5). */
public enum TrialPriority {
    HIGH, ROUTINE, NONE
}
