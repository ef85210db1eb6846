package ca.trialpath.remote;

import ca.trialpath.TrialPathApplication;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.jms.inbound.JmsMessageDrivenEndpoint;

/**
 * {@code java -jar trialpath.jar worker --spring.profiles.active=postgres --trialpath.remote.broker-host=...}: a
 * JVM that assesses partitions for managers until it is stopped. On SIGTERM it takes no more requests (those handed
 * to it meanwhile go back to the queue), lets the partitions it is running finish for up to
 * {@code trialpath.remote.stop-wait}, stops those still running at their next chunk (their committed rows kept: the
 * manager's run then ends unpublished, and the same run command resumes them), then closes; the JVM's status is
 * then 143, as for any process ended by SIGTERM.
 */
public final class RemoteWorker {

    /** Exit statuses of the command (as RunLauncher's): the worker could not start, or was called wrongly. */
    private static final int FAILED = 1;
    private static final int USAGE = 2;

    /** How long a partition not finished within trialpath.remote.stop-wait has to reach its next chunk boundary. */
    private static final Duration AT_CHUNK = Duration.ofSeconds(30);

    private final PrintStream err;

    public RemoteWorker(PrintStream err) {
        this.err = err;
    }

    /** @param args the arguments after {@code worker}: Spring settings only ({@code --name=value}) */
    public int run(List<String> args) {
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                err.println("trialpath: a worker takes settings only, not " + arg + " (usage: java -jar trialpath.jar"
                        + " worker --spring.profiles.active=postgres [--trialpath.remote.broker-host=HOST]"
                        + " [--trialpath.remote.broker-port=61616] [--trialpath.threads=N])");
                return USAGE;
            }
        }
        SpringApplication application = new SpringApplication(TrialPathApplication.class);
        application.setAdditionalProfiles(RemotePartitioning.WORKER_PROFILE);
        // Spring's own hook would close the database pool under a partition still writing; ours stops them first
        application.setRegisterShutdownHook(false);
        ConfigurableApplicationContext context;
        try {
            context = application.run(args.toArray(String[]::new));
        } catch (Exception e) {
            err.println("trialpath: the worker could not start: " + rootMessage(e));
            return FAILED;
        }
        PartitionWorker worker = context.getBean(PartitionWorker.class);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                // the partitions first: stopping the listeners interrupts the threads that run them (mid-write)
                int left = worker.stop(context.getBean(RemoteProperties.class).stopWait(), AT_CHUNK);
                context.getBeansOfType(JmsMessageDrivenEndpoint.class).values().forEach(JmsMessageDrivenEndpoint::stop);
                worker.listenersStopped();
                context.close();
                err.println("trialpath: worker " + worker.name() + " stopped"
                        + (left == 0 ? "" : "; " + left + " partitions did not reach a chunk boundary in time"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closed.countDown();
            }
        }, "trialpath-worker-stop"));
        err.println("trialpath: worker " + worker.name() + " waiting for partitions");
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
