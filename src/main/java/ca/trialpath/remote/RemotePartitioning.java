package ca.trialpath.remote;

/** The names an operator uses to run TrialPath across several JVMs (docs/remote-partitioning.md). */
public final class RemotePartitioning {

    /** The profile of the JVM that runs the job and sends its partitions to workers. */
    public static final String MANAGER_PROFILE = "remote-manager";
    /** The profile of a JVM that assesses partitions for a manager (added by the {@code worker} command). */
    public static final String WORKER_PROFILE = "remote-worker";
    /** The command's first argument that starts a worker instead of a run. */
    public static final String WORKER_COMMAND = "worker";

    private RemotePartitioning() {
    }
}
