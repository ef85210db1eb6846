package ca.trialpath.guideline;

/**
 * Why a person's record needs a human look (rules.md). Where the guideline is silent the product raises a
 * flag and leaves the decision to the care team instead of inventing a treatment. Declared in the order
 * they are listed in the outputs.
 */
public enum ReviewFlag {
    // ---- the record (sections 2 and 3) ----
    RECURRENCE_TYPE_SITE_CONFLICT("The NAACCR recurrence type and the recorded recurrence sites disagree; the more extensive reading was used."),
    UNKNOWN_SITE_TERM("A recurrence site term is not in the vocabulary of rules.md, section 2."),
    RECURRENCE_SITE_MISSING("Neither the recurrence sites nor the recurrence type say where the cancer came back."),
    NO_RECURRENCE_RECORDED("The recurrence type says the person is disease-free with no recurrence (code 00)."),
    PERSISTENT_DISEASE("The person was never disease-free (code 70: persistent disease); the guideline is about recurrence, so the care team decides whether its options apply."),
    SEVERAL_ANAL_PRIMARIES("The registry holds more than one anal tumour for this person; the one with a recurrence (else the one diagnosed last) was assessed, so check that it is the right one."),
    // ---- histology and in situ disease (sections 1 and 2) ----
    NON_SQUAMOUS_HISTOLOGY("The primary is not a squamous cell carcinoma (for example adenocarcinoma or melanoma); the guideline's options are for squamous cell carcinoma, so none is listed."),
    HISTOLOGY_NOT_SPECIFIC("The histology is carcinoma or neoplasm not further specified; confirm that it is squamous cell carcinoma before using the options."),
    PRIMARY_NOT_INVASIVE("The primary tumour is recorded as benign or of uncertain behaviour, not a cancer; no option is listed and no trial discussion."),
    PRIMARY_IN_SITU("The primary tumour was in situ; the care team confirms that the guideline's recurrence options fit a first invasive cancer after an in situ primary."),
    IN_SITU_RECURRENCE("The recurrence itself is in situ (code 04 or 06), not invasive cancer; the guideline's options are for invasive cancer, so none is listed."),
    // ---- choosing among the options (section 4) ----
    PRIOR_TREATMENT_MISSING("Local recurrence, but the treatment of the original tumour is not recorded, and the options depend on it."),
    NO_STANDARD_OPTION("Local recurrence, but the guideline gives no option for this record (the prior treatment, or a recurrence in the regional nodes only)."),
    NODAL_RECURRENCE_ONLY("The recurrence is in the regional nodes only; the guideline's salvage surgery removes a recurrence at the anus and describes no surgery of the nodes, so a surgical opinion on the nodes is needed."),
    SURGICAL_ASSESSMENT_NEEDED("A surgical option is listed, but whether surgery can remove the disease is not recorded."),
    SYMPTOMS_WITHOUT_LOCAL_TUMOUR("Pain or bleeding is recorded, but no disease at the anus, and the guideline ties its palliative radiation and excision to symptoms caused by an anal tumour."),
    POOR_PERFORMANCE_STATUS("ECOG 3 or 4: the guideline is silent on how fitness changes the options, and most trials require ECOG 0-2.");

    private final String explanation;

    ReviewFlag(String explanation) {
        this.explanation = explanation;
    }

    /** One sentence a coordinator can act on. */
    public String explanation() {
        return explanation;
    }

    /** The flags that withhold every option (rules.md, section 4: they win over SC1). */
    public boolean withholdsOptions() {
        return this == NON_SQUAMOUS_HISTOLOGY || this == PRIMARY_NOT_INVASIVE || this == IN_SITU_RECURRENCE;
    }

    /** The flags about choosing among treatments: not raised when SC1 applies or options are withheld. */
    public boolean isAboutChoosing() {
        return this == PRIOR_TREATMENT_MISSING || this == NO_STANDARD_OPTION || this == SURGICAL_ASSESSMENT_NEEDED
                || this == SYMPTOMS_WITHOUT_LOCAL_TUMOUR || this == NODAL_RECURRENCE_ONLY;
    }
}
