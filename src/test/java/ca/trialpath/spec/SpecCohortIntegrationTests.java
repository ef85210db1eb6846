package ca.trialpath.spec;

import ca.trialpath.cli.TrialPathCommand;
import ca.trialpath.output.csv.GuidelineCsv;
import ca.trialpath.output.csv.OptionsCsv;
import ca.trialpath.output.csv.PublishedCsv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An independent cohort written from the contract alone ({@code ../shared/spec/*.md}, the guideline and
 * the README's "Decisions where the spec is silent or open"), run through the real command as a registry
 * would, and compared row by row with the hand-written {@code spec-cohort/expected.csv}.
 *
 * <p>The cohort files are in {@code spec-cohort/input/} (not in {@code spec-cohort/} itself, where the job
 * would read {@code expected.csv} as a cohort file). {@code make_cohort.py} regenerates both; every row is
 * one deliberate case and its expectation is written next to it there.
 */
class SpecCohortIntegrationTests {

    static final String RUN_DATE = "2026-11-27";
    static final Path SPEC = Path.of("src/test/resources/spec-cohort");
    static final Path INPUT = SPEC.resolve("input");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> ASSESSED_COLUMNS = List.of("primary_site", "pathway", "extent", "treatment_goal",
            "options", "rules", "trial_discussion", "trial_priority", "review_flags", "age_at_recurrence", "province");

    @TempDir
    static Path tmp;

    static int status;
    static String stdout;
    static String stderr;
    static Path published;
    static List<Map<String, String>> expected;
    static Map<String, Map<String, String>> assessedByLine;
    static Map<String, Map<String, String>> rejectedByLine;

    @BeforeAll
    static void runTheJob() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new TrialPathCommand(o, e).run(new String[] {"input=" + INPUT.toAbsolutePath(),
                "output=" + tmp.resolve("reports"), "runDate=" + RUN_DATE,
                "--trialpath.repository.path=" + tmp.resolve("db"), "--logging.level.root=WARN"});
        }
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        published = tmp.resolve("reports").resolve(RUN_DATE);
        expected = readCsv(SPEC.resolve("expected.csv"));
        assessedByLine = new LinkedHashMap<>();
        rejectedByLine = new LinkedHashMap<>();
        if (status == 0) {
            for (Map<String, String> row : readCsv(published.resolve("assessments.csv"))) {
                assessedByLine.put(row.get("source_file") + ":" + row.get("source_line"), row);
            }
            for (Map<String, String> row : readCsv(published.resolve("rejects.csv"))) {
                rejectedByLine.put(row.get("source_file") + ":" + row.get("line"), row);
            }
        }
    }

    @Test
    void theRunPublishes() {
        assertThat(status).as("exit status; stderr:%n%s", tail(stderr)).isZero();
        assertThat(published.resolve("assessments.csv")).exists();
        assertThat(stdout + stderr).contains("read " + expected.size());
    }

    /** One dynamic test per expected row: "cohort-b.csv:57 CF3-00-unknown". */
    @TestFactory
    Stream<DynamicTest> everyRowEndsWhereTheSpecSays() {
        assertThat(status).as("exit status; stderr:%n%s", tail(stderr)).isZero();
        return expected.stream().map(e -> DynamicTest.dynamicTest(
                e.get("source_file") + ":" + e.get("line") + " " + e.get("patient_id")
                        + (e.get("reason_code").isEmpty() ? "" : " -> " + e.get("reason_code")),
                () -> checkRow(e)));
    }

    static void checkRow(Map<String, String> e) {
        String key = e.get("source_file") + ":" + e.get("line");
        String id = e.get("patient_id");
        Map<String, String> assessed = assessedByLine.get(key);
        Map<String, String> rejected = rejectedByLine.get(key);
        if (!e.get("reason_code").isEmpty()) {
            if (rejected == null) {
                fail(id + " (" + key + "): expected reject " + e.get("reason_code") + ", but "
                        + (assessed == null ? "the row is in neither file" : "it was assessed: " + assessed));
            }
            List<String> problems = new ArrayList<>();
            compare(problems, id, "reason_code", e.get("reason_code"), rejected.get("reason_code"));
            if (!e.get("reason_code").equals("MALFORMED_RECORD")) {
                compare(problems, id, "patient_id", id, unformula(rejected.get("patient_id")));
            }
            for (String part : e.get("message_contains").split(";")) {
                if (!part.isEmpty() && !rejected.get("message").contains(part)) {
                    problems.add(id + ": message should name '" + part + "' but is: " + rejected.get("message"));
                }
            }
            assertThat(problems).as("%s (%s)", id, key).isEmpty();
            return;
        }
        if (assessed == null) {
            fail(id + " (" + key + "): expected an assessment, but "
                    + (rejected == null ? "the row is in neither file" : "it was rejected: " + rejected));
        }
        List<String> problems = new ArrayList<>();
        compare(problems, id, "patient_id", id, unformula(assessed.get("patient_id")));
        for (String column : ASSESSED_COLUMNS) {
            compare(problems, id, column, e.get(column), assessed.get(column));
        }
        compare(problems, id, "guideline_version", "CCS-2024/rules-v2", assessed.get("guideline_version"));
        assertThat(problems).as("%s (%s)", id, key).isEmpty();
    }

    @Test
    void nothingElseIsPublished() {
        assertThat(status).isZero();
        Map<String, String> keys = new TreeMap<>();
        expected.forEach(e -> keys.put(e.get("source_file") + ":" + e.get("line"), e.get("reason_code")));
        List<String> extra = new ArrayList<>();
        assessedByLine.keySet().stream().filter(k -> !keys.containsKey(k) || !keys.get(k).isEmpty())
                .forEach(k -> extra.add("assessed " + k + " " + assessedByLine.get(k).get("patient_id")));
        rejectedByLine.keySet().stream().filter(k -> !keys.containsKey(k) || keys.get(k).isEmpty())
                .forEach(k -> extra.add("rejected " + k + " " + rejectedByLine.get(k)));
        assertThat(extra).as("rows published that expected.csv does not have there").isEmpty();
        assertThat(assessedByLine.size() + rejectedByLine.size()).isEqualTo(expected.size());
    }

    @Test
    void summaryCountsAgreeWithTheExpectations() throws Exception {
        assertThat(status).isZero();
        JsonNode s = JSON.readTree(Files.readString(published.resolve("summary.json")));
        List<Map<String, String>> assessed = expected.stream().filter(e -> e.get("reason_code").isEmpty()).toList();
        List<Map<String, String>> rejected = expected.stream().filter(e -> !e.get("reason_code").isEmpty()).toList();
        List<String> problems = new ArrayList<>();
        check(problems, "read", expected.size(), s.get("read").asInt());
        check(problems, "assessed", assessed.size(), s.get("assessed").asInt());
        check(problems, "rejected", rejected.size(), s.get("rejected").asInt());
        checkCounts(problems, s.get("pathways"), count(assessed, "pathway"),
                List.of("LOCAL_RECURRENCE", "DISTANT_METASTASIS", "UNDETERMINED", "NOT_RECURRENT", "OUT_OF_SCOPE"));
        checkCounts(problems, s.get("trial_priorities"), count(assessed, "trial_priority"), List.of("HIGH", "ROUTINE", "NONE"));
        checkCounts(problems, s.get("reject_reasons"), count(rejected, "reason_code"), List.of("MALFORMED_RECORD",
                "MISSING_REQUIRED", "INVALID_VALUE", "DUPLICATE_PATIENT_ID", "INCONSISTENT_DATES"));
        checkCounts(problems, s.get("review_flags"), count(assessed, "review_flags"),
                List.of("RECURRENCE_TYPE_SITE_CONFLICT", "UNKNOWN_SITE_TERM", "RECURRENCE_SITE_MISSING",
                        "NO_RECURRENCE_RECORDED", "PRIOR_TREATMENT_MISSING", "NO_STANDARD_OPTION",
                        "SURGICAL_ASSESSMENT_NEEDED", "SYMPTOMS_WITHOUT_LOCAL_TUMOUR"));
        checkCounts(problems, s.get("rules"), count(assessed, "rules"),
                List.of("LR1", "LR2", "LR3", "LR4", "LR5", "DM1", "DM2", "DM3", "DM4", "SC1"));
        List<String> names = new ArrayList<>();
        for (JsonNode f : s.get("input_files")) {
            String name = f.get("name").asString();
            names.add(name);
            byte[] bytes = Files.readAllBytes(INPUT.resolve(name));
            check(problems, name + " sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                    f.get("sha256").asString());
            check(problems, name + " bytes", bytes.length, f.get("bytes").asInt());
            List<Map<String, String>> rows = expected.stream().filter(e -> e.get("source_file").equals(name)).toList();
            check(problems, name + " read", rows.size(), f.get("read").asInt());
            check(problems, name + " rejected", (int) rows.stream().filter(e -> !e.get("reason_code").isEmpty()).count(),
                    f.get("rejected").asInt());
        }
        check(problems, "input_files", List.of("cohort-a.csv", "cohort-b.csv", "cohort-c.csv"), names);
        List<String> ignored = new ArrayList<>();
        s.get("ignored_columns").forEach(n -> ignored.add(n.asString().trim().toLowerCase(Locale.ROOT)));
        check(problems, "ignored_columns", List.of("notes"), ignored);
        assertThat(problems).isEmpty();
    }

    @Test
    void optionsCsvHasOneRowPerOptionWithRuleSectionAndRationale() {
        assertThat(status).isZero();
        // outputs v2: each row's codes, joined with the option and rationale its rationale_code names in guideline.csv
        Map<String, Map<String, String>> guideline = new LinkedHashMap<>();
        for (Map<String, String> g : readCsv(published.resolve(GuidelineCsv.FILE))) {
            guideline.put(g.get(PublishedCsv.name(GuidelineCsv.Column.RATIONALE_CODE)), g);
        }
        Map<String, List<Map<String, String>>> byPerson = new LinkedHashMap<>();
        for (Map<String, String> row : readCsv(published.resolve(OptionsCsv.FILE))) {
            Map<String, String> o = new LinkedHashMap<>(guideline.get(row.get(PublishedCsv.name(OptionsCsv.Column.RATIONALE_CODE))));
            o.putAll(row);
            byPerson.computeIfAbsent(unformula(o.get("patient_id")), k -> new ArrayList<>()).add(o);
        }
        Map<String, String> section = Map.of("LR", "Local recurrence", "DM", "Distant metastasis",
                "SC", "If you can't have or don't want cancer treatment");
        List<String> problems = new ArrayList<>();
        for (Map<String, String> e : expected) {
            if (!e.get("reason_code").isEmpty()) {
                continue;
            }
            String id = e.get("patient_id");
            List<Map<String, String>> got = byPerson.getOrDefault(id, List.of());
            check(problems, id + " options.csv rules", list(e.get("rules")), got.stream().map(o -> o.get("rule")).toList());
            check(problems, id + " options.csv option_code", list(e.get("options")),
                    got.stream().map(o -> o.get("option_code")).toList());
            for (Map<String, String> o : got) {
                String rule = o.get("rule");
                check(problems, id + " " + rule + " guideline_section", section.get(rule.substring(0, 2)),
                        o.get("guideline_section").replace('\u2019', '\''));
                check(problems, id + " " + rule + " goal", e.get("treatment_goal"), o.get("goal"));
                if (o.get("rationale").isBlank() || o.get("option_label").isBlank() || o.get("regimens").isBlank()) {
                    problems.add(id + " " + rule + ": empty label, regimens or rationale: " + o);
                }
                String regimens = o.get("regimens").toLowerCase(Locale.ROOT);
                if (o.get("option_code").equals("CHEMOTHERAPY")
                        && !(regimens.contains("carboplatin") && regimens.contains("paclitaxel")
                                && regimens.contains("fluorouracil") && regimens.contains("cisplatin"))) {
                    problems.add(id + " " + rule + ": regimens lack the guideline's drugs: " + o.get("regimens"));
                }
                if (rule.equals("LR1") && !(regimens.contains("mitomycin") && regimens.contains("capecitabine"))) {
                    problems.add(id + " LR1: regimens lack mitomycin/capecitabine: " + o.get("regimens"));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void jsonLinesCarryOnlyWhatTheCsvTablesDoNotAndJoinByPatientId() throws IOException {
        assertThat(status).isZero();
        Map<String, Map<String, String>> csv = new LinkedHashMap<>();
        assessedByLine.values().forEach(a -> csv.put(unformula(a.get("patient_id")), a));
        List<String> lines = Files.readAllLines(published.resolve("assessments.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(csv.size());
        List<String> problems = new ArrayList<>();
        for (String line : lines) {
            JsonNode j = JSON.readTree(line);
            String id = j.get("patient_id").asString();
            Map<String, String> a = csv.get(id);
            if (a == null) {
                problems.add("jsonl person not in assessments.csv: " + id);
                continue;
            }
            // one fact in one place: the line holds only what no CSV table does, joined by patient_id
            check(problems, id + " jsonl keys", "patient_id,pathway_rule,facts", String.join(",", j.propertyNames()));
            if (!text(j.get("pathway_rule")).matches("P[0-5]b?")) {
                problems.add(id + " jsonl pathway_rule not a row of the pathway table: " + j.get("pathway_rule"));
            }
            if (line.contains("birth_date")) {
                problems.add(id + ": birth date exported in JSON Lines");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void reportHtmlIsSelfContainedAndOpensOnToday() throws IOException {
        assertThat(status).isZero();
        String html = Files.readString(published.resolve("report.html"));
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//")
                .doesNotContainPattern("(?i)@import|url\\(\\s*[\"']?https?:");
        // the page opens on today's worklist, before the run's other lists
        assertThat(html.indexOf("<section id=\"today\"")).as("today section").isPositive()
                .isLessThan(html.indexOf("<section id=\"review\""));
    }

    // ------------------------------------------------------------------ helpers

    static void compare(List<String> problems, String id, String column, String expected, String actual) {
        if (!expected.equals(actual)) {
            problems.add(id + ": column " + column + " expected '" + expected + "' but was '" + actual + "'");
        }
    }

    static void check(List<String> problems, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            problems.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    static void checkCounts(List<String> problems, JsonNode node, Map<String, Integer> expected, List<String> keys) {
        for (String k : keys) {
            if (node.get(k) == null) {
                problems.add("summary key missing: " + k);
            } else {
                check(problems, "summary " + k, expected.getOrDefault(k, 0), node.get(k).asInt());
            }
        }
    }

    static Map<String, Integer> count(List<Map<String, String>> rows, String column) {
        Map<String, Integer> counts = new TreeMap<>();
        rows.forEach(r -> list(r.get(column)).forEach(v -> counts.merge(v, 1, Integer::sum)));
        return counts;
    }

    static List<String> list(String cell) {
        return Arrays.stream(cell.split(";")).filter(s -> !s.isEmpty()).toList();
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asString();
    }

    /** outputs.md: a cell a spreadsheet would run as a formula is written with a leading '. */
    static String unformula(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    static String tail(String s) {
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }

    static List<Map<String, String>> readCsv(Path file) {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                rows.add(new LinkedHashMap<>(r.toMap()));
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }
}
