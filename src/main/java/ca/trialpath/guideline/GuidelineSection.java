package ca.trialpath.guideline;

/** The sections of the guideline page an option or flag can point a clinician to. */
public enum GuidelineSection {
    LOCAL_RECURRENCE("Local recurrence"),
    DISTANT_METASTASIS("Distant metastasis"),
    CLINICAL_TRIALS("Clinical trials"),
    CANNOT_OR_DO_NOT_WANT_TREATMENT("If you can't have or don't want cancer treatment");

    private final String heading;

    GuidelineSection(String heading) {
        this.heading = heading;
    }

    /** The heading as printed in the guideline. */
    public String heading() {
        return heading;
    }
}
