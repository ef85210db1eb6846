/**
 * The clinical rules of the recurrent anal cancer guideline (rules.md), plain Java with no Spring and no I/O:
 * primary site, recurrence sites and extent, pathway, treatment options, review flags and trial priority, each
 * rule id beside its condition.
 */
package ca.trialpath.guideline;
