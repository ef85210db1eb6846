package ca.trialpath.deidentify;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cohort.CohortHeader;
import ca.trialpath.cohort.CohortRowValidator;
import ca.trialpath.cohort.CsvRecord;
import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.guideline.GuidelineAssessor;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeidentifierTests {

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);
    private static final CohortHeader HEADER = CohortHeader.of("c.csv", List.of("patient_id", "birth_date",
            "primary_site", "recurrence_date", "recurrence_sites", "symptoms"));
    private final Deidentifier deidentifier = new Deidentifier(PseudonymKey.from(
            Map.of(PseudonymKey.KEY_VARIABLE, "0123456789abcdef0123456789abcdef")::get));

    @Test
    void shouldReplaceTheIdDropTheBirthDateAndFreeTextAndKeepTheAssessment() {
        // given
        PatientRecord record = valid("P-1", "1960-05-04", "anal_canal;Dr Smith's clinic;liver", "pain;grandson visits");

        // when
        PatientRecord published = deidentifier.record(record);

        // then
        assertThat(published.patientId()).matches("[0-9a-f]{32}").isEqualTo(deidentifier.pseudonym("P-1"));
        assertThat(published.birthDate()).isNull();
        assertThat(published.recurrenceSites()).containsExactly("anal_canal", "withheld_1", "liver");
        assertThat(published.symptoms()).containsExactly("pain");
        assertThat(published.ageAtRecurrence(RUN_DATE)).isNull();
        assertThat(GuidelineAssessor.assess(published.toCase()).orderedFlags())
                .isEqualTo(GuidelineAssessor.assess(record.toCase()).orderedFlags());
        assertThat(GuidelineAssessor.assess(published.toCase()).pathwayBasis()).doesNotContain("smith");
    }

    @Test
    void shouldGiveOnePseudonymPerIdAndDistinctOnesToDistinctIds() {
        assertThat(deidentifier.pseudonym("P-1")).isEqualTo(deidentifier.pseudonym("P-1"))
                .isNotEqualTo(deidentifier.pseudonym("P-2"));
        assertThat(deidentifier.pseudonym(null)).isNull();
    }

    @Test
    void shouldPseudonymiseARejectedRowsId() {
        // given
        RejectedRow row = new RejectedRow("c.csv", 3, "P-1", ReasonCode.INVALID_VALUE, "column 'sex': the value is ...");

        // when / then
        assertThat(deidentifier.rejected(row)).isEqualTo(new RejectedRow("c.csv", 3, deidentifier.pseudonym("P-1"),
                ReasonCode.INVALID_VALUE, "column 'sex': the value is ..."));
    }

    @Test
    void shouldLetTheValidatorWithholdValuesFromItsMessages() {
        // given
        CohortRowValidator withholding = new CohortRowValidator(RUN_DATE, false);

        // when
        var bad = withholding.validate("c.csv", HEADER, new CsvRecord(2, List.of("P-1", "1960-02-30", "anus",
                "2020-01-01", "", ""), null));
        var dates = withholding.validate("c.csv", HEADER, new CsvRecord(3, List.of("P-2", "1961-03-04", "anus",
                "1950-01-01", "", ""), null));

        // then
        assertThat(((CohortRowValidator.Invalid) bad).rejected().message())
                .isEqualTo("column 'birth_date': the value is not a real calendar date");
        assertThat(((CohortRowValidator.Invalid) dates).rejected().message())
                .isEqualTo("column 'recurrence_date': the value is before birth_date")
                .doesNotContain("1961", "1950");
    }

    private static PatientRecord valid(String id, String birthDate, String sites, String symptoms) {
        var result = new CohortRowValidator(RUN_DATE).validate("c.csv", HEADER,
                new CsvRecord(2, List.of(id, birthDate, "C21.1", "2024-01-01", sites, symptoms), null));
        return ((CohortRowValidator.Valid) result).record();
    }
}
