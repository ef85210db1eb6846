package ca.trialpath.naaccr;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cohort.CohortColumn;
import ca.trialpath.cohort.ReasonCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping of naaccr.md, one rule at a time: one case where it fires, one where it does not. */
class NaaccrMappingTests {

    private final NaaccrMapping mapping = new NaaccrMapping(true);

    // ---- building patients -----------------------------------------------------------------------

    private static Map<String, NaaccrItem> items(String... idValue) {
        Map<String, NaaccrItem> items = new LinkedHashMap<>();
        for (int i = 0; i < idValue.length; i += 2) {
            items.put(idValue[i], new NaaccrItem(idValue[i], idValue[i + 1], 100 + i, 7));
        }
        return items;
    }

    @SafeVarargs
    private static NaaccrPatient patient(Map<String, NaaccrItem> patientItems, Map<String, NaaccrItem>... tumours) {
        return new NaaccrPatient("extract.xml", 10, patientItems, new ArrayList<>(List.of(tumours)));
    }

    private static Map<String, NaaccrItem> id() {
        return items("patientIdNumber", "P1");
    }

    private NaaccrMapping.Row row(NaaccrPatient patient) {
        NaaccrMapping.Mapped mapped = mapping.map(patient);
        assertThat(mapped).isInstanceOf(NaaccrMapping.Row.class);
        return (NaaccrMapping.Row) mapped;
    }

    private String cell(NaaccrPatient patient, CohortColumn column) {
        return row(patient).record().cells().get(column.ordinal());
    }

    private String tumourCell(CohortColumn column, String... tumourItems) {
        List<String> all = new ArrayList<>(List.of("primarySite", "C211"));
        all.addAll(List.of(tumourItems));
        return cell(patient(id(), items(all.toArray(String[]::new))), column);
    }

    private String patientCell(CohortColumn column, String... patientItems) {
        List<String> all = new ArrayList<>(List.of("patientIdNumber", "P1"));
        all.addAll(List.of(patientItems));
        return cell(patient(items(all.toArray(String[]::new)), items("primarySite", "C211")), column);
    }

    private NaaccrMapping.Rejected rejected(NaaccrPatient patient) {
        NaaccrMapping.Mapped mapped = mapping.map(patient);
        assertThat(mapped).isInstanceOf(NaaccrMapping.Rejected.class);
        return (NaaccrMapping.Rejected) mapped;
    }

    // ---- scope -----------------------------------------------------------------------------------

    @Test
    void shouldAssessEachAnalSiteAndLeaveOtherSitesOutOfScope() {
        for (String site : List.of("C210", "C211", "C212", "C218")) {
            assertThat(tumourCell(CohortColumn.PRIMARY_SITE, "primarySite", site).replace(".", "")).isEqualTo(site);
        }
        for (String site : List.of("C209", "C219", "C509", "C445")) {
            assertThat(mapping.map(patient(id(), items("primarySite", site)))).as(site)
                    .isInstanceOf(NaaccrMapping.NotInScope.class);
        }
        assertThat(mapping.map(patient(id()))).as("no tumour at all").isInstanceOf(NaaccrMapping.NotInScope.class);
    }

    @Test
    void shouldKeepTheSkinOfTrunkTumourForTheSupplementOnly() {
        NaaccrMapping.NotInScope skin = (NaaccrMapping.NotInScope) mapping.map(patient(id(), items("primarySite", "C445")));
        assertThat(skin.perianalSkin().cells().get(CohortColumn.PRIMARY_SITE.ordinal())).isEqualTo("C44.5");
        NaaccrMapping.NotInScope other = (NaaccrMapping.NotInScope) mapping.map(patient(id(), items("primarySite", "C509")));
        assertThat(other.perianalSkin()).isNull();
        assertThat(other.patientId()).isEqualTo("P1");
    }

    @Test
    void shouldChooseTheAnalTumourThatRecurredAndFlagSeveralPrimaries() {
        NaaccrMapping.Row row = row(patient(id(),
                items("primarySite", "C211", "dateOfDiagnosis", "20100101", "recurrenceType1st", "22"),
                items("primarySite", "C210", "dateOfDiagnosis", "20200101", "recurrenceType1st", "00")));
        assertThat(row.record().cells().get(CohortColumn.RECURRENCE_TYPE.ordinal())).isEqualTo("22");
        assertThat(row.notes().severalAnalPrimaries()).isTrue();
        NaaccrMapping.Row one = row(patient(id(), items("primarySite", "C211"), items("primarySite", "C509")));
        assertThat(one.notes().severalAnalPrimaries()).as("one anal tumour among others").isFalse();
    }

    @Test
    void shouldChooseTheLatestDiagnosisWhenNoneRecurredCounting88And99AsNoKnownRecurrence() {
        NaaccrMapping.Row row = row(patient(id(),
                items("primarySite", "C211", "dateOfDiagnosis", "2019", "recurrenceType1st", "88"),
                items("primarySite", "C210", "dateOfDiagnosis", "20180612", "recurrenceType1st", "99"),
                items("primarySite", "C212", "dateOfDiagnosis", "201903")));
        assertThat(row.record().cells().get(CohortColumn.PRIMARY_SITE.ordinal())).isEqualTo("C21.2");
        NaaccrMapping.Row tie = row(patient(id(), items("primarySite", "C211"), items("primarySite", "C210")));
        assertThat(tie.record().cells().get(CohortColumn.PRIMARY_SITE.ordinal())).as("a tie: the first").isEqualTo("C21.1");
    }

    // ---- items -----------------------------------------------------------------------------------

    @Test
    void shouldMapBirthDateFullPartialAndInvalid() {
        assertThat(patientCell(CohortColumn.BIRTH_DATE, "dateOfBirth", "19580312")).isEqualTo("1958-03-12");
        assertThat(patientCell(CohortColumn.BIRTH_DATE, "dateOfBirth", "1958")).isEmpty();
        assertThat(patientCell(CohortColumn.BIRTH_DATE, "dateOfBirth", "195803")).isEmpty();
        assertThat(patientCell(CohortColumn.BIRTH_DATE)).isEmpty();
        for (String bad : List.of("19580230", "195813", "1958-03-12", "58")) {
            NaaccrMapping.Rejected r = rejected(patient(items("patientIdNumber", "P1", "dateOfBirth", bad), items("primarySite", "C211")));
            assertThat(r.rejected().reason()).isEqualTo(ReasonCode.INVALID_VALUE);
            assertThat(r.rejected().message()).as(bad).startsWith("item 240 dateOfBirth (line 102, column 7): '" + bad + "' is not");
            assertThat(r.rejected().line()).isEqualTo(102);
            assertThat(r.rejected().patientId()).isEqualTo("P1");
        }
    }

    @Test
    void shouldMapSexCodesAndPreferItem225() {
        assertThat(patientCell(CohortColumn.SEX, "sex", "1")).isEqualTo("M");
        assertThat(patientCell(CohortColumn.SEX, "sex", "2")).isEqualTo("F");
        assertThat(patientCell(CohortColumn.SEX, "sex", "9")).isEqualTo("U");
        assertThat(patientCell(CohortColumn.SEX, "sex", "3")).isEqualTo("X");
        assertThat(patientCell(CohortColumn.SEX, "sex", "6")).isEqualTo("X");
        assertThat(patientCell(CohortColumn.SEX)).isEmpty();
        assertThat(patientCell(CohortColumn.SEX, "sex", "1", "sexAssignedAtBirth", "2")).isEqualTo("F");
        assertThat(patientCell(CohortColumn.SEX, "sex", "1", "sexAssignedAtBirth", "")).isEqualTo("M");
        assertThat(rejected(patient(items("patientIdNumber", "P1", "sex", "F"), items("primarySite", "C211")))
                .rejected().message()).startsWith("item 220 sex (line 102, column 7): 'F' is not");
    }

    @Test
    void shouldMapCanadianProvincesAndDropOtherCodes() {
        assertThat(tumourCell(CohortColumn.PROVINCE, "addrAtDxState", "QC")).isEqualTo("QC");
        NaaccrMapping.Row us = row(patient(id(), items("primarySite", "C211", "addrAtDxState", "WA")));
        assertThat(us.record().cells().get(CohortColumn.PROVINCE.ordinal())).isEmpty();
        assertThat(us.notes().provinceDropped()).isTrue();
        assertThat(row(patient(id(), items("primarySite", "C211", "addrAtDxState", "ON"))).notes().provinceDropped()).isFalse();
        assertThat(row(patient(id(), items("primarySite", "C211"))).notes().provinceDropped()).isFalse();
        assertThat(rejected(patient(id(), items("primarySite", "C211", "addrAtDxState", "O1"))).rejected().message())
                .startsWith("item 80 addrAtDxState");
    }

    @Test
    void shouldWriteThePrimarySiteWithItsDotAndRejectOneThatIsNotATopographyCode() {
        assertThat(tumourCell(CohortColumn.PRIMARY_SITE)).isEqualTo("C21.1");
        for (String bad : List.of("C2X1", "C21.1", "211", "c211")) {
            NaaccrMapping.Rejected r = rejected(patient(id(), items("primarySite", bad)));
            assertThat(r.rejected().reason()).as(bad).isEqualTo(ReasonCode.INVALID_VALUE);
            assertThat(r.rejected().message()).startsWith("item 400 primarySite (line 100, column 7): '" + bad + "'");
        }
        NaaccrMapping.Rejected missing = rejected(patient(id(), items("dateOfDiagnosis", "2020")));
        assertThat(missing.rejected().reason()).isEqualTo(ReasonCode.MISSING_REQUIRED);
        assertThat(missing.rejected().line()).as("the <Patient>, as no item is at fault").isEqualTo(10);
    }

    @Test
    void shouldJoinHistologyAndBehaviour() {
        assertThat(tumourCell(CohortColumn.HISTOLOGY, "histologicTypeIcdO3", "8070", "behaviorCodeIcdO3", "3")).isEqualTo("8070/3");
        assertThat(tumourCell(CohortColumn.HISTOLOGY)).isEmpty();
        assertThat(rejected(patient(id(), items("primarySite", "C211", "histologicTypeIcdO3", "8070"))).rejected().message())
                .isEqualTo("item 523 behaviorCodeIcdO3 is missing beside item 522 histologicTypeIcdO3");
        assertThat(rejected(patient(id(), items("primarySite", "C211", "histologicTypeIcdO3", "807", "behaviorCodeIcdO3", "3")))
                .rejected().message()).startsWith("item 522 histologicTypeIcdO3");
        assertThat(rejected(patient(id(), items("primarySite", "C211", "histologicTypeIcdO3", "8070", "behaviorCodeIcdO3", "5")))
                .rejected().message()).startsWith("item 523 behaviorCodeIcdO3");
    }

    @Test
    void shouldPassTheRecurrenceTypeAndRejectACodeNotInTheList() {
        assertThat(tumourCell(CohortColumn.RECURRENCE_TYPE, "recurrenceType1st", "62")).isEqualTo("62");
        assertThat(tumourCell(CohortColumn.RECURRENCE_TYPE)).isEmpty();
        assertThat(rejected(patient(id(), items("primarySite", "C211", "recurrenceType1st", "23"))).rejected().message())
                .startsWith("item 1880 recurrenceType1st (line 102, column 7): '23' is not an accepted");
    }

    @Test
    void shouldMapTheRecurrenceDateFullPartialAndInvalid() {
        assertThat(tumourCell(CohortColumn.RECURRENCE_DATE, "recurrenceDate1st", "20250603")).isEqualTo("2025-06-03");
        assertThat(tumourCell(CohortColumn.RECURRENCE_DATE, "recurrenceDate1st", "202506")).isEmpty();
        assertThat(rejected(patient(id(), items("primarySite", "C211", "recurrenceDate1st", "20250631"))).rejected().message())
                .startsWith("item 1860 recurrenceDate1st");
    }

    @Test
    void shouldMapTreatmentSummaryItemsToPriorTreatments() {
        assertThat(tumourCell(CohortColumn.PRIOR_TREATMENTS, "rxSummRadiation", "1", "rxSummChemo", "03")).isEqualTo("chemoradiation");
        assertThat(tumourCell(CohortColumn.PRIOR_TREATMENTS, "rxSummRadiation", "5", "rxSummChemo", "00")).isEqualTo("radiation");
        assertThat(tumourCell(CohortColumn.PRIOR_TREATMENTS, "rxSummRadiation", "0", "rxSummChemo", "01")).isEqualTo("chemotherapy");
        assertThat(tumourCell(CohortColumn.PRIOR_TREATMENTS, "rxSummSurgPrimSite", "30")).isEqualTo("surgery");
        assertThat(tumourCell(CohortColumn.PRIOR_TREATMENTS, "rxSummSurgPrimSite2023", "A200", "rxSummRadiation", "2",
                "rxSummChemo", "02")).isEqualTo("surgery;chemoradiation");
        assertThat(tumourCell(CohortColumn.PRIOR_TREATMENTS, "rxSummSurgPrimSite", "00", "rxSummRadiation", "7",
                "rxSummChemo", "87")).as("refused is not given").isEmpty();
        assertThat(tumourCell(CohortColumn.PRIOR_TREATMENTS, "rxSummSurgPrimSite", "99", "rxSummRadiation", "9",
                "rxSummChemo", "88")).isEmpty();
    }

    @Test
    void shouldTellNoneGivenFromUnknown() {
        assertThat(row(patient(id(), items("primarySite", "C211", "rxSummSurgPrimSite", "00", "rxSummRadiation", "0",
                "rxSummChemo", "00"))).notes().noTreatmentGiven()).isTrue();
        assertThat(row(patient(id(), items("primarySite", "C211", "rxSummSurgPrimSite2023", "A000", "rxSummRadiation", "0",
                "rxSummChemo", "82"))).notes().noTreatmentGiven()).isTrue();
        assertThat(row(patient(id(), items("primarySite", "C211", "rxSummSurgPrimSite", "00", "rxSummRadiation", "0",
                "rxSummChemo", "99"))).notes().noTreatmentGiven()).as("chemotherapy unknown").isFalse();
        assertThat(row(patient(id(), items("primarySite", "C211", "rxSummRadiation", "0", "rxSummChemo", "00")))
                .notes().noTreatmentGiven()).as("surgery not recorded").isFalse();
    }

    @Test
    void shouldRejectTreatmentCodesNotInTheDictionary() {
        assertThat(rejected(patient(id(), items("primarySite", "C211", "rxSummSurgPrimSite", "95"))).rejected().message())
                .startsWith("item 1290 rxSummSurgPrimSite");
        assertThat(rejected(patient(id(), items("primarySite", "C211", "rxSummSurgPrimSite2023", "30"))).rejected().message())
                .startsWith("item 1291 rxSummSurgPrimSite2023");
        assertThat(rejected(patient(id(), items("primarySite", "C211", "rxSummRadiation", "6"))).rejected().message())
                .startsWith("item 1360 rxSummRadiation");
        assertThat(rejected(patient(id(), items("primarySite", "C211", "rxSummChemo", "04"))).rejected().message())
                .startsWith("item 1390 rxSummChemo");
    }

    @Test
    void shouldNameEveryBadItemOfAPatientInOneRejectAtTheFirstOne() {
        NaaccrMapping.Rejected r = rejected(patient(items("patientIdNumber", "P1", "sex", "Q"),
                items("primarySite", "C211", "recurrenceType1st", "23", "rxSummChemo", "7")));
        assertThat(r.rejected().message().split("; ")).hasSize(3);
        assertThat(r.rejected().line()).isEqualTo(102);
    }

    @Test
    void shouldIgnoreBadValuesOfAPatientNotInScope() {
        assertThat(mapping.map(patient(items("patientIdNumber", "P1", "dateOfBirth", "1958x"), items("primarySite", "C509"))))
                .isInstanceOf(NaaccrMapping.NotInScope.class);
    }

    @Test
    void shouldWithholdValuesWhenAsked() {
        NaaccrMapping.Rejected r = (NaaccrMapping.Rejected) new NaaccrMapping(false)
                .map(patient(id(), items("primarySite", "C2X1")));
        assertThat(r.rejected().message()).isEqualTo("item 400 primarySite (line 100, column 7): the value is not an ICD-O-3"
                + " topography code (C and three digits, e.g. C211)");
    }
}
