package ca.trialpath.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The yardstick for bench/scale.sh: the same cohort read and written the plainest way, with no framework,
 * so TrialPath's time can be given as a multiple of what reading and writing the rows costs anyway.
 *
 * <p>Reads a cohort CSV file, or every {@code *.csv} of a folder in file-name order, with Commons CSV
 * (header-mapped, as the job does), gives each row a pathway from its NAACCR {@code recurrence_type}
 * alone (10–39 {@code LOCAL_RECURRENCE}, 40–62 {@code DISTANT_METASTASIS}, anything else
 * {@code UNDETERMINED}) and writes {@code patient_id,pathway}, one row per record. It validates nothing and
 * keeps nothing in memory. It is written the way anyone would write it first, not tuned: it stands for the
 * cost of a straightforward program, which is what the target "at most 3 times the baseline" is about.
 *
 * <pre>
 * java -cp target/test-classes:COMMONS_CSV_CLASSPATH ca.trialpath.bench.Baseline INPUT OUTPUT.csv
 * </pre>
 */
public final class Baseline {

    private static final CSVFormat COHORT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private static final CSVFormat PATHWAYS = CSVFormat.RFC4180.builder()
            .setHeader("patient_id", "pathway")
            .setRecordSeparator('\n')
            .get();

    private Baseline() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java ca.trialpath.bench.Baseline INPUT(file or folder) OUTPUT.csv");
            System.exit(2);
        }
        long start = System.nanoTime();
        List<Path> files = cohortFiles(Path.of(args[0]));
        long people = run(files, Path.of(args[1]));
        System.out.printf("baseline: people=%d files=%d ms=%d%n", people, files.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Writes one {@code patient_id,pathway} row per record of {@code files}; returns the number of rows. */
    static long run(List<Path> files, Path output) throws IOException {
        long people = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, PATHWAYS)) {
            for (Path file : files) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                        CSVParser parser = COHORT.parse(reader)) {
                    for (CSVRecord row : parser) {
                        printer.printRecord(row.get("patient_id"), pathway(cell(row, "recurrence_type")));
                        people++;
                    }
                }
            }
        }
        return people;
    }

    /** The minimal pathway rule: the recurrence type code's range, nothing else (rules.md has the real one). */
    static String pathway(String recurrenceType) {
        if (recurrenceType.length() != 2
                || !Character.isDigit(recurrenceType.charAt(0)) || !Character.isDigit(recurrenceType.charAt(1))) {
            return "UNDETERMINED";
        }
        int code = Integer.parseInt(recurrenceType);
        if (code >= 10 && code <= 39) {
            return "LOCAL_RECURRENCE";
        }
        if (code >= 40 && code <= 62) {
            return "DISTANT_METASTASIS";
        }
        return "UNDETERMINED";
    }

    static List<Path> cohortFiles(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        try (Stream<Path> entries = Files.list(input)) {
            return entries.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".csv"))
                    .sorted()
                    .toList();
        }
    }

    /** A short record (fewer cells than the header) has no such cell: the rule then reads it as empty. */
    private static String cell(CSVRecord row, String column) {
        return row.isSet(column) ? row.get(column) : "";
    }
}
