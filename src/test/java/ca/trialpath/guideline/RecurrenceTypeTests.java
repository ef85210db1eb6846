package ca.trialpath.guideline;

import static ca.trialpath.guideline.RecurrenceCaseBuilder.analCanal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** NAACCR item 1880 "Recurrence Type--1st" (cohort-csv.md): accepted codes, their class and pathway. */
class RecurrenceTypeTests {

    @ParameterizedTest(name = "{0} -> {1}, {2}, {3}")
    @CsvSource(nullValues = "-", value = {
            "00, DISEASE_FREE,            NOT_RECURRENT,      -",
            "04, LOCAL,                   LOCAL_RECURRENCE,   LOCAL",
            "06, LOCAL,                   LOCAL_RECURRENCE,   LOCAL",
            "10, LOCAL,                   LOCAL_RECURRENCE,   LOCAL",
            "13, LOCAL,                   LOCAL_RECURRENCE,   LOCAL",
            "14, LOCAL,                   LOCAL_RECURRENCE,   LOCAL",
            "15, LOCAL,                   LOCAL_RECURRENCE,   LOCAL",
            "16, LOCAL,                   LOCAL_RECURRENCE,   LOCAL",
            "17, LOCAL,                   LOCAL_RECURRENCE,   LOCAL",
            "20, REGIONAL,                LOCAL_RECURRENCE,   LOCOREGIONAL",
            "21, REGIONAL,                LOCAL_RECURRENCE,   LOCOREGIONAL",
            "22, REGIONAL,                LOCAL_RECURRENCE,   LOCOREGIONAL",
            "25, REGIONAL,                LOCAL_RECURRENCE,   LOCOREGIONAL",
            "26, REGIONAL,                LOCAL_RECURRENCE,   LOCOREGIONAL",
            "27, REGIONAL,                LOCAL_RECURRENCE,   LOCOREGIONAL",
            "30, LOCAL_AND_REGIONAL,      LOCAL_RECURRENCE,   LOCOREGIONAL",
            "36, LOCAL_AND_REGIONAL,      LOCAL_RECURRENCE,   LOCOREGIONAL",
            "40, DISTANT,                 DISTANT_METASTASIS, DISTANT",
            "46, DISTANT,                 DISTANT_METASTASIS, DISTANT",
            "51, DISTANT,                 DISTANT_METASTASIS, DISTANT",
            "52, DISTANT,                 DISTANT_METASTASIS, DISTANT",
            "53, DISTANT,                 DISTANT_METASTASIS, DISTANT",
            "54, DISTANT,                 DISTANT_METASTASIS, DISTANT",
            "55, DISTANT,                 DISTANT_METASTASIS, DISTANT",
            "56, DISTANT,                 DISTANT_METASTASIS, DISTANT",
            "57, DISTANT,                 DISTANT_METASTASIS, DISTANT",
            "58, DISTANT,                 DISTANT_METASTASIS, DISTANT",
            "59, DISTANT,                 DISTANT_METASTASIS, DISTANT",
            "60, DISTANT_WITH_LOCAL_PART, DISTANT_METASTASIS, DISTANT",
            "62, DISTANT,                 DISTANT_METASTASIS, DISTANT",
            "70, NEVER_DISEASE_FREE,      UNDETERMINED,       -",
            "88, RECURRED_TYPE_UNKNOWN,   UNDETERMINED,       -",
            "99, UNKNOWN,                 UNDETERMINED,       -"})
    void shouldMapEveryAcceptedCodeAloneToItsClassPathwayAndExtent(String code, RecurrenceType type,
            Pathway pathway, String extent) {
        // when
        Assessment assessment = analCanal().code(code).assess();

        // then
        assertThat(RecurrenceType.ofCode(code)).contains(type);
        assertThat(assessment.pathway()).isEqualTo(pathway);
        assertThat(assessment.extent()).isEqualTo(extent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23", "24", "28", "29", "41", "42", "43", "44", "45", "47", "48", "49", "50", "61",
            "11", "12", "01", "05", "18", "19", "31", "35", "37", "63", "71", "87", "98", "4", "000", "010", "",
            " 10", "10 ", "1O"})
    void shouldRejectCodesItem1880DoesNotAccept(String code) {
        // when / then
        assertThat(RecurrenceType.ofCode(code)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: noRecurrence={1} distant={2} localOrRegional={3} regional={4}")
    @CsvSource({
            "00, true,  false, false, false",
            "10, false, false, true,  false",
            "04, false, false, true,  false",
            "20, false, false, true,  true",
            "30, false, false, true,  true",
            "36, false, false, true,  true",
            "40, false, true,  false, false",
            "60, false, true,  false, false",
            "62, false, true,  false, false",
            "70, false, false, false, false",
            "88, false, false, false, false",
            "99, false, false, false, false"})
    void shouldSayWhatEachCodeMeansForTheRules(String code, boolean noRecurrence, boolean distant,
            boolean localOrRegional, boolean regional) {
        // when
        RecurrenceType type = RecurrenceType.ofCode(code).orElseThrow();

        // then
        assertThat(type.meansNoRecurrence()).as("meansNoRecurrence").isEqualTo(noRecurrence);
        assertThat(type.isDistant()).as("isDistant").isEqualTo(distant);
        assertThat(type.isLocalOrRegional()).as("isLocalOrRegional").isEqualTo(localOrRegional);
        assertThat(type.isRegional()).as("isRegional").isEqualTo(regional);
    }

    @ParameterizedTest(name = "{0}: inSitu={1} inSituPrimary={2}")
    @CsvSource({
            "04, true,  false", "06, true,  false", "10, false, false", "15, false, false",
            "16, false, true",  "17, false, true",  "26, false, true",  "27, false, true",
            "36, false, true",  "46, false, true",  "30, false, false", "40, false, false", "70, false, false"})
    void shouldTellInSituRecurrencesAndRecurrencesOfAnInSituPrimaryApart(String code, boolean inSitu,
            boolean inSituPrimary) {
        // when
        RecurrenceCode row = RecurrenceCode.of(code).orElseThrow();

        // then
        assertThat(row.inSitu()).as("inSitu").isEqualTo(inSitu);
        assertThat(row.inSituPrimary()).as("inSituPrimary").isEqualTo(inSituPrimary);
        assertThat(row.type()).isEqualTo(RecurrenceType.ofCode(code).orElseThrow());
    }
}
