package ca.trialpath.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the run history ({@code trialpath.history.*}).
 *
 * @param runs how many published runs per output folder the job database keeps (30 by default: the report's
 *             trend shows the last 30 runs); older ones are forgotten after each publication
 */
@ConfigurationProperties("trialpath.history")
public record HistoryProperties(@DefaultValue("30") int runs) {

    public HistoryProperties {
        if (runs < 1) {
            throw new IllegalArgumentException("trialpath.history.runs must be at least 1, not " + runs);
        }
    }
}
