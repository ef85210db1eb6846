package ca.trialpath.job;

/** More rows were rejected than the run allows: upstream data broke, and someone must look. */
class RejectRateExceededException extends RunCheckFailedException {

    RejectRateExceededException(String message) {
        super(message);
    }
}
