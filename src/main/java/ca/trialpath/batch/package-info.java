/**
 * The Spring Batch nightly job, wired: its steps in order ({@link ca.trialpath.batch.NightlyJobConfiguration}),
 * the listeners that log its outcome and reopen a run whose staging folder is gone, and its settings. The steps'
 * own classes are in the packages below, one per step: {@code inspect}, {@code index}, {@code assess},
 * {@code publish}; what they hand each other is in {@code run}, how they read the input files in {@code input}.
 * Nothing below imports this package.
 */
package ca.trialpath.batch;
