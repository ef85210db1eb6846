/**
 * Reading cohort files without Spring: RFC 4180 records that survive their own bad records, the header and its
 * required columns, whole-file checks (UTF-8, SHA-256) and row validation into a {@link ca.trialpath.cohort.PatientRecord}
 * or a {@link ca.trialpath.cohort.RejectedRow} with its reason code.
 */
package ca.trialpath.cohort;
