package ca.trialpath.remote;

import ca.trialpath.batch.TrialPathProperties;
import jakarta.jms.ConnectionFactory;
import java.lang.management.ManagementFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;

/**
 * A worker JVM: listens on the partition queue with {@code trialpath.threads} consumers and assesses each request's
 * partition. It has the whole job's beans (the partition step needs most of them) but never starts the job, nor takes
 * the run lock: the manager does both.
 */
@Configuration(proxyBeanMethods = false)
@Profile(RemotePartitioning.WORKER_PROFILE)
@EnableIntegration
@EnableConfigurationProperties(RemoteProperties.class)
class WorkerConfiguration {

    @Bean
    PartitionWorker partitionWorker(JobRepository jobRepository, Step assessPartition,
            @Value("${trialpath.remote.worker-name:}") String workerName,
            @Value("${spring.datasource.url:}") String repositoryUrl) {
        SharedRepository.check(repositoryUrl, "worker");
        String name = workerName.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : workerName;
        return new PartitionWorker(jobRepository, assessPartition, name);
    }

    @Bean
    IntegrationFlow partitionRequestsFromBroker(ConnectionFactory connectionFactory, RemoteProperties remote,
            TrialPathProperties properties, PartitionWorker partitionWorker) {
        int threads = properties.effectiveThreads();
        return IntegrationFlow.from(Jms.messageDrivenChannelAdapter(connectionFactory)
                        .destination(remote.queue())
                        .configureListenerContainer(container -> container
                                .concurrentConsumers(threads)
                                .maxConcurrentConsumers(threads)
                                // acknowledged when the partition is done: a request refused by a stopping worker
                                // goes back to the queue
                                .sessionTransacted(true)
                                .recoveryInterval(2000)))
                .transform(String.class, PartitionRequests::decode)
                .handle(StepExecutionRequest.class, (request, headers) -> {
                    try {
                        partitionWorker.assess(request);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("worker stopped while holding " + request, e);
                    }
                    return null;
                })
                .get();
    }

    /**
     * Artemis consumers buffer up to 1 MiB of messages by default: one worker would take every request while the
     * others wait. A partition is long work, so each consumer takes one request at a time.
     */
    @Bean
    static BeanPostProcessor oneRequestAtATime() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ActiveMQConnectionFactory factory) {
                    factory.setConsumerWindowSize(0);
                }
                return bean;
            }
        };
    }
}
