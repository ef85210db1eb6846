/**
 * The second step: each input file read once, its patient ids indexed for duplicates, and the cohort cut into
 * partitions that the assessment can run side by side and resume.
 */
package ca.trialpath.batch.index;
