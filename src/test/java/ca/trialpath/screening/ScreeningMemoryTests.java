package ca.trialpath.screening;

import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.TrialMatch.Result;
import ca.trialpath.trials.Verdict;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static ca.trialpath.screening.Pairs.*;
import static ca.trialpath.screening.ScreeningStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

class ScreeningMemoryTests {

    private static ScreeningPair only(ScreeningNight night) {
        assertThat(night.pairs()).hasSize(1);
        return night.pairs().get(0);
    }

    private static ScreeningNight night(LocalDate date, List<RememberedPair> before, List<TonightsMatch> matches,
            Map<PairKey, Decision> file) {
        return ScreeningMemory.tonight(date, before, matches, file);
    }

    /** Night 1 sees the pair, the coordinator decides {@code decision}; night 2 sees {@code facts2}. */
    private static ScreeningPair decidedThenSeen(Decision decision, LocalDate night2, PairFacts facts2) {
        ScreeningNight first = night(NIGHT_1, List.of(), List.of(match(KEY, facts(Result.MATCH))), Map.of(KEY, decision));
        return only(night(night2, first.memory(), List.of(match(KEY, facts2)), Map.of()));
    }

    // ---- a pair's first night

    @Test
    void shouldMarkAPairFirstSeenTonightNewAndPutAMatchFirst() {
        ScreeningPair pair = only(night(NIGHT_1, List.of(), List.of(match(KEY, Result.MATCH)), Map.of()));
        assertThat(pair.decision()).isEqualTo(Decision.firstSeen(NIGHT_1));
        assertThat(pair.newTonight()).isTrue();
        assertThat(pair.firstSeen()).isEqualTo(NIGHT_1);
        assertThat(pair.group()).isEqualTo(WorklistGroup.NEW_MATCH);
    }

    @Test
    void shouldNotMarkNewOnTheSecondNightNobodyActed() {
        ScreeningNight first = night(NIGHT_1, List.of(), List.of(match(KEY, Result.MATCH)), Map.of());
        ScreeningPair pair = only(night(NIGHT_2, first.memory(), List.of(match(KEY, Result.MATCH)), Map.of()));
        assertThat(pair.decision().status()).isEqualTo(NEW);
        assertThat(pair.newTonight()).isFalse();
        assertThat(pair.firstSeen()).isEqualTo(NIGHT_1);
        assertThat(pair.memory().history()).hasSize(1);
    }

    @Test
    void shouldListANewNearMissAfterTheWorkInProgress() {
        ScreeningPair pair = only(night(NIGHT_1, List.of(), List.of(match(KEY, Result.NEAR_MISS)), Map.of()));
        assertThat(pair.group()).isEqualTo(WorklistGroup.NEW_NEAR_MISS);
    }

    // ---- the coordinator's file and the history

    @Test
    void shouldCarryAStatusOverANightWithoutTheFile() {
        Decision pending = decision(PENDING, NIGHT_1);
        ScreeningNight first = night(NIGHT_1, List.of(), List.of(match(KEY, Result.MATCH)), Map.of(KEY, pending));
        ScreeningPair pair = only(night(NIGHT_2, first.memory(), List.of(match(KEY, Result.MATCH)), Map.of()));
        assertThat(pair.decision()).isEqualTo(pending);
        assertThat(pair.group()).isEqualTo(WorklistGroup.IN_PROGRESS);
    }

    @Test
    void shouldTakeTheFileWhenItIsDatedLater() {
        ScreeningNight first = night(NIGHT_1, List.of(), List.of(match(KEY, Result.MATCH)),
                Map.of(KEY, decision(PENDING, NIGHT_1)));
        Decision contacted = decision(CONTACTED, NIGHT_2);
        ScreeningNight second = night(NIGHT_2, first.memory(), List.of(match(KEY, Result.MATCH)), Map.of(KEY, contacted));
        assertThat(only(second).decision()).isEqualTo(contacted);
        assertThat(second.olderThanHistory()).isEmpty();
    }

    @Test
    void shouldTakeTheFileOnTheSameDate() {
        ScreeningNight first = night(NIGHT_1, List.of(), List.of(match(KEY, Result.MATCH)),
                Map.of(KEY, decision(PENDING, NIGHT_1)));
        Decision sameDay = decision(ELIGIBLE, NIGHT_1);
        ScreeningPair pair = only(night(NIGHT_2, first.memory(), List.of(match(KEY, Result.MATCH)), Map.of(KEY, sameDay)));
        assertThat(pair.decision()).isEqualTo(sameDay);
    }

    @Test
    void shouldKeepTheHistoryWhenTheFileIsOlder() {
        ScreeningNight first = night(NIGHT_2, List.of(), List.of(match(KEY, Result.MATCH)),
                Map.of(KEY, decision(CONTACTED, NIGHT_2)));
        // last week's copy of the file, given back by mistake
        ScreeningNight second = night(NIGHT_3, first.memory(), List.of(match(KEY, Result.MATCH)),
                Map.of(KEY, decision(PENDING, NIGHT_1)));
        assertThat(only(second).decision().status()).isEqualTo(CONTACTED);
        assertThat(second.olderThanHistory()).containsExactly(KEY);
    }

    @Test
    void shouldKeepEveryChangeOfStatusWithItsDate() {
        ScreeningNight first = night(NIGHT_1, List.of(), List.of(match(KEY, Result.MATCH)), Map.of());
        ScreeningNight second = night(NIGHT_2, first.memory(), List.of(match(KEY, Result.MATCH)),
                Map.of(KEY, decision(PENDING, NIGHT_2)));
        ScreeningNight third = night(NIGHT_3, second.memory(), List.of(match(KEY, Result.MATCH)),
                Map.of(KEY, decision(ENROLLED, NIGHT_3)));
        assertThat(only(third).memory().history()).extracting(Decision::status, Decision::statusDate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NEW, NIGHT_1),
                        org.assertj.core.groups.Tuple.tuple(PENDING, NIGHT_2),
                        org.assertj.core.groups.Tuple.tuple(ENROLLED, NIGHT_3));
    }

    @Test
    void shouldAddNothingToTheHistoryWhenTheFileSaysWhatItHolds() {
        Decision pending = decision(PENDING, NIGHT_1);
        ScreeningNight first = night(NIGHT_1, List.of(), List.of(match(KEY, Result.MATCH)), Map.of(KEY, pending));
        ScreeningPair pair = only(night(NIGHT_2, first.memory(), List.of(match(KEY, Result.MATCH)), Map.of(KEY, pending)));
        assertThat(pair.memory().history()).containsExactly(pending);
    }

    @Test
    void shouldKeepAPairOfSomebodyNotInTonightsRunAsItIs() {
        Decision eligible = decision(ELIGIBLE, NIGHT_1);
        ScreeningPair pair = only(night(NIGHT_2, List.of(), List.of(), Map.of(KEY, eligible)));
        assertThat(pair.decision()).isEqualTo(eligible);
        assertThat(pair.stillMatching()).isFalse();
        assertThat(pair.firstSeen()).isNull();
        assertThat(pair.group()).isEqualTo(WorklistGroup.NOT_ON_WORKLIST);
    }

    @Test
    void shouldKeepAPairThatNoLongerMatchesOffTheWorklist() {
        ScreeningNight first = night(NIGHT_1, List.of(), List.of(match(KEY, Result.MATCH)),
                Map.of(KEY, decision(CONTACTED, NIGHT_1)));
        ScreeningPair pair = only(night(NIGHT_2, first.memory(), List.of(), Map.of()));
        assertThat(pair.stillMatching()).isFalse();
        assertThat(pair.decision().status()).isEqualTo(CONTACTED);
        assertThat(pair.group()).isEqualTo(WorklistGroup.NOT_ON_WORKLIST);
        assertThat(pair.result()).isNull();
    }

    // ---- reopened

    @Test
    void shouldReopenANotEligiblePairWhenAVerdictChangesAfterItsDate() {
        PairFacts changed = new PairFacts(Result.MATCH, "LOCAL_RECURRENCE", List.of("LR1"),
                withVerdict(Criterion.ECOG, Verdict.UNKNOWN), "v1");
        ScreeningPair pair = decidedThenSeen(decision(NOT_ELIGIBLE, NIGHT_1), NIGHT_2, changed);
        assertThat(pair.reopenedBecause()).containsExactly("ECOG MET to UNKNOWN");
        assertThat(pair.group()).isEqualTo(WorklistGroup.REOPENED);
        assertThat(pair.decision().status()).isEqualTo(NOT_ELIGIBLE);
    }

    @Test
    void shouldNotReopenWhenNothingChanged() {
        ScreeningPair pair = decidedThenSeen(decision(NOT_ELIGIBLE, NIGHT_1), NIGHT_2, facts(Result.MATCH));
        assertThat(pair.reopened()).isFalse();
        assertThat(pair.group()).isEqualTo(WorklistGroup.NOT_ON_WORKLIST);
    }

    @Test
    void shouldReopenADeclinedPairWhenThePathwayChanges() {
        PairFacts changed = new PairFacts(Result.MATCH, "DISTANT_METASTASIS", List.of("LR1"), allMet(), "v1");
        ScreeningPair pair = decidedThenSeen(decision(DECLINED, NIGHT_1), NIGHT_2, changed);
        assertThat(pair.reopenedBecause()).containsExactly("pathway LOCAL_RECURRENCE to DISTANT_METASTASIS");
    }

    @Test
    void shouldReopenADeferredPairWhenTheOptionsChange() {
        PairFacts changed = new PairFacts(Result.MATCH, "LOCAL_RECURRENCE", List.of("LR1", "LR2"), allMet(), "v1");
        ScreeningPair pair = decidedThenSeen(decision(DEFERRED, NIGHT_1), NIGHT_2, changed);
        assertThat(pair.reopenedBecause()).containsExactly("options LR1 to LR1;LR2");
        assertThat(pair.group()).isEqualTo(WorklistGroup.REOPENED);
    }

    @Test
    void shouldReopenWhenTheResultChanges() {
        ScreeningPair pair = decidedThenSeen(decision(NOT_ELIGIBLE, NIGHT_1), NIGHT_2, facts(Result.NEAR_MISS));
        assertThat(pair.reopenedBecause()).containsExactly("result MATCH to NEAR_MISS");
    }

    @Test
    void shouldReopenWhenTheTrialsCuratedCriteriaChange() {
        PairFacts changed = new PairFacts(Result.MATCH, "LOCAL_RECURRENCE", List.of("LR1"), allMet(), "v2");
        ScreeningPair pair = decidedThenSeen(decision(NOT_ELIGIBLE, NIGHT_1), NIGHT_2, changed);
        assertThat(pair.reopenedBecause()).containsExactly("trial criteria changed");
    }

    @Test
    void shouldNotReopenForAChangeSeenBeforeOrOnTheDecisionsDate() {
        // night 2 sees the change; the coordinator decides on night 2's page, dated night 2
        PairFacts changed = new PairFacts(Result.MATCH, "DISTANT_METASTASIS", List.of("LR1"), allMet(), "v1");
        ScreeningNight first = night(NIGHT_1, List.of(), List.of(match(KEY, facts(Result.MATCH))), Map.of());
        ScreeningNight second = night(NIGHT_2, first.memory(), List.of(match(KEY, changed)), Map.of());
        ScreeningNight third = night(NIGHT_3, second.memory(), List.of(match(KEY, changed)),
                Map.of(KEY, decision(NOT_ELIGIBLE, NIGHT_2)));
        assertThat(only(third).reopened()).isFalse();
        assertThat(only(third).memory().factChanges()).isEmpty();
    }

    @Test
    void shouldNotReopenAnEnrolledPair() {
        PairFacts changed = new PairFacts(Result.MATCH, "DISTANT_METASTASIS", List.of("LR1"), allMet(), "v1");
        ScreeningPair pair = decidedThenSeen(decision(ENROLLED, NIGHT_1), NIGHT_2, changed);
        assertThat(pair.reopened()).isFalse();
        assertThat(pair.group()).isEqualTo(WorklistGroup.NOT_ON_WORKLIST);
    }

    @Test
    void shouldNotReopenAnOpenPairButKeepItInProgress() {
        PairFacts changed = new PairFacts(Result.MATCH, "DISTANT_METASTASIS", List.of("LR1"), allMet(), "v1");
        ScreeningPair pair = decidedThenSeen(decision(CONTACTED, NIGHT_1), NIGHT_2, changed);
        assertThat(pair.reopened()).isFalse();
        assertThat(pair.group()).isEqualTo(WorklistGroup.IN_PROGRESS);
    }

    @Test
    void shouldStayReopenedOnLaterNightsUntilANewDecision() {
        PairFacts changed = new PairFacts(Result.MATCH, "DISTANT_METASTASIS", List.of("LR1"), allMet(), "v1");
        ScreeningNight first = night(NIGHT_1, List.of(), List.of(match(KEY, facts(Result.MATCH))),
                Map.of(KEY, decision(NOT_ELIGIBLE, NIGHT_1)));
        ScreeningNight second = night(NIGHT_2, first.memory(), List.of(match(KEY, changed)), Map.of());
        ScreeningNight third = night(NIGHT_3, second.memory(), List.of(match(KEY, changed)), Map.of());
        assertThat(only(third).reopenedBecause()).containsExactly("pathway LOCAL_RECURRENCE to DISTANT_METASTASIS");
        ScreeningNight decided = night(NIGHT_3, second.memory(), List.of(match(KEY, changed)),
                Map.of(KEY, decision(DECLINED, NIGHT_3)));
        assertThat(only(decided).reopened()).isFalse();
    }

    @Test
    void shouldNotShowAReopenedPairThatNoLongerMatches() {
        ScreeningNight first = night(NIGHT_1, List.of(), List.of(match(KEY, facts(Result.MATCH))),
                Map.of(KEY, decision(NOT_ELIGIBLE, NIGHT_1)));
        ScreeningPair pair = only(night(NIGHT_2, first.memory(), List.of(), Map.of()));
        assertThat(pair.reopened()).isFalse();
        assertThat(pair.memory().factChanges()).extracting(FactChange::what).containsExactly("result MATCH to none");
    }

    // ---- deferred and closed

    @Test
    void shouldBringADeferredPairBackOnItsRevisitDate() {
        Decision deferred = new Decision(DEFERRED, NIGHT_1, "", NIGHT_3, "", "after the scan");
        ScreeningNight first = night(NIGHT_1, List.of(), List.of(match(KEY, Result.MATCH)), Map.of(KEY, deferred));
        assertThat(only(first).group()).isEqualTo(WorklistGroup.NOT_ON_WORKLIST);
        ScreeningNight second = night(NIGHT_2, first.memory(), List.of(match(KEY, Result.MATCH)), Map.of());
        assertThat(only(second).group()).isEqualTo(WorklistGroup.NOT_ON_WORKLIST);
        ScreeningNight third = night(NIGHT_3, second.memory(), List.of(match(KEY, Result.MATCH)), Map.of());
        assertThat(only(third).group()).isEqualTo(WorklistGroup.REVISIT_DUE);
    }

    @Test
    void shouldKeepClosedStatusesOffTheWorklistAndCountThem() {
        PairKey declined = new PairKey("TP-26-0002", "NCT99000001");
        PairKey enrolled = new PairKey("TP-26-0003", "NCT99000001");
        ScreeningNight tonight = night(NIGHT_2, List.of(),
                List.of(match(KEY, Result.MATCH), match(declined, Result.MATCH), match(enrolled, Result.MATCH)),
                Map.of(declined, decision(DECLINED, NIGHT_1), enrolled, decision(ENROLLED, NIGHT_1)));
        assertThat(tonight.worklist()).extracting(ScreeningPair::key).containsExactly(KEY);
        assertThat(tonight.countsByStatus()).containsEntry(NEW, 1L).containsEntry(DECLINED, 1L)
                .containsEntry(ENROLLED, 1L).containsEntry(PENDING, 0L).hasSize(ScreeningStatus.values().length);
    }

    // ---- order

    @Test
    void shouldRankTheWorklistByGroupThenProvinceThenToVerifyThenRecurrence() {
        LocalDate early = LocalDate.of(2022, 1, 1);
        LocalDate late = LocalDate.of(2025, 1, 1);
        PairKey inProgress = new PairKey("A", "NCT00000001");
        PairKey outOfProvince = new PairKey("B", "NCT00000001");
        PairKey twoToVerify = new PairKey("C", "NCT00000001");
        PairKey lateRecurrence = new PairKey("D", "NCT00000001");
        PairKey best = new PairKey("E", "NCT00000001");
        PairKey unknownRecurrence = new PairKey("F", "NCT00000001");
        PairKey closed = new PairKey("0", "NCT00000001");
        ScreeningNight tonight = night(NIGHT_1, List.of(), List.of(
                match(inProgress, true, 0, early), match(outOfProvince, false, 0, early),
                match(twoToVerify, true, 2, early), match(lateRecurrence, true, 0, late),
                match(best, true, 0, early), match(unknownRecurrence, true, 0, null), match(closed, true, 0, early)),
                Map.of(inProgress, decision(PENDING, NIGHT_1), closed, decision(NOT_ELIGIBLE, NIGHT_1)));
        assertThat(tonight.pairs()).extracting(ScreeningPair::key).containsExactly(
                best, lateRecurrence, unknownRecurrence, twoToVerify, outOfProvince, inProgress, closed);
    }

    @Test
    void shouldListTheOthersByPatientThenTrial() {
        PairKey a2 = new PairKey("A", "NCT00000002");
        PairKey a1 = new PairKey("A", "NCT00000001");
        PairKey b1 = new PairKey("B", "NCT00000001");
        ScreeningNight tonight = night(NIGHT_1, List.of(), List.of(),
                Map.of(b1, decision(ENROLLED, NIGHT_1), a2, decision(PENDING, NIGHT_1), a1, decision(NEW, NIGHT_1)));
        assertThat(tonight.pairs()).extracting(ScreeningPair::key).containsExactly(a1, a2, b1);
    }

    @Test
    void shouldGiveTheSamePairsOnARerun() {
        ScreeningNight first = night(NIGHT_1, List.of(), List.of(match(KEY, Result.MATCH)),
                Map.of(KEY, decision(NOT_ELIGIBLE, NIGHT_1)));
        PairFacts changed = new PairFacts(Result.NEAR_MISS, "LOCAL_RECURRENCE", List.of("LR1"), allMet(), "v1");
        ScreeningNight once = night(NIGHT_2, first.memory(), List.of(match(KEY, changed)), Map.of());
        ScreeningNight again = night(NIGHT_2, first.memory(), List.of(match(KEY, changed)), Map.of());
        assertThat(again).isEqualTo(once);
    }

    private static Map<Criterion, Verdict> withVerdict(Criterion criterion, Verdict verdict) {
        Map<Criterion, Verdict> verdicts = allMet();
        verdicts.put(criterion, verdict);
        return verdicts;
    }
}
