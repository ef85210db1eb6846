/**
 * The command line: the jar's entry point, which decides the mode from the first argument (a night's run,
 * {@code fetch-trials}, {@code restore-repository}, {@code worker}), the one parser of {@code name=value}
 * parameters, and a night's launch around the job: checks before Spring starts, the output folder's lock, the
 * exit status (0 published, 1 failed, 2 called wrongly, with a one-line message naming the parameter).
 *
 * <p>The top of the packages: it depends on the job, the remote worker, the catalogue download and the
 * repository care; none of them depends on it.
 */
package ca.trialpath.cli;
