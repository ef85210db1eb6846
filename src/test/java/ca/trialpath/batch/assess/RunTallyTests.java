package ca.trialpath.batch.assess;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.guideline.Pathway;
import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.guideline.TreatmentOption;
import ca.trialpath.guideline.TrialPriority;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunTallyTests {

    private static final ReasonCode REASON = ReasonCode.values()[0];

    @Test
    void shouldCountEachPersonUnderTheKeysAnExecutionContextKeepsFileByFile() {
        // given
        RunTally tally = new RunTally();

        // when: people of two files, and back to the first (partitions of several files)
        tally.assessed("a.csv", Pathway.LOCAL_RECURRENCE, TrialPriority.HIGH,
                List.of(ReviewFlag.UNKNOWN_SITE_TERM), List.of(TreatmentOption.LR2));
        tally.assessed("b.csv", Pathway.DISTANT_METASTASIS, TrialPriority.ROUTINE, List.of(),
                List.of(TreatmentOption.LR2, TreatmentOption.LR1));
        tally.rejected("b.csv", REASON);
        tally.assessed("a.csv", Pathway.LOCAL_RECURRENCE, TrialPriority.HIGH, List.of(), List.of());

        // then: the keys as saved by earlier versions, so that a restart goes on from them
        assertThat(tally.snapshot()).containsEntry("assessed.a.csv", 2L).containsEntry("assessed.b.csv", 1L)
                .containsEntry("rejected.b.csv", 1L).containsEntry("assessed", 3L).containsEntry("rejected", 1L)
                .containsEntry("flagged", 1L).containsEntry("pathway.LOCAL_RECURRENCE", 2L)
                .containsEntry("pathway.DISTANT_METASTASIS", 1L).containsEntry("priority.HIGH", 2L)
                .containsEntry("priority.ROUTINE", 1L).containsEntry("flag.UNKNOWN_SITE_TERM", 1L)
                .containsEntry("rule.LR2", 2L).containsEntry("rule.LR1", 1L)
                .containsEntry("reason." + REASON.name(), 1L)
                .doesNotContainKey("rejected.a.csv").doesNotContainKey("priority.NONE");
        assertThat(tally.priority(TrialPriority.HIGH)).isEqualTo(2);
        assertThat(tally.priority(TrialPriority.NONE)).isZero();
        assertThat(tally.assessed("a.csv")).isEqualTo(2);
        assertThat(tally.rejected("a.csv")).isZero();
        assertThat(tally.pathways()).containsEntry("UNDETERMINED", 0L).containsEntry("LOCAL_RECURRENCE", 2L);
    }

    @Test
    void shouldGoOnFromItsSnapshot() {
        // given
        RunTally before = new RunTally();
        before.assessed("a.csv", Pathway.LOCAL_RECURRENCE, TrialPriority.NONE, List.of(), List.of());

        // when
        RunTally restarted = RunTally.of(before.snapshot());
        restarted.assessed("a.csv", Pathway.LOCAL_RECURRENCE, TrialPriority.NONE, List.of(), List.of());

        // then
        assertThat(restarted.assessed("a.csv")).isEqualTo(2);
        assertThat(restarted.snapshot()).containsEntry("pathway.LOCAL_RECURRENCE", 2L);
    }
}
