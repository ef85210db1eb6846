package ca.trialpath.trials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibleAgeTests {

    private static final LocalDate AT = LocalDate.of(2026, 11, 27);

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "18 Years,18,YEARS", "1 Year,1,YEARS", "6 Months,6,MONTHS", "12 weeks,12,WEEKS", "30 Days,30,DAYS",
            "' 65  Years ',65,YEARS" })
    void shouldParseNumberAndUnit(String text, int amount, ChronoUnit unit) {
        assertThat(EligibleAge.parse(text)).isEqualTo(new EligibleAge(amount, unit));
    }

    @Test
    void shouldTakeNaEmptyAndAbsentAsNoLimit() {
        assertThat(EligibleAge.parse("N/A")).isEqualTo(EligibleAge.NO_LIMIT);
        assertThat(EligibleAge.parse("n/a")).isEqualTo(EligibleAge.NO_LIMIT);
        assertThat(EligibleAge.parse("")).isEqualTo(EligibleAge.NO_LIMIT);
        assertThat(EligibleAge.parse(null)).isEqualTo(EligibleAge.NO_LIMIT);
    }

    @Test
    void shouldRefuseAnythingElse() {
        assertThatThrownBy(() -> EligibleAge.parse("eighteen")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EligibleAge.parse("18")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EligibleAge.parse("18 Decades")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCompareCompletedAgeInTheLimitsUnitInclusively() {
        LocalDate eighteenToday = LocalDate.of(2008, 11, 27);
        LocalDate eighteenTomorrow = LocalDate.of(2008, 11, 28);
        assertThat(EligibleAge.parse("18 Years").admitsAsMinimum(eighteenToday, AT)).isTrue();
        assertThat(EligibleAge.parse("18 Years").admitsAsMinimum(eighteenTomorrow, AT)).isFalse();
        assertThat(EligibleAge.parse("17 Years").admitsAsMaximum(eighteenTomorrow, AT)).isTrue();
        assertThat(EligibleAge.parse("17 Years").admitsAsMaximum(eighteenToday, AT)).isFalse();
        assertThat(EligibleAge.parse("216 Months").admitsAsMinimum(eighteenToday, AT)).isTrue();
        assertThat(EligibleAge.parse("216 Months").admitsAsMinimum(eighteenTomorrow, AT)).isFalse();
        assertThat(EligibleAge.NO_LIMIT.admitsAsMaximum(LocalDate.of(1900, 1, 1), AT)).isTrue();
    }
}
