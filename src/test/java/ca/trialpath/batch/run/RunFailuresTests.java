package ca.trialpath.batch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which failures are a limit of the machine, said in one line with the setting that moves it. */
class RunFailuresTests {

    private static final Map<String, String> SETTINGS = Map.of("trialpath.max-rows-per-trial", "40");

    @Test
    void shouldSayOutOfMemoryInOneLineNamingXmxAndTheTrialPageCap() {
        // given: as a partition's step fails
        Throwable failure = new IllegalStateException("writing failed", new OutOfMemoryError("Java heap space"));

        // when
        String line = RunFailures.limitReached(failure, SETTINGS::get).orElseThrow();

        // then
        assertThat(line).startsWith("out of memory: the Java heap (-Xmx, now ").contains("JAVA_OPTS=-Xmx")
                .contains("trialpath.max-rows-per-trial (now 40)").contains("trialpath.chunk-size (now 1000)")
                .doesNotContain("\n");
    }

    @Test
    void shouldTakeTheJobRepositoryClosingItselfForTheOutOfMemoryItIs() {
        // given: what H2 says once it has closed itself after an OutOfMemoryError
        Throwable failure = new RuntimeException("could not update the step execution",
                new java.sql.SQLException("The database has been closed [90098-240]"));

        // when / then
        assertThat(RunFailures.limitReached(failure, SETTINGS::get)).get().asString()
                .startsWith("out of memory: the Java heap").contains("The database has been closed");
    }

    @Test
    void shouldSayAFullDiskAndTooManyOpenFilesByTheirSettings() {
        assertThat(RunFailures.limitReached(new UncheckedIOException(new IOException("No space left on device")), null))
                .get().asString().startsWith("the disk is full").contains(".trialpath/staging");
        assertThat(RunFailures.limitReached(new IOException("/x/a.csv (Too many open files)"), null))
                .get().asString().startsWith("too many open files").contains("ulimit -n");
    }

    @Test
    void shouldNotTakeAnyOtherFailureForALimit() {
        assertThat(RunFailures.limitReached(new IllegalStateException("no execution of partition-00001"), SETTINGS::get))
                .isEmpty();
        assertThat(RunFailures.limitReached(new RejectRateExceededException("7 of 10 rows rejected"), null)).isEmpty();
    }

    @Test
    void shouldTellAnInterruptionFromAFault() {
        assertThat(RunFailures.isInterruption(new UncheckedIOException(new ClosedByInterruptException()))).isTrue();
        assertThat(RunFailures.isInterruption(new RuntimeException(new InterruptedException()))).isTrue();
        assertThat(RunFailures.isInterruption(new IOException("Stream closed"))).isFalse();
        // a JVM that is not stopping: a failure is judged by itself (the stopping case is StopAndRestartIT's SIGTERM)
        assertThat(RunFailures.jvmStopping()).isFalse();
    }

    @Test
    void shouldShowAFailedCheckWholeAndAFaultByItsFirstLine() {
        assertThat(RunFailures.saysItAll(new RejectRateExceededException("a\nb"))).isTrue();
        assertThat(RunFailures.saysItAll(new ca.trialpath.cohort.CohortFileException("a.csv", "empty"))).isTrue();
        assertThat(RunFailures.saysItAll(new IllegalStateException("x"))).isFalse();
    }
}
