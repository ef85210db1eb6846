package ca.trialpath.guideline;

/**
 * Every option the guideline gives, one constant per rule id of rules.md, section 4, in rule order.
 * What each carries is quoted or paraphrased from the guideline section it names; nothing here goes
 * beyond that text. The conditions under which each applies are in {@link OptionRules}. An option is an
 * option to discuss, never a recommendation.
 */
public enum TreatmentOption {

    LR1("CHEMORADIATION", "Chemoradiation",
            "External beam radiation therapy daily for 5 to 6 weeks with fluorouracil (5-FU) and mitomycin; capecitabine is sometimes used instead of fluorouracil",
            TreatmentGoal.TREAT_RECURRENCE, GuidelineSection.LOCAL_RECURRENCE,
            "Surgery was the only treatment of the original tumour: the guideline says chemoradiation is usually given then.",
            null),
    LR2("ABDOMINOPERINEAL_RESECTION", "Abdominoperineal resection",
            "Surgery that removes the rectum, anal sphincter, anus and the muscles around the anus",
            TreatmentGoal.TREAT_RECURRENCE, GuidelineSection.LOCAL_RECURRENCE,
            "Chemoradiation treated the original tumour, the recurrence is at or next to the anus, and surgery is recorded as possible: the guideline says surgery can be done to remove a local recurrence.",
            "Chemoradiation treated the original tumour and the recurrence is at or next to the anus: the guideline says surgery can be done to remove a local recurrence, if surgery can remove it (not recorded)."),
    LR3("WIDE_LOCAL_EXCISION", "Wide local excision",
            "Surgery that removes the tumour and a small amount of tissue around it (the surgical margin)",
            TreatmentGoal.TREAT_RECURRENCE, GuidelineSection.LOCAL_RECURRENCE,
            "Chemoradiation treated the original perianal skin tumour, the recurrence is at the anus, and surgery is recorded as possible: the guideline says a wide local excision may be done for a local recurrence of perianal skin cancer.",
            "Chemoradiation treated the original perianal skin tumour and the recurrence is at the anus: the guideline says a wide local excision may be done for a local recurrence of perianal skin cancer, if surgery can remove it (not recorded)."),
    LR4("CHEMOTHERAPY", "Chemotherapy alone",
            "Carboplatin and paclitaxel, or fluorouracil and cisplatin",
            TreatmentGoal.TREAT_RECURRENCE, GuidelineSection.LOCAL_RECURRENCE,
            "Chemoradiation treated the original tumour and surgery is recorded as not possible: the guideline says chemotherapy alone can be given when surgery can't be done to remove the recurrence.",
            null),
    LR5("RADIATION_ALONE", "Radiation therapy alone",
            "Radiation therapy without chemotherapy",
            TreatmentGoal.TREAT_RECURRENCE, GuidelineSection.LOCAL_RECURRENCE,
            "Radiation was not used to treat the original tumour: the guideline says radiation therapy may be given alone.",
            null),

    DM1("CHEMOTHERAPY", "Chemotherapy",
            "Carboplatin and paclitaxel, or fluorouracil and cisplatin; usually continued while the cancer does not grow or spread and side effects can be coped with",
            TreatmentGoal.CONTROL_AND_PALLIATION, GuidelineSection.DISTANT_METASTASIS,
            "There is no standard treatment for distant metastasis: the guideline says chemotherapy may be given alone, to control the disease.",
            null),
    DM2("CHEMORADIATION", "Chemotherapy as part of chemoradiation",
            "Carboplatin and paclitaxel, or fluorouracil and cisplatin, given during radiation therapy",
            TreatmentGoal.CONTROL_AND_PALLIATION, GuidelineSection.DISTANT_METASTASIS,
            "There is no standard treatment for distant metastasis: the guideline says chemotherapy may be given as part of chemoradiation.",
            null),
    DM3("PALLIATIVE_RADIATION", "Palliative radiation therapy",
            "Radiation therapy to relieve pain or bleeding caused by the anal tumour",
            TreatmentGoal.CONTROL_AND_PALLIATION, GuidelineSection.DISTANT_METASTASIS,
            "Pain or bleeding is recorded and there is disease at the anus: the guideline says radiation therapy may be used to manage symptoms like pain and bleeding caused by an anal tumour.",
            null),
    DM4("PALLIATIVE_EXCISION", "Palliative wide local excision",
            "Wide local excision of the anal tumour that causes the symptoms",
            TreatmentGoal.CONTROL_AND_PALLIATION, GuidelineSection.DISTANT_METASTASIS,
            "Pain or bleeding is recorded, there is disease at the anus, and surgery is recorded as possible: the guideline says a wide local excision may be done to remove an anal tumour that causes symptoms like pain and bleeding.",
            "Pain or bleeding is recorded and there is disease at the anus: the guideline says a wide local excision may be done to remove an anal tumour that causes symptoms like pain and bleeding, if surgery can remove it (not recorded)."),

    SC1("SUPPORTIVE_CARE", "Supportive (comfort) care",
            "Care that makes the person feel better without treating the cancer itself",
            TreatmentGoal.COMFORT_CARE, GuidelineSection.CANNOT_OR_DO_NOT_WANT_TREATMENT,
            "The person declines or cannot have cancer treatment: the guideline says a type of care to feel better without treating the cancer itself may be considered.",
            null);

    private final String code;
    private final String label;
    private final String regimens;
    private final TreatmentGoal goal;
    private final GuidelineSection section;
    private final String basis;
    private final String basisIfSurgeryCan;

    TreatmentOption(String code, String label, String regimens, TreatmentGoal goal,
            GuidelineSection section, String basis, String basisIfSurgeryCan) {
        this.code = code;
        this.label = label;
        this.regimens = regimens;
        this.goal = goal;
        this.section = section;
        this.basis = basis;
        this.basisIfSurgeryCan = basisIfSurgeryCan;
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

    /**
     * One sentence saying why the rule fired, the guideline's words about the treatment quoted or
     * paraphrased; for a surgical option, the sentence where surgery is recorded as possible.
     */
    public String basis() {
        return basis;
    }

    /**
     * Why the rule fired for a person whose surgery_possible is as given: a surgical option with surgery
     * not recorded says "if surgery can remove it" instead of taking it for granted.
     */
    public String basis(SurgeryPossible surgeryPossible) {
        return surgeryPossible == SurgeryPossible.UNKNOWN && basisIfSurgeryCan != null ? basisIfSurgeryCan : basis;
    }

    /** The sentence of a surgical option when surgery_possible is unknown; {@code null} for the others. */
    public String basisIfSurgeryCan() {
        return basisIfSurgeryCan;
    }

    public boolean isSurgical() {
        return this == LR2 || this == LR3 || this == DM4;
    }
}
