/**
 * De-identification of what a run publishes (deidentify=true): keyed pseudonyms of patient ids, and a person
 * without birth date or free text, applied at one point before anything is written.
 */
package ca.trialpath.deidentify;
