package ca.trialpath.job;

/**
 * A check of the run failed (the reject rate, read = assessed + rejected, the input files unchanged):
 * the data, not the program, needs attention, so the message says everything and no stack trace follows.
 */
class RunCheckFailedException extends RuntimeException {

    RunCheckFailedException(String message) {
        super(message);
    }
}
