/**
 * The trial catalogue without Spring: its streaming reader, curated criteria, provinces and eligible ages, and the
 * matcher that judges a person against each study (trials.md).
 */
package ca.trialpath.trials;
