package ca.trialpath.job;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Wrong settings stop the command at start-up, naming the property, not after an hour of work. */
class TrialPathPropertiesTests {

    @Test
    void shouldRefuseAChunkSizeBelowOne() {
        assertThatThrownBy(() -> new TrialPathProperties(0, Duration.ofSeconds(10), 5000, 100, 0, 250000, 250000))
                .hasMessageContaining("trialpath.chunk-size");
    }

    @Test
    void shouldRefuseAProgressIntervalThatIsNotPositive() {
        assertThatThrownBy(() -> new TrialPathProperties(1000, Duration.ZERO, 5000, 100, 0, 250000, 250000))
                .hasMessageContaining("trialpath.progress-interval");
    }

    @Test
    void shouldRefuseANegativeCapOfTheReportLists() {
        assertThatThrownBy(() -> new TrialPathProperties(1000, Duration.ofSeconds(10), -1, 100, 0, 250000, 250000))
                .hasMessageContaining("trialpath.max-rows-per-list");
    }
}
