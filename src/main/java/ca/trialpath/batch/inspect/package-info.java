/**
 * The first step: the input files, the trial catalogue and the screening log inspected before any person is
 * read, so that a file that cannot be read fails the run before it starts.
 */
package ca.trialpath.batch.inspect;
