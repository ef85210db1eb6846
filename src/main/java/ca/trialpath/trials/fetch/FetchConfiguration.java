package ca.trialpath.trials.fetch;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The settings of {@code fetch-trials} only: the command reads them as the job does (application.properties,
 * {@code --name=value}, {@code --spring.config.additional-location}), but opens no database and no broker.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CtgovProperties.class)
public class FetchConfiguration {
}
