package ca.trialpath.batch.run;

/**
 * The names of the nightly job and its steps, as the job repository keeps them: one place that the wiring, the
 * steps' own classes, the launcher and the remote workers all read, so none of them depends on the wiring.
 */
public final class JobNames {

    public static final String JOB = "nightlyAssessment";
    public static final String INSPECT_STEP = "inspectInputs";
    public static final String INDEX_STEP = "indexCohort";
    public static final String ASSESS_STEP = "assessCohort";
    /** The step each partition of the assessment runs; its executions are named {@code assessPartition:partition-00000}. */
    public static final String PARTITION_STEP = "assessPartition";
    public static final String PUBLISH_STEP = "publishReports";

    private JobNames() {
    }

    /** The name of the step execution that assesses one partition: {@code assessPartition:partition-00000}. */
    public static String partitionExecution(String partition) {
        return PARTITION_STEP + ":" + partition;
    }
}
