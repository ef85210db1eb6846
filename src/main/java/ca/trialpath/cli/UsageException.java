package ca.trialpath.cli;

/** The command was called wrongly: exit status 2, with this one-line message. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
