package ca.trialpath.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench/JfrTop.java, run as bench/scale.sh runs it, on a recording of this test spinning in a known method. */
class JfrTopTests {

    @TempDir
    Path dir;

    @Test
    void shouldListTheSpinningMethodAmongOurInclusiveTopMethods() throws Exception {
        Path jfr = dir.resolve("spin.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            // on a busy machine the sampler may see little of a short spin: spin until it has seen some
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            do {
                spinFor(Duration.ofMillis(500));
                recording.dump(jfr);
            } while (spinSamples(jfr) < 5 && System.nanoTime() < deadline);
            recording.stop();
            recording.dump(jfr);
        }

        Process process = new ProcessBuilder("java", "bench/JfrTop.java", jfr.toString(), "5")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("out.txt"));

        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).containsPattern("^[1-9][0-9]* execution samples in ")
                .contains("top 5 methods by self samples:")
                .contains("top 5 ca.trialpath methods by inclusive samples:");
        List<String> ours = out.lines().dropWhile(l -> !l.startsWith("top 5 ca.trialpath")).skip(1).toList();
        assertThat(ours).hasSizeBetween(1, 5)
                .allMatch(l -> l.matches(" *[0-9]+\\.[0-9]% +[0-9]+  ca\\.trialpath\\..*"))
                .anyMatch(l -> l.endsWith("  ca.trialpath.bench.JfrTopTests.spinFor"));
    }

    private static long spinSamples(Path jfr) throws IOException {
        return RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null)
                .filter(e -> e.getStackTrace().getFrames().stream()
                        .anyMatch(f -> f.getMethod() != null && f.getMethod().getName().equals("spinFor")))
                .count();
    }

    private static long spinFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long x = 0;
        // calls and allocation, not a bare arithmetic loop: JFR cannot walk the stack of a thread caught
        // inside some tight compiled loops and drops those samples
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                x += Long.toString(x + i).hashCode();
            }
        }
        return x;
    }
}
