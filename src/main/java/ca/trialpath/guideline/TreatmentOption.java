package ca.trialpath.guideline;

/**
 * Every option the guideline gives, one constant per rule id of rules.md, section 4, in rule order.
 * What each carries is quoted or paraphrased from the guideline section it names; nothing here goes
 * beyond that text. The conditions under which each applies are in {@link OptionRules}.
 */
public enum TreatmentOption {

    LR1("CHEMORADIATION", "Chemoradiation",
            "External beam radiation therapy daily for 5 to 6 weeks with fluorouracil (5-FU) and mitomycin; capecitabine is sometimes used instead of fluorouracil",
            TreatmentGoal.TREAT_RECURRENCE, GuidelineSection.LOCAL_RECURRENCE,
            "Surgery was the only treatment of the original tumour, so chemoradiation is usually given."),
    LR2("ABDOMINOPERINEAL_RESECTION", "Abdominoperineal resection",
            "Surgery that removes the rectum, anal sphincter, anus and the muscles around the anus",
            TreatmentGoal.TREAT_RECURRENCE, GuidelineSection.LOCAL_RECURRENCE,
            "Chemoradiation treated the original tumour and surgery is not ruled out, so the recurrence can be removed by surgery."),
    LR3("WIDE_LOCAL_EXCISION", "Wide local excision",
            "Surgery that removes the tumour and a small amount of tissue around it (the surgical margin)",
            TreatmentGoal.TREAT_RECURRENCE, GuidelineSection.LOCAL_RECURRENCE,
            "Chemoradiation treated the original perianal skin tumour and surgery is not ruled out, so a wide local excision may be done."),
    LR4("CHEMOTHERAPY", "Chemotherapy alone",
            "Carboplatin and paclitaxel, or fluorouracil and cisplatin",
            TreatmentGoal.TREAT_RECURRENCE, GuidelineSection.LOCAL_RECURRENCE,
            "Chemoradiation treated the original tumour and surgery cannot remove the recurrence, so chemotherapy alone can be given."),
    LR5("RADIATION_ALONE", "Radiation therapy alone",
            "Radiation therapy without chemotherapy",
            TreatmentGoal.TREAT_RECURRENCE, GuidelineSection.LOCAL_RECURRENCE,
            "Radiation was not used to treat the original tumour, so it may be given alone."),

    DM1("CHEMOTHERAPY", "Chemotherapy",
            "Carboplatin and paclitaxel, or fluorouracil and cisplatin; usually continued while the cancer does not grow or spread and side effects can be coped with",
            TreatmentGoal.CONTROL_AND_PALLIATION, GuidelineSection.DISTANT_METASTASIS,
            "There is no standard treatment for distant metastasis; chemotherapy may be given alone to control the disease."),
    DM2("CHEMORADIATION", "Chemotherapy as part of chemoradiation",
            "Carboplatin and paclitaxel, or fluorouracil and cisplatin, given during radiation therapy",
            TreatmentGoal.CONTROL_AND_PALLIATION, GuidelineSection.DISTANT_METASTASIS,
            "There is no standard treatment for distant metastasis; chemotherapy may also be given as part of chemoradiation."),
    DM3("PALLIATIVE_RADIATION", "Palliative radiation therapy",
            "Radiation therapy to relieve pain or bleeding caused by the anal tumour",
            TreatmentGoal.CONTROL_AND_PALLIATION, GuidelineSection.DISTANT_METASTASIS,
            "Pain or bleeding is recorded and part of the disease is in or near the anus, so radiation may manage these symptoms."),
    DM4("PALLIATIVE_EXCISION", "Palliative wide local excision",
            "Wide local excision of the anal tumour that causes the symptoms",
            TreatmentGoal.CONTROL_AND_PALLIATION, GuidelineSection.DISTANT_METASTASIS,
            "Pain or bleeding is recorded, part of the disease is in or near the anus and surgery is not ruled out, so the tumour causing them may be removed."),

    SC1("SUPPORTIVE_CARE", "Supportive (comfort) care",
            "Care that makes the person feel better without treating the cancer itself",
            TreatmentGoal.COMFORT_CARE, GuidelineSection.CANNOT_OR_DO_NOT_WANT_TREATMENT,
            "The person declines or cannot have cancer treatment, so care to feel better is offered instead.");

    private final String code;
    private final String label;
    private final String regimens;
    private final TreatmentGoal goal;
    private final GuidelineSection section;
    private final String basis;

    TreatmentOption(String code, String label, String regimens, TreatmentGoal goal,
            GuidelineSection section, String basis) {
        this.code = code;
        this.label = label;
        this.regimens = regimens;
        this.goal = goal;
        this.section = section;
        this.basis = basis;
    }

    /** The rule id (LR1, DM3, ...), stable across versions: reports and analysts key on it. */
    public String ruleId() {
        return name();
    }

    /** The option code of rules.md (two rules may share one, e.g. LR4 and DM1 are both CHEMOTHERAPY). */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String regimens() {
        return regimens;
    }

    public TreatmentGoal goal() {
        return goal;
    }

    public GuidelineSection section() {
        return section;
    }

    /** One sentence, in our words, saying why the rule fired. */
    public String basis() {
        return basis;
    }

    public boolean isSurgical() {
        return this == LR2 || this == LR3 || this == DM4;
    }
}
