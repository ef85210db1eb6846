package ca.trialpath.remote;

import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A partition request as the broker carries it: plain text ({@code assessPartition#42}: the step to run and the
 * id of its step execution in the shared job repository), not a serialized Java object, so that a worker never
 * deserializes classes named by whatever reached the queue. Everything else a worker needs is in the repository.
 */
final class PartitionRequests {

    private static final char SEPARATOR = '#';

    private PartitionRequests() {
    }

    static String encode(StepExecutionRequest request) {
        return request.getStepName() + SEPARATOR + request.getStepExecutionId();
    }

    static StepExecutionRequest decode(String text) {
        int separator = text.lastIndexOf(SEPARATOR);
        if (separator <= 0 || separator == text.length() - 1) {
            throw new IllegalArgumentException("not a partition request: " + abbreviated(text));
        }
        try {
            return new StepExecutionRequest(text.substring(0, separator), Long.parseLong(text.substring(separator + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a partition request: " + abbreviated(text), e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
