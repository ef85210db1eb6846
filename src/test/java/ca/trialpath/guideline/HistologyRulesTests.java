package ca.trialpath.guideline;

import static ca.trialpath.guideline.RecurrenceCaseBuilder.analCanal;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.distantMetastasis;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.localRecurrence;
import static ca.trialpath.guideline.RecurrenceCaseBuilder.outOfScope;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * rules.md v2, section 1 "Histology": whether the guideline's options (the standard treatments of squamous
 * cell carcinoma) apply; and the in situ rows of section 2. Each flag fires in its row and not in the next.
 */
class HistologyRulesTests {

    // squamous (8050-8089, 8120-8131) and empty: the options, no flag

    @ParameterizedTest
    @ValueSource(strings = {"8050/3", "8070/3", "8071/3", "8077/3", "8083/3", "8089/3", "8120/3", "8123/3", "8124/3",
            "8131/3", "8070/6", "8070/9"})
    void shouldGiveTheOptionsWithoutAFlagForASquamousHistology(String histology) {
        // when
        Assessment assessment = localRecurrence().prior(PriorTreatment.SURGERY).histology(histology).assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR1, TreatmentOption.LR5);
        assertThat(assessment.flags()).isEmpty();
    }

    @Test
    void shouldReadAnEmptyHistologyAsSquamous() {
        // when
        Assessment assessment = localRecurrence().prior(PriorTreatment.SURGERY).assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR1, TreatmentOption.LR5);
        assertThat(assessment.flags()).isEmpty();
    }

    // HISTOLOGY_NOT_SPECIFIC: 8000-8046, options kept

    @ParameterizedTest
    @ValueSource(strings = {"8000/3", "8010/3", "8020/3", "8046/3", "8010/9"})
    void shouldKeepTheOptionsAndFlagHistologyNotSpecificForACarcinomaNotFurtherSpecified(String histology) {
        // when
        Assessment assessment = localRecurrence().prior(PriorTreatment.SURGERY).histology(histology).assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR1, TreatmentOption.LR5);
        assertThat(assessment.orderedFlags()).containsExactly(ReviewFlag.HISTOLOGY_NOT_SPECIFIC);
        assertThat(assessment.trialRule()).isEqualTo(TrialRule.T4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8047/3", "8049/3", "8140/3"})
    void shouldNotFlagHistologyNotSpecificOutsideItsRange(String histology) {
        // when
        Assessment assessment = localRecurrence().histology(histology).assess();

        // then
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.HISTOLOGY_NOT_SPECIFIC);
    }

    // NON_SQUAMOUS_HISTOLOGY: no options, the pathway's trial row

    @ParameterizedTest
    @ValueSource(strings = {"8140/3", "8720/3", "8790/3", "8246/3", "8800/3", "9680/3", "8090/3", "8132/3", "8049/3",
            "8140/6", "8720/9"})
    void shouldWithholdTheOptionsAndFlagANonSquamousHistology(String histology) {
        // given: chemoradiation before and surgery possible: v1 offered an APR
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(PriorTreatment.CHEMORADIATION)
                .surgeryPossible(SurgeryPossible.YES).histology(histology);

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.LOCAL_RECURRENCE);
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.goal()).isNull();
        assertThat(assessment.orderedFlags()).containsExactly(ReviewFlag.NON_SQUAMOUS_HISTOLOGY);
        assertThat(assessment.trialRule()).as("not T3: trials set their own histology criteria").isEqualTo(TrialRule.T4);
    }

    @Test
    void shouldKeepTheDistantTrialRowForANonSquamousDistantMetastasis() {
        // when
        Assessment assessment = distantMetastasis().sites("anus").symptoms("pain").histology("8720/3").assess();

        // then
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.orderedFlags()).containsExactly(ReviewFlag.NON_SQUAMOUS_HISTOLOGY);
        assertThat(assessment.trialRule()).isEqualTo(TrialRule.T2);
        assertThat(assessment.trialPriority()).isEqualTo(TrialPriority.HIGH);
    }

    @Test
    void shouldNotRaiseTheFlagsAboutChoosingWhenOptionsAreWithheld() {
        // given: prior treatment missing and pain without disease at the anus would raise flags about choosing
        RecurrenceCaseBuilder local = localRecurrence().histology("8140/3");
        RecurrenceCaseBuilder distant = distantMetastasis().symptoms("pain").histology("8140/3");

        // when / then
        assertThat(local.assess().orderedFlags()).containsExactly(ReviewFlag.NON_SQUAMOUS_HISTOLOGY);
        assertThat(distant.assess().orderedFlags()).containsExactly(ReviewFlag.NON_SQUAMOUS_HISTOLOGY);
    }

    @ParameterizedTest
    @EnumSource(value = TreatmentWish.class, names = {"DECLINES_TREATMENT", "UNABLE_TO_HAVE_TREATMENT"})
    void shouldLetAWithheldOptionsFlagWinOverSc1(TreatmentWish wish) {
        // when
        Assessment assessment = localRecurrence().prior(PriorTreatment.SURGERY).histology("8140/3").wish(wish).assess();

        // then
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.goal()).isNull();
        assertThat(assessment.trialRule()).isEqualTo(TrialRule.T1);
    }

    // PRIMARY_NOT_INVASIVE: behaviour 0 or 1, no options, no trial

    @ParameterizedTest
    @ValueSource(strings = {"8052/0", "8070/1", "8000/0", "8140/1"})
    void shouldWithholdTheOptionsAndTheTrialForABenignOrUncertainPrimary(String histology) {
        // when
        Assessment assessment = distantMetastasis().histology(histology).assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.DISTANT_METASTASIS);
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.goal()).isNull();
        assertThat(assessment.orderedFlags()).containsExactly(ReviewFlag.PRIMARY_NOT_INVASIVE);
        assertThat(assessment.trialRule()).isEqualTo(TrialRule.T1);
        assertThat(assessment.trialDiscussion()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8052/3", "8052/2", "8052/9"})
    void shouldNotFlagPrimaryNotInvasiveForAnotherBehaviour(String histology) {
        // when
        Assessment assessment = distantMetastasis().histology(histology).assess();

        // then
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.PRIMARY_NOT_INVASIVE);
        assertThat(assessment.options()).isNotEmpty();
    }

    // PRIMARY_IN_SITU: behaviour 2, or codes 16, 17, 26, 27, 36, 46; options kept

    @ParameterizedTest
    @ValueSource(strings = {"8077/2", "8070/2", "8120/2"})
    void shouldKeepTheOptionsAndFlagAnInSituPrimary(String histology) {
        // when
        Assessment assessment = localRecurrence().prior(PriorTreatment.CHEMORADIATION).surgeryPossible(SurgeryPossible.NO)
                .histology(histology).assess();

        // then
        assertThat(assessment.options()).containsExactly(TreatmentOption.LR4);
        assertThat(assessment.orderedFlags()).containsExactly(ReviewFlag.PRIMARY_IN_SITU);
        assertThat(assessment.trialRule()).isEqualTo(TrialRule.T3);
    }

    @Test
    void shouldReadTheMorphologyOfAnInSituPrimaryToo() {
        // given: an in situ adenocarcinoma (docs/rules-decisions.md): in situ, and not squamous
        RecurrenceCaseBuilder recurrence = localRecurrence().prior(PriorTreatment.SURGERY).histology("8140/2");

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.orderedFlags()).containsExactly(ReviewFlag.NON_SQUAMOUS_HISTOLOGY, ReviewFlag.PRIMARY_IN_SITU);
    }

    @ParameterizedTest
    @CsvSource({"16, -", "17, -", "26, -", "27, -", "36, -", "46, liver"})
    void shouldKeepTheOptionsAndFlagARecurrenceOfAnInSituPrimary(String code, String site) {
        // given
        RecurrenceCaseBuilder recurrence = analCanal().code(code).prior(PriorTreatment.SURGERY);
        if (!site.equals("-")) {
            recurrence.sites(site);
        }

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.flags()).contains(ReviewFlag.PRIMARY_IN_SITU).doesNotContain(ReviewFlag.IN_SITU_RECURRENCE);
        assertThat(assessment.options()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "13", "14", "15", "20", "21", "22", "25", "30", "40"})
    void shouldNotFlagPrimaryInSituForAnotherCode(String code) {
        // when
        Assessment assessment = analCanal().code(code).prior(PriorTreatment.SURGERY).assess();

        // then
        assertThat(assessment.flags()).doesNotContain(ReviewFlag.PRIMARY_IN_SITU);
    }

    // IN_SITU_RECURRENCE: codes 04, 06 on the local pathway

    @ParameterizedTest
    @CsvSource({"04, -", "06, -", "04, anus", "06, perianal_skin;inguinal_nodes"})
    void shouldWithholdTheOptionsAndTheTrialForAnInSituRecurrence(String code, String sites) {
        // given: surgery only before would give chemoradiation to invasive cancer
        RecurrenceCaseBuilder recurrence = analCanal().code(code).prior(PriorTreatment.SURGERY);
        if (!sites.equals("-")) {
            recurrence.sites(sites.split(";"));
        }

        // when
        Assessment assessment = recurrence.assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.LOCAL_RECURRENCE);
        assertThat(assessment.options()).isEmpty();
        assertThat(assessment.goal()).isNull();
        assertThat(assessment.orderedFlags()).containsExactly(ReviewFlag.IN_SITU_RECURRENCE);
        assertThat(assessment.trialRule()).isEqualTo(TrialRule.T1);
    }

    @Test
    void shouldLetTheDistantReadingWinOverAnInSituCodeBesideADistantSite() {
        // when
        Assessment assessment = analCanal().code("04").sites("liver").assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.DISTANT_METASTASIS);
        assertThat(assessment.options()).containsExactly(TreatmentOption.DM1, TreatmentOption.DM2);
        assertThat(assessment.orderedFlags()).containsExactly(ReviewFlag.RECURRENCE_TYPE_SITE_CONFLICT);
        assertThat(assessment.trialRule()).isEqualTo(TrialRule.T2);
    }

    @Test
    void shouldNotFlagInSituRecurrenceOffTheLocalPathway() {
        // when: an unknown term makes the pathway undetermined
        Assessment assessment = analCanal().code("04").sites("mystery_site").assess();

        // then
        assertThat(assessment.pathway()).isEqualTo(Pathway.UNDETERMINED);
        assertThat(assessment.orderedFlags()).containsExactly(ReviewFlag.UNKNOWN_SITE_TERM);
    }

    // only on LOCAL_RECURRENCE, DISTANT_METASTASIS and UNDETERMINED

    @Test
    void shouldNotReadHistologyOrEcogOnAnOutOfScopeOrNotRecurrentPerson() {
        // when
        Assessment outOfScope = outOfScope().sites("liver").histology("8140/3").ecog(4).assess();
        Assessment notRecurrent = analCanal().code("00").histology("8052/0").ecog(3).assess();

        // then
        assertThat(outOfScope.flags()).isEmpty();
        assertThat(notRecurrent.orderedFlags()).containsExactly(ReviewFlag.NO_RECURRENCE_RECORDED);
    }

    @Test
    void shouldReadHistologyOnTheUndeterminedPathway() {
        // when
        Assessment assessment = analCanal().code("99").histology("8052/1").assess();

        // then
        assertThat(assessment.orderedFlags()).containsExactly(ReviewFlag.RECURRENCE_SITE_MISSING, ReviewFlag.PRIMARY_NOT_INVASIVE);
        assertThat(assessment.trialRule()).isEqualTo(TrialRule.T1);
    }
}
