package ca.trialpath.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.trialpath.trials.CatalogueFacts;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.junit.jupiter.api.Test;

/** Wrong settings stop the command at start-up, naming the property, not after an hour of work. */
class TrialPathPropertiesTests {

    private static final TrialPathProperties.Trials TRIALS = new TrialPathProperties.Trials(7);

    @Test
    void shouldRefuseAChunkSizeBelowOne() {
        assertThatThrownBy(() -> new TrialPathProperties(0, Duration.ofSeconds(10), 5000, 100, 0, 250000, 250000, TRIALS))
                .hasMessageContaining("trialpath.chunk-size");
    }

    @Test
    void shouldRefuseAProgressIntervalThatIsNotPositive() {
        assertThatThrownBy(() -> new TrialPathProperties(1000, Duration.ZERO, 5000, 100, 0, 250000, 250000, TRIALS))
                .hasMessageContaining("trialpath.progress-interval");
    }

    @Test
    void shouldRefuseANegativeCapOfTheReportLists() {
        assertThatThrownBy(() -> new TrialPathProperties(1000, Duration.ofSeconds(10), -1, 100, 0, 250000, 250000, TRIALS))
                .hasMessageContaining("trialpath.max-rows-per-list");
    }

    @Test
    void shouldRefuseANegativeCatalogueAge() {
        assertThatThrownBy(() -> new TrialPathProperties.Trials(-1))
                .hasMessageContaining("trialpath.trials.catalogue-max-age-days");
    }

    @Test
    void shouldTakeTheCatalogueAgeFromTheSettingsWithOneDefault() {
        TrialPathProperties defaults = bind(Map.of());
        TrialPathProperties set = bind(Map.of("trialpath.trials.catalogue-max-age-days", "30"));

        assertThat(defaults.trials().catalogueMaxAgeDays()).isEqualTo(CatalogueFacts.DEFAULT_MAX_AGE_DAYS);
        assertThat(set.trials().catalogueMaxAgeDays()).isEqualTo(30);
        assertThat(set.chunkSize()).isEqualTo(1000);
    }

    private static TrialPathProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("trialpath", TrialPathProperties.class);
    }
}
