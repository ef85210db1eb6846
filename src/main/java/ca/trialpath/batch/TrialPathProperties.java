package ca.trialpath.batch;

import ca.trialpath.trials.CatalogueFacts;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the nightly job (application.properties, {@code trialpath.*}).
 *
 * @param chunkSize        rows per transaction: a crash loses at most this much work
 * @param progressInterval how often a long run logs its progress
 * @param maxRowsPerList   rows shown per list in report.html; the CSV files always hold all of them
 * @param maxRowsPerTrial  candidates and near misses shown per trial in report.html (kept in memory while
 *                         the page is written, for every study: hence smaller than the other lists)
 * @param threads          partitions assessed at the same time; 0: one per processor
 * @param partitionRows    with more than one thread, files are cut into partitions of this many rows
 * @param idsInMemory      patient ids held in memory per file while the duplicates are sorted out on disk
 * @param trials           the settings of a run with a trial catalogue ({@code trialpath.trials.*})
 */
@ConfigurationProperties("trialpath")
public record TrialPathProperties(
        @DefaultValue("1000") int chunkSize,
        @DefaultValue("10s") Duration progressInterval,
        @DefaultValue("1000") int maxRowsPerList,
        @DefaultValue("100") int maxRowsPerTrial,
        @DefaultValue("0") int threads,
        @DefaultValue("500000") long partitionRows,
        @DefaultValue("250000") int idsInMemory,
        @DefaultValue Trials trials) {

    /**
     * @param catalogueMaxAgeDays a run whose catalogue was downloaded more days than this before the run date warns
     *                            in summary.json and report.html (docs/trial-catalogue.md)
     */
    public record Trials(@DefaultValue("" + CatalogueFacts.DEFAULT_MAX_AGE_DAYS) long catalogueMaxAgeDays) {

        public Trials {
            if (catalogueMaxAgeDays < 0) {
                throw new IllegalArgumentException("trialpath.trials.catalogue-max-age-days must not be negative, not "
                        + catalogueMaxAgeDays);
            }
        }
    }

    /** How many partitions are assessed at once. */
    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** Wrong settings stop the command at start-up, not after an hour of assessing. */
    public TrialPathProperties {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("trialpath.chunk-size must be at least 1, not " + chunkSize);
        }
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException("trialpath.progress-interval must be positive, not " + progressInterval);
        }
        if (maxRowsPerTrial < 0) {
            throw new IllegalArgumentException("trialpath.max-rows-per-trial must not be negative, not " + maxRowsPerTrial);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("trialpath.threads must be 0 (one per processor) or more, not " + threads);
        }
        if (partitionRows < 1) {
            throw new IllegalArgumentException("trialpath.partition-rows must be at least 1, not " + partitionRows);
        }
        if (idsInMemory < 1000) {
            throw new IllegalArgumentException("trialpath.ids-in-memory must be at least 1000, not " + idsInMemory);
        }
        if (maxRowsPerList < 0) {
            throw new IllegalArgumentException("trialpath.max-rows-per-list must not be negative, not " + maxRowsPerList);
        }
    }
}
