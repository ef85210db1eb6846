package ca.trialpath.guideline;

/** How far from the anus the cancer came back (rules.md, section 2). */
public enum Extent {
    LOCAL,
    /** "Near the anus": adjacent organs and the regional nodes of AJCC 8th ed. */
    REGIONAL,
    /** "Another part of the body farther from the anus". */
    DISTANT
}
