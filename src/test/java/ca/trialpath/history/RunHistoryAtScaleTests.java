package ca.trialpath.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A million people a night, stored and compared in a JVM of its own with a 48 MB heap and sorts that hold
 * 20,000 people: what the history keeps in memory does not grow with the cohort (a million people's results
 * alone would take over 100 MB).
 */
class RunHistoryAtScaleTests {

    private static final int PEOPLE = 1_000_000;

    @TempDir
    private Path temp;

    @Test
    void shouldStoreAndCompareAMillionPeopleInASmallHeap() throws IOException, InterruptedException {
        // given
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                HistoryAtScale.class.getName(), temp.toString(), String.valueOf(PEOPLE), "20000");

        // when
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = process.waitFor(5, TimeUnit.MINUTES);

        // then
        assertThat(done).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("people=1000000 changes=50000 ");
        try (var left = Files.list(temp.resolve("scratch"))) {
            assertThat(left).as("the sorts' files are deleted").isEmpty();
        }
    }
}
