package ca.trialpath.batch.input;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.batch.run.RunCheckFailedException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** A limit of the machine is one line naming it and the setting that moves it; any other failure stays itself. */
class ResourceLimitsTests {

    @Test
    void shouldNameTheOpenFilesLimitAndItsSettings() {
        Exception explained = ResourceLimits.explain(
                new FileSystemException("/data/cohort-09999.csv: Too many open files"), "indexing the input files");
        assertThat(explained).isInstanceOf(RunCheckFailedException.class)
                .hasMessageContaining("too many open files").hasMessageContaining("ulimit -n")
                .hasMessageContaining("trialpath.threads");
    }

    @Test
    void shouldNameAFullDiskAndWhereTheRunStages() {
        Exception explained = ResourceLimits.explain(new IOException("No space left on device"), "reading partition-00003");
        assertThat(explained).isInstanceOf(RunCheckFailedException.class).hasMessageContaining("disk is full")
                .hasMessageContaining("output=").hasMessageContaining("partition-00003");
    }

    @Test
    void shouldNameTheHeapAndItsSettings() {
        assertThat(ResourceLimits.outOfMemory("indexing the input files")).hasMessageContaining("-Xmx")
                .hasMessageContaining("trialpath.ids-in-memory");
    }

    @Test
    void shouldLeaveAnyOtherFailureAsItIs() {
        IOException other = new IOException("Input/output error");
        assertThat(ResourceLimits.explain(other, "indexing")).isSameAs(other);
        IllegalStateException state = new IllegalStateException("Too many open files, said someone");
        assertThat(ResourceLimits.explain(state, "indexing")).isSameAs(state);
    }
}
