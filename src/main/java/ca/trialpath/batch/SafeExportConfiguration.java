package ca.trialpath.batch;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link SafeExportProperties}; the beans that use them are wired in {@link NightlyJobConfiguration}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SafeExportProperties.class)
class SafeExportConfiguration {
}
