package ca.trialpath.batch.assess;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.Study;
import ca.trialpath.trials.TrialCriteria;
import ca.trialpath.trials.TrialMatch;
import ca.trialpath.trials.Verdict;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialTallyTests {

    private static TrialMatch match(String nctId, TrialMatch.Result result) {
        Study study = new Study(nctId, "title", "RECRUITING", List.of(), List.of(), List.of(), "ALL", null, null,
                List.of());
        Map<Criterion, Verdict> verdicts = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            verdicts.put(criterion, Verdict.MET);
        }
        return new TrialMatch(study, null, result, verdicts,
                result == TrialMatch.Result.MATCH ? null : Criterion.values()[3], List.of(), 0, 0, List.of());
    }

    private static final TrialMatch.Result MATCH = TrialMatch.Result.MATCH;
    private static final TrialMatch.Result NEAR = TrialMatch.Result.NEAR_MISS;

    @Test
    void shouldCountCandidatesNearMissesAndPeople() {
        // given
        TrialTally tally = new TrialTally();

        // when
        tally.person(List.of(match("NCT1", MATCH), match("NCT2", NEAR)));
        tally.person(List.of(match("NCT2", NEAR)));
        tally.person(List.of());
        tally.person(null);
        tally.person(List.of(match("NCT1", NEAR), match("NCT2", MATCH)));

        // then
        assertThat(tally.candidates("NCT1")).isEqualTo(1);
        assertThat(tally.nearMisses("NCT1")).isEqualTo(1);
        assertThat(tally.candidates("NCT2")).isEqualTo(1);
        assertThat(tally.nearMisses("NCT2")).isEqualTo(2);
        assertThat(tally.rows("NCT2")).isEqualTo(3);
        assertThat(tally.candidates("NCT9")).isZero();
        assertThat(tally.matches()).isEqualTo(2);
        assertThat(tally.nearMisses()).isEqualTo(3);
        assertThat(tally.peopleWithMatch()).isEqualTo(2);
        assertThat(tally.peopleWithNearMissOnly()).isEqualTo(1);
    }

    @Test
    void shouldComeBackFromItsSnapshotWhateverTheNumberType() {
        // given
        TrialTally tally = new TrialTally();
        tally.person(List.of(match("NCT1", MATCH), match("NCT2", NEAR)));
        Map<String, Long> saved = tally.snapshot();

        // when: as saved, and as a JSON execution context may give it back (small numbers as Integer)
        TrialTally restored = TrialTally.of(saved);
        Map<String, Integer> asIntegers = new java.util.LinkedHashMap<>();
        saved.forEach((key, value) -> asIntegers.put(key, value.intValue()));

        // then
        assertThat(restored.snapshot()).isEqualTo(saved);
        assertThat(TrialTally.of(asIntegers).snapshot()).isEqualTo(saved);
        assertThat(TrialTally.of(null).snapshot()).containsOnlyKeys("people.with_match", "people.with_near_miss_only");
    }

    @Test
    void shouldAddUpThePartsOfARun() {
        // given
        TrialTally first = new TrialTally();
        first.person(List.of(match("NCT1", MATCH)));
        TrialTally second = new TrialTally();
        second.person(List.of(match("NCT1", NEAR), match("NCT2", NEAR)));
        second.person(List.of(match("NCT1", MATCH)));

        // when
        TrialTally sum = TrialTally.merge(List.of(first, second));

        // then
        assertThat(sum.candidates("NCT1")).isEqualTo(2);
        assertThat(sum.nearMisses("NCT1")).isEqualTo(1);
        assertThat(sum.nearMisses("NCT2")).isEqualTo(1);
        assertThat(sum.peopleWithMatch()).isEqualTo(2);
        assertThat(sum.peopleWithNearMissOnly()).isEqualTo(1);
        assertThat(first.candidates("NCT1")).as("the parts unchanged").isEqualTo(1);
    }
}
