package ca.trialpath.cohort;

/** Why a row went to the rejects instead of the assessments (cohort-csv.md, "Row errors"). */
public enum ReasonCode {
    MALFORMED_RECORD,
    MISSING_REQUIRED,
    INVALID_VALUE,
    DUPLICATE_PATIENT_ID,
    INCONSISTENT_DATES,
    /** A row of the clinical supplement that joins no NAACCR patient in scope (naaccr.md). */
    UNKNOWN_PATIENT
}
