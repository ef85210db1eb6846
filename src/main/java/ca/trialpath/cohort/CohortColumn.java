package ca.trialpath.cohort;

import java.util.Locale;
import java.util.Optional;

/** The columns of cohort-csv.md, version 1, in the order the spec lists them. */
public enum CohortColumn {
    PATIENT_ID(true),
    BIRTH_DATE(false),
    SEX(false),
    PROVINCE(false),
    PRIMARY_SITE(true),
    HISTOLOGY(false),
    RECURRENCE_DATE(false),
    RECURRENCE_TYPE(false),
    RECURRENCE_SITES(false),
    PRIOR_TREATMENTS(false),
    SURGERY_POSSIBLE(false),
    SYMPTOMS(false),
    ECOG(false),
    TREATMENT_WISH(false);

    private final boolean required;

    CohortColumn(boolean required) {
        this.required = required;
    }

    public boolean required() {
        return required;
    }

    /** The header name, as the spec writes it. */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Header names match case-insensitively after trimming. */
    public static Optional<CohortColumn> ofHeader(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (CohortColumn column : values()) {
            if (column.header().equals(wanted)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
