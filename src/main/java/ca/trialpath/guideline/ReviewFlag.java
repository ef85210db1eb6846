package ca.trialpath.guideline;

/**
 * Why a person's record needs a human look. Where the guideline is silent the product raises a flag
 * and leaves the decision to the care team instead of inventing a treatment. Declared in the order
 * they are listed in the outputs.
 */
public enum ReviewFlag {
    RECURRENCE_TYPE_SITE_CONFLICT("The NAACCR recurrence type and the recorded recurrence sites disagree; the more extensive reading was used."),
    UNKNOWN_SITE_TERM("A recurrence site term is not in the vocabulary of rules.md, section 2."),
    RECURRENCE_SITE_MISSING("Neither the recurrence sites nor the recurrence type say where the cancer came back."),
    NO_RECURRENCE_RECORDED("The recurrence type says there is no recurrence to treat (code 00 or 70)."),
    PRIOR_TREATMENT_MISSING("Local recurrence, but the treatment of the original tumour is not recorded, and the options depend on it."),
    NO_STANDARD_OPTION("Local recurrence, but the guideline gives no option for this prior treatment."),
    SURGICAL_ASSESSMENT_NEEDED("A surgical option is listed, but whether the recurrence can be removed by surgery is unknown."),
    SYMPTOMS_WITHOUT_LOCAL_TUMOUR("Pain or bleeding is recorded, but no local or regional disease that the guideline's palliative options treat.");

    private final String explanation;

    ReviewFlag(String explanation) {
        this.explanation = explanation;
    }

    /** One sentence a coordinator can act on. */
    public String explanation() {
        return explanation;
    }
}
