/**
 * Downloading the trial catalogue from ClinicalTrials.gov into a folder, whole or not at all, with suggestions of
 * criteria to curate; the {@code fetch-trials} command that runs it is in {@code ca.trialpath.cli}.
 */
package ca.trialpath.trials.fetch;
