/**
 * The assessment step of each partition, in restartable chunks: each record validated, assessed by the
 * guideline, matched to trials, and written to the partition's staged files with its tallies and feeds.
 */
package ca.trialpath.batch.assess;
