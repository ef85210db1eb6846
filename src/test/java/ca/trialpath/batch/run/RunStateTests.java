package ca.trialpath.batch.run;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The typed state a run hands from step to step, over its job execution's context. */
class RunStateTests {

    private static JobExecution job(JobParameters parameters) {
        return new JobExecution(3L, new JobInstance(7L, JobNames.JOB), parameters);
    }

    @Test
    void shouldHaveNothingBeforeTheStepsHandedItOn() {
        RunState state = RunState.of(job(new JobParameters()));

        assertThat(state.inputs()).isNull();
        assertThat(state.catalogue()).isNull();
        assertThat(state.partitions()).isNull();
        assertThat(state.counts()).as("a run that stopped before its checks").isNull();
    }

    @Test
    void shouldReadBackWhatAStepPut() {
        JobExecution job = job(new JobParameters());
        List<InspectedFile> inputs = new ArrayList<>(List.of(new InspectedFile("a.csv", "/in/a.csv", 10, "ab", List.of())));
        List<CohortPartition> plan = new ArrayList<>(List.of(new CohortPartition(0, List.of())));

        RunState.of(job).inspected(inputs, new ArrayList<>());
        RunState.of(job).partitions(plan);
        RunState.of(job).counts(10, 8, 2);

        RunState later = RunState.of(job);
        assertThat(later.inputs()).isEqualTo(inputs);
        assertThat(later.inputIdentities()).isEmpty();
        assertThat(later.partitions()).isEqualTo(plan);
        assertThat(later.counts()).isEqualTo(new RunCounts(10, 8, 2));
    }

    @Test
    void shouldReadTheContextAnEarlierVersionSavedUnderTheSameKeys() {
        // given: the job execution context of a run left unfinished before RunState, keys as they were written
        JobExecution job = job(new JobParameters());
        ExecutionContext saved = new ExecutionContext();
        List<InspectedFile> inputs = new ArrayList<>(List.of(new InspectedFile("a.csv", "/in/a.csv", 10, "ab", List.of())));
        saved.put("inputs", inputs);
        saved.put("partitions", new ArrayList<>(List.of(new CohortPartition(0, List.of()))));
        saved.putLong("run.read", 5);
        saved.putLong("run.assessed", 5);
        saved.putLong("run.rejected", 0);
        job.setExecutionContext(saved);

        // when
        RunState state = RunState.of(job);

        // then: the restart resumes it
        assertThat(state.inputs()).isEqualTo(inputs);
        assertThat(state.partitions()).hasSize(1);
        assertThat(state.counts()).isEqualTo(new RunCounts(5, 5, 0));
    }

    @Test
    void shouldNameTheFoldersOfTheRunItsParametersDescribe() {
        JobExecution job = job(new JobParametersBuilder().addString("output", "/srv/reports")
                .addString("runDate", "2026-11-27").toJobParameters());

        RunState state = RunState.of(job);

        assertThat(state.folders().published()).isEqualTo(Path.of("/srv/reports/2026-11-27"));
        assertThat(state.staging().root()).isEqualTo(state.folders().staging(7L).root());
    }
}
