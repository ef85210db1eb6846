package ca.trialpath.job;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the nightly job (application.properties, {@code trialpath.*}).
 *
 * @param chunkSize        rows per transaction: a crash loses at most this much work
 * @param progressInterval how often a long run logs its progress
 * @param maxRowsPerList   rows shown per list in report.html; the CSV files always hold all of them
 */
@ConfigurationProperties("trialpath")
public record TrialPathProperties(
        @DefaultValue("1000") int chunkSize,
        @DefaultValue("10s") Duration progressInterval,
        @DefaultValue("5000") int maxRowsPerList) {
}
