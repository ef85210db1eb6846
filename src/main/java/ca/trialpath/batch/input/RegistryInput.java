package ca.trialpath.batch.input;

import ca.trialpath.batch.run.InputIdentity;
import ca.trialpath.cohort.CohortFileException;
import ca.trialpath.cohort.CohortFileInspector.InspectedFile;
import ca.trialpath.cohort.CohortFiles;
import ca.trialpath.cohort.CohortRowValidator;
import ca.trialpath.cohort.InputFingerprint;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.naaccr.NaaccrCohortReader;
import ca.trialpath.naaccr.NaaccrSupplement;
import ca.trialpath.report.RunFolders;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The job's side of NAACCR XML input (docs/naaccr-input.md): which inputs are NAACCR files, their inspection, the
 * reader of one with the clinic's supplement, and what the index learns of the supplement's rows (which joined a
 * patient in scope, which a patient out of scope) for the supplement's own partition to list the rest in
 * rejects.csv.
 */
public final class RegistryInput {

    /** Under the run's ids folder: the supplement rows' joins found by the index, one line per row. */
    static final String SUPPLEMENT_JOINS = "supplement-joins.tsv";

    private RegistryInput() {
    }

    public static boolean isNaaccr(InspectedFile file) {
        return CohortFiles.isNaaccrFile(Path.of(file.path()));
    }

    /**
     * A NAACCR file as the first step checks it: its size and SHA-256, then its root element and specification
     * version (the patients are read by the index, which checks its bytes against the SHA-256).
     *
     * @param taken its SHA-256 as the launcher took it, from before any change since ({@code null}: read it now)
     * @throws CohortFileException naming the file, line and column
     */
    public static InspectedFile inspectExtract(Path file, String taken) throws IOException {
        String sha256 = taken != null ? taken : InputFingerprint.sha256(file);
        long bytes = Files.size(file);
        try (NaaccrCohortReader reader = NaaccrCohortReader.open(file, new CohortRowValidator(LocalDate.now()), false)) {
            // opening reads the root element, its version, and chooses the reading path
            org.slf4j.LoggerFactory.getLogger(RegistryInput.class).info("input {}: NAACCR XML, read with {}",
                    CohortRowValidator.shorten(file.getFileName().toString()), reader.readingPath());
        }
        return new InspectedFile(file.getFileName().toString(), file.toString(), bytes, sha256, List.of());
    }

    /** The supplement as the first step checks it: read whole (its header and rows), its SHA-256. */
    public static InspectedFile inspectSupplement(Path file) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CohortFileException(file.toString(), "the supplement is not a readable file");
        }
        String sha256 = InputFingerprint.sha256(file);
        NaaccrSupplement.read(file, false);
        return new InspectedFile(file.getFileName().toString(), file.toString(), Files.size(file), sha256, List.of());
    }

    /** The run's supplement, or {@code null}. */
    public static NaaccrSupplement supplement(List<InspectedFile> inputs, Integer supplementIndex, boolean valuesInMessages)
            throws IOException {
        if (supplementIndex == null) {
            return null;
        }
        InspectedFile file = inputs.get(supplementIndex);
        Path path = Path.of(file.path());
        if (!InputFingerprint.sha256(path).equals(file.sha256())) {
            throw InputIdentity.changed(file, "its SHA-256 is no longer " + file.sha256());
        }
        return NaaccrSupplement.read(path, valuesInMessages);
    }

    /**
     * What the index learns of the supplement's rows while it reads the NAACCR files, on several threads: a row
     * joined (its patient was in scope in some file), else the first place its patient was read out of scope.
     */
    public static final class Joins {

        private final Map<Long, Boolean> joined = new ConcurrentHashMap<>();
        /** By row line: the file index and line of the out-of-scope patient kept (the first in run order). */
        private final Map<Long, long[]> outOfScope = new ConcurrentHashMap<>();

        public void joined(NaaccrSupplement.Row row) {
            if (row != null) {
                joined.put(row.line(), Boolean.TRUE);
            }
        }

        public void outOfScope(NaaccrSupplement.Row row, int fileIndex, long line) {
            if (row != null) {
                outOfScope.merge(row.line(), new long[] {fileIndex, line},
                        (a, b) -> a[0] < b[0] || (a[0] == b[0] && a[1] <= b[1]) ? a : b);
            }
        }

        /** Writes them for the supplement's partition (which may run on another machine sharing the staging). */
        public void write(RunFolders.Staging staging, List<InspectedFile> inputs) throws IOException {
            Path file = staging.ids().resolve(SUPPLEMENT_JOINS);
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Long line : joined.keySet().stream().sorted().toList()) {
                    out.write(line + "\tJ\n");
                }
                for (Map.Entry<Long, long[]> entry : outOfScope.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey()).toList()) {
                    if (!joined.containsKey(entry.getKey())) {
                        String where = CohortRowValidator.shorten(inputs.get((int) entry.getValue()[0]).name())
                                .replace('\t', ' ') + " line " + entry.getValue()[1];
                        out.write(entry.getKey() + "\tO\t" + where + "\n");
                    }
                }
            }
        }
    }

    /** The supplement's own rejects, from the joins the index wrote. */
    public static List<RejectedRow> supplementRejects(RunFolders.Staging staging, NaaccrSupplement supplement)
            throws IOException {
        Map<Long, String> status = new HashMap<>();
        Path file = staging.ids().resolve(SUPPLEMENT_JOINS);
        if (Files.exists(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] parts = line.split("\t", 3);
                    status.put(Long.parseLong(parts[0]), parts[1].equals("J") ? "" : parts[2]);
                }
            }
        }
        return supplement.ownRejects(row -> "".equals(status.get(row.line())), row -> status.get(row.line()));
    }
}
