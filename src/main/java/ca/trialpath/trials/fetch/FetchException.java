package ca.trialpath.trials.fetch;

/** A download that did not give a whole, readable catalogue; the message says why, in one line. */
public class FetchException extends Exception {

    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
