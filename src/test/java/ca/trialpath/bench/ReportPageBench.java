package ca.trialpath.bench;

import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.report.HtmlReport;
import ca.trialpath.report.ReportFeeds;
import ca.trialpath.report.ReportText;
import ca.trialpath.report.RunSummary;
import ca.trialpath.report.TrendPoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * How long {@code report.html} takes to write and how large it is, from feeds written as the job writes them:
 * a page the size of the sample run (a dozen people, everything shown) and a page as for 200,000 people at
 * the default cap of 1,000 rows per list. Run by {@code bench/report-page.sh}; each page is written to
 * {@code OUT/<scenario>-<lang>.html} so two builds' pages can be compared.
 *
 * <pre>java -cp CLASSPATH ca.trialpath.bench.ReportPageBench OUT [ROUNDS]</pre>
 */
public final class ReportPageBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportPageBench() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "bench/out/report-page"));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        for (String lang : List.of("en", "fr")) {
            measure(out, "sample", lang, 12, 1000, rounds * 10);
            measure(out, "200k", lang, 200_000, 1000, rounds);
        }
    }

    private static void measure(Path out, String scenario, String lang, long people, int cap, int rounds)
            throws IOException {
        Path folder = Files.createDirectories(out.resolve(scenario + "-" + lang + "-feeds"));
        RunSummary summary = feeds(folder, people, cap);
        long shown = Math.min(cap, people);
        ReportFeeds feeds = new ReportFeeds(folder, Math.max(shown, people * 3 / 10), Math.max(shown, people * 3 / 10),
                Math.max(shown, people / 5), people, Math.max(shown, people / 50));
        List<TrendPoint> history = new ArrayList<>();
        for (int day = 1; day <= 40; day++) {
            history.add(new TrendPoint(summary.runDate().minusDays(day), people, people * 3 / 10, people / 50));
        }
        HtmlReport report = new HtmlReport(cap, ReportText.of(lang), null);
        Path target = out.resolve(scenario + "-" + lang + ".html");
        for (int i = 0; i < rounds; i++) { // warm-up: the JIT, the bundle, the template classes
            report.write(summary, feeds, history, target);
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            report.write(summary, feeds, history, target);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "page=%s lang=%s people=%d cap=%d bytes=%d median_ms=%.2f min_ms=%.2f rounds=%d%n",
                scenario, lang, people, cap, Files.size(target), nanos[rounds / 2] / 1e6, nanos[0] / 1e6, rounds);
    }

    /** Writes the five feeds: each list's first entries, at most the cap; returns the run's summary. */
    static RunSummary feeds(Path folder, long people, int cap) throws IOException {
        int shown = (int) Math.min(cap, people);
        StringBuilder high = new StringBuilder();
        StringBuilder routine = new StringBuilder();
        StringBuilder review = new StringBuilder();
        StringBuilder everyone = new StringBuilder();
        StringBuilder rejects = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            String id = String.format(Locale.ROOT, "TP-26-%06d", i);
            Map<String, Object> local = local(id);
            Map<String, Object> distant = distant(id);
            String hostile = i % 7 == 3 ? JSON.writeValueAsString(hostile(id)) : null;
            high.append(ReportFeeds.personLine(i, JSON.writeValueAsString(distant)));
            routine.append(ReportFeeds.personLine(i, JSON.writeValueAsString(local)));
            review.append(ReportFeeds.personLine(i, hostile != null ? hostile : JSON.writeValueAsString(local)));
            everyone.append(ReportFeeds.personLine(i, hostile != null ? hostile
                    : JSON.writeValueAsString(i % 2 == 0 ? local : distant)));
            rejects.append(JSON.writeValueAsString(reject(i + 2, id))).append('\n');
        }
        Files.writeString(folder.resolve(ReportFeeds.HIGH), high, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(ReportFeeds.ROUTINE), routine, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(ReportFeeds.REVIEW), review, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(ReportFeeds.PEOPLE), everyone, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(ReportFeeds.REJECTS), rejects, StandardCharsets.UTF_8);
        Map<String, Long> pathways = new LinkedHashMap<>();
        pathways.put("LOCAL_RECURRENCE", people / 2);
        pathways.put("DISTANT_METASTASIS", people - people / 2);
        Map<String, Long> priorities = new LinkedHashMap<>();
        priorities.put("HIGH", people * 3 / 10);
        priorities.put("ROUTINE", people * 3 / 10);
        priorities.put("NONE", people - 2 * (people * 3 / 10));
        Map<String, Long> flags = new LinkedHashMap<>();
        for (ReviewFlag flag : ReviewFlag.values()) {
            flags.put(flag.name(), people / 20);
        }
        long rejected = Math.max(2, people / 50);
        return new RunSummary(LocalDate.of(2026, 11, 27), 42, Instant.parse("2026-11-27T02:00:00Z"),
                Instant.parse("2026-11-27T02:03:05Z"), ca.trialpath.guideline.GuidelineVersion.GUIDELINE, "rules-v2",
                0.10, people + rejected, people, rejected, pathways, priorities, Map.of("INVALID_VALUE", rejected),
                flags, Map.of("DM1", people / 2, "LR2", people / 2),
                List.of(new RunSummary.InputFile("cohort-a.csv", "ab".repeat(32), 1234, people + rejected, people,
                        rejected, List.of("notes"))), List.of("notes"));
    }

    private static Map<String, Object> distant(String id) {
        return person(id, "DISTANT_METASTASIS", "DISTANT", "CONTROL_AND_PALLIATION", "HIGH", List.of(),
                List.of(option("DM1", "CHEMOTHERAPY", "Chemotherapy", "Carboplatin and paclitaxel",
                                "CONTROL_AND_PALLIATION", "Distant metastasis", "Chemotherapy controls the disease."),
                        option("DM2", "CHEMORADIATION", "Chemoradiation", "Chemotherapy as part of chemoradiation",
                                "CONTROL_AND_PALLIATION", "Distant metastasis", "Chemotherapy may be given with radiation.")));
    }

    private static Map<String, Object> local(String id) {
        return person(id, "LOCAL_RECURRENCE", "LOCAL", "TREAT_RECURRENCE", "ROUTINE",
                List.of("SURGICAL_ASSESSMENT_NEEDED"),
                List.of(option("LR2", "ABDOMINOPERINEAL_RESECTION", "Abdominoperineal resection", null,
                        "TREAT_RECURRENCE", "Local recurrence", "Surgery removes the rectum, anal sphincter and anus.")));
    }

    /** Markup in every value the data can bring, as a broken or hostile export would. */
    private static Map<String, Object> hostile(String id) {
        Map<String, Object> p = local(id + "<script>alert(1)</script>");
        p.put("province", "\"><img src=x onerror=alert(1)>");
        p.put("source_file", "a&b<i>.csv");
        p.put("review_flags", List.of("SURGICAL_ASSESSMENT_NEEDED", "<b>NOT_A_FLAG</b>"));
        return p;
    }

    private static Map<String, Object> person(String id, String pathway, String extent, String goal, String priority,
            List<String> flags, List<Map<String, Object>> options) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("patient_id", id);
        p.put("source_file", "cohort-a.csv");
        p.put("source_line", 2);
        p.put("primary_site", "C21.1");
        p.put("pathway", pathway);
        p.put("pathway_rule", pathway.startsWith("LOCAL") ? "P3" : "P2");
        p.put("pathway_basis", "recurrence_type 62 and recurrence_sites liver, anus");
        p.put("extent", extent);
        p.put("treatment_goal", goal);
        p.put("trial_discussion", true);
        p.put("trial_priority", priority);
        p.put("trial_rule", "T1");
        p.put("review_flags", new ArrayList<>(flags));
        p.put("age_at_recurrence", 63);
        p.put("province", "ON");
        p.put("guideline_version", "CCS-2024/rules-v2");
        p.put("options", new ArrayList<>(options));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("sex", "F");
        facts.put("histology", "8070/3");
        facts.put("recurrence_date", "2026-03-02");
        facts.put("recurrence_type", "62");
        facts.put("recurrence_sites", List.of("liver", "anus"));
        facts.put("unknown_site_terms", List.of());
        facts.put("prior_treatments", List.of("chemoradiation"));
        facts.put("surgery_possible", "unknown");
        facts.put("symptoms", List.of("pain"));
        facts.put("ecog", 1);
        facts.put("treatment_wish", "wants_treatment");
        p.put("facts", facts);
        return p;
    }

    private static Map<String, Object> option(String rule, String code, String label, String regimens, String goal,
            String section, String rationale) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("rule", rule);
        o.put("option_code", code);
        o.put("option_label", label);
        o.put("regimens", regimens);
        o.put("goal", goal);
        o.put("guideline_section", section);
        o.put("rationale", rationale);
        return o;
    }

    private static Map<String, Object> reject(int line, String id) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("source_file", "cohort-b.csv");
        r.put("line", line);
        r.put("patient_id", id);
        r.put("reason_code", "INVALID_VALUE");
        r.put("message", "column 'sex': 'Q' is not one of F, M, X, U");
        return r;
    }
}
