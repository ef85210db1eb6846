package ca.trialpath.trials;

/** A catalogue or criteria file the run cannot use: the message names the file and, for bad JSON, the line and column. */
public class CatalogueException extends RuntimeException {

    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
