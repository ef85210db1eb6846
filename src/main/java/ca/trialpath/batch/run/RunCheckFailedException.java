package ca.trialpath.batch.run;

/**
 * A check of the run failed (the reject rate, read = assessed + rejected, the input files unchanged):
 * the data, not the program, needs attention, so the message says everything and no stack trace follows.
 */
public class RunCheckFailedException extends RuntimeException {

    public RunCheckFailedException(String message) {
        super(message);
    }
}
