package ca.trialpath.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.guideline.PrimarySite;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.guideline.RecurrenceType;
import ca.trialpath.guideline.SurgeryPossible;
import ca.trialpath.guideline.TreatmentWish;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CohortRowValidatorTests {

    private static final String FILE = "cohort-2026-03.csv";
    private static final long LINE = 7;
    private static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 15);
    private static final List<String> COLUMNS = List.of("patient_id", "birth_date", "sex", "province", "primary_site",
            "histology", "recurrence_date", "recurrence_type", "recurrence_sites", "prior_treatments",
            "surgery_possible", "symptoms", "ecog", "treatment_wish");
    private static final CohortHeader HEADER = CohortHeader.of(FILE, COLUMNS);

    /** Every accepted code of NAACCR item 1880 as cohort-csv.md lists them. */
    private static final Set<String> ACCEPTED_TYPES = Set.of("00", "04", "06", "10", "13", "14", "15", "16", "17",
            "20", "21", "22", "25", "26", "27", "30", "36", "40", "46", "51", "52", "53", "54", "55", "56", "57",
            "58", "59", "60", "62", "70", "88", "99");

    private final CohortRowValidator validator = new CohortRowValidator(RUN_DATE);

    // ---- a valid row --------------------------------------------------------------------------------

    @Test
    void shouldReadEveryColumnOfAValidRow() {
        // given
        Map<String, String> row = validRow();

        // when
        PatientRecord record = valid(validate(row));

        // then
        assertThat(record.patientId()).isEqualTo("P-001");
        assertThat(record.sourceFile()).isEqualTo(FILE);
        assertThat(record.sourceLine()).isEqualTo(LINE);
        assertThat(record.birthDate()).isEqualTo(LocalDate.of(1960, 6, 15));
        assertThat(record.sex()).isEqualTo("F");
        assertThat(record.province()).isEqualTo("ON");
        assertThat(record.primarySite()).isEqualTo("C21.1");
        assertThat(record.scope()).isEqualTo(PrimarySite.Scope.ANAL_CANAL);
        assertThat(record.histology()).isEqualTo("8070/3");
        assertThat(record.recurrenceDate()).isEqualTo(LocalDate.of(2025, 11, 2));
        assertThat(record.recurrenceTypeCode()).isEqualTo("10");
        assertThat(record.recurrenceType()).isEqualTo(RecurrenceType.LOCAL);
        assertThat(record.recurrenceSites()).containsExactly("anal_canal");
        assertThat(record.priorTreatments()).containsExactly(PriorTreatment.CHEMORADIATION);
        assertThat(record.surgeryPossible()).isEqualTo(SurgeryPossible.YES);
        assertThat(record.symptoms()).containsExactly("pain");
        assertThat(record.ecog()).isEqualTo(1);
        assertThat(record.treatmentWish()).isEqualTo(TreatmentWish.WANTS_TREATMENT);
    }

    @Test
    void shouldReadEmptyOptionalCellsAsNotRecorded() {
        // given
        Map<String, String> row = new LinkedHashMap<>();
        row.put("patient_id", "P-002");
        row.put("primary_site", "anus");

        // when
        PatientRecord record = valid(validate(row));

        // then
        assertThat(record.birthDate()).isNull();
        assertThat(record.sex()).isNull();
        assertThat(record.province()).isNull();
        assertThat(record.histology()).isNull();
        assertThat(record.recurrenceDate()).isNull();
        assertThat(record.recurrenceTypeCode()).isNull();
        assertThat(record.recurrenceType()).isNull();
        assertThat(record.recurrenceSites()).isEmpty();
        assertThat(record.priorTreatments()).isEmpty();
        assertThat(record.surgeryPossible()).isEqualTo(SurgeryPossible.UNKNOWN);
        assertThat(record.symptoms()).isEmpty();
        assertThat(record.ecog()).isNull();
        assertThat(record.treatmentWish()).isEqualTo(TreatmentWish.WANTS_TREATMENT);
    }

    @Test
    void shouldAcceptAFileWithOnlyTheRequiredColumns() {
        // given
        CohortHeader minimal = CohortHeader.of(FILE, List.of("primary_site", "patient_id"));
        CsvRecord csv = new CsvRecord(2, List.of("c211", "P-003"), null);

        // when
        PatientRecord record = valid(validator.validate(FILE, minimal, csv));

        // then
        assertThat(record.patientId()).isEqualTo("P-003");
        assertThat(record.primarySite()).isEqualTo("C21.1");
        assertThat(record.sourceLine()).isEqualTo(2);
    }

    @Test
    void shouldTrimSurroundingWhiteSpaceInCells() {
        // given
        Map<String, String> row = validRow();
        row.replaceAll((column, value) -> "  " + value + "\t");

        // when
        PatientRecord record = valid(validate(row));

        // then
        assertThat(record.patientId()).isEqualTo("P-001");
        assertThat(record.birthDate()).isEqualTo(LocalDate.of(1960, 6, 15));
        assertThat(record.recurrenceTypeCode()).isEqualTo("10");
        assertThat(record.ecog()).isEqualTo(1);
    }

    // ---- MALFORMED_RECORD ---------------------------------------------------------------------------

    @Test
    void shouldRejectAMalformedRecordKeepingFileAndLine() {
        // given
        CsvRecord csv = new CsvRecord(12, List.of(), "text after the closing quote of cell 2");

        // when
        RejectedRow rejected = rejected(validator.validate(FILE, HEADER, csv));

        // then
        assertThat(rejected).isEqualTo(new RejectedRow(FILE, 12, null, ReasonCode.MALFORMED_RECORD,
                "text after the closing quote of cell 2"));
    }

    @Test
    void shouldRejectRowWithMoreCellsThanTheHeaderAsMalformed() {
        // given
        List<String> cells = new ArrayList<>(cells(validRow()));
        cells.add("extra");

        // when
        RejectedRow rejected = rejected(validator.validate(FILE, HEADER, new CsvRecord(LINE, cells, null)));

        // then
        assertThat(rejected.reason()).isEqualTo(ReasonCode.MALFORMED_RECORD);
        assertThat(rejected.sourceFile()).isEqualTo(FILE);
        assertThat(rejected.line()).isEqualTo(LINE);
        assertThat(rejected.patientId()).isEqualTo("P-001");
        assertThat(rejected.message()).contains("15 cells", "header has 14");
    }

    @Test
    void shouldTreatMissingTrailingCellsAsEmptyCells() {
        // given: the last two cells (ecog, treatment_wish) are not there at all
        List<String> cells = cells(validRow()).subList(0, 12);

        // when
        PatientRecord record = valid(validator.validate(FILE, HEADER, new CsvRecord(LINE, cells, null)));

        // then
        assertThat(record.ecog()).isNull();
        assertThat(record.treatmentWish()).isEqualTo(TreatmentWish.WANTS_TREATMENT);
        assertThat(record.symptoms()).containsExactly("pain");
    }

    @Test
    void shouldTreatARecordCutBeforePrimarySiteAsMissingRequired() {
        // given
        List<String> cells = List.of("P-001", "1960-06-15");

        // when
        RejectedRow rejected = rejected(validator.validate(FILE, HEADER, new CsvRecord(LINE, cells, null)));

        // then
        assertThat(rejected.reason()).isEqualTo(ReasonCode.MISSING_REQUIRED);
        assertThat(rejected.message()).contains("primary_site");
    }

    // ---- MISSING_REQUIRED ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void shouldRejectRowWithEmptyPatientIdAsMissingRequired(String patientId) {
        // given
        Map<String, String> row = validRow();
        row.put("patient_id", patientId);

        // when
        RejectedRow rejected = rejected(validate(row));

        // then
        assertThat(rejected).isEqualTo(new RejectedRow(FILE, LINE, null, ReasonCode.MISSING_REQUIRED,
                "column 'patient_id' is empty but required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void shouldRejectRowWithEmptyPrimarySiteAsMissingRequiredKeepingThePatientId(String site) {
        // given
        Map<String, String> row = validRow();
        row.put("primary_site", site);

        // when
        RejectedRow rejected = rejected(validate(row));

        // then
        assertThat(rejected).isEqualTo(new RejectedRow(FILE, LINE, "P-001", ReasonCode.MISSING_REQUIRED,
                "column 'primary_site' is empty but required"));
    }

    @Test
    void shouldAcceptTheShortestPatientIdAsNotMissing() {
        // given: the near row of the missing-id one
        Map<String, String> row = validRow();
        row.put("patient_id", "0");

        // when / then
        assertThat(valid(validate(row)).patientId()).isEqualTo("0");
    }

    // ---- check order --------------------------------------------------------------------------------

    @Test
    void shouldReportMissingPrimarySiteBeforeAnInvalidSex() {
        // given
        Map<String, String> row = validRow();
        row.put("primary_site", "");
        row.put("sex", "Q");

        // when
        RejectedRow rejected = rejected(validate(row));

        // then
        assertThat(rejected.reason()).isEqualTo(ReasonCode.MISSING_REQUIRED);
    }

    @Test
    void shouldReportTooManyCellsBeforeAMissingPatientId() {
        // given
        Map<String, String> row = validRow();
        row.put("patient_id", "");
        List<String> cells = new ArrayList<>(cells(row));
        cells.add("extra");

        // when
        RejectedRow rejected = rejected(validator.validate(FILE, HEADER, new CsvRecord(LINE, cells, null)));

        // then
        assertThat(rejected.reason()).isEqualTo(ReasonCode.MALFORMED_RECORD);
        assertThat(rejected.patientId()).isNull();
    }

    @Test
    void shouldReportAnInvalidValueBeforeInconsistentDates() {
        // given
        Map<String, String> row = validRow();
        row.put("ecog", "7");
        row.put("recurrence_date", "2026-03-16");

        // when
        RejectedRow rejected = rejected(validate(row));

        // then
        assertThat(rejected.reason()).isEqualTo(ReasonCode.INVALID_VALUE);
        assertThat(rejected.message()).contains("column 'ecog': '7'").doesNotContain("recurrence_date");
    }

    // ---- INVALID_VALUE, column by column ------------------------------------------------------------

    @ParameterizedTest(name = "{0} = [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            patient_id       | P 1
            patient_id       | P/1
            patient_id       | P1;P2
            patient_id       | Pé1
            patient_id       | P1,P2
            birth_date       | 1960-6-15
            birth_date       | 15/06/1960
            birth_date       | 19600615
            birth_date       | 1960-06-15T00:00
            birth_date       | 1960-13-01
            birth_date       | 2026-02-30
            birth_date       | 2023-02-29
            birth_date       | 1960-06-31
            birth_date       | +1960-06-15
            sex              | Q
            sex              | female
            sex              | FM
            province         | QB
            province         | Ontario
            province         | CA-ON
            province         | O
            primary_site     | C21.5
            primary_site     | C35.0
            primary_site     | C2.1
            primary_site     | C21.11
            primary_site     | rectum
            primary_site     | 8070/3
            histology        | 8070
            histology        | 8070/4
            histology        | 8070/5
            histology        | 8070/7
            histology        | 8070/8
            histology        | 807/3
            histology        | 80703
            histology        | 8070/33
            histology        | M8070/3
            recurrence_date  | 2025-02-29
            recurrence_date  | 2025-11-2
            recurrence_date  | last year
            recurrence_type  | 4
            recurrence_type  | 004
            recurrence_type  | 1
            recurrence_type  | 23
            recurrence_type  | 41
            recurrence_type  | 61
            recurrence_type  | XX
            recurrence_type  | 10.0
            prior_treatments | laser
            prior_treatments | surgery;laser
            surgery_possible | maybe
            surgery_possible | y
            surgery_possible | true
            ecog             | 5
            ecog             | -1
            ecog             | 01
            ecog             | 1.0
            ecog             | one
            treatment_wish   | no
            treatment_wish   | declines
            treatment_wish   | wants
            """)
    void shouldRejectAnInvalidValueNamingTheColumnAndTheValue(String column, String value) {
        // given
        Map<String, String> row = validRow();
        row.put(column, value);

        // when
        RejectedRow rejected = rejected(validate(row));

        // then
        assertThat(rejected.reason()).isEqualTo(ReasonCode.INVALID_VALUE);
        assertThat(rejected.sourceFile()).isEqualTo(FILE);
        assertThat(rejected.line()).isEqualTo(LINE);
        // a list cell names the item at fault
        String named = column.equals("prior_treatments") ? value.substring(value.indexOf(';') + 1) : value;
        assertThat(rejected.message()).startsWith("column '" + column + "': '" + named + "' ");
        assertThat(rejected.message()).as("only one cell is at fault").doesNotContain("; column");
    }

    @Test
    void shouldRejectAPatientIdLongerThan64Characters() {
        // given
        Map<String, String> row = validRow();
        row.put("patient_id", "A".repeat(65));

        // when
        RejectedRow rejected = rejected(validate(row));

        // then
        assertThat(rejected.reason()).isEqualTo(ReasonCode.INVALID_VALUE);
        assertThat(rejected.patientId()).isEqualTo("A".repeat(65));
        assertThat(rejected.message()).startsWith("column 'patient_id': '" + "A".repeat(65) + "'");
    }

    @Test
    void shouldShortenAVeryLongValueInTheRejectedRow() {
        // given
        Map<String, String> row = validRow();
        row.put("patient_id", "B".repeat(200));

        // when
        RejectedRow rejected = rejected(validate(row));

        // then
        assertThat(rejected.patientId()).isEqualTo("B".repeat(80) + "...");
        assertThat(rejected.message()).contains("'" + "B".repeat(80) + "...'").doesNotContain("B".repeat(81));
    }

    @ParameterizedTest
    @MethodSource("everyTwoDigitCode")
    void shouldAcceptExactlyTheRecurrenceTypeCodesOfItem1880(String code) {
        // given
        Map<String, String> row = validRow();
        row.put("recurrence_type", code);

        // when
        CohortRowValidator.Result result = validate(row);

        // then
        if (ACCEPTED_TYPES.contains(code)) {
            assertThat(valid(result).recurrenceTypeCode()).isEqualTo(code);
            assertThat(valid(result).recurrenceType()).isNotNull();
        } else {
            assertThat(rejected(result).reason()).isEqualTo(ReasonCode.INVALID_VALUE);
            assertThat(rejected(result).message()).startsWith("column 'recurrence_type': '" + code + "'");
        }
    }

    static Stream<String> everyTwoDigitCode() {
        return IntStream.range(0, 100).mapToObj(i -> String.format("%02d", i));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            00 | DISEASE_FREE
            04 | LOCAL
            17 | LOCAL
            20 | REGIONAL
            27 | REGIONAL
            30 | LOCAL_AND_REGIONAL
            36 | LOCAL_AND_REGIONAL
            40 | DISTANT
            59 | DISTANT
            60 | DISTANT_WITH_LOCAL_PART
            62 | DISTANT
            70 | NEVER_DISEASE_FREE
            88 | RECURRED_TYPE_UNKNOWN
            99 | UNKNOWN
            """)
    void shouldClassifyRecurrenceTypeCodes(String code, RecurrenceType type) {
        // given
        Map<String, String> row = validRow();
        row.put("recurrence_type", code);

        // when / then
        assertThat(valid(validate(row)).recurrenceType()).isEqualTo(type);
    }

    @Test
    void shouldListEveryInvalidCellOfARowInOneMessageInColumnOrder() {
        // given
        Map<String, String> row = validRow();
        row.put("sex", "Q");
        row.put("province", "QB");
        row.put("ecog", "7");
        row.put("treatment_wish", "perhaps");

        // when
        RejectedRow rejected = rejected(validate(row));

        // then
        assertThat(rejected.reason()).isEqualTo(ReasonCode.INVALID_VALUE);
        assertThat(rejected.patientId()).isEqualTo("P-001");
        assertThat(rejected.message().split("; "))
                .hasSize(4)
                .satisfiesExactly(
                        m -> assertThat(m).startsWith("column 'sex': 'Q' "),
                        m -> assertThat(m).startsWith("column 'province': 'QB' "),
                        m -> assertThat(m).startsWith("column 'ecog': '7' "),
                        m -> assertThat(m).startsWith("column 'treatment_wish': 'perhaps' "));
    }

    @Test
    void shouldListEveryUnknownPriorTreatmentOfOneCell() {
        // given
        Map<String, String> row = validRow();
        row.put("prior_treatments", "laser;surgery;cryo");

        // when
        RejectedRow rejected = rejected(validate(row));

        // then
        assertThat(rejected.message()).contains("column 'prior_treatments': 'laser'", "column 'prior_treatments': 'cryo'")
                .doesNotContain("'surgery'");
    }

    // ---- valid edge values, column by column --------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z9", "A.b_c-9", "..", "-", "0123456789012345678901234567890123456789012345678901234567890123"})
    void shouldAcceptPatientIdsOfTheAllowedCharactersUpTo64(String patientId) {
        // given
        Map<String, String> row = validRow();
        row.put("patient_id", patientId);

        // when / then
        assertThat(valid(validate(row)).patientId()).isEqualTo(patientId).hasSizeLessThanOrEqualTo(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29", "2000-02-29", "1900-01-01", "1999-12-31"})
    void shouldAcceptRealCalendarDatesIncludingLeapDays(String date) {
        // given
        Map<String, String> row = validRow();
        row.put("birth_date", date);
        row.put("recurrence_date", "");

        // when / then
        assertThat(valid(validate(row)).birthDate()).isEqualTo(LocalDate.parse(date));
    }

    @Test
    void shouldAcceptARecurrenceDateOnALeapDay() {
        // given
        Map<String, String> row = validRow();
        row.put("recurrence_date", "2024-02-29");

        // when / then
        assertThat(valid(validate(row)).recurrenceDate()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"F,F", "f,F", "m,M", "M,M", "x,X", "u,U", "U,U"})
    void shouldAcceptSexCaseInsensitivelyAndStoreItUpperCase(String value, String stored) {
        // given
        Map<String, String> row = validRow();
        row.put("sex", value);

        // when / then
        assertThat(valid(validate(row)).sex()).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"})
    void shouldAcceptEveryProvinceAndTerritoryInAnyCase(String code) {
        // given
        Map<String, String> upper = validRow();
        upper.put("province", code);
        Map<String, String> lower = validRow();
        lower.put("province", code.toLowerCase());
        Map<String, String> mixed = validRow();
        mixed.put("province", code.charAt(0) + code.substring(1).toLowerCase());

        // when / then
        assertThat(valid(validate(upper)).province()).isEqualTo(code);
        assertThat(valid(validate(lower)).province()).isEqualTo(code);
        assertThat(valid(validate(mixed)).province()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            C21.1            | C21.1         | ANAL_CANAL
            C211             | C21.1         | ANAL_CANAL
            c21.1            | C21.1         | ANAL_CANAL
            c211             | C21.1         | ANAL_CANAL
            C21.0            | C21.0         | ANAL_CANAL
            C21.2            | C21.2         | ANAL_CANAL
            C21.8            | C21.8         | ANAL_CANAL
            c44.5            | C44.5         | PERIANAL_SKIN
            C18.7            | C18.7         | OUT_OF_SCOPE
            C209             | C20.9         | OUT_OF_SCOPE
            anus             | anus          | ANAL_CANAL
            ANUS             | anus          | ANAL_CANAL
            anal_canal       | anal_canal    | ANAL_CANAL
            Anal Canal       | anal_canal    | ANAL_CANAL
            anal-canal       | anal_canal    | ANAL_CANAL
            Perianal-Skin    | perianal_skin | PERIANAL_SKIN
            perianal  skin   | perianal_skin | PERIANAL_SKIN
            anal margin      | anal_margin   | PERIANAL_SKIN
            """)
    void shouldAcceptPrimarySiteCodesAndTerms(String value, String stored, PrimarySite.Scope scope) {
        // given
        Map<String, String> row = validRow();
        row.put("primary_site", value);

        // when
        PatientRecord record = valid(validate(row));

        // then
        assertThat(record.primarySite()).isEqualTo(stored);
        assertThat(record.scope()).isEqualTo(scope);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8070/0", "8070/1", "8070/2", "8070/3", "8070/6", "8070/9", "0000/3", "9999/3"})
    void shouldAcceptHistologyWithEveryBehaviourCode(String histology) {
        // given
        Map<String, String> row = validRow();
        row.put("histology", histology);

        // when / then
        assertThat(valid(validate(row)).histology()).isEqualTo(histology);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void shouldAcceptEveryEcogStatus(int ecog) {
        // given
        Map<String, String> row = validRow();
        row.put("ecog", Integer.toString(ecog));

        // when / then
        assertThat(valid(validate(row)).ecog()).isEqualTo(ecog);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            yes     | YES
            YES     | YES
            No      | NO
            unknown | UNKNOWN
            UNKNOWN | UNKNOWN
            """)
    void shouldAcceptSurgeryPossibleCaseInsensitively(String value, SurgeryPossible stored) {
        // given
        Map<String, String> row = validRow();
        row.put("surgery_possible", value);

        // when / then
        assertThat(valid(validate(row)).surgeryPossible()).isEqualTo(stored);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            wants_treatment          | WANTS_TREATMENT
            Wants Treatment          | WANTS_TREATMENT
            declines_treatment       | DECLINES_TREATMENT
            Declines treatment       | DECLINES_TREATMENT
            DECLINES-TREATMENT       | DECLINES_TREATMENT
            unable_to_have_treatment | UNABLE_TO_HAVE_TREATMENT
            Unable to have treatment | UNABLE_TO_HAVE_TREATMENT
            """)
    void shouldNormaliseTreatmentWish(String value, TreatmentWish stored) {
        // given
        Map<String, String> row = validRow();
        row.put("treatment_wish", value);

        // when / then
        assertThat(valid(validate(row)).treatmentWish()).isEqualTo(stored);
    }

    @Test
    void shouldNormalisePriorTreatmentsDroppingEmptyItemsAndDuplicates() {
        // given
        Map<String, String> row = validRow();
        row.put("prior_treatments", "Surgery; CHEMORADIATION ;;surgery; Radiation;chemotherapy;");

        // when
        PatientRecord record = valid(validate(row));

        // then
        assertThat(record.priorTreatments()).containsExactly(PriorTreatment.SURGERY, PriorTreatment.CHEMORADIATION,
                PriorTreatment.RADIATION, PriorTreatment.CHEMOTHERAPY);
    }

    @Test
    void shouldAcceptAPriorTreatmentsCellOfOnlySeparatorsAsEmpty() {
        // given
        Map<String, String> row = validRow();
        row.put("prior_treatments", " ; ;; ");

        // when / then
        assertThat(valid(validate(row)).priorTreatments()).isEmpty();
    }

    @Test
    void shouldNormaliseRecurrenceSitesAndKeepUnknownTermsWithoutRejectingTheRow() {
        // given
        Map<String, String> row = validRow();
        row.put("recurrence_sites", "Para-aortic nodes;LIVER;;liver ; Moon rock;para_aortic_nodes");

        // when
        PatientRecord record = valid(validate(row));

        // then
        assertThat(record.recurrenceSites()).containsExactly("para_aortic_nodes", "liver", "moon_rock");
        assertThat(record.unknownSiteTerms()).containsExactly("moon_rock");
    }

    @Test
    void shouldNormaliseSymptomsAndKeepUnknownTermsWithoutRejectingTheRow() {
        // given
        Map<String, String> row = validRow();
        row.put("symptoms", "Pain; BLEEDING;;pain; Night-sweats ;weight  loss");

        // when
        PatientRecord record = valid(validate(row));

        // then
        assertThat(record.symptoms()).containsExactly("pain", "bleeding", "night_sweats", "weight_loss");
    }

    // ---- INCONSISTENT_DATES -------------------------------------------------------------------------

    @Test
    void shouldRejectARecurrenceDateAfterTheRunDate() {
        // given
        Map<String, String> row = validRow();
        row.put("recurrence_date", "2026-03-16");

        // when
        RejectedRow rejected = rejected(validate(row));

        // then
        assertThat(rejected.reason()).isEqualTo(ReasonCode.INCONSISTENT_DATES);
        assertThat(rejected.sourceFile()).isEqualTo(FILE);
        assertThat(rejected.line()).isEqualTo(LINE);
        assertThat(rejected.patientId()).isEqualTo("P-001");
        assertThat(rejected.message()).contains("recurrence_date", "2026-03-16", "2026-03-15");
    }

    @Test
    void shouldAcceptARecurrenceDateOnTheRunDate() {
        // given
        Map<String, String> row = validRow();
        row.put("recurrence_date", "2026-03-15");

        // when / then
        assertThat(valid(validate(row)).recurrenceDate()).isEqualTo(RUN_DATE);
    }

    @Test
    void shouldRejectARecurrenceDateBeforeTheBirthDate() {
        // given
        Map<String, String> row = validRow();
        row.put("birth_date", "1960-06-15");
        row.put("recurrence_date", "1960-06-14");

        // when
        RejectedRow rejected = rejected(validate(row));

        // then
        assertThat(rejected.reason()).isEqualTo(ReasonCode.INCONSISTENT_DATES);
        assertThat(rejected.patientId()).isEqualTo("P-001");
        assertThat(rejected.message()).contains("recurrence_date", "1960-06-14", "birth_date", "1960-06-15");
    }

    @Test
    void shouldAcceptARecurrenceDateOnTheBirthDate() {
        // given
        Map<String, String> row = validRow();
        row.put("birth_date", "1960-06-15");
        row.put("recurrence_date", "1960-06-15");

        // when / then
        assertThat(valid(validate(row)).recurrenceDate()).isEqualTo(LocalDate.of(1960, 6, 15));
    }

    @Test
    void shouldRejectABirthDateAfterTheRunDateWithoutARecurrenceDate() {
        // given
        Map<String, String> row = validRow();
        row.put("birth_date", "2026-03-16");
        row.put("recurrence_date", "");

        // when
        RejectedRow rejected = rejected(validate(row));

        // then
        assertThat(rejected.reason()).isEqualTo(ReasonCode.INCONSISTENT_DATES);
        assertThat(rejected.message()).contains("birth_date", "2026-03-16");
    }

    @Test
    void shouldRejectABirthDateAfterTheRunDateWithARecurrenceDate() {
        // given
        Map<String, String> row = validRow();
        row.put("birth_date", "2026-04-01");
        row.put("recurrence_date", "2026-01-01");

        // when / then
        assertThat(rejected(validate(row)).reason()).isEqualTo(ReasonCode.INCONSISTENT_DATES);
    }

    @Test
    void shouldAcceptABirthDateOnTheRunDate() {
        // given
        Map<String, String> row = validRow();
        row.put("birth_date", "2026-03-15");
        row.put("recurrence_date", "");

        // when / then
        assertThat(valid(validate(row)).birthDate()).isEqualTo(RUN_DATE);
    }

    @Test
    void shouldNotCompareDatesWhenOneOfThemIsInvalid() {
        // given: an unreadable birth date is an invalid value, not an inconsistency
        Map<String, String> row = validRow();
        row.put("birth_date", "2030-02-30");

        // when
        RejectedRow rejected = rejected(validate(row));

        // then
        assertThat(rejected.reason()).isEqualTo(ReasonCode.INVALID_VALUE);
        assertThat(rejected.message()).startsWith("column 'birth_date': '2030-02-30' ");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    @Test
    void shouldNameAnUnknownPriorTreatmentAsItWasTyped() {
        // given
        Map<String, String> row = validRow();
        row.put("prior_treatments", "surgery; Laser Therapy");

        // when
        RejectedRow rejected = rejected(validate(row));

        // then: a data steward searches the file for what it says
        assertThat(rejected.reason()).isEqualTo(ReasonCode.INVALID_VALUE);
        assertThat(rejected.message()).contains("column 'prior_treatments': 'Laser Therapy'");
    }

    @Test
    void shouldWriteControlCharactersOfAValueVisiblySoAMessageStaysOneLine() {
        // given: a hostile cell that would forge a line in a log or a cron mail
        Map<String, String> row = validRow();
        row.put("sex", "Q\nERROR forged line\u0000");

        // when
        RejectedRow rejected = rejected(validate(row));

        // then
        assertThat(rejected.message()).doesNotContain("\n", "\u0000")
                .contains("column 'sex': 'Q\\nERROR forged line\\u0000'");
    }

    private static Map<String, String> validRow() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("patient_id", "P-001");
        row.put("birth_date", "1960-06-15");
        row.put("sex", "F");
        row.put("province", "ON");
        row.put("primary_site", "C21.1");
        row.put("histology", "8070/3");
        row.put("recurrence_date", "2025-11-02");
        row.put("recurrence_type", "10");
        row.put("recurrence_sites", "anal_canal");
        row.put("prior_treatments", "chemoradiation");
        row.put("surgery_possible", "yes");
        row.put("symptoms", "pain");
        row.put("ecog", "1");
        row.put("treatment_wish", "wants_treatment");
        return row;
    }

    private static List<String> cells(Map<String, String> row) {
        return COLUMNS.stream().map(column -> row.getOrDefault(column, "")).toList();
    }

    private CohortRowValidator.Result validate(Map<String, String> row) {
        return validator.validate(FILE, HEADER, new CsvRecord(LINE, cells(row), null));
    }

    private static PatientRecord valid(CohortRowValidator.Result result) {
        assertThat(result).isInstanceOf(CohortRowValidator.Valid.class);
        return ((CohortRowValidator.Valid) result).record();
    }

    private static RejectedRow rejected(CohortRowValidator.Result result) {
        assertThat(result).isInstanceOf(CohortRowValidator.Invalid.class);
        return ((CohortRowValidator.Invalid) result).rejected();
    }
}
