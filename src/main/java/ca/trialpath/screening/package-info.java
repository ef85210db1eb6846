/**
 * Screening with memory across nights: each (person, trial) pair's status as coordinators record it, what carries
 * over from one night to the next and what reopens a closed decision (screening.md), and the
 * {@code screening_log.csv} coordinators edit in a spreadsheet and give back with {@code screening=}.
 *
 * <p>Pure functions over typed inputs and one file format, without Spring: the job reads the log before any
 * person, the run history keeps {@link ca.trialpath.screening.RememberedPair}s, and the page shows the
 * {@link ca.trialpath.screening.ScreeningPair}s that {@link ca.trialpath.screening.ScreeningMemory} makes
 * (docs/screening.md says how it plugs in).
 */
package ca.trialpath.screening;
