package ca.trialpath.trials;

import static ca.trialpath.trials.Studies.RUN_DATE;
import static ca.trialpath.trials.Studies.criteria;
import static ca.trialpath.trials.Studies.open;
import static ca.trialpath.trials.Studies.person;
import static ca.trialpath.trials.Studies.site;
import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.guideline.Pathway;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.guideline.SurgeryPossible;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each criterion of trials.md MET, FAILED and UNKNOWN; match and near-miss rules; the order of a person's trials. */
class TrialMatcherTests {

    private final TrialMatcher matcher = new TrialMatcher(RUN_DATE);

    private Verdict verdict(Criterion criterion, Study study, TrialCriteria criteria, PersonFacts person) {
        return matcher.verdicts(study, criteria, person).get(criterion);
    }

    private Verdict verdict(Criterion criterion, TrialCriteria criteria, PersonFacts person) {
        return verdict(criterion, open("NCT00000001"), criteria, person);
    }

    private static PersonFacts p(LocalDate birth, String sex, String province, Pathway pathway, String histology,
            Integer ecog, Set<PriorTreatment> prior, SurgeryPossible surgery) {
        return new PersonFacts(birth, sex, province, pathway, histology, ecog, prior, surgery);
    }

    private static final PersonFacts P = person();

    @Nested
    class StudyWideCriteria {

        @Test
        void shouldMeetStatusOnlyWhenRecruiting() {
            // given
            Study closed = Studies.study("NCT00000002", "ACTIVE_NOT_RECRUITING", List.of("Anal Cancer"), List.of(),
                    "ALL", EligibleAge.NO_LIMIT, EligibleAge.NO_LIMIT, List.of(site("Toronto", "Ontario", true)));

            // when / then
            assertThat(verdict(Criterion.STATUS, open("NCT00000001"), TrialCriteria.NONE, P)).isEqualTo(Verdict.MET);
            assertThat(verdict(Criterion.STATUS, closed, TrialCriteria.NONE, P)).isEqualTo(Verdict.FAILED);
        }

        @Test
        void shouldMeetConditionForAnalCancerTermsOrConditionMatch() {
            // given
            Study basket = Studies.study("NCT00000003", "RECRUITING", List.of("Advanced Solid Tumor", "Canal stenosis"),
                    List.of(), "ALL", EligibleAge.NO_LIMIT, EligibleAge.NO_LIMIT, List.of(site("Toronto", "Ontario", true)));
            TrialCriteria conditionMatch = criteria(Set.of(), List.of(), null, Set.of(), Set.of(), null, true);

            // when / then
            for (String term : List.of("Carcinoma of the Anus", "Anal Canal Carcinoma", "anal margin cancer",
                    "Perianal Squamous Cell Carcinoma", "Anal Squamous Cell Carcinoma", "Anal Cancer")) {
                Study study = Studies.study("NCT00000004", "RECRUITING", List.of(term), List.of(), "ALL",
                        EligibleAge.NO_LIMIT, EligibleAge.NO_LIMIT, List.of(site("Toronto", "Ontario", true)));
                assertThat(verdict(Criterion.CONDITION, study, TrialCriteria.NONE, P)).as(term).isEqualTo(Verdict.MET);
            }
            assertThat(verdict(Criterion.CONDITION, basket, TrialCriteria.NONE, P)).isEqualTo(Verdict.FAILED);
            assertThat(verdict(Criterion.CONDITION, basket, conditionMatch, P)).isEqualTo(Verdict.MET);
        }

        @Test
        void shouldMeetConditionFromAKeyword() {
            // given
            Study study = new Study("NCT00000005", "t", "RECRUITING", List.of("Squamous Cell Carcinoma"),
                    List.of("anal canal"), List.of(), "ALL", EligibleAge.NO_LIMIT, EligibleAge.NO_LIMIT,
                    List.of(site("Toronto", "Ontario", true)));

            // when / then
            assertThat(verdict(Criterion.CONDITION, study, TrialCriteria.NONE, P)).isEqualTo(Verdict.MET);
        }

        @Test
        void shouldMeetLocationOnlyWithARecruitingCanadianSite() {
            // given
            Study us = Studies.withSites(open("NCT00000006"),
                    new Site("f", "Boston", "Massachusetts", "United States", null, true));
            Study closedSites = Studies.withSites(open("NCT00000007"), site("Ottawa", "Ontario", false));
            Study none = Studies.withSites(open("NCT00000008"));

            // when / then
            assertThat(verdict(Criterion.LOCATION, open("NCT00000001"), TrialCriteria.NONE, P)).isEqualTo(Verdict.MET);
            assertThat(verdict(Criterion.LOCATION, us, TrialCriteria.NONE, P)).isEqualTo(Verdict.FAILED);
            assertThat(verdict(Criterion.LOCATION, closedSites, TrialCriteria.NONE, P)).isEqualTo(Verdict.FAILED);
            assertThat(verdict(Criterion.LOCATION, none, TrialCriteria.NONE, P)).isEqualTo(Verdict.FAILED);
        }
    }

    @Nested
    class PersonCriteria {

        @Test
        void shouldJudgeAgeAtTheRunDateWithInclusiveLimits() {
            // given: 60 until tomorrow, 61 today
            Study adults = Studies.withAges(open("NCT00000001"), "18 Years", "60 Years");
            PersonFacts sixty = p(LocalDate.of(1965, 11, 28), "F", "ON", Pathway.DISTANT_METASTASIS, null, null, Set.of(), null);
            PersonFacts sixtyOne = p(LocalDate.of(1965, 11, 27), "F", "ON", Pathway.DISTANT_METASTASIS, null, null, Set.of(), null);
            PersonFacts noBirth = p(null, "F", "ON", Pathway.DISTANT_METASTASIS, null, null, Set.of(), null);

            // when / then
            assertThat(verdict(Criterion.AGE, adults, TrialCriteria.NONE, sixty)).isEqualTo(Verdict.MET);
            assertThat(verdict(Criterion.AGE, adults, TrialCriteria.NONE, sixtyOne)).isEqualTo(Verdict.FAILED);
            assertThat(verdict(Criterion.AGE, adults, TrialCriteria.NONE, noBirth)).isEqualTo(Verdict.UNKNOWN);
            assertThat(verdict(Criterion.AGE, Studies.withAges(adults, "N/A", "N/A"), TrialCriteria.NONE, noBirth))
                    .as("no limits: no birth date needed").isEqualTo(Verdict.MET);
            assertThat(verdict(Criterion.AGE, Studies.withAges(adults, "731 Months", null), TrialCriteria.NONE, sixty))
                    .isEqualTo(Verdict.MET);
            assertThat(verdict(Criterion.AGE, Studies.withAges(adults, "732 Months", null), TrialCriteria.NONE, sixty))
                    .isEqualTo(Verdict.FAILED);
        }

        @Test
        void shouldJudgeSex() {
            // given
            Study women = Studies.withSex(open("NCT00000001"), "FEMALE");

            // when / then
            assertThat(verdict(Criterion.SEX, women, TrialCriteria.NONE, P)).isEqualTo(Verdict.MET);
            for (String sex : new String[] {"M"}) {
                assertThat(verdict(Criterion.SEX, women, TrialCriteria.NONE, p(null, sex, null, Pathway.UNDETERMINED,
                        null, null, Set.of(), null))).isEqualTo(Verdict.FAILED);
            }
            for (String sex : new String[] {"X", "U", null}) {
                PersonFacts person = p(null, sex, null, Pathway.UNDETERMINED, null, null, Set.of(), null);
                assertThat(verdict(Criterion.SEX, women, TrialCriteria.NONE, person)).as(sex).isEqualTo(Verdict.UNKNOWN);
                assertThat(verdict(Criterion.SEX, open("NCT00000001"), TrialCriteria.NONE, person)).as("ALL")
                        .isEqualTo(Verdict.MET);
            }
            assertThat(verdict(Criterion.SEX, Studies.withSex(open("NCT00000001"), "MALE"), TrialCriteria.NONE, P))
                    .isEqualTo(Verdict.FAILED);
        }

        @Test
        void shouldJudgePathway() {
            // given
            TrialCriteria distant = criteria(Set.of(Pathway.DISTANT_METASTASIS), List.of(), null, Set.of(), Set.of(), null, false);
            PersonFacts local = p(null, "F", "ON", Pathway.LOCAL_RECURRENCE, null, null, Set.of(), null);
            PersonFacts undetermined = p(null, "F", "ON", Pathway.UNDETERMINED, null, null, Set.of(), null);

            // when / then
            assertThat(verdict(Criterion.PATHWAY, distant, P)).isEqualTo(Verdict.MET);
            assertThat(verdict(Criterion.PATHWAY, distant, local)).isEqualTo(Verdict.FAILED);
            assertThat(verdict(Criterion.PATHWAY, distant, undetermined)).isEqualTo(Verdict.UNKNOWN);
            assertThat(verdict(Criterion.PATHWAY, TrialCriteria.NONE, local)).as("not given").isEqualTo(Verdict.MET);
        }

        @Test
        void shouldJudgeHistologyByPrefix() {
            // given
            TrialCriteria squamous = criteria(Set.of(), List.of("807", "8123"), null, Set.of(), Set.of(), null, false);
            PersonFacts adeno = p(null, "F", "ON", Pathway.LOCAL_RECURRENCE, "8140/3", null, Set.of(), null);
            PersonFacts none = p(null, "F", "ON", Pathway.LOCAL_RECURRENCE, null, null, Set.of(), null);

            // when / then
            assertThat(verdict(Criterion.HISTOLOGY, squamous, P)).isEqualTo(Verdict.MET);
            assertThat(verdict(Criterion.HISTOLOGY, squamous, adeno)).isEqualTo(Verdict.FAILED);
            assertThat(verdict(Criterion.HISTOLOGY, squamous, none)).isEqualTo(Verdict.UNKNOWN);
            assertThat(verdict(Criterion.HISTOLOGY, TrialCriteria.NONE, none)).isEqualTo(Verdict.MET);
        }

        @Test
        void shouldJudgeEcog() {
            // given
            TrialCriteria fit = criteria(Set.of(), List.of(), 1, Set.of(), Set.of(), null, false);
            PersonFacts two = p(null, "F", "ON", Pathway.LOCAL_RECURRENCE, null, 2, Set.of(), null);
            PersonFacts none = p(null, "F", "ON", Pathway.LOCAL_RECURRENCE, null, null, Set.of(), null);

            // when / then
            assertThat(verdict(Criterion.ECOG, fit, P)).isEqualTo(Verdict.MET);
            assertThat(verdict(Criterion.ECOG, fit, two)).isEqualTo(Verdict.FAILED);
            assertThat(verdict(Criterion.ECOG, fit, none)).isEqualTo(Verdict.UNKNOWN);
            assertThat(verdict(Criterion.ECOG, TrialCriteria.NONE, none)).isEqualTo(Verdict.MET);
        }

        @Test
        void shouldJudgeRequiredPriorTreatments() {
            // given
            TrialCriteria afterChemoradiation = criteria(Set.of(), List.of(), null,
                    Set.of(PriorTreatment.CHEMORADIATION), Set.of(), null, false);
            PersonFacts surgeryOnly = p(null, "F", "ON", Pathway.LOCAL_RECURRENCE, null, null,
                    Set.of(PriorTreatment.SURGERY), null);
            PersonFacts none = p(null, "F", "ON", Pathway.LOCAL_RECURRENCE, null, null, Set.of(), null);

            // when / then
            assertThat(verdict(Criterion.PRIOR_REQUIRED, afterChemoradiation, P)).isEqualTo(Verdict.MET);
            assertThat(verdict(Criterion.PRIOR_REQUIRED, afterChemoradiation, surgeryOnly)).isEqualTo(Verdict.FAILED);
            assertThat(verdict(Criterion.PRIOR_REQUIRED, afterChemoradiation, none)).isEqualTo(Verdict.UNKNOWN);
            assertThat(verdict(Criterion.PRIOR_REQUIRED, TrialCriteria.NONE, none)).isEqualTo(Verdict.MET);
        }

        @Test
        void shouldJudgeExcludedPriorTreatments() {
            // given
            TrialCriteria noRadiation = criteria(Set.of(), List.of(), null, Set.of(),
                    Set.of(PriorTreatment.RADIATION, PriorTreatment.CHEMORADIATION), null, false);
            PersonFacts surgeryOnly = p(null, "F", "ON", Pathway.LOCAL_RECURRENCE, null, null,
                    Set.of(PriorTreatment.SURGERY), null);
            PersonFacts none = p(null, "F", "ON", Pathway.LOCAL_RECURRENCE, null, null, Set.of(), null);

            // when / then
            assertThat(verdict(Criterion.PRIOR_EXCLUDED, noRadiation, surgeryOnly)).isEqualTo(Verdict.MET);
            assertThat(verdict(Criterion.PRIOR_EXCLUDED, noRadiation, P)).isEqualTo(Verdict.FAILED);
            assertThat(verdict(Criterion.PRIOR_EXCLUDED, noRadiation, none)).isEqualTo(Verdict.UNKNOWN);
            assertThat(verdict(Criterion.PRIOR_EXCLUDED, TrialCriteria.NONE, none)).isEqualTo(Verdict.MET);
        }

        @Test
        void shouldJudgeSurgery() {
            // given
            TrialCriteria inoperable = criteria(Set.of(), List.of(), null, Set.of(), Set.of(), SurgeryPossible.NO, false);
            PersonFacts operable = p(null, "F", "ON", Pathway.LOCAL_RECURRENCE, null, null, Set.of(), SurgeryPossible.YES);
            PersonFacts unknown = p(null, "F", "ON", Pathway.LOCAL_RECURRENCE, null, null, Set.of(), SurgeryPossible.UNKNOWN);

            // when / then
            assertThat(verdict(Criterion.SURGERY, inoperable, P)).isEqualTo(Verdict.MET);
            assertThat(verdict(Criterion.SURGERY, inoperable, operable)).isEqualTo(Verdict.FAILED);
            assertThat(verdict(Criterion.SURGERY, inoperable, unknown)).isEqualTo(Verdict.UNKNOWN);
            assertThat(verdict(Criterion.SURGERY, TrialCriteria.NONE, unknown)).isEqualTo(Verdict.MET);
        }
    }

    @Nested
    class MatchesAndNearMisses {

        @Test
        void shouldMatchWithNoFailureAndListTheUnknownToVerify() {
            // given
            TrialCriteria c = criteria(Set.of(), List.of(), 0, Set.of(), Set.of(), null, false);
            PersonFacts noEcog = p(LocalDate.of(1966, 6, 1), "F", "ON", Pathway.DISTANT_METASTASIS, null, null,
                    Set.of(), null);

            // when
            TrialMatch match = matcher.judge(open("NCT00000001"), c, noEcog);

            // then
            assertThat(match.result()).isEqualTo(TrialMatch.Result.MATCH);
            assertThat(match.failedCriterion()).isNull();
            assertThat(match.toVerify()).containsExactly(Criterion.ECOG);
            assertThat(match.sitesInProvince()).isEqualTo(1);
            assertThat(match.sitesInCanada()).isEqualTo(1);
            assertThat(match.siteCities()).containsExactly("Toronto");
        }

        @Test
        void shouldCallExactlyOnePersonFailureANearMiss() {
            // given
            TrialCriteria c = criteria(Set.of(Pathway.LOCAL_RECURRENCE), List.of(), null, Set.of(), Set.of(), null, false);

            // when
            TrialMatch nearMiss = matcher.judge(open("NCT00000001"), c, P);

            // then
            assertThat(nearMiss.result()).isEqualTo(TrialMatch.Result.NEAR_MISS);
            assertThat(nearMiss.failedCriterion()).isEqualTo(Criterion.PATHWAY);
        }

        @Test
        void shouldDropTwoFailures() {
            // given
            TrialCriteria c = criteria(Set.of(Pathway.LOCAL_RECURRENCE), List.of(), 0, Set.of(), Set.of(), null, false);

            // when / then
            assertThat(matcher.judge(open("NCT00000001"), c, P)).isNull();
        }

        @Test
        void shouldNeverCallAStatusConditionOrLocationFailureANearMiss() {
            // given
            Study closed = Studies.study("NCT00000002", "COMPLETED", List.of("Anal Cancer"), List.of(), "ALL",
                    EligibleAge.NO_LIMIT, EligibleAge.NO_LIMIT, List.of(site("Toronto", "Ontario", true)));
            Study otherCancer = Studies.study("NCT00000003", "RECRUITING", List.of("Lung Cancer"), List.of(), "ALL",
                    EligibleAge.NO_LIMIT, EligibleAge.NO_LIMIT, List.of(site("Toronto", "Ontario", true)));
            Study usOnly = Studies.withSites(open("NCT00000004"),
                    new Site("f", "Boston", "Massachusetts", "United States", null, true));

            // when / then
            assertThat(matcher.judge(closed, TrialCriteria.NONE, P)).isNull();
            assertThat(matcher.judge(otherCancer, TrialCriteria.NONE, P)).isNull();
            assertThat(matcher.judge(usOnly, TrialCriteria.NONE, P)).isNull();
            assertThat(matcher.add(closed, null)).isFalse();
            assertThat(matcher.add(otherCancer, null)).isFalse();
            assertThat(matcher.add(usOnly, null)).isFalse();
            assertThat(matcher.indexed()).isZero();
            assertThat(matcher.match(P)).isEmpty();
        }

        @Test
        void shouldIndexOnlyStudiesSomeoneCouldMatch() {
            // given
            matcher.add(open("NCT00000001"), null);
            matcher.add(Studies.withSites(open("NCT00000002"), site("Ottawa", "Ontario", false)), null);

            // when
            List<TrialMatch> matches = matcher.match(P);

            // then
            assertThat(matcher.indexed()).isEqualTo(1);
            assertThat(matches).extracting(TrialMatch::nctId).containsExactly("NCT00000001");
        }
    }

    @Nested
    class Order {

        @Test
        void shouldPutSitesInTheProvinceFirstThenFewerUnknownThenLaterPhaseThenNctId() {
            // given: all match the Ontario woman
            TrialCriteria ecog = criteria(Set.of(), List.of(), 4, Set.of(), Set.of(), null, false);
            PersonFacts noEcog = p(LocalDate.of(1966, 6, 1), "F", "ON", Pathway.DISTANT_METASTASIS, "8070/3", null,
                    Set.of(), null);
            Study quebecPhase3 = Studies.withPhases(Studies.withSites(open("NCT00000001"), site("Montréal", "Québec", true)), "PHASE3");
            Study ontarioUnknown = Studies.withPhases(open("NCT00000002"), "PHASE3");
            Study ontarioPhase1 = Studies.withPhases(open("NCT00000003"), "PHASE1");
            Study ontarioPhase12 = Studies.withPhases(open("NCT00000004"), "PHASE1", "PHASE2");
            Study ontarioPhase2b = Studies.withPhases(open("NCT00000005"), "PHASE2");
            Study ontarioNa = Studies.withPhases(open("NCT00000006"), "NA");
            Study ontarioEarly = Studies.withPhases(open("NCT00000007"), "EARLY_PHASE1");
            matcher.add(quebecPhase3, null);
            matcher.add(ontarioUnknown, ecog);
            matcher.add(ontarioPhase1, null);
            matcher.add(ontarioPhase12, null);
            matcher.add(ontarioPhase2b, null);
            matcher.add(ontarioNa, null);
            matcher.add(ontarioEarly, null);

            // when
            List<TrialMatch> matches = matcher.match(noEcog);

            // then
            assertThat(matches).extracting(TrialMatch::nctId).containsExactly(
                    "NCT00000004", "NCT00000005", // phase 2 (PHASE1|PHASE2 counts as 2), NCT id order
                    "NCT00000003", "NCT00000007", "NCT00000006", // phase 1, early phase 1, NA
                    "NCT00000002", // in Ontario but one criterion to verify
                    "NCT00000001"); // no site in Ontario
        }

        @Test
        void shouldNotPreferAnyStudyWhenTheProvinceIsMissing() {
            // given
            PersonFacts nowhere = p(LocalDate.of(1966, 6, 1), "F", null, Pathway.DISTANT_METASTASIS, "8070/3", 1,
                    Set.of(PriorTreatment.CHEMORADIATION), SurgeryPossible.NO);
            matcher.add(Studies.withSites(open("NCT00000002"), site("Montréal", "Québec", true)), null);
            matcher.add(open("NCT00000001"), null);

            // when
            List<TrialMatch> matches = matcher.match(nowhere);

            // then
            assertThat(matches).extracting(TrialMatch::nctId).containsExactly("NCT00000001", "NCT00000002");
            assertThat(matches).allSatisfy(m -> assertThat(m.sitesInProvince()).isZero());
        }
    }

    @Nested
    class Memory {

        @Test
        void shouldHoldOnePersonsMatchesPerThreadHoweverManyPeopleWaitAndHoweverLargeTheCatalogue() {
            // given: a catalogue where every study is open to everyone, and a chunk of people waiting to be written
            for (int i = 1; i <= 2_000; i++) {
                matcher.add(open(String.format("NCT%08d", i)), null);
            }
            List<List<TrialMatch>> chunk = new java.util.ArrayList<>();

            // when
            for (int person = 0; person < 1_000; person++) {
                chunk.add(matcher.match(P));
            }

            // then: nothing is worked out while they wait (2,000,000 matches at once before)
            assertThat(matcher.materializedOnThisThread()).isZero();

            // and the writer reading them one after the other holds one person's list at a time, each whole
            for (List<TrialMatch> matches : chunk.subList(0, 3)) {
                assertThat(matches).hasSize(2_000);
                assertThat(matches.get(0).nctId()).isEqualTo("NCT00000001");
                assertThat(matcher.materializedOnThisThread()).isEqualTo(1);
            }
        }

        @Test
        void shouldGiveTheSameMatchesWhenAListIsReadAgainAfterAnothersAndOnAnotherThread() throws Exception {
            // given
            matcher.add(open("NCT00000002"), null);
            matcher.add(Studies.withPhases(open("NCT00000001"), "PHASE3"), null);
            List<TrialMatch> first = matcher.match(P);
            List<TrialMatch> second = matcher.match(P);

            // when
            List<String> firstRead = first.stream().map(TrialMatch::nctId).toList();
            List<String> secondRead = second.stream().map(TrialMatch::nctId).toList();
            List<String> firstAgain = first.stream().map(TrialMatch::nctId).toList();
            java.util.concurrent.FutureTask<List<String>> elsewhere = new java.util.concurrent.FutureTask<>(
                    () -> first.stream().map(TrialMatch::nctId).toList());
            new Thread(elsewhere).start();

            // then
            assertThat(firstRead).containsExactly("NCT00000001", "NCT00000002").isEqualTo(secondRead)
                    .isEqualTo(firstAgain).isEqualTo(elsewhere.get());
        }
    }
}
