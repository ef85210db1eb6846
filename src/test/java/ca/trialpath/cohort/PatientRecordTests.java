package ca.trialpath.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.guideline.PrimarySite;
import ca.trialpath.guideline.SurgeryPossible;
import ca.trialpath.guideline.TreatmentWish;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatientRecordTests {

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 15);

    @Test
    void shouldNotCountABirthdayNotYetReachedAtTheRecurrence() {
        // given
        PatientRecord record = record(LocalDate.of(1960, 6, 15), LocalDate.of(2020, 6, 14));

        // when / then
        assertThat(record.ageAtRecurrence(RUN_DATE)).isEqualTo(59);
    }

    @Test
    void shouldCountABirthdayOnTheRecurrenceDate() {
        // given
        PatientRecord record = record(LocalDate.of(1960, 6, 15), LocalDate.of(2020, 6, 15));

        // when / then
        assertThat(record.ageAtRecurrence(RUN_DATE)).isEqualTo(60);
    }

    @Test
    void shouldUseTheRecurrenceDateRatherThanTheRunDate() {
        // given: 65 at the run date, 60 at the recurrence
        PatientRecord record = record(LocalDate.of(1960, 6, 15), LocalDate.of(2021, 1, 1));

        // when / then
        assertThat(record.ageAtRecurrence(RUN_DATE)).isEqualTo(60);
    }

    @Test
    void shouldUseTheRunDateWithoutARecurrenceDate() {
        // given
        PatientRecord record = record(LocalDate.of(1960, 6, 15), null);

        // when / then
        assertThat(record.ageAtRecurrence(RUN_DATE)).isEqualTo(65);
        assertThat(record.ageAtRecurrence(LocalDate.of(2026, 6, 15))).isEqualTo(66);
    }

    @Test
    void shouldGiveNoAgeWithoutABirthDate() {
        // given
        PatientRecord record = record(null, LocalDate.of(2021, 1, 1));

        // when / then
        assertThat(record.ageAtRecurrence(RUN_DATE)).isNull();
    }

    @Test
    void shouldGiveZeroOnTheDayOfBirth() {
        // given
        PatientRecord record = record(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1));

        // when / then
        assertThat(record.ageAtRecurrence(RUN_DATE)).isZero();
    }

    private static PatientRecord record(LocalDate birthDate, LocalDate recurrenceDate) {
        return new PatientRecord("P1", "a.csv", 2, birthDate, null, null, "C21.1", PrimarySite.Scope.ANAL_CANAL,
                null, recurrenceDate, null, null, List.of(), List.of(), SurgeryPossible.UNKNOWN, List.of(), null,
                TreatmentWish.WANTS_TREATMENT);
    }
}
