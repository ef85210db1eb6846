package ca.trialpath.batch;

import ca.trialpath.report.PublishPermissions;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings about who may read what a run writes ({@code trialpath.*}), kept apart from
 * {@link TrialPathProperties} so each concern can grow alone.
 *
 * @param publishPermissions {@code owner} (default: folders 0700, files 0600) or {@code group} (0750/0640)
 */
@ConfigurationProperties("trialpath")
public record SafeExportProperties(@DefaultValue("owner") PublishPermissions publishPermissions) {
}
