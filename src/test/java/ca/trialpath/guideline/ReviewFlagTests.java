package ca.trialpath.guideline;

import static ca.trialpath.guideline.RecurrenceCaseBuilder.analCanal;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.distantMetastasis;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.localRecurrence;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every {@link ReviewFlag}: a case that raises it and the nearest case that does not. The data flags
 * (conflict, unknown term, missing site, no recurrence) are tested here in full; the option-choice flags
 * are tested beside their rules, in the local-recurrence, distant-metastasis and supportive-care tests.
 */
class ReviewFlagTests {

    /** One raising case per flag, so that a flag added to the enum without a fixture fails the suite. */
    private static final Map<ReviewFlag, RecurrenceCaseBuilder> RAISING = new EnumMap<>(Map.ofEntries(
            Map.entry(ReviewFlag.RECURRENCE_TYPE_SITE_CONFLICT, analCanal().code("10").sites("liver")),
            Map.entry(ReviewFlag.UNKNOWN_SITE_TERM, analCanal().sites("mystery_site")),
            Map.entry(ReviewFlag.RECURRENCE_SITE_MISSING, analCanal().code("88")),
            Map.entry(ReviewFlag.NO_RECURRENCE_RECORDED, analCanal().code("00")),
            Map.entry(ReviewFlag.PERSISTENT_DISEASE, analCanal().code("70")),
            Map.entry(ReviewFlag.SEVERAL_ANAL_PRIMARIES, localRecurrence().severalAnalPrimaries()
                    .prior(PriorTreatment.SURGERY)),
            Map.entry(ReviewFlag.NON_SQUAMOUS_HISTOLOGY, localRecurrence().histology("8720/3")),
            Map.entry(ReviewFlag.HISTOLOGY_NOT_SPECIFIC, localRecurrence().histology("8010/3")),
            Map.entry(ReviewFlag.PRIMARY_NOT_INVASIVE, localRecurrence().histology("8052/0")),
            Map.entry(ReviewFlag.PRIMARY_IN_SITU, localRecurrence().histology("8077/2")),
            Map.entry(ReviewFlag.IN_SITU_RECURRENCE, analCanal().code("04")),
            Map.entry(ReviewFlag.PRIOR_TREATMENT_MISSING, localRecurrence()),
            Map.entry(ReviewFlag.NO_STANDARD_OPTION, localRecurrence().prior(PriorTreatment.RADIATION)),
            Map.entry(ReviewFlag.NODAL_RECURRENCE_ONLY, analCanal().sites("inguinal_nodes")
                    .prior(PriorTreatment.CHEMORADIATION)),
            Map.entry(ReviewFlag.SURGICAL_ASSESSMENT_NEEDED, localRecurrence().prior(PriorTreatment.CHEMORADIATION)),
            Map.entry(ReviewFlag.SYMPTOMS_WITHOUT_LOCAL_TUMOUR, distantMetastasis().symptoms("bleeding")),
            Map.entry(ReviewFlag.POOR_PERFORMANCE_STATUS, localRecurrence().ecog(3))));

    /** The nearest case that must not raise it. */
    private static final Map<ReviewFlag, RecurrenceCaseBuilder> NOT_RAISING = new EnumMap<>(Map.ofEntries(
            Map.entry(ReviewFlag.RECURRENCE_TYPE_SITE_CONFLICT, analCanal().code("10").sites("rectum")),
            Map.entry(ReviewFlag.UNKNOWN_SITE_TERM, analCanal().sites("Mesorectal Nodes")),
            Map.entry(ReviewFlag.RECURRENCE_SITE_MISSING, analCanal().code("88").sites("anus")),
            Map.entry(ReviewFlag.NO_RECURRENCE_RECORDED, analCanal().code("70")),
            Map.entry(ReviewFlag.PERSISTENT_DISEASE, analCanal().code("00")),
            Map.entry(ReviewFlag.SEVERAL_ANAL_PRIMARIES, localRecurrence().prior(PriorTreatment.SURGERY)),
            Map.entry(ReviewFlag.NON_SQUAMOUS_HISTOLOGY, localRecurrence().histology("8123/3")),
            Map.entry(ReviewFlag.HISTOLOGY_NOT_SPECIFIC, localRecurrence().histology("8070/3")),
            Map.entry(ReviewFlag.PRIMARY_NOT_INVASIVE, localRecurrence().histology("8070/9")),
            Map.entry(ReviewFlag.PRIMARY_IN_SITU, localRecurrence().histology("8077/3").code("15")),
            Map.entry(ReviewFlag.IN_SITU_RECURRENCE, analCanal().code("16")),
            Map.entry(ReviewFlag.PRIOR_TREATMENT_MISSING, localRecurrence().priorNoneGiven()),
            Map.entry(ReviewFlag.NO_STANDARD_OPTION, localRecurrence().prior(PriorTreatment.CHEMOTHERAPY)),
            Map.entry(ReviewFlag.NODAL_RECURRENCE_ONLY, analCanal().sites("inguinal_nodes", "rectum")
                    .prior(PriorTreatment.CHEMORADIATION)),
            Map.entry(ReviewFlag.SURGICAL_ASSESSMENT_NEEDED, localRecurrence().prior(PriorTreatment.CHEMORADIATION)
                    .surgeryPossible(SurgeryPossible.YES)),
            Map.entry(ReviewFlag.SYMPTOMS_WITHOUT_LOCAL_TUMOUR, distantMetastasis().sites("perineum").symptoms("bleeding")),
            Map.entry(ReviewFlag.POOR_PERFORMANCE_STATUS, localRecurrence().ecog(2))));

    @ParameterizedTest
    @EnumSource(ReviewFlag.class)
    void shouldRaiseEveryFlagInItsCase(ReviewFlag flag) {
        // given
        assertThat(RAISING).containsKey(flag);
        RecurrenceCaseBuilder recurrence = RAISING.get(flag);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).contains(flag);
    }

    @ParameterizedTest
    @EnumSource(ReviewFlag.class)
    void shouldNotRaiseAnyFlagInTheNearestCaseOutsideIt(ReviewFlag flag) {
        // given
        assertThat(NOT_RAISING).containsKey(flag);
        RecurrenceCaseBuilder recurrence = NOT_RAISING.get(flag);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).doesNotContain(flag);
    }

    @ParameterizedTest
    @EnumSource(ReviewFlag.class)
    void shouldExplainEveryFlagInOneSentence(ReviewFlag flag) {
        // when
        String explanation = flag.explanation();

        // then
        assertThat(explanation).isNotBlank().endsWith(".");
    }

    @Test
    void shouldListFlagsInDeclaredOrder() {
        // given: code 00 beside sites is a conflict, and gives no local part for the pain
        RecurrenceCaseBuilder recurrence = analCanal().code("00").sites("mystery_site", "liver").symptoms("pain");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.orderedFlags()).containsExactly(ReviewFlag.RECURRENCE_TYPE_SITE_CONFLICT,
                ReviewFlag.UNKNOWN_SITE_TERM, ReviewFlag.SYMPTOMS_WITHOUT_LOCAL_TUMOUR);
    }

    // RECURRENCE_TYPE_SITE_CONFLICT

    @ParameterizedTest(name = "code {0} with sites {1} -> {2}")
    @CsvSource({
            // 04-36 beside a distant site: distant wins
            "04, liver,                DISTANT_METASTASIS",
            "10, anus;lung,            DISTANT_METASTASIS",
            "20, para_aortic_nodes,    DISTANT_METASTASIS",
            "36, bone,                 DISTANT_METASTASIS",
            "22, mystery_site;brain,   DISTANT_METASTASIS",
            // 40-62, incl. 60, with only known local or regional sites: distant wins
            "40, anus,                 DISTANT_METASTASIS",
            "51, rectum,               DISTANT_METASTASIS",
            "60, anus,                 DISTANT_METASTASIS",
            "62, anus;inguinal_nodes,  DISTANT_METASTASIS",
            // 00 with any site (70 beside sites is persistent disease, not a conflict)
            "00, anus,                 LOCAL_RECURRENCE",
            "00, rectum,               LOCAL_RECURRENCE",
            "00, liver,                DISTANT_METASTASIS",
            "00, mystery_site,         UNDETERMINED"})
    void shouldFlagConflictWhenTheCodeAndTheSitesDisagree(String code, String sites, Pathway pathway) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code(code).sites(sites.split(";"));

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(pathway);
        assertThat(assessment.flags()).contains(ReviewFlag.RECURRENCE_TYPE_SITE_CONFLICT);
    }

    @ParameterizedTest(name = "code {0} with sites {1}")
    @CsvSource({
            // the code agrees with the sites
            "10, anus",
            "20, rectum",
            "30, anus;rectum",
            "20, anus",
            "40, liver",
            "60, anus;liver",
            "62, lung;bone",
            // a distant code beside an unknown term: not all sites are known, so no disagreement is shown
            "40, mystery_site",
            "51, anus;mystery_site",
            "60, rectum;mystery_site",
            // a local code beside an unknown term only
            "10, mystery_site",
            // unknown-type codes never disagree, nor does code 70 (persistent disease: the sites decide)
            "70, rectum",
            "70, liver",
            "70, mystery_site",
            "88, liver",
            "99, anus",
            "88, mystery_site"})
    void shouldNotFlagConflictWhenTheCodeAndTheSitesAgreeOrCannotBeCompared(String code, String sites) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code(code).sites(sites.split(";"));

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.RECURRENCE_TYPE_SITE_CONFLICT);
    }

    @ParameterizedTest
    @CsvSource({"00", "10", "30", "40", "60", "70", "88"})
    void shouldNotFlagConflictWhenTheCodeIsGivenWithoutSites(String code) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code(code);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.RECURRENCE_TYPE_SITE_CONFLICT);
    }

    @Test
    void shouldNotFlagConflictWhenSitesAreGivenWithoutACode() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().sites("anus", "liver");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).isEmpty();
    }

    // UNKNOWN_SITE_TERM: whatever the pathway, on an in-scope person

    @ParameterizedTest(name = "sites {0}, code {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "mystery_site,               -,  UNDETERMINED",
            "anus;mystery_site,          -,  UNDETERMINED",
            "liver;mystery_site,         -,  DISTANT_METASTASIS",
            "mystery_site,               60, DISTANT_METASTASIS",
            "mystery_site,               00, UNDETERMINED",
            "mystery_site,               99, UNDETERMINED"})
    void shouldFlagUnknownSiteTermWhateverThePathway(String sites, String code, Pathway pathway) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().sites(sites.split(";"));
        if (code != null) {
            recurrence.code(code);
        }

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(pathway);
        assertThat(assessment.flags()).contains(ReviewFlag.UNKNOWN_SITE_TERM)
                .doesNotContain(ReviewFlag.RECURRENCE_SITE_MISSING);
    }

    @Test
    void shouldNotFlagUnknownSiteTermOnAnOutOfScopePerson() {
        // given
        RecurrenceCaseBuilder recurrence = RecurrenceCaseBuilder.outOfScope().sites("mystery_site");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).isEmpty();
    }

    @Test
    void shouldNotFlagUnknownSiteTermWhenEveryTermIsKnownInSomeSpelling() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().sites("ANAL CANAL", "external-iliac-nodes", " Perianal_Skin ");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.LOCAL_RECURRENCE);
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.UNKNOWN_SITE_TERM);
    }

    // RECURRENCE_SITE_MISSING and NO_RECURRENCE_RECORDED

    @Test
    void shouldNotFlagRecurrenceSiteMissingWhenOnlyTheCodeSaysWhere() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code("13");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.LOCAL_RECURRENCE);
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.RECURRENCE_SITE_MISSING);
    }

    @Test
    void shouldNotFlagNoRecurrenceRecordedWhenCode00HasASite() {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code("00").sites("perineum");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.NO_RECURRENCE_RECORDED);
    }
}
