package ca.trialpath.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the screening log ({@code trialpath.screening.*}, docs/screening.md).
 *
 * @param maxPairs the most (person, trial) pairs a night's screening holds in memory, tonight's matches and near
 *                 misses and the remembered ones together (about 1 KB each). A night above it keeps the statuses of
 *                 the last run as they were, writes no screening_log.csv and says so in the log and summary.json:
 *                 a registry's cohort makes a few thousand pairs, a catalogue open to everyone millions
 */
@ConfigurationProperties("trialpath.screening")
public record ScreeningProperties(@DefaultValue("50000") int maxPairs) {

    public ScreeningProperties {
        if (maxPairs < 0) {
            throw new IllegalArgumentException("trialpath.screening.max-pairs must be at least 0, not " + maxPairs);
        }
    }
}
