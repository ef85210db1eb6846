/**
 * What the steps of a night share, typed: the run state one step hands the next ({@link
 * ca.trialpath.batch.run.RunState}, kept in the job execution context), the partition plan, the job and step
 * names, the input files' identities, the run's counts and the failures that end it.
 */
package ca.trialpath.batch.run;
