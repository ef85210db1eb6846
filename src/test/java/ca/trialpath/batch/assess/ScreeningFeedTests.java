package ca.trialpath.batch.assess;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.guideline.Assessment;
import ca.trialpath.guideline.GuidelineAssessor;
import ca.trialpath.output.People;
import ca.trialpath.screening.TonightsMatch;
import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.Study;
import ca.trialpath.trials.TrialMatch;
import ca.trialpath.trials.Verdict;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class ScreeningFeedTests {

    @TempDir
    Path internal;

    private static final PatientRecord PERSON = People.person("a.csv", 2, "P1", "F", "QC", "anal_canal",
            "chemoradiation", "");
    private static final Assessment ASSESSMENT = GuidelineAssessor.assess(PERSON.toCase());

    private static TrialMatch match(String nctId) {
        Study study = new Study(nctId, "title of " + nctId, "RECRUITING", List.of(), List.of(), List.of(), "ALL",
                null, null, List.of());
        Map<Criterion, Verdict> verdicts = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            verdicts.put(criterion, Verdict.MET);
        }
        return new TrialMatch(study, null, TrialMatch.Result.MATCH, verdicts, null, List.of(), 1, 1, List.of());
    }

    private List<TonightsMatch> writeThreePeopleOfTwoPairs(int maxPairs) throws Exception {
        ScreeningFeed feed = new ScreeningFeed(internal, maxPairs);
        ExecutionContext context = new ExecutionContext();
        feed.open(context);
        for (String id : List.of("P1", "P2", "P3")) {
            feed.write(id, "QC", ASSESSMENT, null, List.of(match("NCT1"), match("NCT2")));
        }
        feed.update(context);
        feed.close();
        assertThat(context.getLong(ScreeningFeed.PAIRS)).as("every pair is counted").isEqualTo(6);
        return ScreeningFeed.read(List.of(internal.resolve(ScreeningFeed.FILE)));
    }

    @Test
    void shouldHoldEveryPairWhenThePartitionHasNoMoreThanTheLimit() throws Exception {
        // when
        List<TonightsMatch> pairs = writeThreePeopleOfTwoPairs(6);

        // then
        assertThat(pairs).hasSize(6);
        assertThat(pairs.get(5).key().patientId()).isEqualTo("P3");
        assertThat(pairs.get(5).key().nctId()).isEqualTo("NCT2");
    }

    @Test
    void shouldStopWritingOncePastTheLimitSoThatItsRowsFallShortOfThePairs() throws Exception {
        // when: the second person takes it to 4, past 3
        List<TonightsMatch> pairs = writeThreePeopleOfTwoPairs(3);

        // then
        assertThat(pairs).extracting(pair -> pair.key().patientId()).containsExactly("P1", "P1");
    }

    @Test
    void shouldGoOnCountingFromTheLastCommitWhenRestarted() throws Exception {
        // given: a first execution committed 2 pairs
        ScreeningFeed first = new ScreeningFeed(internal, 3);
        ExecutionContext context = new ExecutionContext();
        first.open(context);
        first.write("P1", "QC", ASSESSMENT, null, List.of(match("NCT1"), match("NCT2")));
        first.update(context);
        first.close();

        // when: the restart writes 2 more
        ScreeningFeed restarted = new ScreeningFeed(internal, 3);
        restarted.open(context);
        restarted.write("P2", "QC", ASSESSMENT, null, List.of(match("NCT1"), match("NCT2")));
        restarted.update(context);
        restarted.close();

        // then
        assertThat(context.getLong(ScreeningFeed.PAIRS)).isEqualTo(4);
        assertThat(ScreeningFeed.read(List.of(internal.resolve(ScreeningFeed.FILE)))).hasSize(2);
    }
}
