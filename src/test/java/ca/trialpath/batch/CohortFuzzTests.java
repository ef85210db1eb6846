package ca.trialpath.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ca.trialpath.batch.assess.AssessmentProcessor;
import ca.trialpath.batch.assess.CohortReader;
import ca.trialpath.batch.assess.StagedOutputWriter;
import ca.trialpath.batch.index.CohortIndexing;
import ca.trialpath.batch.input.SourcedRecord;
import ca.trialpath.batch.run.CohortPartition;
import ca.trialpath.batch.run.Outcome;
import ca.trialpath.batch.run.ProgressLog;
import ca.trialpath.cli.RunLauncher;
import ca.trialpath.cli.RunRequest;
import ca.trialpath.cohort.CohortFileException;
import ca.trialpath.cohort.CohortFileInspector;
import ca.trialpath.report.RunFolders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Issue 4, point 5: valid cohorts mutated at random (seeded) go through the real reading, validation,
 * assessment and staged writing; every 20th case also through the real job. For each: no crash (a file-level
 * error naming the file is an allowed outcome for a damaged header or encoding), and read = assessed +
 * rejected, counted again from the staged CSV files as the publisher does.
 *
 * <p>Run other seeds with {@code -Dtrialpath.fuzz.seed=N -Dtrialpath.fuzz.cases=N}; a failure names the seed
 * and the case, and leaves the mutated file in the temporary folder it names.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:fuzz-tests;DB_CLOSE_DELAY=-1",
        "logging.level.ca.trialpath=OFF",
        "logging.level.org.springframework.batch=OFF" })
class CohortFuzzTests {

    private static final long SEED = Long.getLong("trialpath.fuzz.seed", 20261127L);
    private static final int CASES = Integer.getInteger("trialpath.fuzz.cases", 500);
    private static final int JOB_EVERY = 20;
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    private static final CSVFormat STAGED_CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    /** Bytes a damaged export is made of: delimiters, quotes, line ends, NUL, broken UTF-8, a BOM, formula starts. */
    private static final byte[][] NASTY = {
            {','}, {'"'}, {'\n'}, {'\r'}, {'\r', '\n'}, {0}, {(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0x80},
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {';'}, {' '}, {'='}, {'\t'}, {'"', '"'}, {'-'},
            "<script>".getBytes(StandardCharsets.US_ASCII), {(byte) 0xE2, (byte) 0x80, (byte) 0xA8}};

    @Autowired
    private RunLauncher runLauncher;

    @TempDir
    private Path temp;

    @Test
    void shouldNeverCrashAndAlwaysAccountForEveryRowOfAMutatedCohort() throws Exception {
        // given
        List<byte[]> samples = List.of(Files.readAllBytes(Path.of("sample-data/cohort-2026-11-a.csv")),
                Files.readAllBytes(Path.of("sample-data/cohort-2026-11-b.csv")));
        Random random = new Random(SEED);
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        int fileErrors = 0;
        int jobRuns = 0;
        long rowsRead = 0;

        for (int n = 0; n < CASES; n++) {
            // when
            byte[] mutated = mutate(samples.get(random.nextInt(samples.size())), random);
            Path folder = Files.createDirectories(temp.resolve("case-" + n));
            Path file = Files.write(folder.resolve("cohort.csv"), mutated);
            String what = "seed " + SEED + ", case " + n + " (" + file + ")";
            Counts counts;
            try {
                counts = inProcess(file, folder.resolve("staging"));
            } catch (RuntimeException | IOException | AssertionError e) {
                throw new AssertionError("crash on " + what + ": " + e, e);
            }

            // then
            if (counts == null) {
                fileErrors++;
            } else {
                rowsRead += counts.read();
                assertThat(counts.read()).as("read = assessed + rejected, %s", what)
                        .isEqualTo(counts.assessed() + counts.rejected());
            }
            if (n % JOB_EVERY == 0) {
                jobRuns++;
                checkTheRealJob(file, folder.resolve("reports"), counts, what);
            }
            if (System.nanoTime() > deadline) {
                fail("the fuzz test ran out of time after %d cases (%s)", n + 1, what);
            }
            Files.delete(file);
        }
        System.out.printf("fuzz seed %d: %d cases, %d file-level errors, %d real job runs, %d rows read%n", SEED,
                CASES, fileErrors, jobRuns, rowsRead);
        assertThat(fileErrors).as("most mutations leave a readable file").isLessThan(CASES / 2);
        assertThat(rowsRead).isPositive();
    }

    /** read, assessed and rejected of one file through the job's own reader, processor and writer. */
    private record Counts(long read, long assessed, long rejected) {
    }

    /** {@code null} for a file-level error, which must name the file. */
    private static Counts inProcess(Path file, Path stagingFolder) throws IOException {
        CohortFileInspector.InspectedFile inspected;
        try {
            inspected = CohortFileInspector.inspect(file);
        } catch (CohortFileException e) {
            assertThat(e.getMessage()).startsWith(file + ": ");
            return null;
        }
        RunFolders.Staging staging = new RunFolders.Staging(stagingFolder);
        CohortPartition whole;
        try {
            whole = new CohortIndexing(TestRuns.SAMPLE_RUN_DATE, staging, null, 1, 1000, 1000)
                    .index(List.of(inspected)).get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        CohortReader reader = new CohortReader(whole, List.of(inspected), new ProgressLog(Duration.ofHours(1)));
        AssessmentProcessor processor = new AssessmentProcessor(TestRuns.SAMPLE_RUN_DATE, staging, whole,
                List.of(whole), null);
        StagedOutputWriter writer = new StagedOutputWriter(staging, 20);
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        processor.open(context);
        writer.open(context);
        try {
            Chunk<Outcome> chunk = new Chunk<>();
            for (SourcedRecord item = reader.read(); item != null; item = reader.read()) {
                chunk.add(processor.process(item));
                if (chunk.size() == 7) {
                    writer.write(chunk);
                    chunk = new Chunk<>();
                }
            }
            writer.write(chunk);
            reader.update(context);
        } finally {
            reader.close();
            writer.close();
        }
        @SuppressWarnings("unchecked")
        long read = ((java.util.Map<String, Long>) context.get(CohortReader.READ_PER_FILE)).get("cohort.csv");
        return new Counts(read, rows(staging.publish().resolve("assessments.csv")),
                rows(staging.publish().resolve("rejects.csv")));
    }

    private static long rows(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = STAGED_CSV.parse(reader)) {
            return parser.stream().count();
        }
    }

    private void checkTheRealJob(Path file, Path output, Counts expected, String what) throws Exception {
        RunRequest request = TestRuns.request(file, output, TestRuns.SAMPLE_RUN_DATE, 1.0);
        TestRuns.Launch launch = TestRuns.launch(runLauncher, request);
        if (expected == null) {
            assertThat(launch.exitStatus()).as("file-level error in the job too, %s: %s", what, launch.err())
                    .isEqualTo(RunLauncher.FAILED);
            assertThat(launch.err()).as(what).contains(file + ": ");
            return;
        }
        assertThat(launch.exitStatus()).as("%s: %s", what, launch.err()).isEqualTo(RunLauncher.PUBLISHED);
        JsonNode summary = PublishedOutputs.json(output.resolve(TestRuns.SAMPLE_RUN_DATE.toString()).resolve("summary.json"));
        assertThat(List.of(summary.get("read").asLong(), summary.get("assessed").asLong(),
                summary.get("rejected").asLong())).as(what)
                .containsExactly(expected.read(), expected.assessed(), expected.rejected());
    }

    /** One to five random mutations of a valid file. */
    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original;
        int mutations = 1 + random.nextInt(5);
        for (int i = 0; i < mutations; i++) {
            bytes = switch (random.nextInt(10)) {
                case 0 -> delete(bytes, random);
                case 1, 2 -> insert(bytes, random.nextInt(bytes.length + 1), NASTY[random.nextInt(NASTY.length)]);
                case 3 -> duplicate(bytes, random);
                case 4 -> Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
                case 5 -> swapLines(bytes, random);
                case 6 -> insert(bytes, random.nextInt(bytes.length + 1),
                        "x".repeat(60_000 + random.nextInt(10_000)).getBytes(StandardCharsets.US_ASCII));
                case 7 -> flip(bytes, random);
                case 8 -> insert(bytes, lineStart(bytes, random), "\"".getBytes(StandardCharsets.US_ASCII));
                default -> insert(bytes, random.nextInt(bytes.length + 1), ",,,".getBytes(StandardCharsets.US_ASCII));
            };
        }
        return bytes;
    }

    private static byte[] delete(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(40));
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(bytes, 0, from);
        out.write(bytes, to, bytes.length - to);
        return out.toByteArray();
    }

    private static byte[] insert(byte[] bytes, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + what.length);
        out.write(bytes, 0, at);
        out.write(what, 0, what.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static byte[] duplicate(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(400));
        return insert(bytes, random.nextInt(bytes.length + 1), Arrays.copyOfRange(bytes, from, to));
    }

    private static byte[] flip(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        return copy;
    }

    private static int lineStart(byte[] bytes, Random random) {
        int at = random.nextInt(bytes.length + 1);
        while (at > 0 && bytes[at - 1] != '\n') {
            at--;
        }
        return at;
    }

    private static byte[] swapLines(byte[] bytes, Random random) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i + 1));
                start = i + 1;
            }
        }
        lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
        if (lines.size() < 2) {
            return bytes;
        }
        // the header too may move: a file whose first line is a data row is a damaged header
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        byte[] line = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, line);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        lines.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
