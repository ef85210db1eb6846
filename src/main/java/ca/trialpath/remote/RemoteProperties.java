package ca.trialpath.remote;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of remote partitioning ({@code trialpath.remote.*}, docs/remote-partitioning.md).
 *
 * @param queue        the broker queue the manager puts one request per partition on, and workers take them from
 * @param brokerHost   where the manager's embedded broker listens for workers (and where workers find it)
 * @param brokerPort   its TCP port
 * @param pollInterval how often the manager looks in the job repository for partitions still running
 * @param timeout      how long the manager waits for all partitions before failing the run: a worker that died
 *                     leaves its partition running in the repository, and only this ends the wait
 * @param stopWait     how long a worker stopped by SIGTERM lets its running partitions finish before it stops them
 *                     at their next chunk boundary (keep it below the service manager's own stop timeout)
 */
@ConfigurationProperties("trialpath.remote")
public record RemoteProperties(
        @DefaultValue("trialpath.partitions") String queue,
        @DefaultValue("127.0.0.1") String brokerHost,
        @DefaultValue("61616") int brokerPort,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("6h") Duration timeout,
        @DefaultValue("60s") Duration stopWait) {

    public RemoteProperties {
        if (queue.isBlank()) {
            throw new IllegalArgumentException("trialpath.remote.queue must name a queue");
        }
        if (brokerPort < 1 || brokerPort > 65535) {
            throw new IllegalArgumentException("trialpath.remote.broker-port must be a TCP port, not " + brokerPort);
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("trialpath.remote.poll-interval and timeout must be positive");
        }
    }
}
