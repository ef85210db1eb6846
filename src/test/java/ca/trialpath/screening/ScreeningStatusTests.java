package ca.trialpath.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.EnumSet;

import static ca.trialpath.screening.ScreeningStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

class ScreeningStatusTests {

    @ParameterizedTest
    @EnumSource(ScreeningStatus.class)
    void shouldParseEveryStatusInAnyCase(ScreeningStatus status) {
        assertThat(ScreeningStatus.parse(status.name().toLowerCase())).contains(status);
        assertThat(ScreeningStatus.parse(" " + status.name() + " ")).contains(status);
    }

    @Test
    void shouldRefuseAStatusThatIsNotOurs() {
        assertThat(ScreeningStatus.parse("MAYBE")).isEmpty();
        assertThat(ScreeningStatus.parse("NOT ELIGIBLE")).isEmpty();
        assertThat(ScreeningStatus.parse("")).isEmpty();
    }

    @Test
    void shouldKeepNewPendingContactedAndEligibleOpen() {
        assertThat(EnumSet.allOf(ScreeningStatus.class)).filteredOn(ScreeningStatus::isOpen)
                .containsExactly(NEW, PENDING, CONTACTED, ELIGIBLE);
    }

    @Test
    void shouldReopenOnlyDeferredNotEligibleAndDeclined() {
        assertThat(EnumSet.allOf(ScreeningStatus.class)).filteredOn(ScreeningStatus::canReopen)
                .containsExactly(DEFERRED, NOT_ELIGIBLE, DECLINED);
    }

    @Test
    void shouldNeedAReasonForNotEligibleAndDeclinedOnly() {
        assertThat(EnumSet.allOf(ScreeningStatus.class)).filteredOn(ScreeningStatus::needsReason)
                .containsExactly(NOT_ELIGIBLE, DECLINED);
    }

    @Test
    void shouldNeedARevisitDateForDeferredOnly() {
        assertThat(EnumSet.allOf(ScreeningStatus.class)).filteredOn(ScreeningStatus::needsRevisitDate)
                .containsExactly(DEFERRED);
    }

    @Test
    void shouldBeDueOnTheRevisitDateAndAfter() {
        LocalDate revisit = LocalDate.of(2026, 12, 1);
        assertThat(DEFERRED.revisitDue(revisit, revisit)).isTrue();
        assertThat(DEFERRED.revisitDue(revisit, revisit.plusDays(3))).isTrue();
    }

    @Test
    void shouldNotBeDueBeforeTheRevisitDateOrForAnotherStatus() {
        LocalDate revisit = LocalDate.of(2026, 12, 1);
        assertThat(DEFERRED.revisitDue(revisit, revisit.minusDays(1))).isFalse();
        assertThat(DEFERRED.revisitDue(null, revisit)).isFalse();
        assertThat(PENDING.revisitDue(revisit, revisit)).isFalse();
    }
}
