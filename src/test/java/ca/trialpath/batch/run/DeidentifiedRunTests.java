package ca.trialpath.batch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.trialpath.deidentify.PseudonymKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeidentifiedRunTests {

    private static final Map<String, String> ENVIRONMENT =
            Map.of(PseudonymKey.KEY_VARIABLE, "0123456789abcdef0123456789abcdef");

    @Test
    void shouldNotDeidentifyAPlainRun() {
        assertThat(DeidentifiedRun.of(null, ENVIRONMENT::get)).isNull();
    }

    @Test
    void shouldDeidentifyWithTheKeyTheRunStartedWith() {
        // given
        String keyId = PseudonymKey.from(ENVIRONMENT::get).id();

        // when / then
        assertThat(DeidentifiedRun.of(keyId, ENVIRONMENT::get).keyId()).isEqualTo(keyId);
    }

    @Test
    void shouldRefuseToResumeWithAnotherKey() {
        // given: the run started with a key whose id was 000000000000
        // when / then: mixing two keys' pseudonyms in one export is never allowed
        assertThatThrownBy(() -> DeidentifiedRun.of("000000000000", ENVIRONMENT::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not the one this run started with (key id 000000000000)");
    }
}
