package ca.trialpath.batch.run;

/** More rows were rejected than the run allows: upstream data broke, and someone must look. */
public class RejectRateExceededException extends RunCheckFailedException {

    public RejectRateExceededException(String message) {
        super(message);
    }
}
