package ca.trialpath.batch;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.batch.index.CohortIndexing;
import ca.trialpath.batch.input.CohortFileReader;
import ca.trialpath.batch.run.CohortPartition;
import ca.trialpath.bench.CohortGenerator;
import ca.trialpath.cli.TrialPathCommand;
import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.cohort.CohortFileInspector;
import ca.trialpath.cohort.CsvRecord;
import ca.trialpath.deidentify.Deidentifier;
import ca.trialpath.deidentify.PseudonymKey;
import ca.trialpath.duplicates.DuplicateCursor;
import ca.trialpath.report.RunFolders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, point 1: a de-identified run on several threads publishes the bytes a run on one thread publishes.
 * The indexing threads shared one HMAC, which now and then gave a person another's pseudonym: a unique person
 * was published as a duplicate (lost from the export), or the run failed. The index, where the threads share
 * the pseudonyms, is run 20 times on cut partitions of 12,000 people; the whole job on the sample, through the
 * command, a few times.
 */
class DeidentifiedThreadsTests {

    private static final Path SAMPLE = Path.of("sample-data");
    private static final String KEY = "0123456789abcdef0123456789abcdef0123456789";
    private static final String DATE = TestRuns.SAMPLE_RUN_DATE.toString();

    @TempDir
    private Path temp;

    @Test
    void shouldFindTheSameDuplicatesOnTwoThreadsAsOnOne() throws Exception {
        // given: the sample files and a generated cohort of 2 x 6,000 people, with ids repeated across files
        List<InspectedFile> files = new ArrayList<>();
        for (String name : List.of("cohort-2026-11-a.csv", "cohort-2026-11-b.csv")) {
            files.add(CohortFileInspector.inspect(SAMPLE.resolve(name)));
        }
        for (Path file : CohortGenerator.write(Files.createDirectories(temp.resolve("generated")), 12_000, 2,
                20261127L, 0.02).files()) {
            Files.writeString(file, "TP-26-0001,1959-01-28,M,QC,C21.1,8070/3,2021-11-09,30,anal_canal,,,,,\n",
                    StandardOpenOption.APPEND);
            files.add(CohortFileInspector.inspect(file));
        }
        Deidentifier deidentifier = new Deidentifier(PseudonymKey.from(Map.of(PseudonymKey.KEY_VARIABLE, KEY)::get));
        List<String> oneThread = duplicates(files, deidentifier, 1, 1_000_000, "one");
        assertThat(oneThread).as("the cohort holds duplicate ids").hasSizeGreaterThan(2);

        for (int run = 0; run < 20; run++) {
            // when: cut into partitions of 500 rows, indexed on two threads
            List<String> twoThreads = duplicates(files, deidentifier, 2, 500, "two-" + run);

            // then
            assertThat(twoThreads).as("run %d", run).isEqualTo(oneThread);
        }
    }

    @Test
    void shouldPublishTheSameBytesOnTwoThreadsAsOnOne() throws Exception {
        // given
        Path key = Files.writeString(temp.resolve("pseudonym.key"), KEY);
        Path reference = run(key, 1, "one");

        for (int run = 0; run < 3; run++) {
            // when
            Path twoThreads = run(key, 2, "two-" + run);

            // then
            for (String file : PublishedOutputs.EXACT_FILES) {
                if (Files.exists(reference.resolve(file))) {
                    PublishedOutputs.assertSameContent(twoThreads.resolve(file), reference.resolve(file));
                }
            }
            PublishedOutputs.assertSameSummary(twoThreads.resolve("summary.json"), reference.resolve("summary.json"));
        }
    }

    /** Every duplicate the index found, as "file line: first row", read back as the assessment reads them. */
    private List<String> duplicates(List<InspectedFile> files, Deidentifier deidentifier, int threads,
            long partitionRows, String folder) throws Exception {
        RunFolders.Staging staging = new RunFolders.Staging(temp.resolve(folder));
        List<CohortPartition> plan = new CohortIndexing(TestRuns.SAMPLE_RUN_DATE, staging, deidentifier, threads,
                partitionRows, 1000).index(files);
        if (threads > 1) {
            assertThat(plan).as("partitions indexed at the same time").hasSizeGreaterThan(4);
        }
        List<String> duplicates = new ArrayList<>();
        for (CohortPartition partition : plan) {
            try (DuplicateCursor cursor = DuplicateCursor.open(staging.ids(), partition.index())) {
                for (CohortPartition.Piece piece : partition.pieces()) {
                    InspectedFile file = files.get(piece.fileIndex());
                    try (CohortFileReader reader = CohortFileReader.open(file, piece.startByte(), piece.endByte(),
                            piece.startLine())) {
                        for (long i = 0; i < piece.records(); i++) {
                            CsvRecord record = reader.records().next();
                            DuplicateCursor.FirstRow first = cursor.firstRowOf(
                                    CohortPartition.relativeLine(piece, record.line()));
                            if (first != null) {
                                duplicates.add(file.name() + " line " + record.line() + ": "
                                        + plan.get(first.partition()).where(first.line()));
                            }
                        }
                    }
                }
            }
        }
        return duplicates;
    }

    /** The de-identified sample run through the command, as cron runs it. */
    private Path run(Path key, int threads, String folder) throws Exception {
        Path output = temp.resolve(folder);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new TrialPathCommand(o, e).run(new String[] {"input=" + SAMPLE, "output=" + output,
                    "runDate=" + DATE, "deidentify=true", "--" + PseudonymKey.KEY_FILE_VARIABLE + "=" + key,
                    "--trialpath.threads=" + threads, "--trialpath.partition-rows=30",
                    "--logging.level.ca.trialpath=OFF", "--logging.level.org.springframework.batch=OFF",
                    "--trialpath.repository.path=" + temp.resolve(folder + "-repository/db")});
        }
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return output.resolve(DATE);
    }
}
