package ca.trialpath.batch.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunCountsTests {

    @Test
    void shouldNameThePatientsNotInScopeWhenThereAreSome() {
        assertThat(new RunCounts(320, 29, 1).toString()).isEqualTo("read 320, assessed 29, rejected 1, not in scope 290");
    }

    @Test
    void shouldSayNothingOfScopeForCohortRows() {
        assertThat(new RunCounts(220, 214, 6).toString()).isEqualTo("read 220, assessed 214, rejected 6");
    }
}
