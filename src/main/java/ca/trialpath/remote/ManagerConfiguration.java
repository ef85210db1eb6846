package ca.trialpath.remote;

import ca.trialpath.batch.run.JobNames;
import jakarta.jms.ConnectionFactory;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;

/**
 * The manager of a remote run: the job as always (lock, inspection, index, publication), except that the
 * assessment's partitions are sent to the workers' queue, one request each, and their end is learnt by polling the
 * shared job repository (no reply queue: a worker's result is its step execution there). With the embedded broker
 * (spring.artemis.mode=embedded, the profile's default) workers reach it over TCP on trialpath.remote.broker-host
 * and broker-port.
 */
@Configuration(proxyBeanMethods = false)
@Profile(RemotePartitioning.MANAGER_PROFILE)
@EnableIntegration
@EnableConfigurationProperties(RemoteProperties.class)
class ManagerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ManagerConfiguration.class);

    /** Boot's embedded Artemis listens in this JVM only; workers are other JVMs, on this machine or others. */
    @Bean
    ArtemisConfigurationCustomizer workerAcceptor(RemoteProperties remote) {
        return configuration -> {
            String url = "tcp://" + remote.brokerHost() + ":" + remote.brokerPort();
            try {
                configuration.addAcceptorConfiguration("workers", url);
            } catch (Exception e) {
                throw new IllegalStateException("cannot listen for workers on " + url, e);
            }
            log.info("the embedded broker takes workers on {}", url);
        };
    }

    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow partitionRequestsToBroker(DirectChannel partitionRequests, ConnectionFactory connectionFactory,
            RemoteProperties remote) {
        return IntegrationFlow.from(partitionRequests)
                .transform(StepExecutionRequest.class, PartitionRequests::encode)
                .handle(Jms.outboundAdapter(connectionFactory).destination(remote.queue()))
                .get();
    }

    /** Stands in for the local thread pool of the job's wiring (ca.trialpath.batch.NightlyJobConfiguration) under this profile. */
    @Bean
    PartitionHandler partitionHandler(DirectChannel partitionRequests, JobRepository jobRepository,
            RemoteProperties remote, @Value("${spring.datasource.url:}") String repositoryUrl) throws Exception {
        SharedRepository.check(repositoryUrl, "manager");
        MessageChannelPartitionHandler handler = new PartitionsInOrder();
        handler.setStepName(JobNames.PARTITION_STEP);
        handler.setMessagingOperations(new MessagingTemplate(partitionRequests));
        // with a job repository the handler polls it instead of waiting for replies
        handler.setJobRepository(jobRepository);
        handler.setPollInterval(remote.pollInterval().toMillis());
        handler.setTimeout(remote.timeout().toMillis());
        handler.afterPropertiesSet();
        return handler;
    }

    /**
     * Requests go out in partition order, as the local threads take them: the queue hands them to workers in that
     * order, so the early partitions (whose rows open the report's lists) tend to finish first.
     */
    static final class PartitionsInOrder extends MessageChannelPartitionHandler {

        @Override
        protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
            log.info("sending {} partitions to the workers", partitions.size());
            return super.doHandle(manager, partitions.stream()
                    .sorted(Comparator.comparing(StepExecution::getStepName))
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
    }
}
