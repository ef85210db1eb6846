/**
 * The run history kept in the job database: each published run's totals and people, and what changed for each
 * person since the run before, found in bounded memory by an external sort.
 */
package ca.trialpath.history;
