package ca.trialpath.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds the committed sample cohort in {@code sample-data/}: two files of about 220 fictional people that
 * exercise every rule id, pathway, review flag, trial priority, reject reason and the format variety of
 * cohort-csv.md, plus a README that lists every special row with its file, line and expected outcome.
 * Reproducible: background rows come from {@link CohortGenerator} with a fixed seed.
 *
 * <pre>
 * java -cp target/test-classes ca.trialpath.bench.SampleDataBuilder [DIR]   (default: sample-data)
 * </pre>
 */
public final class SampleDataBuilder {

    public static final String FILE_A = "cohort-2026-11-a.csv";
    public static final String FILE_B = "cohort-2026-11-b.csv";
    static final int ROWS_A = 120;
    static final int ROWS_B = 100;
    static final long SEED = 20261127L;

    /** File b: another column order, header names in mixed case with spaces around, one extra column. */
    static final List<String> HEADER_B = List.of(" Patient_ID ", "Primary_Site", "Recurrence_Type ",
            " RECURRENCE_SITES", "Prior_Treatments", "surgery_possible", " Symptoms", "Treatment_Wish",
            "registry_note", "Birth_Date", " sex", "Province", "HISTOLOGY", "recurrence_date ", "ECOG");

    /** What the job should do with a special row. */
    public record Expect(String pathway, String extent, List<String> options, List<String> flags, String priority,
            String rejectReason) {

        boolean rejected() {
            return rejectReason != null;
        }

        String describe() {
            if (rejected()) {
                return "rejected: " + rejectReason;
            }
            return pathway + (extent == null ? "" : " (" + extent + ")")
                    + "; options: " + (options.isEmpty() ? "none" : String.join(" ", options))
                    + "; flags: " + (flags.isEmpty() ? "none" : String.join(" ", flags))
                    + "; trial: " + priority + " (" + trialRule() + ")";
        }

        /** The row of rules.md section 5 that gives this priority on this pathway (T1-T4). */
        String trialRule() {
            return switch (priority) {
                case "NONE" -> "T1";
                case "HIGH" -> pathway.equals(DM) ? "T2" : "T3";
                default -> "T4";
            };
        }
    }

    /** A special row: the cells it sets (canonical column names) on top of a realistic background row. */
    public record Special(String purpose, Map<String, String> cells, Expect expect) {
    }

    /** Where a special row ended up. */
    public record Placed(String file, int line, String patientId, Special special) {
    }

    private SampleDataBuilder() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-data");
        List<Placed> placed = build(dir);
        System.out.println("wrote " + dir.resolve(FILE_A) + ", " + dir.resolve(FILE_B) + " and README.md; "
                + placed.size() + " special rows");
    }

    // ---- the special rows -------------------------------------------------------------------------

    private static Expect ok(String pathway, String extent, String options, String flags, String priority) {
        return new Expect(pathway, extent, split(options), split(flags), priority, null);
    }

    private static Expect reject(String reason) {
        return new Expect(null, null, List.of(), List.of(), null, reason);
    }

    private static List<String> split(String words) {
        return words.isBlank() ? List.of() : List.of(words.trim().split("\\s+"));
    }

    /**
     * Cells in the order primary_site, recurrence_type, recurrence_sites, prior_treatments, surgery_possible,
     * symptoms, treatment_wish; further pairs (column, value) may follow.
     */
    private static Special special(String purpose, Expect expect, String primary, String code, String sites,
            String prior, String surgery, String symptoms, String wish, String... more) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("primary_site", primary);
        cells.put("recurrence_type", code);
        cells.put("recurrence_sites", sites);
        cells.put("prior_treatments", prior);
        cells.put("surgery_possible", surgery);
        cells.put("symptoms", symptoms);
        cells.put("treatment_wish", wish);
        for (int i = 0; i < more.length; i += 2) {
            cells.put(more[i], more[i + 1]);
        }
        return new Special(purpose, cells, expect);
    }

    static final String LR = "LOCAL_RECURRENCE";
    static final String DM = "DISTANT_METASTASIS";
    static final String UD = "UNDETERMINED";
    static final String NR = "NOT_RECURRENT";
    static final String OS = "OUT_OF_SCOPE";

    static List<Special> specialsA() {
        return List.of(
                special("LR1 + LR5: surgery was the only prior treatment", ok(LR, "LOCAL", "LR1 LR5", "", "ROUTINE"),
                        "C21.1", "10", "anal_canal", "surgery", "yes", "", "wants_treatment"),
                special("LR2: chemoradiation before, surgery possible", ok(LR, "LOCAL", "LR2", "", "ROUTINE"),
                        "C21.1", "13", "anus", "chemoradiation", "yes", "", ""),
                special("LR2 with surgery_possible empty: SURGICAL_ASSESSMENT_NEEDED",
                        ok(LR, "LOCAL", "LR2", "SURGICAL_ASSESSMENT_NEEDED", "ROUTINE"),
                        "anal_canal", "", "perineum", "chemoradiation", "", "pain", ""),
                special("LR3 (+ LR2): perianal skin primary, chemoradiation before",
                        ok(LR, "LOCAL", "LR2 LR3", "", "ROUTINE"),
                        "C44.5", "10", "perianal_skin", "chemoradiation", "yes", "", ""),
                special("LR4 only: chemoradiation before, surgery not possible, code 22 (regional nodes only) -> trial HIGH",
                        ok(LR, "LOCOREGIONAL", "LR4", "NODAL_RECURRENCE_ONLY", "HIGH"),
                        "C21.1", "22", "inguinal_nodes", "chemoradiation", "no", "", "wants_treatment"),
                special("LR5: radiation not used before (chemotherapy only)", ok(LR, "LOCAL", "LR5", "", "ROUTINE"),
                        "C21.0", "10", "anal_canal", "chemotherapy", "no", "", ""),
                special("NO_STANDARD_OPTION: prior radiation alone -> trial HIGH",
                        ok(LR, "LOCOREGIONAL", "", "NO_STANDARD_OPTION", "HIGH"),
                        "C21.1", "30", "anal_canal;mesorectal_nodes", "radiation", "unknown", "", ""),
                special("PRIOR_TREATMENT_MISSING: local recurrence, prior_treatments empty",
                        ok(LR, "LOCAL", "", "PRIOR_TREATMENT_MISSING", "ROUTINE"),
                        "anus", "10", "anus", "", "yes", "", ""),
                special("DM1 + DM2: distant (liver), no symptoms", ok(DM, "DISTANT", "DM1 DM2", "", "HIGH"),
                        "C21.1", "54", "liver", "chemoradiation", "no", "", ""),
                special("DM3 + DM4: code 60 with liver and anal canal, pain, surgery possible",
                        ok(DM, "DISTANT", "DM1 DM2 DM3 DM4", "", "HIGH"),
                        "C21.1", "60", "liver;anal_canal", "chemoradiation", "yes", "pain", ""),
                special("DM4 with surgery_possible unknown: SURGICAL_ASSESSMENT_NEEDED (local part from code 60)",
                        ok(DM, "DISTANT", "DM1 DM2 DM3 DM4", "SURGICAL_ASSESSMENT_NEEDED", "HIGH"),
                        "C21.8", "60", "lung", "chemoradiation", "unknown", "bleeding", ""),
                special("DM3 without DM4: bleeding, disease at the anus (anal canal), surgery not possible",
                        ok(DM, "DISTANT", "DM1 DM2 DM3", "", "HIGH"),
                        "C21.1", "", "lung;anal_canal", "chemoradiation", "no", "bleeding", ""),
                special("SYMPTOMS_WITHOUT_LOCAL_TUMOUR: pain, lung only",
                        ok(DM, "DISTANT", "DM1 DM2", "SYMPTOMS_WITHOUT_LOCAL_TUMOUR", "HIGH"),
                        "C21.1", "52", "lung", "chemoradiation", "", "pain", ""),
                special("RECURRENCE_TYPE_SITE_CONFLICT: local code 10 beside a distant site",
                        ok(DM, "DISTANT", "DM1 DM2", "RECURRENCE_TYPE_SITE_CONFLICT", "HIGH"),
                        "C21.1", "10", "para_aortic_nodes", "chemoradiation", "no", "", ""),
                special("RECURRENCE_TYPE_SITE_CONFLICT: distant code 40 with only a local site",
                        ok(DM, "DISTANT", "DM1 DM2", "RECURRENCE_TYPE_SITE_CONFLICT", "HIGH"),
                        "C21.1", "40", "anal_canal", "chemoradiation", "no", "", ""),
                special("RECURRENCE_TYPE_SITE_CONFLICT: code 00 (disease-free) but a local site",
                        ok(LR, "LOCAL", "LR2", "RECURRENCE_TYPE_SITE_CONFLICT", "ROUTINE"),
                        "C21.1", "00", "anus", "chemoradiation", "yes", "", ""),
                special("UNKNOWN_SITE_TERM alone (spleen) -> UNDETERMINED (P2)",
                        ok(UD, null, "", "UNKNOWN_SITE_TERM", "ROUTINE"),
                        "C21.1", "", "spleen", "chemoradiation", "yes", "", ""),
                special("UNKNOWN_SITE_TERM beside a distant site: distant settles it (P1)",
                        ok(DM, "DISTANT", "DM1 DM2", "UNKNOWN_SITE_TERM", "HIGH"),
                        "C21.1", "", "spleen;liver", "chemoradiation", "", "", ""),
                special("RECURRENCE_SITE_MISSING: code 88, no sites (P5)",
                        ok(UD, null, "", "RECURRENCE_SITE_MISSING", "ROUTINE"),
                        "C21.1", "88", "", "chemoradiation", "", "", ""),
                special("RECURRENCE_SITE_MISSING: neither code nor sites (P5)",
                        ok(UD, null, "", "RECURRENCE_SITE_MISSING", "ROUTINE"),
                        "anal_canal", "", "", "chemoradiation", "yes", "", ""),
                special("NO_RECURRENCE_RECORDED: code 00, no sites (P4)",
                        ok(NR, null, "", "NO_RECURRENCE_RECORDED", "NONE"),
                        "C21.1", "00", "", "chemoradiation", "", "", ""),
                special("PERSISTENT_DISEASE: code 70 (never disease-free), no sites (P4b, v1 said not recurrent)",
                        ok(UD, null, "", "PERSISTENT_DISEASE", "ROUTINE"),
                        "C21.0", "70", "", "chemoradiation", "", "", ""),
                special("OUT_OF_SCOPE: rectum primary C20.9 with liver sites (P0: nothing else read)",
                        ok(OS, null, "", "", "NONE"),
                        "C20.9", "54", "liver", "chemoradiation", "", "pain", ""),
                special("OUT_OF_SCOPE: prostate primary C61.9", ok(OS, null, "", "", "NONE"),
                        "C61.9", "", "", "radiation", "", "", "", "sex", "M"),
                special("SC1 on LOCAL_RECURRENCE: declines_treatment", ok(LR, "LOCAL", "SC1", "", "NONE"),
                        "C21.1", "10", "anal_canal", "chemoradiation", "yes", "", "declines_treatment"),
                special("SC1 on DISTANT_METASTASIS: unable_to_have_treatment", ok(DM, "DISTANT", "SC1", "", "NONE"),
                        "C21.1", "62", "liver;lung", "chemoradiation", "no", "", "unable_to_have_treatment"),
                special("SC1 on UNDETERMINED: code 99, declines_treatment",
                        ok(UD, null, "SC1", "RECURRENCE_SITE_MISSING", "NONE"),
                        "C21.1", "99", "", "chemoradiation", "", "", "declines_treatment"),
                special("reject MISSING_REQUIRED: primary_site empty", reject("MISSING_REQUIRED"),
                        "", "10", "anal_canal", "chemoradiation", "yes", "", ""),
                special("reject INVALID_VALUE (column sex): 'Q'", reject("INVALID_VALUE"),
                        "C21.1", "10", "anus", "chemoradiation", "yes", "", "", "sex", "Q"),
                special("reject INCONSISTENT_DATES: recurrence_date 2026-12-03 is after the run date 2026-11-27",
                        reject("INCONSISTENT_DATES"),
                        "C21.1", "22", "inguinal_nodes", "chemoradiation", "no", "", "",
                        "recurrence_date", "2026-12-03"));
    }

    /**
     * The rows of rules v2 (rules.md, section 0), in file a between the rows of v1: every new flag at least
     * once, and the v1 findings of the clinical review (histology, in situ, code 70, nodes only, ECOG 4, the
     * pain and bleeding synonyms).
     */
    static List<Special> specialsV2() {
        return List.of(
                special("NON_SQUAMOUS_HISTOLOGY: anal melanoma 8720/3 after chemoradiation (v1 offered an APR)",
                        ok(LR, "LOCAL", "", "NON_SQUAMOUS_HISTOLOGY", "ROUTINE"),
                        "C21.1", "10", "anal_canal", "chemoradiation", "yes", "", "", "histology", "8720/3"),
                special("NON_SQUAMOUS_HISTOLOGY: adenocarcinoma 8140/3, distant (trial as for the pathway)",
                        ok(DM, "DISTANT", "", "NON_SQUAMOUS_HISTOLOGY", "HIGH"),
                        "C21.1", "54", "liver", "chemoradiation", "no", "", "", "histology", "8140/3"),
                special("PRIMARY_NOT_INVASIVE: benign primary 8052/0 (not a cancer: no options, no trial)",
                        ok(LR, "LOCAL", "", "PRIMARY_NOT_INVASIVE", "NONE"),
                        "C21.1", "10", "anus", "surgery", "yes", "", "", "histology", "8052/0"),
                special("PRIMARY_IN_SITU: in situ primary 8077/2, chemoradiation before -> LR2 and the flag",
                        ok(LR, "LOCAL", "LR2", "PRIMARY_IN_SITU", "ROUTINE"),
                        "C21.1", "10", "anal_canal", "chemoradiation", "yes", "", "", "histology", "8077/2"),
                special("HISTOLOGY_NOT_SPECIFIC: carcinoma NOS 8010/3 -> the options and the flag",
                        ok(LR, "LOCAL", "LR1 LR5", "HISTOLOGY_NOT_SPECIFIC", "ROUTINE"),
                        "C21.1", "10", "anal_canal", "surgery", "yes", "", "", "histology", "8010/3"),
                special("IN_SITU_RECURRENCE: code 04 (the recurrence is in situ): no options, no trial",
                        ok(LR, "LOCAL", "", "IN_SITU_RECURRENCE", "NONE"),
                        "C21.1", "04", "anus", "surgery", "yes", "", ""),
                special("PRIMARY_IN_SITU: code 16 (recurrence of an in situ primary), surgery not possible -> LR4",
                        ok(LR, "LOCAL", "LR4", "PRIMARY_IN_SITU", "HIGH"),
                        "C21.1", "16", "anal_canal", "chemoradiation", "no", "", ""),
                special("PERSISTENT_DISEASE beside a site: code 70 with anal canal, the site decides, no conflict",
                        ok(LR, "LOCAL", "LR2", "PERSISTENT_DISEASE", "ROUTINE"),
                        "C21.1", "70", "anal_canal", "chemoradiation", "yes", "", ""),
                special("NODAL_RECURRENCE_ONLY: perianal skin primary, inguinal nodes only (v1 offered APR + WLE)",
                        ok(LR, "LOCOREGIONAL", "", "NO_STANDARD_OPTION NODAL_RECURRENCE_ONLY", "HIGH"),
                        "C44.5", "", "inguinal_nodes", "chemoradiation", "yes", "", ""),
                special("DM3 from a synonym: rectal_bleeding with disease in the anal canal",
                        ok(DM, "DISTANT", "DM1 DM2 DM3", "", "HIGH"),
                        "C21.1", "", "liver;anal_canal", "chemoradiation", "no", "rectal_bleeding", ""),
                special("SYMPTOMS_WITHOUT_LOCAL_TUMOUR: anal_pain, lung and an inguinal node only (no excision of a node)",
                        ok(DM, "DISTANT", "DM1 DM2", "SYMPTOMS_WITHOUT_LOCAL_TUMOUR", "HIGH"),
                        "C21.1", "", "lung;inguinal_nodes", "chemoradiation", "yes", "anal_pain", ""),
                special("POOR_PERFORMANCE_STATUS: ECOG 4, distant (options and trial unchanged)",
                        ok(DM, "DISTANT", "DM1 DM2", "POOR_PERFORMANCE_STATUS", "HIGH"),
                        "C21.1", "52", "lung", "chemoradiation", "no", "", "", "ecog", "4"),
                special("NON_SQUAMOUS_HISTOLOGY wins over SC1: adenocarcinoma 8140/3, declines treatment",
                        ok(LR, "LOCAL", "", "NON_SQUAMOUS_HISTOLOGY", "NONE"),
                        "C21.1", "10", "anus", "surgery", "yes", "", "declines_treatment", "histology", "8140/3"));
    }

    /** The patient_id of file a that file b repeats (a background row of file a, kept). */
    static final String DUPLICATED_ID = "TP-26-0051";

    static List<Special> specialsB() {
        return List.of(
                special("format: primary_site term 'Anal Canal', site 'Para-aortic nodes' (case, space, hyphen)",
                        ok(DM, "DISTANT", "DM1 DM2", "", "HIGH"),
                        "Anal Canal", "40", "Para-aortic nodes", "chemoradiation", "no", "", ""),
                special("format: list cell with spaces and duplicates 'liver ; liver;lung'",
                        ok(DM, "DISTANT", "DM1 DM2", "", "HIGH"),
                        "C21.1", "62", "liver ; liver;lung", "chemoradiation", "no", "", ""),
                special("format: quoted registry_note with a comma; C211 without dot; 'Surgery' capitalised -> LR1 + LR5",
                        ok(LR, "LOCAL", "LR1 LR5", "", "ROUTINE"),
                        "C211", "10", "anal_margin", "Surgery", "yes", "", "",
                        "registry_note", "Reviewed at tumour board, Halifax"),
                special("format: registry_note with an embedded line break (record spans 2 lines); 'Perianal-Skin' term -> LR2 + LR3",
                        ok(LR, "LOCAL", "LR2 LR3", "", "ROUTINE"),
                        "Perianal-Skin", "10", "Perianal skin", "chemoradiation", "Yes", "", "",
                        "registry_note", "Transferred from another registry.\nSee chart for details."),
                special("format: registry_note with doubled quotes and a comma; 'NO', 'Declines_Treatment' in mixed case -> SC1",
                        ok(LR, "LOCOREGIONAL", "SC1", "", "NONE"),
                        "C21.1", "20", "Inguinal Nodes", "chemoradiation", "NO", "", "Declines_Treatment",
                        "registry_note", "Patient said \"not again\", per nurse navigator"),
                special("format: cells padded with spaces (' F ', ' ON ', ' 1 '); list 'pain;;bleeding' with an empty item",
                        ok(DM, "DISTANT", "DM1 DM2 DM3", "", "HIGH"),
                        "C21.1", "60", "bone", "chemoradiation", "no", "pain;;bleeding", "",
                        "sex", " F ", "province", " ON ", "ecog", " 1 "),
                special("reject INVALID_VALUE (column recurrence_type): '23' is not accepted by NAACCR item 1880",
                        reject("INVALID_VALUE"),
                        "C21.1", "23", "inguinal_nodes", "chemoradiation", "no", "", ""),
                special("reject DUPLICATE_PATIENT_ID: same id as a row of file a (the file-a row is kept)",
                        reject("DUPLICATE_PATIENT_ID"),
                        "C21.1", "10", "anus", "chemoradiation", "yes", "", "", "patient_id", DUPLICATED_ID),
                special("reject MALFORMED_RECORD: registry_note with an unquoted comma gives 16 cells for 15 columns",
                        reject("MALFORMED_RECORD"),
                        "C21.1", "10", "anus", "chemoradiation", "yes", "", "",
                        "registry_note", "UNQUOTED:Seen in clinic, no change"));
    }

    // ---- writing ----------------------------------------------------------------------------------

    public static List<Placed> build(Path dir) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(SEED);
        List<Placed> placed = new ArrayList<>();
        int[] nextId = {1};

        // file a: the spec's column order, LF, no BOM
        StringBuilder a = new StringBuilder();
        CohortGenerator.appendRecord(a, CohortGenerator.HEADER.toArray(String[]::new));
        List<Special> sa = specialsA();
        List<Special> v2 = specialsV2();
        int everyA = ROWS_A / sa.size();
        for (int i = 0; i < ROWS_A; i++) {
            // the rows of v1 keep their lines; those of v2 sit two rows after the first of them
            Special s = i % everyA == 1 && i / everyA < sa.size() ? sa.get(i / everyA)
                    : i % everyA == 3 && i / everyA < v2.size() ? v2.get(i / everyA) : null;
            String[] row = row(random, nextId, s);
            int line = lineOf(a);
            CohortGenerator.appendRecord(a, row);
            if (s != null) {
                placed.add(new Placed(FILE_A, line, row[0], s));
            }
        }

        // file b: BOM, CRLF, other column order, extra column, quoting, a blank line
        StringBuilder b = new StringBuilder("\uFEFF");
        appendB(b, HEADER_B.toArray(String[]::new), false);
        List<Special> sb = specialsB();
        int everyB = ROWS_B / sb.size();
        int blankLineB = 0;
        for (int i = 0; i < ROWS_B; i++) {
            if (i == ROWS_B / 2) {
                blankLineB = lineOf(b);
                b.append("\r\n"); // a blank line between records: not a row
            }
            Special s = i % everyB == 2 && i / everyB < sb.size() ? sb.get(i / everyB) : null;
            String[] row = row(random, nextId, s);
            String[] cells = new String[HEADER_B.size()];
            for (int c = 0; c < cells.length; c++) {
                String name = HEADER_B.get(c).trim().toLowerCase();
                cells[c] = name.equals("registry_note") ? note(random, s) : row[CohortGenerator.HEADER.indexOf(name)];
            }
            int line = lineOf(b);
            appendB(b, cells, cells[8].startsWith("UNQUOTED:"));
            if (s != null) {
                placed.add(new Placed(FILE_B, line, row[0], s));
            }
        }

        Files.writeString(dir.resolve(FILE_A), a, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(FILE_B), b, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.md"), readme(placed, blankLineB), StandardCharsets.UTF_8);
        return placed;
    }

    private static String[] row(SplittableRandom random, int[] nextId, Special s) {
        String[] row = new String[CohortGenerator.HEADER.size()];
        CohortGenerator.fillRow(random, row);
        row[0] = String.format("TP-26-%04d", nextId[0]++);
        if (s == null) {
            // background rows: valid (bad-row rate 0), realistic, some with flags of their own
            return row;
        }
        // a special row gets a full, plausible set of dates, a squamous histology and a fit ECOG unless it sets them
        if (row[1].isEmpty() || row[6].isEmpty()) {
            row[1] = "1958-03-14";
            row[6] = "2025-09-02";
        }
        row[CohortGenerator.HEADER.indexOf("histology")] = "8070/3";
        row[CohortGenerator.HEADER.indexOf("ecog")] = "1";
        for (Map.Entry<String, String> cell : s.cells().entrySet()) {
            if (!cell.getKey().equals("registry_note")) {
                row[CohortGenerator.HEADER.indexOf(cell.getKey())] = cell.getValue();
            }
        }
        return row;
    }

    private static String note(SplittableRandom random, Special s) {
        if (s != null && s.cells().containsKey("registry_note")) {
            return s.cells().get("registry_note");
        }
        int k = random.nextInt(100);
        return k < 70 ? "" : k < 85 ? "abstracted 2026-11" : k < 95 ? "checked" : "follow-up pending";
    }

    /** A CRLF record; {@code raw} writes the cells unquoted as they are (the malformed row). */
    private static void appendB(StringBuilder out, String[] cells, boolean raw) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (raw) {
                out.append(cells[i].replace("UNQUOTED:", ""));
            } else {
                CohortGenerator.appendCell(out, cells[i]);
            }
        }
        out.append("\r\n");
    }

    /** The 1-based line on which the next record starts. */
    private static int lineOf(CharSequence text) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    // ---- README -----------------------------------------------------------------------------------

    private static String readme(List<Placed> placed, int blankLineB) {
        long rejects = placed.stream().filter(p -> p.special().expect().rejected()).count();
        StringBuilder r = new StringBuilder();
        r.append("""
                # Sample cohort, November 2026 (fictional people)

                Two cohort files in the format of `cohort-csv.md`, version 1, for a run with `runDate=2026-11-27`
                (files are read in file-name order, a before b):

                | file | data rows | format |
                |---|---|---|
                | `cohort-2026-11-a.csv` | %d | the spec's column order, LF line ends, no BOM, no quoting needed |
                | `cohort-2026-11-b.csv` | %d | UTF-8 BOM, CRLF line ends, another column order, header names in mixed case with spaces around them, an extra column `registry_note` (to be ignored and listed once in the run summary), quoted cells (a comma, doubled quotes, an embedded line break), one blank line between records (line %d: not a row), padded cells, list cells with spaces, empty items and duplicates, terms in mixed case with spaces and hyphens |

                In all %d rows: **%d rejects** (one of each kind below) and **%d people assessed**. The rejected rows
                are well under `maxRejectRate=0.10`. Every date is on or before 2026-11-27, except on the one
                `INCONSISTENT_DATES` row. Names do not appear; patient ids (`TP-26-0001` ... `TP-26-%04d`) are made up.

                The rows that are not listed below are background rows from `CohortGenerator` (seed %d): valid,
                realistic, and assessed like any other row (some of them raise flags too).

                `screening/screening-log.csv` is a coordinators' screening log (docs/screening.md) with one row of every status, on
                pairs the sample run with `trials=sample-data/trials trialCriteria=sample-data/trial-criteria.json` matches; give
                it with `screening=sample-data/screening/screening-log.csv`. It lives in a folder of its own: a CSV beside the
                cohort files would be read as one.

                ## Special rows

                `line` is the physical line on which the record starts (the header is line 1; in file b a record
                with an embedded line break spans two lines, and the blank line counts as a line). "trial" is the
                trial_priority (`HIGH`, `ROUTINE`, `NONE`); options are listed by rule id in rule order.

                | file | line | patient_id | meant to exercise | expected |
                |---|---|---|---|---|
                """.formatted(ROWS_A, ROWS_B, blankLineB, ROWS_A + ROWS_B, rejects,
                ROWS_A + ROWS_B - rejects, ROWS_A + ROWS_B, SEED));
        for (Placed p : placed) {
            r.append("| ").append(p.file().replace("cohort-2026-11-", "").replace(".csv", ""))
                    .append(" | ").append(p.line())
                    .append(" | `").append(p.patientId()).append('`')
                    .append(" | ").append(p.special().purpose().replace("|", "\\|"))
                    .append(" | ").append(p.special().expect().describe())
                    .append(" |\n");
        }
        r.append("""

                File column: a = `cohort-2026-11-a.csv`, b = `cohort-2026-11-b.csv`.

                ## Coverage

                - Rule ids: LR1, LR2, LR3, LR4, LR5, DM1, DM2, DM3, DM4, SC1 (rules.md version 2).
                - Pathways: LOCAL_RECURRENCE, DISTANT_METASTASIS, UNDETERMINED, NOT_RECURRENT, OUT_OF_SCOPE.
                - Review flags: RECURRENCE_TYPE_SITE_CONFLICT, UNKNOWN_SITE_TERM, RECURRENCE_SITE_MISSING,
                  NO_RECURRENCE_RECORDED, PERSISTENT_DISEASE, NON_SQUAMOUS_HISTOLOGY, HISTOLOGY_NOT_SPECIFIC,
                  PRIMARY_NOT_INVASIVE, PRIMARY_IN_SITU, IN_SITU_RECURRENCE, PRIOR_TREATMENT_MISSING, NO_STANDARD_OPTION,
                  NODAL_RECURRENCE_ONLY, SURGICAL_ASSESSMENT_NEEDED, SYMPTOMS_WITHOUT_LOCAL_TUMOUR, POOR_PERFORMANCE_STATUS.
                - Trial priorities: HIGH, ROUTINE (and NONE), with the row of rules.md section 5 (T1-T4) in brackets.
                - Special rows set histology 8070/3 and ECOG 1 unless they test them; background rows keep the
                  generator's (some are adenocarcinomas, in situ codes, code 70 or ECOG 3-4, and are flagged so).
                - Rejects: MISSING_REQUIRED, INVALID_VALUE (sex; recurrence_type), INCONSISTENT_DATES,
                  DUPLICATE_PATIENT_ID (across the two files), MALFORMED_RECORD (more cells than the header).

                `SampleDataTests` checks that the committed files are exactly what the builder writes and that the
                guideline core (`GuidelineAssessor`) gives every expected outcome above for the special rows.

                ## Rebuild

                ```
                mvn -q -B test-compile -o
                java -cp target/test-classes:target/classes ca.trialpath.bench.SampleDataBuilder sample-data
                ```
                """);
        return r.toString();
    }

}
