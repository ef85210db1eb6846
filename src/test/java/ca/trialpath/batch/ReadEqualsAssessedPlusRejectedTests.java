package ca.trialpath.batch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.trialpath.batch.assess.CohortReader;
import ca.trialpath.batch.assess.StagedOutputWriter;
import ca.trialpath.batch.publish.PartitionOutputs;
import ca.trialpath.batch.publish.ReportPublisher;
import ca.trialpath.batch.run.CohortPartition;
import ca.trialpath.batch.run.RunCheckFailedException;
import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.report.RunFolders;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The check before publishing, fed by what the reader read and what the owners of the CSV files printed. */
class ReadEqualsAssessedPlusRejectedTests {

    private static final List<InspectedFile> INPUTS = List.of(new InspectedFile("a.csv", "a.csv", 10, "00", List.of()),
            new InspectedFile("b.csv", "b.csv", 10, "00", List.of()));

    @Test
    void shouldPassWhenEveryRowReadWasPrintedAsAnAssessmentOrAReject() {
        PartitionOutputs run = run(Map.of("a.csv", 3L, "b.csv", 2L), Map.of("a.csv", 2L, "b.csv", 2L),
                Map.of("a.csv", 1L));
        assertThatCode(() -> check(run)).doesNotThrowAnyException();
    }

    @Test
    void shouldFailWhenARowReadWasPrintedNowhere() {
        // given: b.csv read 3 rows, its owners printed 2
        PartitionOutputs run = run(Map.of("a.csv", 3L, "b.csv", 3L), Map.of("a.csv", 2L, "b.csv", 2L),
                Map.of("a.csv", 1L));

        // then
        assertThatThrownBy(() -> check(run)).isInstanceOf(RunCheckFailedException.class)
                .hasMessage("invariant broken for b.csv: read 3 rows, but assessments.csv holds 2 and rejects.csv 0;"
                        + " nothing is published");
    }

    @Test
    void shouldFailWhenTheFileHoldsOtherRowsThanTheTallyCounted() {
        // given: assessments.csv got a row more than the tally of a.csv, rejects.csv one fewer
        PartitionOutputs run = run(Map.of("a.csv", 3L, "b.csv", 2L), Map.of("a.csv", 3L, "b.csv", 2L), Map.of());

        // then
        assertThatThrownBy(() -> check(run)).isInstanceOf(RunCheckFailedException.class)
                .hasMessageStartingWith("invariant broken for a.csv");
    }

    private static void check(PartitionOutputs run) {
        ReportPublisher.checkReadEqualsAssessedPlusRejected(run, INPUTS, run.readPerFile(), run.tally());
    }

    /** One partition; its tally counts a.csv's 2 assessed and 1 rejected, b.csv's 2 assessed. */
    private static PartitionOutputs run(Map<String, Long> read, Map<String, Long> assessmentRows,
            Map<String, Long> rejectRows) {
        ExecutionContext context = new ExecutionContext();
        context.put(CohortReader.READ_PER_FILE, new LinkedHashMap<>(read));
        context.put(StagedOutputWriter.ASSESSMENT_ROWS, new LinkedHashMap<>(assessmentRows));
        context.put(StagedOutputWriter.REJECT_ROWS, new LinkedHashMap<>(rejectRows));
        LinkedHashMap<String, Long> tally = new LinkedHashMap<>();
        tally.put("assessed.a.csv", 2L);
        tally.put("rejected.a.csv", 1L);
        tally.put("assessed.b.csv", 2L);
        context.put(StagedOutputWriter.TALLY, tally);
        CohortPartition partition = new CohortPartition(0, List.of(new CohortPartition.Piece(0, "a.csv", 0, 10, 1, 0,
                4, 3, null)));
        return PartitionOutputs.of(new RunFolders.Staging(Path.of("staging")), List.of(partition), List.of(context));
    }
}
