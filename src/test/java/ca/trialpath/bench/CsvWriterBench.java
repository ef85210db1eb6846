package ca.trialpath.bench;

import ca.trialpath.output.csv.CsvWriter;
import ca.trialpath.output.csv.PublishedCsv;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.csv.CSVPrinter;

/**
 * What printing a CSV cell costs with Commons CSV's {@code CSVPrinter} (in {@link PublishedCsv#FORMAT}) and with
 * {@link CsvWriter}, on rows shaped like those of {@code trial_matches.csv} (12 cells: ids, enum names, a count)
 * and {@code assessments.csv} (17 cells: ids, a file name, line numbers, {@code ;}-lists, a boolean, an age), into
 * a {@code StringBuilder} handed over every 64 KiB as the staged writer does. Both print the same rows and the
 * bytes are compared; after warm-up rounds, each round prints the rows with each in turn, and the median ns per
 * cell of each and their ratio are printed.
 *
 * <pre>java -cp CLASSPATH ca.trialpath.bench.CsvWriterBench [MILLION_ROWS] [ROUNDS]</pre>
 */
public final class CsvWriterBench {

    private static final int HAND_OVER_AT = 64 * 1024;
    private static final List<String> VERDICTS = List.of("MET", "MET", "MET", "UNKNOWN", "FAILED");
    private static final List<String> OPTIONS = List.of("LR1", "LR2", "LR3", "LR4", "DM1", "DM2", "DM4");
    private static final List<String> FLAGS = List.of("ECOG_MISSING", "UNKNOWN_SITE_TERM", "PERSISTENT_DISEASE",
            "HIV_STATUS_UNKNOWN");
    private static final List<String> PROVINCES = List.of("ON", "QC", "BC", "AB", "MB", "NS", "");

    private CsvWriterBench() {
    }

    public static void main(String[] args) throws IOException {
        double million = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long rows = (long) (million * 1_000_000);
        for (String file : List.of("trial_matches", "assessments")) {
            String[][] pool = file.equals("trial_matches") ? trialMatches(4096) : assessments(4096);
            long cells = rows * pool[0].length;
            check(pool);
            for (int i = 0; i < 3; i++) { // warm-up: the JIT, both ways
                printer(pool, rows / 4);
                writer(pool, rows / 4);
            }
            long[] printer = new long[rounds];
            long[] writer = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                printer[i] = printer(pool, rows);
                writer[i] = writer(pool, rows);
            }
            Arrays.sort(printer);
            Arrays.sort(writer);
            double printerNs = (double) printer[rounds / 2] / cells;
            double writerNs = (double) writer[rounds / 2] / cells;
            System.out.printf(Locale.ROOT, "file=%s rows=%d cells=%d rounds=%d CSVPrinter_ns_per_cell=%.2f"
                    + " CsvWriter_ns_per_cell=%.2f ratio=%.2f%n", file, rows, cells, rounds, printerNs, writerNs,
                    printerNs / writerNs);
        }
    }

    /** The nanoseconds the printer takes for {@code rows} rows of the pool, in turn. */
    private static long printer(String[][] pool, long rows) throws IOException {
        StringBuilder out = new StringBuilder(HAND_OVER_AT + HAND_OVER_AT / 4);
        long sink = 0;
        long start = System.nanoTime();
        CSVPrinter printer = PublishedCsv.FORMAT.print(out);
        for (long r = 0; r < rows; r++) {
            for (String cell : pool[(int) (r % pool.length)]) {
                printer.print(cell);
            }
            printer.println();
            if (out.length() >= HAND_OVER_AT) {
                sink += out.length();
                out.setLength(0);
            }
        }
        long nanos = System.nanoTime() - start;
        return sink + out.length() > 0 ? nanos : -1;
    }

    /** The nanoseconds the writer takes for the same rows. */
    private static long writer(String[][] pool, long rows) throws IOException {
        StringBuilder out = new StringBuilder(HAND_OVER_AT + HAND_OVER_AT / 4);
        long sink = 0;
        long start = System.nanoTime();
        CsvWriter writer = new CsvWriter(out);
        for (long r = 0; r < rows; r++) {
            for (String cell : pool[(int) (r % pool.length)]) {
                writer.cell(cell);
            }
            writer.endRecord();
            if (out.length() >= HAND_OVER_AT) {
                sink += out.length();
                out.setLength(0);
            }
        }
        long nanos = System.nanoTime() - start;
        return sink + out.length() > 0 ? nanos : -1;
    }

    /** Fails when the two do not print the same characters for the pool. */
    private static void check(String[][] pool) throws IOException {
        StringBuilder printed = new StringBuilder();
        CSVPrinter printer = PublishedCsv.FORMAT.print(printed);
        StringBuilder written = new StringBuilder();
        CsvWriter writer = new CsvWriter(written);
        for (String[] row : pool) {
            printer.printRecord((Object[]) row);
            writer.record(row);
        }
        if (!printed.toString().equals(written.toString())) {
            throw new IllegalStateException("CsvWriter and CSVPrinter differ");
        }
    }

    private static String[][] trialMatches(int size) {
        Random random = new Random(11);
        String[][] rows = new String[size][];
        for (int i = 0; i < size; i++) {
            String[] row = new String[12];
            row[0] = String.format(Locale.ROOT, "P%07d", random.nextInt(1_000_000));
            row[1] = String.format(Locale.ROOT, "NCT%08d", random.nextInt(100_000_000));
            row[2] = random.nextInt(4) == 0 ? "NEAR_MISS" : "MATCH";
            row[3] = Integer.toString(random.nextInt(12));
            for (int c = 4; c < 12; c++) {
                row[c] = VERDICTS.get(random.nextInt(VERDICTS.size()));
            }
            rows[i] = row;
        }
        return rows;
    }

    private static String[][] assessments(int size) {
        Random random = new Random(13);
        String[][] rows = new String[size][];
        for (int i = 0; i < size; i++) {
            int options = random.nextInt(3);
            StringBuilder codes = new StringBuilder();
            for (int o = 0; o < options; o++) {
                codes.append(o == 0 ? "" : ";").append(OPTIONS.get(random.nextInt(OPTIONS.size())));
            }
            StringBuilder matched = new StringBuilder();
            for (int m = random.nextInt(8); m > 0; m--) {
                matched.append(matched.isEmpty() ? "" : ";")
                        .append(String.format(Locale.ROOT, "NCT%08d", random.nextInt(100_000_000)));
            }
            rows[i] = new String[] {String.format(Locale.ROOT, "P%07d", random.nextInt(1_000_000)),
                "cohort-" + random.nextInt(8) + ".csv", Integer.toString(2 + random.nextInt(1_000_000)), "C21.1",
                random.nextBoolean() ? "LOCAL_RECURRENCE" : "DISTANT_METASTASIS",
                random.nextBoolean() ? "REGIONAL" : "", random.nextBoolean() ? "CURATIVE" : "PALLIATIVE",
                codes.toString(), codes.toString(), Boolean.toString(random.nextBoolean()),
                random.nextBoolean() ? "HIGH" : "ROUTINE",
                random.nextInt(3) == 0 ? FLAGS.get(random.nextInt(FLAGS.size())) : "",
                Integer.toString(30 + random.nextInt(60)), PROVINCES.get(random.nextInt(PROVINCES.size())),
                "nccn-anal-2025.2", matched.toString(), "T" + (1 + random.nextInt(4))};
        }
        return rows;
    }
}
