package ca.trialpath.screening;

import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.TrialMatch.Result;
import ca.trialpath.trials.Verdict;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Small pairs, facts and decisions for the screening tests. */
final class Pairs {

    static final LocalDate NIGHT_1 = LocalDate.of(2026, 11, 27);
    static final LocalDate NIGHT_2 = NIGHT_1.plusDays(1);
    static final LocalDate NIGHT_3 = NIGHT_1.plusDays(2);
    static final PairKey KEY = new PairKey("TP-26-0001", "NCT99000007");

    private Pairs() {
    }

    static Map<Criterion, Verdict> allMet() {
        Map<Criterion, Verdict> verdicts = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            verdicts.put(criterion, Verdict.MET);
        }
        return verdicts;
    }

    static PairFacts facts(Result result) {
        return new PairFacts(result, "LOCAL_RECURRENCE", List.of("LR1"), allMet(), "v1");
    }

    static TonightsMatch match(PairKey key, PairFacts facts) {
        return new TonightsMatch(key, "[SAMPLE] a study", facts, List.of(), true, LocalDate.of(2024, 1, 1));
    }

    static TonightsMatch match(PairKey key, Result result) {
        return match(key, facts(result));
    }

    static TonightsMatch match(PairKey key, boolean inProvince, int toVerify, LocalDate recurrence) {
        return new TonightsMatch(key, "t", facts(Result.MATCH), List.of(Criterion.values()).subList(3, 3 + toVerify),
                inProvince, recurrence);
    }

    static Decision decision(ScreeningStatus status, LocalDate date) {
        return new Decision(status, date, status.needsReason() ? "ECOG 3" : "",
                status.needsRevisitDate() ? date.plusDays(30) : null, "AB", "");
    }
}
