package ca.trialpath.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke test of bench/scale.sh at a few hundred people: the cohorts, the catalogue and the baseline are
 * real, the job is a stand-in script ({@code BENCH_JOB}) that records its arguments and writes a 3 KiB
 * report.html, so the test is cheap and needs no jar. The benchmark itself never runs in the build.
 */
class ScaleScriptTests {

    private static final String FAKE_JOB = """
            #!/usr/bin/env bash
            echo "fake job: $*"
            # long enough for /usr/bin/time's hundredths, so that the ratios between runs are numbers
            sleep 0.05
            for arg in "$@"; do
                case $arg in output=*) out=${arg#output=} ;; runDate=*) day=${arg#runDate=} ;; esac
            done
            mkdir -p "$out/$day"
            head -c 3072 /dev/zero > "$out/$day/report.html"
            exit "${FAKE_EXIT:-0}"
            """;

    @TempDir
    Path dir;

    private Path out;
    private Path fakeJob;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/time")), "GNU time is not installed");
        out = dir.resolve("out");
        fakeJob = dir.resolve("fake-job.sh");
        Files.writeString(fakeJob, FAKE_JOB);
        Files.setPosixFilePermissions(fakeJob, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void shouldRunEachSizeAsOneAndSplitFilesAndPrintTheRatios() throws Exception {
        Run run = scale(Map.of(), "600", "300");

        assertThat(run.exit()).as(run.stderr()).isZero();
        List<String> runs = run.lines("run=");
        assertThat(runs).hasSize(12);
        // sizes in ascending order; per size: baseline, job and its second night on 1 file, baseline and 1 and
        // 2 threads on 3 files
        assertThat(runs.get(0)).startsWith("run=baseline people=300 files=1 threads=- ");
        assertThat(runs.get(1)).startsWith("run=trialpath people=300 files=1 threads=default ");
        assertThat(runs.get(2)).startsWith("run=night2 people=300 files=1 threads=default ");
        assertThat(runs.get(3)).startsWith("run=baseline people=300 files=3 threads=- ");
        assertThat(runs.get(4)).startsWith("run=trialpath people=300 files=3 threads=1 ");
        assertThat(runs.get(5)).startsWith("run=trialpath people=300 files=3 threads=2 ");
        assertThat(runs.get(11)).startsWith("run=trialpath people=600 files=3 threads=2 ");
        assertThat(runs).allMatch(line -> line.contains(" exit=0 "));
        assertThat(runs).filteredOn(line -> !line.startsWith("run=baseline"))
                .allMatch(line -> line.contains(" report_html_kib=3.0 "))
                .allMatch(line -> line.matches(".* vs_baseline=[0-9]+\\.[0-9]{2}"));

        assertThat(run.lines("derived:")).anyMatch(l -> l.startsWith("derived: vs_baseline people=600 (3 files, 2 threads) ratio="))
                .anyMatch(l -> l.startsWith("derived: speedup_2_over_1_thread people=300 files=3 ratio="))
                .anyMatch(l -> l.startsWith("derived: time_ratio people=300->600 (1 file) people_ratio=2.00 time_ratio="))
                .anyMatch(l -> l.matches("derived: second_night_over_first people=300 ratio=[0-9]+\\.[0-9]{2}"))
                // the fake job publishes a 3,072-byte page for 300 people
                .contains("derived: published_bytes_per_person people=300 value=10");
        assertThat(run.stdout()).contains("| people | files | threads | run | wall s |")
                .contains("| 600 | 3 | 2 | trialpath |")
                .contains("| time of 600 / 300 people, 1 file |");
        assertThat(Files.readString(out.resolve("scale/summary.md"))).contains("| 300 | 1 | - | baseline |");

        // the job gets the catalogue, its own repository and the thread count; the baseline reads every row
        assertThat(Files.readString(out.resolve("scale/300-f3-t2-trialpath.log")))
                .contains("input=" + out.resolve("cohort-300-x3"))
                .contains("trials=" + out.resolve("trials-20/catalogue"))
                .contains("trialCriteria=" + out.resolve("trials-20/criteria.json"))
                .contains("--trialpath.repository.path=" + out.resolve("scale/300-f3-t2-trialpath.repo/trialpath"))
                .contains("--trialpath.threads=2");
        assertThat(Files.readString(out.resolve("scale/300-f1-trialpath.log"))).doesNotContain("--trialpath.threads");
        // the second night: the same folders, the next run date
        assertThat(Files.readString(out.resolve("scale/300-f1-trialpath-night2.log")))
                .contains("runDate=2026-11-28")
                .contains("output=" + out.resolve("scale/300-f1-trialpath.reports"))
                .contains("--trialpath.repository.path=" + out.resolve("scale/300-f1-trialpath.repo/trialpath"));
        assertThat(Files.readString(out.resolve("scale/600-f3-baseline.log"))).contains("baseline: people=600 files=3 ");
        try (Stream<Path> cohort = Files.list(out.resolve("cohort-600-x3"))) {
            assertThat(cohort.filter(p -> p.toString().endsWith(".csv"))).hasSize(3);
        }

        // measured, then deleted; the logs and /usr/bin/time's output stay
        assertThat(out.resolve("scale/600-f1-trialpath.reports")).doesNotExist();
        assertThat(out.resolve("scale/600-f1-baseline.csv")).doesNotExist();
        assertThat(out.resolve("scale/600-f1-trialpath.time.txt")).content().contains("Maximum resident set size");
    }

    @Test
    void shouldKeepTheOutputsWhenAsked() throws Exception {
        Run run = scale(Map.of("KEEP", "1"), "300");

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(out.resolve("scale/300-f3-t1-trialpath.reports/2026-11-27/report.html")).exists();
        List<String> pathways = Files.readAllLines(out.resolve("scale/300-f1-baseline.csv"), StandardCharsets.UTF_8);
        assertThat(pathways).hasSize(1 + 300).first().isEqualTo("patient_id,pathway");
    }

    @Test
    void shouldReportAFailedJobAndExitWithOne() throws Exception {
        Run run = scale(Map.of("FAKE_EXIT", "7"), "300");

        assertThat(run.exit()).isEqualTo(1);
        // a failed first night has no second night
        assertThat(run.lines("run=trialpath")).hasSize(3).allMatch(l -> l.contains(" exit=7 vs_baseline=n/a"));
        assertThat(run.lines("run=night2")).isEmpty();
        assertThat(run.lines("derived:")).contains("derived: speedup_2_over_1_thread people=300 files=3 ratio=n/a");
    }

    @Test
    void shouldRefuseARunTheDiskCannotTake() throws Exception {
        Run run = scale(Map.of("BYTES_PER_PERSON", "100000000000000"), "300");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.stderr()).contains("bench: refusing 300-f1-trialpath: it needs about");
        // what ran before the refusal is still reported
        assertThat(run.lines("run=")).hasSize(1).first().asString().startsWith("run=baseline people=300 files=1 ");
        assertThat(run.stdout()).contains("| 300 | 1 | - | baseline |");
        assertThat(out.resolve("scale/300-f1-trialpath.log")).doesNotExist();
    }

    private Run scale(Map<String, String> env, String... sizes) throws Exception {
        List<String> command = Stream.concat(Stream.of("bash", "bench/scale.sh"), Stream.of(sizes)).toList();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("BENCH_OUT", out.toString());
        environment.put("BENCH_JOB", fakeJob.toString());
        environment.put("BASELINE_CP", baselineClasspath());
        environment.put("STUDIES", "20");
        environment.put("SPLIT", "3");
        environment.putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("bench/scale.sh finished in time").isTrue();
        return new Run(process.exitValue(), Files.readString(dir.resolve("stdout.txt")),
                Files.readString(dir.resolve("stderr.txt")));
    }

    /** The test classes and Commons CSV with its dependencies, as the script asks Maven for them. */
    private static String baselineClasspath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith("test-classes") || entry.contains("/commons-"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private record Run(int exit, String stdout, String stderr) {

        List<String> lines(String prefix) {
            return stdout.lines().filter(line -> line.startsWith(prefix)).toList();
        }
    }
}
