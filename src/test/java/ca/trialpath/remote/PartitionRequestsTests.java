package ca.trialpath.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.batch.integration.partition.StepExecutionRequest;

class PartitionRequestsTests {

    @Test
    void shouldCarryTheStepAndItsExecutionIdAsPlainText() {
        // when
        String text = PartitionRequests.encode(new StepExecutionRequest("assessPartition", 42L));
        StepExecutionRequest back = PartitionRequests.decode(text);

        // then
        assertThat(text).isEqualTo("assessPartition#42");
        assertThat(back.getStepName()).isEqualTo("assessPartition");
        assertThat(back.getStepExecutionId()).isEqualTo(42L);
    }

    @Test
    void shouldRefuseWhatIsNotARequest() {
        assertThatThrownBy(() -> PartitionRequests.decode("assessPartition")).hasMessageContaining("not a partition request");
        assertThatThrownBy(() -> PartitionRequests.decode("#42")).hasMessageContaining("not a partition request");
        assertThatThrownBy(() -> PartitionRequests.decode("assessPartition#")).hasMessageContaining("not a partition request");
        assertThatThrownBy(() -> PartitionRequests.decode("assessPartition#x1")).hasMessageContaining("not a partition request");
    }
}
