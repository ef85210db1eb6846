package ca.trialpath.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes synthetic cohort CSV files (cohort-csv.md, version 1) for benchmarks and tests. Pure JDK.
 *
 * <p>Deterministic: the same arguments give byte-identical files. Every file is generated from its own
 * random stream, so file {@code k} does not depend on how many files come after it. Rows look like a
 * registry export: mostly anal canal primaries treated by chemoradiation, a few perianal skin and
 * out-of-scope codes, dates before the run date 2026-11-27, provinces weighted by population, and
 * recurrence sites that mostly agree with the NAACCR recurrence type. With a bad-row rate above zero,
 * that fraction of rows is broken in one of six ways (see {@link BadKind}).
 *
 * <p>All people are fictional; patient ids are {@code P0000001}, {@code P0000002}, ... (per-file ranges).
 *
 * <pre>
 * java -cp target/test-classes ca.trialpath.bench.CohortGenerator --people 1000000 --files 1 --seed 42 --bad-rate 0.001 --out DIR
 * </pre>
 */
public final class CohortGenerator {

    /** The columns, in the order of cohort-csv.md. */
    public static final List<String> HEADER = List.of("patient_id", "birth_date", "sex", "province",
            "primary_site", "histology", "recurrence_date", "recurrence_type", "recurrence_sites",
            "prior_treatments", "surgery_possible", "symptoms", "ecog", "treatment_wish");

    public static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

    /** The ways a bad row is broken, and the reject reason the job should give it. */
    public enum BadKind {
        /** {@code primary_site} empty: MISSING_REQUIRED. */
        EMPTY_PRIMARY_SITE,
        /** {@code sex} = Q: INVALID_VALUE. */
        INVALID_SEX,
        /** {@code recurrence_date} = 2026-02-30: INVALID_VALUE. */
        INVALID_DATE,
        /** {@code recurrence_type} = 23 (not accepted by item 1880): INVALID_VALUE. */
        INVALID_RECURRENCE_TYPE,
        /** {@code recurrence_date} after the run date: INCONSISTENT_DATES. */
        RECURRENCE_AFTER_RUN_DATE,
        /** the {@code patient_id} of an earlier row (possibly in an earlier file): DUPLICATE_PATIENT_ID. */
        DUPLICATE_PATIENT_ID
    }

    /** What a call wrote. */
    public record Result(List<Path> files, long rows, long badRows) {
    }

    // ---- weighted vocabularies -------------------------------------------------------------------

    private static final Weighted SEX = new Weighted()
            .add("F", 540).add("M", 410).add("X", 8).add("U", 12).add("", 30);

    /** Roughly the 2024 population shares (per 10,000). */
    private static final Weighted PROVINCE = new Weighted()
            .add("ON", 3880).add("QC", 2180).add("BC", 1380).add("AB", 1200).add("MB", 360).add("SK", 300)
            .add("NS", 260).add("NB", 210).add("NL", 130).add("PE", 45).add("NT", 11).add("YT", 11)
            .add("NU", 10).add("", 80);

    private static final Weighted ANAL_CANAL_SITE = new Weighted()
            .add("C21.1", 560).add("C21.0", 90).add("C21.8", 80).add("C211", 40).add("C21.2", 10)
            .add("anal_canal", 120).add("anus", 80).add("Anal Canal", 20);

    private static final Weighted PERIANAL_SITE = new Weighted()
            .add("C44.5", 60).add("perianal_skin", 25).add("anal_margin", 15);

    private static final Weighted OUT_OF_SCOPE_SITE = new Weighted()
            .add("C20.9", 50).add("C18.7", 30).add("C61.9", 20);

    private static final Weighted HISTOLOGY = new Weighted()
            .add("8070/3", 700).add("8077/3", 90).add("8140/3", 110).add("8071/3", 30).add("8083/3", 20)
            .add("8123/3", 10).add("", 40);

    private static final Weighted CODE_LOCAL = new Weighted()
            .add("10", 70).add("13", 8).add("14", 6).add("15", 3).add("16", 3).add("17", 3).add("04", 2).add("06", 1);
    private static final Weighted CODE_REGIONAL = new Weighted()
            .add("20", 20).add("22", 25).add("21", 8).add("25", 6).add("26", 3).add("27", 3).add("30", 25).add("36", 10);
    private static final Weighted CODE_DISTANT = new Weighted()
            .add("40", 25).add("46", 1).add("51", 3).add("52", 12).add("53", 2).add("54", 15).add("55", 8)
            .add("56", 1).add("57", 1).add("58", 6).add("59", 2).add("60", 12).add("62", 15);
    private static final Weighted CODE_NONE = new Weighted().add("00", 60).add("70", 40);
    private static final Weighted CODE_UNKNOWN = new Weighted().add("88", 55).add("99", 45);
    private static final String[] ALL_CODES = {"00", "04", "06", "10", "13", "14", "15", "16", "17", "20", "21",
            "22", "25", "26", "27", "30", "36", "40", "46", "51", "52", "53", "54", "55", "56", "57", "58", "59",
            "60", "62", "70", "88", "99"};

    private static final Weighted LOCAL_SITE = new Weighted()
            .add("anal_canal", 50).add("anus", 20).add("perianal_skin", 10).add("anal_margin", 8).add("perineum", 12);
    private static final Weighted REGIONAL_SITE = new Weighted()
            .add("inguinal_nodes", 35).add("mesorectal_nodes", 12).add("perirectal_nodes", 10)
            .add("internal_iliac_nodes", 14).add("external_iliac_nodes", 6).add("regional_nodes", 8)
            .add("rectum", 10).add("adjacent_organ", 5);
    private static final Weighted DISTANT_SITE = new Weighted()
            .add("liver", 30).add("lung", 25).add("para_aortic_nodes", 10).add("common_iliac_nodes", 5)
            .add("distant_nodes", 6).add("bone", 10).add("peritoneum", 4).add("pleura", 2).add("brain", 1)
            .add("distant_skin", 2).add("bone_marrow", 1).add("other_distant", 4);
    /** Spellings a registry clerk types by hand; all mean a known term. */
    private static final String[][] ODD_SPELLING = {
            {"para_aortic_nodes", "Para-aortic nodes"}, {"inguinal_nodes", "Inguinal Nodes"},
            {"anal_canal", "anal canal"}, {"common_iliac_nodes", "common-iliac-nodes"},
            {"internal_iliac_nodes", "Internal iliac nodes"}, {"liver", "Liver"}, {"lung", "LUNG"},
            {"perianal_skin", "Perianal skin"}};
    private static final String[] UNKNOWN_SITE = {"spleen", "adrenal", "pelvic_sidewall", "ovary", "kidney"};

    private static final Weighted PRIOR = new Weighted()
            .add("chemoradiation", 680).add("surgery", 50).add("radiation", 25).add("chemotherapy", 20)
            .add("surgery;chemoradiation", 55).add("chemoradiation;chemotherapy", 30).add("surgery;radiation", 10)
            .add("surgery;chemotherapy", 10).add("", 120);
    private static final Weighted SURGERY_POSSIBLE = new Weighted()
            .add("", 380).add("yes", 200).add("no", 260).add("unknown", 160);
    private static final Weighted SYMPTOMS = new Weighted()
            .add("", 540).add("pain", 190).add("bleeding", 100).add("pain;bleeding", 70).add("fatigue", 60)
            .add("pain;fatigue", 30).add("bleeding;fatigue", 10);
    private static final Weighted ECOG = new Weighted()
            .add("0", 250).add("1", 300).add("2", 150).add("3", 60).add("4", 20).add("", 220);
    private static final Weighted WISH = new Weighted()
            .add("", 690).add("wants_treatment", 250).add("declines_treatment", 35).add("unable_to_have_treatment", 25);

    // ---- dates ------------------------------------------------------------------------------------

    private static final long FIRST_DAY = LocalDate.of(1920, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(2027, 12, 31).toEpochDay();
    private static final String[] DATE_TEXT = new String[(int) (LAST_DAY - FIRST_DAY + 1)];
    private static final long RECURRENCE_FROM = LocalDate.of(2016, 1, 1).toEpochDay();
    private static final long RUN_DAY = RUN_DATE.toEpochDay();

    static {
        for (int i = 0; i < DATE_TEXT.length; i++) {
            DATE_TEXT[i] = LocalDate.ofEpochDay(FIRST_DAY + i).toString();
        }
    }

    private static String date(long epochDay) {
        return DATE_TEXT[(int) (epochDay - FIRST_DAY)];
    }

    private CohortGenerator() {
    }

    // ---- public API -------------------------------------------------------------------------------

    /**
     * Writes {@code people} rows spread over {@code files} files {@code cohort-01.csv}, {@code cohort-02.csv},
     * ... in {@code dir} (created if missing). The first files take one row more when it does not divide.
     */
    public static Result write(Path dir, long people, int files, long seed, double badRowRate) throws IOException {
        if (files < 1 || people < 0 || badRowRate < 0 || badRowRate > 1) {
            throw new IllegalArgumentException("need files >= 1, people >= 0, 0 <= badRowRate <= 1");
        }
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        long bad = 0;
        long nextIndex = 1;
        int width = Math.max(2, String.valueOf(files).length());
        for (int f = 1; f <= files; f++) {
            long count = people / files + (f <= people % files ? 1 : 0);
            String name = "cohort-" + pad(f, width) + ".csv";
            Path file = dir.resolve(name);
            bad += writeFile(file, nextIndex, count, fileSeed(seed, f), badRowRate);
            written.add(file);
            nextIndex += count;
        }
        return new Result(List.copyOf(written), people, bad);
    }

    /** Writes one file of {@code people} rows with ids from {@code P0000001}. */
    public static Result writeSingle(Path file, long people, long seed, double badRowRate) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        long bad = writeFile(file, 1, people, fileSeed(seed, 1), badRowRate);
        return new Result(List.of(file), people, bad);
    }

    /**
     * Writes one file with patient ids {@code firstIndex .. firstIndex + people - 1}; returns the number of
     * bad rows. Duplicate-id bad rows reuse an id below the current one, so also ids of earlier files.
     */
    public static long writeFile(Path file, long firstIndex, long people, long seed, double badRowRate)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String[] cells = new String[HEADER.size()];
        StringBuilder line = new StringBuilder(256);
        long bad = 0;
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 18)) {
            appendRecord(line, HEADER.toArray(String[]::new));
            out.append(line);
            for (long i = 0; i < people; i++) {
                long index = firstIndex + i;
                fillRow(random, cells);
                cells[0] = patientId(index);
                if (badRowRate > 0 && random.nextDouble() < badRowRate) {
                    BadKind kind = BadKind.values()[random.nextInt(BadKind.values().length)];
                    if (kind == BadKind.DUPLICATE_PATIENT_ID && index == 1) {
                        kind = BadKind.EMPTY_PRIMARY_SITE;
                    }
                    breakRow(random, cells, kind, index);
                    bad++;
                }
                line.setLength(0);
                appendRecord(line, cells);
                out.append(line);
            }
        }
        return bad;
    }

    /** {@code P} and at least seven digits. */
    public static String patientId(long index) {
        return "P" + pad(index, 7);
    }

    // ---- rows -------------------------------------------------------------------------------------

    private enum Extent { LOCAL, LOCOREGIONAL, DISTANT, NONE }

    /** Fills the cells of a good row (all but {@code patient_id}), in {@link #HEADER} order. */
    static void fillRow(SplittableRandom r, String[] cells) {
        long recurrenceDay = RECURRENCE_FROM + r.nextLong(RUN_DAY - RECURRENCE_FROM + 1);
        int age = 35 + (int) ((r.nextDouble() + r.nextDouble()) / 2 * 56); // 35..90, peak early sixties
        long birthDay = recurrenceDay - (long) (age * 365.25) - r.nextInt(365);
        cells[1] = r.nextInt(100) < 3 ? "" : date(birthDay);
        cells[2] = SEX.pick(r);
        cells[3] = PROVINCE.pick(r);
        int scope = r.nextInt(1000);
        cells[4] = scope < 870 ? ANAL_CANAL_SITE.pick(r) : scope < 960 ? PERIANAL_SITE.pick(r) : OUT_OF_SCOPE_SITE.pick(r);
        cells[5] = HISTOLOGY.pick(r);
        cells[6] = r.nextInt(100) < 4 ? "" : date(recurrenceDay);

        int e = r.nextInt(1000);
        Extent extent = e < 430 ? Extent.LOCAL : e < 640 ? Extent.LOCOREGIONAL : e < 950 ? Extent.DISTANT : Extent.NONE;
        cells[7] = code(r, extent);
        cells[8] = extent == Extent.NONE ? "" : sites(r, extent);

        cells[9] = PRIOR.pick(r);
        cells[10] = SURGERY_POSSIBLE.pick(r);
        cells[11] = SYMPTOMS.pick(r);
        cells[12] = ECOG.pick(r);
        cells[13] = WISH.pick(r);
    }

    private static String code(SplittableRandom r, Extent extent) {
        int k = r.nextInt(100);
        if (extent == Extent.NONE) {
            return k < 55 ? CODE_NONE.pick(r) : k < 85 ? CODE_UNKNOWN.pick(r) : "";
        }
        if (k < 45) {
            return "";
        }
        if (k < 94) {
            return switch (extent) {
                case LOCAL -> CODE_LOCAL.pick(r);
                case LOCOREGIONAL -> CODE_REGIONAL.pick(r);
                default -> CODE_DISTANT.pick(r);
            };
        }
        if (k < 98) {
            return CODE_UNKNOWN.pick(r);
        }
        return ALL_CODES[r.nextInt(ALL_CODES.length)]; // a coding slip: may disagree with the sites
    }

    private static String sites(SplittableRandom r, Extent extent) {
        if (r.nextInt(100) < 15) {
            return ""; // only the code says where
        }
        StringBuilder s = new StringBuilder(48);
        switch (extent) {
            case LOCAL -> addSite(r, s, LOCAL_SITE.pick(r));
            case LOCOREGIONAL -> {
                if (r.nextInt(100) < 60) {
                    addSite(r, s, LOCAL_SITE.pick(r));
                }
                addSite(r, s, REGIONAL_SITE.pick(r));
                if (r.nextInt(100) < 20) {
                    addSite(r, s, REGIONAL_SITE.pick(r));
                }
            }
            default -> {
                if (r.nextInt(100) < 25) {
                    addSite(r, s, LOCAL_SITE.pick(r));
                }
                addSite(r, s, DISTANT_SITE.pick(r));
                int more = r.nextInt(100);
                if (more < 30) {
                    addSite(r, s, DISTANT_SITE.pick(r));
                }
                if (more < 8) {
                    addSite(r, s, DISTANT_SITE.pick(r));
                }
            }
        }
        if (r.nextInt(1000) < 6) {
            addSite(r, s, UNKNOWN_SITE[r.nextInt(UNKNOWN_SITE.length)]);
        }
        return s.toString();
    }

    private static void addSite(SplittableRandom r, StringBuilder s, String term) {
        if (r.nextInt(100) < 4) {
            for (String[] odd : ODD_SPELLING) {
                if (odd[0].equals(term)) {
                    term = odd[1];
                    break;
                }
            }
        }
        if (s.length() > 0) {
            s.append(';');
        }
        s.append(term);
    }

    private static void breakRow(SplittableRandom r, String[] cells, BadKind kind, long index) {
        switch (kind) {
            case EMPTY_PRIMARY_SITE -> cells[4] = "";
            case INVALID_SEX -> cells[2] = "Q";
            case INVALID_DATE -> cells[6] = "2026-02-30";
            case INVALID_RECURRENCE_TYPE -> cells[7] = "23";
            case RECURRENCE_AFTER_RUN_DATE -> cells[6] = date(RUN_DAY + 1 + r.nextInt(34));
            case DUPLICATE_PATIENT_ID -> cells[0] = patientId(1 + r.nextLong(index - 1));
        }
    }

    // ---- CSV --------------------------------------------------------------------------------------

    /** Appends one record and its LF; a cell is quoted (RFC 4180) only when it needs to be. */
    static void appendRecord(StringBuilder out, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            appendCell(out, cells[i]);
        }
        out.append('\n');
    }

    static void appendCell(StringBuilder out, String cell) {
        boolean quote = false;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            out.append(cell);
            return;
        }
        out.append('"');
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static String pad(long value, int width) {
        String digits = Long.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    private static long fileSeed(long seed, int fileNumber) {
        long z = seed + fileNumber * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Values with integer weights; a pick is one bounded random int and a short scan. */
    static final class Weighted {
        private final List<String> values = new ArrayList<>();
        private final List<Integer> limits = new ArrayList<>();
        private String[] valueArray;
        private int[] limitArray;
        private int total;

        Weighted add(String value, int weight) {
            total += weight;
            values.add(value);
            limits.add(total);
            valueArray = values.toArray(String[]::new);
            limitArray = limits.stream().mapToInt(Integer::intValue).toArray();
            return this;
        }

        String pick(SplittableRandom r) {
            int x = r.nextInt(total);
            int[] l = limitArray;
            for (int i = 0; i < l.length; i++) {
                if (x < l[i]) {
                    return valueArray[i];
                }
            }
            throw new IllegalStateException();
        }
    }

    // ---- CLI --------------------------------------------------------------------------------------

    public static void main(String[] args) throws IOException {
        long people = 1_000_000;
        int files = 1;
        long seed = 42;
        double badRate = 0.0;
        Path out = null;
        Path single = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                usage(null);
                return;
            }
            if (i + 1 >= args.length) {
                usage("missing value for " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--people" -> people = Long.parseLong(v.replace("_", ""));
                case "--files" -> files = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--bad-rate" -> badRate = Double.parseDouble(v);
                case "--out" -> out = Path.of(v);
                case "--file" -> single = Path.of(v);
                default -> usage("unknown option " + a);
            }
        }
        if ((out == null) == (single == null)) {
            usage("give exactly one of --out DIR or --file FILE");
        }
        long start = System.nanoTime();
        Result result = single != null
                ? writeSingle(single, people, seed, badRate)
                : write(out, people, files, seed, badRate);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("wrote %d rows (%d bad) in %d file(s) to %s in %.2f s%n", result.rows(), result.badRows(),
                result.files().size(), single != null ? single : out, seconds);
    }

    private static void usage(String error) {
        String text = """
                usage: java -cp target/test-classes ca.trialpath.bench.CohortGenerator \
                [--people N] [--files K] [--seed S] [--bad-rate R] (--out DIR | --file FILE)
                  --people   rows in all (default 1000000)
                  --files    number of files cohort-01.csv ... in DIR (default 1)
                  --seed     random seed (default 42); same seed, same bytes
                  --bad-rate fraction of broken rows, 0..1 (default 0)
                  --out      directory for cohort-NN.csv files
                  --file     write one file instead""";
        if (error != null) {
            System.err.println(error);
            System.err.println(text);
            System.exit(2);
        }
        System.out.println(text);
    }
}
