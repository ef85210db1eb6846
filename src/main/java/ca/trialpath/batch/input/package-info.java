/**
 * How the steps read the night's input files: cohort CSV from a byte position with its digests checked, the
 * registry's NAACCR XML extracts with the clinic's supplement, and the cache of the registry's patients in scope
 * that the index writes and the assessment reads.
 */
package ca.trialpath.batch.input;
