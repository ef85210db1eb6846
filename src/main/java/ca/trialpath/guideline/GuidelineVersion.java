package ca.trialpath.guideline;

/** Which reading of which guideline produced an assessment, and how old the source is; written beside every result. */
public final class GuidelineVersion {

    /** The source page, with its edition. */
    public static final String GUIDELINE =
            "Canadian Cancer Society, \"Treatments for recurrent anal cancer\" (© 2024, no review date given)";

    /** The decision table of shared/spec/rules.md. */
    public static final String RULES = "rules-v2";

    /** The value of the {@code guideline_version} column: the source's edition and the rules version. */
    public static final String ID = "CCS-2024/rules-v2";

    /** The source's edition as its page gives it. */
    public static final String EDITION = "© 2024";

    /** The page's "Last medical review:" line is empty. */
    public static final String LAST_MEDICAL_REVIEW = null;

    /**
     * What every report and summary.json says of the source's age (rules.md, "The source is dated"), and the
     * source's own caution.
     */
    public static final String CAUTION = "The source is © 2024 and gives no date of last medical review. Treatments"
            + " approved since are not reflected (for example, in May 2025 the US FDA approved retifanlimab with"
            + " carboplatin and paclitaxel for inoperable locally recurrent or metastatic squamous cell carcinoma of"
            + " the anal canal); the care team checks current standards. The options listed are options to discuss,"
            + " not a recommendation: in the source's words, \"your healthcare team will suggest treatments based on"
            + " your needs\".";

    private GuidelineVersion() {
    }
}
