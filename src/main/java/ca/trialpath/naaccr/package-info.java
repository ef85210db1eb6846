/**
 * Reading a registry's NAACCR XML extract (specification 1.0 to 1.8, NAACCR 16 to 26) into the cohort's own rows,
 * without Spring: one streaming pass per file, one patient in memory at a time, each patient ending as an
 * assessable {@link ca.trialpath.cohort.PatientRecord}, a {@link ca.trialpath.cohort.RejectedRow} with its reason, or
 * "not in scope" (no anal tumour), so that read = assessed + rejected + not in scope (docs/naaccr-input.md).
 */
package ca.trialpath.naaccr;
