package ca.trialpath.guideline;

/** Which reading of which guideline produced an assessment; written beside every result. */
public final class GuidelineVersion {

    /** The source page: Canadian Cancer Society, "Treatments for recurrent anal cancer", (c) 2024. */
    public static final String GUIDELINE = "CCS recurrent anal cancer treatment (2024)";

    /** The decision table of shared/spec/rules.md. */
    public static final String RULES = "rules v1";

    /** The value of the {@code guideline_version} column. */
    public static final String ID = "CCS-2024/rules-v1";

    private GuidelineVersion() {
    }
}
