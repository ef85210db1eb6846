/**
 * The Spring Batch nightly job: its wiring ({@link ca.trialpath.job.NightlyJobConfiguration}) and the steps' own
 * classes, in order: inspect the inputs and the trial catalogue, index the cohort into partitions with its duplicate
 * ids, assess each partition in restartable chunks, then check and publish.
 *
 * <p>What the steps share they take from {@link ca.trialpath.job.JobNames} (the job's and steps' names) and
 * {@link ca.trialpath.job.RunState} (what one step hands the next, typed), never from the wiring.
 */
package ca.trialpath.job;
