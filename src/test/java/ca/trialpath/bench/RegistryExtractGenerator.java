package ca.trialpath.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a fictional whole-registry NAACCR XML extract (naaccr.md) and the clinic's supplement CSV for its anal
 * cancer patients, for benchmarks, tests and sample-data/naaccr/. Pure JDK, deterministic for the same arguments,
 * streaming (a million patients in flat memory). Most patients have no anal tumour (breast, prostate, colon, lung,
 * skin of the trunk), as in a real registry; a given share has one or two anal tumours, with recurrence and treatment
 * summary items. All people are fictional: ids {@code R0000001}, {@code R0000002}, ...
 *
 * <pre>
 * java -cp target/test-classes ca.trialpath.bench.RegistryExtractGenerator --patients 1000000 --anal-share 0.02 \
 *     --seed 42 --spec 1.8 --out extract.xml.gz [--supplement supplement.csv]
 * </pre>
 */
public final class RegistryExtractGenerator {

    private static final String[] OTHER_SITES = { "C509", "C619", "C189", "C349", "C209", "C445", "C679", "C739" };
    private static final String[] ANAL_SITES = { "C211", "C211", "C211", "C210", "C218", "C212" };
    private static final String[] STATES = { "ON", "ON", "ON", "QC", "QC", "BC", "AB", "MB", "SK", "NS", "NB", "NL", "PE",
            "NT", "YT", "NU", "WA", "NY" };
    private static final String[] RECURRENCE_TYPES = { "00", "00", "10", "10", "13", "20", "22", "25", "30", "40", "51",
            "53", "59", "62", "88", "99" };
    private static final String[] SITE_TERMS_LOCAL = { "anal_canal", "anal_margin", "perianal_skin" };
    private static final String[] SITE_TERMS_DISTANT = { "liver", "lung", "bone", "para_aortic_nodes" };

    /** What a call wrote. */
    public record Result(long patients, long analPatients, long supplementRows) {
    }

    private RegistryExtractGenerator() {
    }

    public static Result write(Path extract, Path supplement, long patients, double analShare, long seed, String spec)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String naaccr = switch (spec) {
            case "1.6" -> "230";
            case "1.7" -> "250";
            default -> "260";
        };
        long anal = 0;
        long supplementRows = 0;
        try (OutputStream file = Files.newOutputStream(extract);
                OutputStream bytes = extract.toString().endsWith(".gz") ? new GZIPOutputStream(file, 64 * 1024) : file;
                Writer xml = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 64 * 1024);
                Writer csv = supplement == null ? Writer.nullWriter()
                        : Files.newBufferedWriter(supplement, StandardCharsets.UTF_8)) {
            xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- fictional registry extract, written by "
                    + "RegistryExtractGenerator (seed " + seed + "); no real person -->\n");
            xml.write("<NaaccrData baseDictionaryUri=\"http://naaccr.org/naaccrxml/naaccr-dictionary-" + naaccr
                    + ".xml\" recordType=\"A\" specificationVersion=\"" + spec + "\" xmlns=\"http://naaccr.org/naaccrxml\">\n");
            xml.write("  <Item naaccrId=\"registryId\">0000009999</Item>\n");
            csv.write("patient_id,recurrence_sites,surgery_possible,symptoms,ecog,treatment_wish\n");
            for (long n = 1; n <= patients; n++) {
                String id = String.format("R%07d", n);
                boolean isAnal = random.nextDouble() < analShare;
                LocalDate birth = LocalDate.of(1935, 1, 1).plusDays(random.nextInt(365 * 50));
                xml.write("  <Patient>\n");
                item(xml, "    ", "patientIdNumber", id);
                item(xml, "    ", spec.equals("1.8") ? "sexAssignedAtBirth" : "sex", pick(random, "1", "2", "2", "9", "3"));
                item(xml, "    ", "dateOfBirth", random.nextInt(20) == 0 ? String.valueOf(birth.getYear())
                        : birth.toString().replace("-", ""));
                int tumours = isAnal ? 1 + (random.nextInt(6) == 0 ? 1 : 0) : 1 + random.nextInt(2);
                String state = pick(random, STATES);
                String recurrence = "00";
                for (int t = 0; t < tumours; t++) {
                    boolean analTumour = isAnal && t == 0 || isAnal && random.nextBoolean();
                    LocalDate diagnosis = birth.plusYears(40).plusDays(random.nextInt(365 * 20));
                    if (diagnosis.isAfter(LocalDate.of(2025, 12, 31))) {
                        diagnosis = LocalDate.of(2025, 12, 31).minusDays(random.nextInt(3000));
                    }
                    xml.write("    <Tumor>\n");
                    item(xml, "      ", "addrAtDxState", state);
                    item(xml, "      ", "dateOfDiagnosis", diagnosis.toString().replace("-", ""));
                    item(xml, "      ", "primarySite", analTumour ? pick(random, ANAL_SITES) : pick(random, OTHER_SITES));
                    item(xml, "      ", "histologicTypeIcdO3", analTumour ? pick(random, "8070", "8070", "8071", "8083", "8140") : "8500");
                    item(xml, "      ", "behaviorCodeIcdO3", "3");
                    if (analTumour) {
                        if (diagnosis.getYear() >= 2023) {
                            item(xml, "      ", "rxSummSurgPrimSite2023", pick(random, "A000", "A000", "A000", "A200", "A990"));
                        } else {
                            item(xml, "      ", "rxSummSurgPrimSite", pick(random, "00", "00", "00", "30", "99"));
                        }
                        item(xml, "      ", "rxSummRadiation", pick(random, "1", "1", "1", "0", "9"));
                        item(xml, "      ", "rxSummChemo", pick(random, "03", "03", "02", "00", "99"));
                        String type = pick(random, RECURRENCE_TYPES);
                        item(xml, "      ", "recurrenceType1st", type);
                        if (!type.equals("00") && !type.equals("99") && !type.equals("88")) {
                            recurrence = type;
                            LocalDate when = diagnosis.plusDays(200 + random.nextInt(1500));
                            if (when.isAfter(LocalDate.of(2026, 11, 1))) {
                                when = LocalDate.of(2026, 11, 1).minusDays(random.nextInt(200));
                            }
                            item(xml, "      ", "recurrenceDate1st", when.toString().replace("-", ""));
                        }
                    }
                    item(xml, "      ", "vitalStatus", "1"); // an item the mapping ignores
                    xml.write("    </Tumor>\n");
                }
                xml.write("  </Patient>\n");
                if (isAnal) {
                    anal++;
                    if (!recurrence.equals("00")) {
                        supplementRows++;
                        String sites = recurrence.compareTo("40") >= 0 ? pick(random, SITE_TERMS_DISTANT)
                                : pick(random, SITE_TERMS_LOCAL);
                        csv.write(id + "," + sites + "," + pick(random, "yes", "no", "unknown", "") + ","
                                + pick(random, "", "", "anal_pain", "bleeding;anal_pain") + "," + random.nextInt(4) + ","
                                + pick(random, "", "wants_treatment", "declines_treatment") + "\n");
                    }
                }
            }
            xml.write("</NaaccrData>\n");
        }
        return new Result(patients, anal, supplementRows);
    }

    private static void item(Writer xml, String indent, String id, String value) throws IOException {
        xml.write(indent);
        xml.write("<Item naaccrId=\"");
        xml.write(id);
        xml.write("\">");
        xml.write(value);
        xml.write("</Item>\n");
    }

    private static String pick(SplittableRandom random, String... values) {
        return values[random.nextInt(values.length)];
    }

    public static void main(String[] args) throws IOException {
        long patients = 1000;
        double share = 0.05;
        long seed = 42;
        String spec = "1.8";
        Path out = null;
        Path supplement = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--patients" -> patients = Long.parseLong(args[i + 1]);
                case "--anal-share" -> share = Double.parseDouble(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--spec" -> spec = args[i + 1];
                case "--out" -> out = Path.of(args[i + 1]);
                case "--supplement" -> supplement = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out FILE is required");
        }
        Result result = write(out, supplement, patients, share, seed, spec);
        System.out.println(out + ": " + result.patients() + " patients, " + result.analPatients()
                + " with an anal tumour; supplement rows " + result.supplementRows());
    }
}
