package ca.trialpath.report;

import ca.trialpath.guideline.GuidelineSection;
import ca.trialpath.guideline.ReviewFlag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;


/**
 * Writes {@code report.html}, the page research coordinators read every morning (outputs.md): the run at a
 * glance with its charts and the trend of the last runs, the trial-discussion worklist (HIGH first), people
 * needing review, rejected rows, and each person's options with the rule and guideline section behind them.
 *
 * <p>The page is self-contained (inline CSS, inline SVG charts, one small inline script allowed by its hash
 * in the Content Security Policy, nothing loaded from the network) and prints. Without the script it is
 * complete: the script only adds sorting and filtering. It is written from the {@link ReportFeeds} the run
 * gathered (the first entries of each list and the totals), so its size and cost depend on the cap per
 * list, not on the number of people. Every value from the data goes through {@link Html#escape(String)};
 * every word of the page comes from {@link ReportText}, in the report's language.
 */
public final class HtmlReport {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** How many hex digits of a SHA-256 the files table shows; the full value is in the cell's title. */
    private static final int SHORT_SHA = 12;

    /** How many runs the trend shows: a month of nights. */
    public static final int TREND_RUNS = 30;

    /** Facts shown first, in this order; any other fact follows under its JSON name. */
    private static final List<String> FACT_ORDER = List.of("recurrence_type", "recurrence_sites",
            "unknown_site_terms", "prior_treatments", "surgery_possible", "symptoms", "treatment_wish",
            "recurrence_date", "sex", "histology", "ecog");

    private static final String SCRIPT = resource("report.js");
    /** The Content Security Policy admits this one script by its hash, and nothing else. */
    private static final String SCRIPT_HASH = sha256Base64(SCRIPT);

    private final int maxRowsPerList;
    private final ReportText text;
    /** The pseudonym key's tag in a de-identified run, else {@code null}. */
    private final String pseudonymKeyId;
    private final JsonLines jsonLines = new JsonLines(JsonMapper.builder().build());

    /** An English report. @param maxRowsPerList how many rows each list shows before it says how many more there are */
    public HtmlReport(int maxRowsPerList) {
        this(maxRowsPerList, ReportText.english());
    }

    /** @param text the words of the page, in its language */
    public HtmlReport(int maxRowsPerList, ReportText text) {
        this(maxRowsPerList, text, null);
    }

    /**
     * @param pseudonymKeyId in a de-identified run, the key's tag: the page says at its top that the ids
     *                       are pseudonyms, so nobody takes them for registry ids
     */
    public HtmlReport(int maxRowsPerList, ReportText text, String pseudonymKeyId) {
        if (maxRowsPerList < 0) {
            throw new IllegalArgumentException("maxRowsPerList must not be negative: " + maxRowsPerList);
        }
        this.maxRowsPerList = maxRowsPerList;
        this.text = text;
        this.pseudonymKeyId = pseudonymKeyId;
    }

    /** Writes the page without run history: nothing to compare with, and a trend that starts with this run. */
    public void write(RunSummary summary, ReportFeeds feeds, Path target) throws IOException {
        write(summary, feeds, ReportHistory.none(), target);
    }

    /**
     * Writes the page from the feeds gathered during the run: its size and the time it takes depend on
     * the cap per list, not on the number of people.
     *
     * @param history what changed since the previous run (the page's first section) and the totals of the
     *                last runs (its trend)
     */
    public void write(RunSummary summary, ReportFeeds feeds, ReportHistory history, Path target) throws IOException {
        write(summary, feeds, history, TrialReport.NO_MATCHING, target);
    }

    /**
     * As {@link #write(RunSummary, ReportFeeds, ReportHistory, Path)}, with the trial part of the run.
     *
     * @param trials the trial part of the run, {@code null} to leave it out
     */
    public void write(RunSummary summary, ReportFeeds feeds, ReportHistory history, TrialReport trials, Path target)
            throws IOException {
        write(summary, feeds, history.changes(), history.lastRuns().stream().map(TrendPoint::of).toList(), trials,
                target);
    }

    /**
     * As {@link #write(RunSummary, ReportFeeds, ReportHistory, Path)} with no changes to show and no trial
     * matching.
     *
     * @param earlierRuns the totals of earlier runs, in any order; the trend shows the last
     *                    {@value #TREND_RUNS} of them with this run
     */
    public void write(RunSummary summary, ReportFeeds feeds, List<TrendPoint> earlierRuns, Path target)
            throws IOException {
        write(summary, feeds, OvernightChanges.firstRun(), earlierRuns, TrialReport.NO_MATCHING, target);
    }

    private void write(RunSummary summary, ReportFeeds feeds, OvernightChanges changes, List<TrendPoint> earlierRuns,
            TrialReport trials, Path target) throws IOException {
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            writeHead(out, summary);
            writeHeader(out, summary);
            out.write("<main>\n");
            ChangesSection.write(out, changes, maxRowsPerList, text);
            writeAtAGlance(out, summary, trend(summary, earlierRuns));
            writeWorklist(out, feeds, trials != null && trials.matching());
            if (trials != null) {
                TrialHtml.writeTrials(out, trials, text);
            }
            writeNeedingReview(out, feeds);
            writeRejects(out, feeds);
            writePeople(out, feeds);
            out.write("</main>\n");
            out.write("<footer><p>" + esc(text.get("footer")) + "</p></footer>\n");
            out.write("<script>" + SCRIPT + "</script>\n");
            out.write("</body>\n</html>\n");
        }
    }

    /** The runs the trend draws: the last ones before this run, oldest first, and this run. */
    static List<TrendPoint> trend(RunSummary summary, List<TrendPoint> earlierRuns) {
        TrendPoint current = TrendPoint.of(summary);
        List<TrendPoint> runs = new ArrayList<>();
        for (TrendPoint run : earlierRuns == null ? List.<TrendPoint>of() : earlierRuns) {
            if (run.runDate() != null && current.runDate() != null && run.runDate().isBefore(current.runDate())) {
                runs.add(run);
            }
        }
        runs.sort(java.util.Comparator.comparing(TrendPoint::runDate));
        runs.add(current);
        return List.copyOf(runs.subList(Math.max(0, runs.size() - TREND_RUNS), runs.size()));
    }

    // ---- 1. head, skip links and header ----

    private void writeHead(Writer out, RunSummary s) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"" + esc(text.language()) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "script-src 'sha256-" + SCRIPT_HASH + "'\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<title>" + esc(text.get("page.title", String.valueOf(s.runDate()))) + "</title>\n");
        out.write("<style>\n" + CSS + "</style>\n</head>\n<body>\n");
        out.write("<nav class=\"skip\" aria-label=\"" + esc(text.get("nav.label")) + "\">\n<ul>\n");
        for (String[] link : new String[][] {{"changes", "nav.changes"}, {"at-a-glance", "glance.heading"},
                {"worklist", "worklist.heading"}, {"trials", "nav.trials"},
                {"review", "review.heading"}, {"rejects", "rejects.heading"}, {"people", "people.heading"}}) {
            out.write("<li><a href=\"#" + link[0] + "\">" + esc(text.get(link[1])) + "</a></li>\n");
        }
        out.write("</ul>\n</nav>\n");
    }

    private void writeHeader(Writer out, RunSummary s) throws IOException {
        out.write("<header id=\"top\">\n<h1>" + esc(text.get("page.h1")) + " <span class=\"date\">"
                + esc(String.valueOf(s.runDate())) + "</span></h1>\n<dl class=\"facts\">\n");
        item(out, text.get("header.runDate"), esc(String.valueOf(s.runDate())));
        item(out, text.get("header.jobExecutionId"), esc(String.valueOf(s.jobExecutionId())));
        item(out, text.get("header.started"), time(s.startTime()));
        item(out, text.get("header.finished"), time(s.endTime()));
        if (s.startTime() != null && s.endTime() != null) {
            item(out, text.get("header.took"), esc(duration(Duration.between(s.startTime(), s.endTime()))));
        }
        // the guideline's name and edition in the report's language (summary.json has the English one)
        item(out, text.get("header.guideline"), esc(text.get("guideline.name")));
        item(out, text.get("header.guidelineVersion"), value(ca.trialpath.guideline.GuidelineVersion.ID));
        item(out, text.get("header.rulesVersion"), value(s.rulesVersion()));
        out.write("</dl>\n");
        // rules.md, "The source is dated": on every report, whatever the run
        out.write("<p class=\"source\" id=\"source\"><strong>" + esc(text.get("source.heading")) + ".</strong> "
                + esc(text.get("source.caution")) + "</p>\n");
        if (pseudonymKeyId != null) {
            out.write("<p class=\"deidentified\" id=\"deidentified\"><strong>" + esc(text.get("header.deidentified"))
                    + "</strong> " + esc(text.get("header.deidentified.explained", pseudonymKeyId)) + "</p>\n");
        }
        out.write("</header>\n");
    }

    // ---- 2. the run at a glance ----

    private void writeAtAGlance(Writer out, RunSummary s, List<TrendPoint> trend) throws IOException {
        out.write("<section id=\"at-a-glance\" aria-labelledby=\"at-a-glance-h\">\n"
                + "<h2 id=\"at-a-glance-h\">" + esc(text.get("glance.heading")) + "</h2>\n");
        out.write("<div class=\"grid\">\n");
        out.write("<table class=\"counts\">\n<caption>" + esc(text.get("glance.rows")) + "</caption>\n"
                + "<thead><tr><th scope=\"col\">" + esc(text.get("glance.rows")) + "</th><th scope=\"col\" class=\"num\">"
                + esc(text.get("glance.count")) + "</th></tr></thead>\n<tbody>\n");
        countRow(out, text.get("glance.read"), s.read());
        countRow(out, text.get("glance.assessed"), s.assessed());
        out.write("<tr><th scope=\"row\">" + esc(text.get("glance.rejected")) + "</th><td class=\"num\">" + number(s.rejected())
                + (s.read() > 0 ? " <span class=\"note\">(" + esc(text.percent((double) s.rejected() / s.read())) + ")</span>" : "")
                + "</td></tr>\n");
        out.write("</tbody>\n</table>\n");
        chartedCounts(out, "chart-pathways", text.get("glance.pathways"), text.get("glance.pathway"),
                text.get("glance.people"), "pathway.", s.pathways());
        chartedCounts(out, "chart-priorities", text.get("glance.priorities"), text.get("glance.priority"),
                text.get("glance.people"), "priority.", s.priorities());
        chartedCounts(out, "chart-reasons", text.get("glance.reasons"), text.get("glance.reason"),
                text.get("glance.rows"), "reason.", s.rejectReasons());
        countTable(out, text.get("glance.rules"), text.get("glance.rule"), text.get("glance.people"), "", s.rules());
        out.write("</div>\n");
        out.write("<p class=\"note\">" + esc(text.get("glance.rejectRate", text.percent(s.maxRejectRate()))) + "</p>\n");
        writeTrend(out, trend);

        Map<String, Long> flags = s.reviewFlags() == null ? Map.of() : s.reviewFlags();
        out.write("<table>\n<caption>" + esc(text.get("glance.flags")) + "</caption>\n<thead><tr><th scope=\"col\">"
                + esc(text.get("glance.flag")) + "</th><th scope=\"col\" class=\"num\">" + esc(text.get("glance.people"))
                + "</th><th scope=\"col\">" + esc(text.get("glance.meaning")) + "</th></tr></thead>\n<tbody>\n");
        if (flags.isEmpty()) {
            out.write("<tr><td colspan=\"3\">" + esc(text.get("glance.noFlags")) + "</td></tr>\n");
        }
        for (Map.Entry<String, Long> flag : flags.entrySet()) {
            out.write("<tr><th scope=\"row\"><code>" + esc(flag.getKey()) + "</code></th><td class=\"num\">"
                    + number(flag.getValue()) + "</td><td>" + esc(explanation(flag.getKey())) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n");

        writeInputFiles(out, s);
        out.write("</section>\n");
    }

    /** The counts as a table, the chart's text equivalent, and below it the same counts as a bar chart. */
    private void chartedCounts(Writer out, String id, String caption, String what, String unit, String namePrefix,
            Map<String, Long> counts) throws IOException {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (Map.Entry<String, Long> count : (counts == null ? Map.<String, Long>of() : counts).entrySet()) {
            bars.add(new SvgCharts.Bar(name(namePrefix, count.getKey()), count.getValue() == null ? 0 : count.getValue()));
        }
        out.write("<figure class=\"chart\" id=\"" + id + "\">\n");
        countTable(out, caption, what, unit, namePrefix, counts);
        out.write(SvgCharts.bars(id + "-svg", caption, bars, text));
        out.write("</figure>\n");
    }

    private void writeTrend(Writer out, List<TrendPoint> runs) throws IOException {
        out.write("<figure class=\"chart trend\" id=\"trend\" aria-labelledby=\"trend-h\">\n<h3 id=\"trend-h\">"
                + esc(text.get("chart.trend.heading")) + "</h3>\n");
        out.write(SvgCharts.trend("trend-svg", runs, text));
        if (runs.size() == 1) {
            out.write("<p class=\"note\">" + esc(text.get("chart.trend.startsHere")) + "</p>\n");
        }
        out.write("<details><summary>" + esc(text.get("chart.trend.numbers")) + "</summary>\n<table class=\"trend-numbers\">\n"
                + "<caption>" + esc(text.get("chart.trend.numbers")) + "</caption>\n<thead><tr><th scope=\"col\">"
                + esc(text.get("chart.trend.runDate")) + "</th><th scope=\"col\" class=\"num\">" + esc(text.get("chart.trend.assessed"))
                + "</th><th scope=\"col\" class=\"num\">" + esc(text.get("chart.trend.high")) + "</th><th scope=\"col\" class=\"num\">"
                + esc(text.get("chart.trend.rejected")) + "</th></tr></thead>\n<tbody>\n");
        for (TrendPoint run : runs) {
            out.write("<tr><th scope=\"row\">" + esc(String.valueOf(run.runDate())) + "</th><td class=\"num\">"
                    + number(run.assessed()) + "</td><td class=\"num\">" + number(run.high()) + "</td><td class=\"num\">"
                    + number(run.rejected()) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n</details>\n</figure>\n");
    }

    private void writeInputFiles(Writer out, RunSummary s) throws IOException {
        List<RunSummary.InputFile> files = s.inputFiles() == null ? List.of() : s.inputFiles();
        boolean anyIgnored = files.stream().anyMatch(f -> f.ignoredColumns() != null && !f.ignoredColumns().isEmpty());
        if (files.isEmpty()) {
            out.write("<h3>" + esc(text.get("files.heading")) + "</h3>\n<p class=\"empty\">" + esc(text.get("files.none"))
                    + "</p>\n");
        } else {
            out.write("<table>\n<caption>" + esc(text.get("files.heading")) + "</caption>\n<thead><tr>"
                    + col("files.file", "") + col("files.sha", "") + col("files.bytes", "num") + col("files.read", "num")
                    + col("files.assessed", "num") + col("files.rejected", "num")
                    + (anyIgnored ? col("files.ignored", "") : "") + "</tr></thead>\n<tbody>\n");
            for (RunSummary.InputFile f : files) {
                String sha = f.sha256() == null ? "" : f.sha256();
                String shortSha = sha.length() > SHORT_SHA ? sha.substring(0, SHORT_SHA) + "…" : sha;
                out.write("<tr><th scope=\"row\">" + value(f.name()) + "</th>"
                        + "<td><code title=\"" + esc(sha) + "\">" + esc(shortSha) + "</code></td>"
                        + "<td class=\"num\">" + number(f.bytes()) + "</td>"
                        + "<td class=\"num\">" + number(f.read()) + "</td>"
                        + "<td class=\"num\">" + number(f.assessed()) + "</td>"
                        + "<td class=\"num\">" + number(f.rejected()) + "</td>"
                        + (anyIgnored ? "<td>" + joined(f.ignoredColumns()) + "</td>" : "") + "</tr>\n");
            }
            out.write("</tbody>\n</table>\n");
        }
        List<String> ignored = s.ignoredColumns() == null ? List.of() : s.ignoredColumns();
        if (!ignored.isEmpty()) {
            out.write("<p>" + esc(text.get("files.ignoredSentence", String.join(", ", ignored))) + "</p>\n");
        }
    }

    // ---- 3. trial-discussion worklist ----

    /** @param withTrials the run matched people to trials: a column gives each person's matches and near misses */
    private void writeWorklist(Writer out, ReportFeeds feeds, boolean withTrials) throws IOException {
        out.write("<section id=\"worklist\" aria-labelledby=\"worklist-h\">\n"
                + "<h2 id=\"worklist-h\">" + esc(text.get("worklist.heading")) + "</h2>\n"
                + "<p>" + esc(text.get("worklist.intro")) + "</p>\n");
        CappedList list = new CappedList(out, maxRowsPerList,
                controls("worklist-table", List.of("priority", "pathway", "province", "flag"))
                        + "<table class=\"sortable\" id=\"worklist-table\">\n<caption>" + esc(text.get("worklist.heading"))
                        + "</caption>\n<thead><tr>" + col("col.priority", "") + col("col.patientId", "")
                        + col("col.pathway", "") + col("col.extent", "") + col("col.province", "") + col("col.age", "num")
                        + col("col.options", "") + col("col.flags", "")
                        + (withTrials ? col("col.trials", "num") : "") + "</tr></thead>\n<tbody>\n",
                "</tbody>\n</table>\n", text);
        // HIGH first: the two priorities were gathered apart, each in input order
        long[] order = {0};
        forEachAssessment(feeds.highFile(), a -> {
            if (list.admit()) {
                worklistRow(out, a, order[0]++, withTrials);
            }
        });
        forEachAssessment(feeds.routineFile(), a -> {
            if (list.admit()) {
                worklistRow(out, a, order[0]++, withTrials);
            }
        });
        list.finish(feeds.high() + feeds.routine(), text.get("worklist.empty"), "assessments.csv");
        out.write("</section>\n");
    }

    private void worklistRow(Writer out, AssessmentLine a, long order, boolean withTrials) throws IOException {
        String priority = a.trialPriority() == null ? "" : a.trialPriority();
        out.write("<tr" + dataAttributes(a, order) + "><td data-sort=\"" + ("HIGH".equals(priority) ? 0 : 1)
                + "\"><span class=\"prio prio-" + esc(priority.toLowerCase(Locale.ROOT)) + "\">"
                + (a.trialPriority() == null ? value(null) : esc(name("priority.", a.trialPriority())))
                + "</span></td><th scope=\"row\">" + patientLink(a) + "</th><td>" + code("pathway.", a.pathway()) + "</td><td>"
                + codeCell("extent.", a.extent()) + "</td><td>" + cell(a.province()) + "</td><td class=\"num\">"
                + cell(a.ageAtRecurrence()) + "</td><td>" + joined(a.ruleIds()) + "</td><td>" + codes(a.reviewFlags())
                + "</td>" + (withTrials ? trialsCell(a) : "") + "</tr>\n");
    }

    /** Matches and near misses at a glance, sorted by matches; the person's section lists them with their criteria. */
    private String trialsCell(AssessmentLine a) {
        long matches = a.trials() == null ? 0 : a.trials().stream().filter(t -> "MATCH".equals(t.result())).count();
        long nearMisses = a.trials() == null ? 0 : a.trials().size() - matches;
        return "<td class=\"num\" data-sort=\"" + (matches * 100_000 + nearMisses) + "\">"
                + esc(text.get("worklist.trials", String.valueOf(matches), String.valueOf(nearMisses))) + "</td>";
    }

    /** What the page's filters read: the codes of the CSV files, never the words, so they work in any language. */
    private static String dataAttributes(AssessmentLine a, long order) {
        return " data-order=\"" + order + "\" data-id=\"" + esc(a.patientId()) + "\" data-priority=\""
                + esc(a.trialPriority()) + "\" data-pathway=\"" + esc(a.pathway()) + "\" data-province=\""
                + esc(a.province()) + "\" data-flag=\"" + esc(String.join(" ", a.reviewFlags())) + "\"";
    }

    /**
     * The filters above a table: hidden until the page's script shows them, so the page without script has
     * no controls that do nothing. The options are the codes' words; their values are the codes.
     */
    private String controls(String tableId, List<String> filters) {
        StringBuilder html = new StringBuilder("<form class=\"controls\" data-table=\"" + tableId + "\" role=\"search\" "
                + "aria-label=\"" + esc(text.get("filter.label")) + "\" hidden>\n");
        for (String filter : filters) {
            String id = tableId + "-" + filter;
            html.append("<label for=\"").append(id).append("\">").append(esc(text.get("filter." + filter)))
                    .append(" <select id=\"").append(id).append("\" data-filter=\"").append(filter).append("\">")
                    .append("<option value=\"\">").append(esc(text.get("filter.any"))).append("</option>");
            List<String> values = switch (filter) {
                case "priority" -> List.of("HIGH", "ROUTINE");
                case "pathway" -> java.util.Arrays.stream(ca.trialpath.guideline.Pathway.values()).map(Enum::name).toList();
                case "flag" -> java.util.Arrays.stream(ReviewFlag.values()).map(Enum::name).toList();
                default -> List.<String>of(); // province: the script lists the provinces of the rows
            };
            for (String value : values) {
                String label = filter.equals("flag") ? value : name(filter + ".", value);
                html.append("<option value=\"").append(esc(value)).append("\">").append(esc(label)).append("</option>");
            }
            html.append("</select></label>\n");
        }
        html.append("<label for=\"").append(tableId).append("-id\">").append(esc(text.get("filter.search")))
                .append(" <input type=\"search\" id=\"").append(tableId).append("-id\" data-filter=\"id\" autocomplete=\"off\">")
                .append("</label>\n<button type=\"reset\">").append(esc(text.get("filter.reset"))).append("</button>\n")
                .append("<p class=\"shown\" aria-live=\"polite\" data-pattern=\"").append(esc(text.get("list.shown")))
                .append("\"></p>\n<p class=\"hint\">").append(esc(text.get("sort.hint"))).append("</p>\n</form>\n");
        return html.toString();
    }

    // ---- 4. people needing review ----

    private void writeNeedingReview(Writer out, ReportFeeds feeds) throws IOException {
        out.write("<section id=\"review\" aria-labelledby=\"review-h\">\n"
                + "<h2 id=\"review-h\">" + esc(text.get("review.heading")) + "</h2>\n"
                + "<p>" + esc(text.get("review.intro")) + "</p>\n");
        CappedList list = new CappedList(out, maxRowsPerList,
                controls("review-table", List.of("pathway", "flag"))
                        + "<table class=\"sortable\" id=\"review-table\">\n<caption>" + esc(text.get("review.heading"))
                        + "</caption>\n<thead><tr>" + col("col.patientId", "") + col("col.pathway", "") + col("col.flags", "")
                        + "</tr></thead>\n<tbody>\n",
                "</tbody>\n</table>\n", text);
        long[] order = {0};
        forEachAssessment(feeds.reviewFile(), a -> {
            if (list.admit()) {
                out.write("<tr" + dataAttributes(a, order[0]++) + "><th scope=\"row\">" + patientLink(a) + "</th><td>"
                        + code("pathway.", a.pathway()) + "</td><td>");
                flagList(out, a.reviewFlags());
                out.write("</td></tr>\n");
            }
        });
        list.finish(feeds.review(), text.get("review.empty"), "assessments.csv");
        out.write("</section>\n");
    }

    // ---- 5. rejected rows ----

    private void writeRejects(Writer out, ReportFeeds feeds) throws IOException {
        out.write("<section id=\"rejects\" aria-labelledby=\"rejects-h\">\n<h2 id=\"rejects-h\">"
                + esc(text.get("rejects.heading")) + "</h2>\n<p>" + esc(text.get("rejects.intro")) + "</p>\n");
        CappedList list = new CappedList(out, maxRowsPerList,
                "<table>\n<caption>" + esc(text.get("rejects.heading")) + "</caption>\n<thead><tr>"
                        + col("col.file", "") + col("col.line", "num") + col("col.patientId", "") + col("col.reason", "")
                        + col("col.message", "") + "</tr></thead>\n<tbody>\n",
                "</tbody>\n</table>\n", text);
        jsonLines.forEach(feeds.rejectsFile(), node -> {
            if (list.admit()) {
                RejectLine r = RejectLine.from(node);
                out.write("<tr><td>" + value(r.sourceFile()) + "</td><td class=\"num\">" + value(r.line()) + "</td><td>"
                        + value(r.patientId()) + "</td><td><code>" + esc(r.reasonCode()) + "</code></td><td>"
                        + esc(r.message()) + "</td></tr>\n");
            }
        });
        list.finish(feeds.rejects(), text.get("rejects.empty"), "rejects.csv");
        out.write("</section>\n");
    }

    // ---- 6. each person ----

    private void writePeople(Writer out, ReportFeeds feeds) throws IOException {
        out.write("<section id=\"people\" aria-labelledby=\"people-h\">\n<h2 id=\"people-h\">"
                + esc(text.get("people.heading")) + "</h2>\n<p>" + esc(text.get("people.intro")) + "</p>\n");
        CappedList list = new CappedList(out, maxRowsPerList, "", "", text);
        forEachAssessment(feeds.peopleFile(), a -> {
            if (list.admit()) {
                person(out, a);
            }
        });
        list.finish(feeds.people(), text.get("people.empty"), text.get("people.rest"));
        out.write("</section>\n");
    }

    private void person(Writer out, AssessmentLine a) throws IOException {
        String anchor = Html.personAnchor(a.patientId());
        out.write("<article class=\"person\" id=\"" + esc(anchor) + "\" aria-labelledby=\"" + esc(anchor) + "-h\">\n"
                + "<h3 id=\"" + esc(anchor) + "-h\">" + value(a.patientId()) + "</h3>\n<dl class=\"facts\">\n");
        item(out, text.get("person.source"), value(a.sourceFile()) + ":" + value(a.sourceLine()));
        item(out, text.get("person.primarySite"), a.primarySite() == null ? value(null)
                : recordedValues("primary_site", a.primarySite()));
        item(out, text.get("person.pathway"), code("pathway.", a.pathway()));
        item(out, text.get("person.extent"), code("extent.", a.extent()));
        item(out, text.get("person.goal"), code("goal.", a.treatmentGoal()));
        String trialRule = a.trialRule() == null ? text.get("value.notRecorded") : a.trialRule();
        item(out, text.get("person.trial"), a.trialDiscussion()
                ? esc(text.get("person.trialYes", a.trialPriority() == null ? text.get("value.notRecorded")
                        : name("priority.", a.trialPriority()), trialRule))
                : esc(text.get("person.trialNo", trialRule)));
        item(out, text.get("person.age"), value(a.ageAtRecurrence()));
        item(out, text.get("person.province"), value(a.province()));
        out.write("</dl>\n");
        String basis = pathwayBasis(a);
        if (basis != null) {
            out.write("<p class=\"basis\"><strong>" + esc(text.get("person.why")));
            if (a.pathwayRule() != null) {
                out.write(" (" + esc(a.pathwayRule()) + ")");
            }
            out.write(":</strong> " + esc(basis) + "</p>\n");
        }
        if (a.trialRule() != null && text.has("trialRule." + a.trialRule())) {
            // the row of rules.md section 5, named as the pathway rule is
            out.write("<p class=\"basis\"><strong>" + esc(text.get("person.trialWhy")) + " (" + esc(a.trialRule())
                    + "):</strong> " + esc(text.get("trialRule." + a.trialRule())) + "</p>\n");
        }
        out.write("<h4>" + esc(text.get("person.facts")) + "</h4>\n<dl class=\"facts\">\n");
        for (String key : FACT_ORDER) {
            if (a.facts().containsKey(key)) {
                item(out, text.get("fact." + key), recordedValues(key, a.facts().get(key)));
            }
        }
        for (Map.Entry<String, String> fact : a.facts().entrySet()) {
            if (!FACT_ORDER.contains(fact.getKey())) {
                item(out, fact.getKey(), fact(fact.getValue()));
            }
        }
        out.write("</dl>\n<h4>" + esc(text.get("person.flags")) + "</h4>\n");
        if (a.reviewFlags().isEmpty()) {
            out.write("<p>" + esc(text.get("person.noFlags")) + "</p>\n");
        } else {
            flagList(out, a.reviewFlags());
        }
        out.write("<h4>" + esc(text.get("person.options")) + "</h4>\n");
        if (a.options().isEmpty()) {
            out.write("<p class=\"no-options\">" + esc(whyNoOptions(a)) + "</p>\n");
        } else {
            out.write("<table class=\"options\">\n<caption>" + esc(text.get("person.optionsCaption", nullToEmpty(a.patientId())))
                    + "</caption>\n<thead><tr>" + col("col.rule", "") + col("col.option", "") + col("col.regimens", "")
                    + col("col.goal", "") + col("col.section", "") + col("col.why", "") + "</tr></thead>\n<tbody>\n");
            for (AssessmentLine.Option o : a.options()) {
                // a rule the bundle knows is shown in the report's words; anything else as the job wrote it
                String rule = o.rule() == null ? "" : o.rule();
                String label = text.getOrDefault("option." + rule + ".label",
                        o.optionLabel() != null ? o.optionLabel() : o.optionCode());
                String regimens = text.getOrDefault("option." + rule + ".regimens", o.regimens());
                // a surgical option's reason says "if surgery can remove it" where surgery_possible is unknown
                boolean surgeryUnknown = "unknown".equals(a.facts().get("surgery_possible"));
                String why = surgeryUnknown && text.has("option." + rule + ".basisIfSurgeryCan")
                        ? text.get("option." + rule + ".basisIfSurgeryCan")
                        : text.getOrDefault("option." + rule + ".basis", o.rationale());
                out.write("<tr><th scope=\"row\"><code>" + esc(o.rule()) + "</code></th><td>" + value(label)
                        + "</td><td>" + cell(regimens) + "</td><td>" + codeCell("goal.", o.goal()) + "</td><td>"
                        + value(guidelineSection(o.guidelineSection())) + "</td><td>" + cell(why) + "</td></tr>\n");
            }
            out.write("</tbody>\n</table>\n");
        }
        if (a.trials() != null && a.trialDiscussion()) {
            TrialHtml.writePersonTrials(out, a, text);
        }
        out.write("</article>\n");
    }

    /**
     * Why the pathway: in English the job's own sentence, which names the sites; in another language the
     * rule's reason in general words, as the job's sentence is English.
     */
    private String pathwayBasis(AssessmentLine a) {
        String general = a.pathwayRule() == null ? null : text.getOrDefault("pathway.basis." + a.pathwayRule(), null);
        if (text.language().equals("en") || general == null) {
            return a.pathwayBasis() != null ? a.pathwayBasis() : general;
        }
        return general;
    }

    /** The guideline heading in the report's language when it is one of the guideline's sections. */
    private String guidelineSection(String heading) {
        for (GuidelineSection section : GuidelineSection.values()) {
            if (section.heading().equals(heading)) {
                return text.get("section." + section.name());
            }
        }
        return heading;
    }

    /** The plain-words reason a person has no options (rules.md, sections 1, 3 and 4), in one sentence. */
    String whyNoOptions(AssessmentLine a) {
        String pathway = a.pathway() == null ? "" : a.pathway();
        List<String> flags = a.reviewFlags();
        // a withheld-options flag says why first: it wins over every other reason (rules.md, section 4)
        for (ReviewFlag withheld : List.of(ReviewFlag.PRIMARY_NOT_INVASIVE, ReviewFlag.NON_SQUAMOUS_HISTOLOGY,
                ReviewFlag.IN_SITU_RECURRENCE)) {
            if (flags.contains(withheld.name()) && !pathway.equals("OUT_OF_SCOPE") && !pathway.equals("NOT_RECURRENT")) {
                return text.get("noOptions." + withheld.name());
            }
        }
        if ("P4b".equals(a.pathwayRule())) {
            return text.get("noOptions.PERSISTENT_DISEASE");
        }
        return switch (pathway) {
            case "OUT_OF_SCOPE", "NOT_RECURRENT", "UNDETERMINED" -> text.get("noOptions." + pathway);
            case "LOCAL_RECURRENCE" -> flags.contains(ReviewFlag.PRIOR_TREATMENT_MISSING.name())
                    ? text.get("noOptions.PRIOR_TREATMENT_MISSING")
                    : flags.contains(ReviewFlag.NO_STANDARD_OPTION.name())
                            ? text.get("noOptions.NO_STANDARD_OPTION")
                            : text.get("noOptions.other");
            default -> text.get("noOptions.other");
        };
    }

    // ---- shared pieces ----

    /** Reads a person feed: each line is the person's ordinal among all assessed people, a space, the JSON. */
    private void forEachAssessment(Path feed, AssessmentVisitor visitor) throws IOException {
        jsonLines.forEachWithOrdinal(feed, (ordinal, node) -> visitor.visit(AssessmentLine.from(ordinal, node)));
    }

    @FunctionalInterface
    private interface AssessmentVisitor {
        void visit(AssessmentLine assessment) throws IOException;
    }

    /** The patient id, linked to the person's entry when "Each person" shows it (the first maxRowsPerList people). */
    private String patientLink(AssessmentLine a) {
        if (a.ordinal() >= maxRowsPerList) {
            return value(a.patientId());
        }
        return "<a href=\"#" + esc(Html.personAnchor(a.patientId())) + "\">" + value(a.patientId()) + "</a>";
    }

    private void flagList(Writer out, List<String> flags) throws IOException {
        out.write("<ul class=\"flags\">");
        for (String flag : flags) {
            out.write("<li><code>" + esc(flag) + "</code>: " + esc(explanation(flag)) + "</li>");
        }
        out.write("</ul>");
    }

    String explanation(String flag) {
        for (ReviewFlag known : ReviewFlag.values()) {
            if (known.name().equals(flag)) {
                return text.get("flag." + known.name());
            }
        }
        return text.get("flag.unknown");
    }

    /** The words for a code (pathway, priority, ...) in the report's language; a code it does not know as it is. */
    private String name(String prefix, String code) {
        return prefix.isEmpty() || code == null ? code : text.getOrDefault(prefix + code, code);
    }

    /** A code in running text: its words, escaped, with the code itself in the title for analysts. */
    private String code(String prefix, String code) {
        if (code == null) {
            return value(null);
        }
        String words = name(prefix, code);
        return words.equals(code) ? esc(code) : "<span title=\"" + esc(code) + "\">" + esc(words) + "</span>";
    }

    /** A code in a table cell, where "not recorded" would crowd the columns. */
    private String codeCell(String prefix, String code) {
        return code == null || code.isEmpty() ? cell(code) : code(prefix, code);
    }

    private void countTable(Writer out, String caption, String what, String unit, String namePrefix,
            Map<String, Long> counts) throws IOException {
        out.write("<table class=\"counts\">\n<caption>" + esc(caption) + "</caption>\n<thead><tr><th scope=\"col\">"
                + esc(what) + "</th><th scope=\"col\" class=\"num\">" + esc(unit) + "</th></tr></thead>\n<tbody>\n");
        if (counts == null || counts.isEmpty()) {
            out.write("<tr><td colspan=\"2\">" + esc(text.get("glance.none")) + "</td></tr>\n");
        } else {
            for (Map.Entry<String, Long> count : counts.entrySet()) {
                countRow(out, name(namePrefix, count.getKey()), count.getValue());
            }
        }
        out.write("</tbody>\n</table>\n");
    }

    private void countRow(Writer out, String label, Long count) throws IOException {
        out.write("<tr><th scope=\"row\">" + esc(label) + "</th><td class=\"num\">" + number(count) + "</td></tr>\n");
    }

    /** A column heading from the bundle. */
    private String col(String key, String cssClass) {
        return "<th scope=\"col\"" + (cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"") + ">" + esc(text.get(key))
                + "</th>";
    }

    private static void item(Writer out, String term, String valueHtml) throws IOException {
        out.write("<div><dt>" + esc(term) + "</dt><dd>" + valueHtml + "</dd></div>\n");
    }

    private static String esc(String value) {
        return Html.escape(value);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** A value in running text: escaped, or "not recorded". */
    private String value(String value) {
        return value == null ? "<span class=\"na\">" + esc(text.get("value.notRecorded")) + "</span>" : esc(value);
    }

    /** A value in a table cell, where "not recorded" would crowd the columns. */
    private String cell(String value) {
        return value == null || value.isEmpty()
                ? "<span class=\"na\" title=\"" + esc(text.get("value.notRecorded")) + "\">–</span>" : esc(value);
    }

    /** Facts whose values are vocabulary terms: the bundle has their words ({@code term.<fact>.<term>}). */
    private static final java.util.Set<String> TERM_FACTS = java.util.Set.of("primary_site", "prior_treatments", "surgery_possible",
            "treatment_wish", "recurrence_sites", "symptoms");

    /**
     * A recorded fact in the report's language: each known vocabulary term in its words (the term itself in
     * the title, for analysts), anything else (an unknown term, a date, a code) as recorded.
     */
    private String recordedValues(String fact, String value) {
        if (value == null || value.isEmpty() || !TERM_FACTS.contains(fact)) {
            return fact(value);
        }
        List<String> html = new ArrayList<>();
        for (String term : value.split(", ")) {
            String words = text.getOrDefault("term." + fact + "." + term, term);
            html.add(words.equals(term) ? esc(term) : "<span title=\"" + esc(term) + "\">" + esc(words) + "</span>");
        }
        return String.join(", ", html);
    }

    /** A fact: null is "not recorded", an empty list "none". */
    private String fact(String value) {
        if (value == null) {
            return value(null);
        }
        return value.isEmpty() ? esc(text.get("value.noneFact")) : esc(value);
    }

    private String joined(List<String> values) {
        if (values == null || values.isEmpty()) {
            return "<span class=\"na\">" + esc(text.get("value.none")) + "</span>";
        }
        return esc(String.join(", ", values));
    }

    private String codes(List<String> values) {
        if (values == null || values.isEmpty()) {
            return "<span class=\"na\">" + esc(text.get("value.none")) + "</span>";
        }
        List<String> html = new ArrayList<>();
        for (String v : values) {
            html.add("<code>" + esc(v) + "</code>");
        }
        return String.join(" ", html);
    }

    private String number(Long n) {
        return n == null ? value(null) : esc(text.number(n));
    }

    private String time(Instant instant) {
        return instant == null ? value(null) : esc(TIME.format(instant));
    }

    private String duration(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        return seconds >= 60 ? text.get("duration.minutes", String.valueOf(seconds / 60), String.valueOf(seconds % 60))
                : text.get("duration.seconds", String.valueOf(seconds));
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Base64(String value) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    // System fonts only: the page loads nothing. Colours keep WCAG AA contrast; priority is also in the text.
    private static final String CSS = """
            :root { color-scheme: light; }
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
                   font-size: 15px; line-height: 1.45; color: #1a1a1a; background: #fff; margin: 0 auto;
                   max-width: 75rem; padding: 0 1rem 2rem; }
            nav.skip { border-bottom: 1px solid #ccc; padding: .5rem 0; }
            nav.skip ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
            a { color: #0b4f9c; }
            a:focus { outline: 3px solid #f2a900; outline-offset: 2px; }
            h1 { font-size: 1.6rem; margin: 1rem 0 .5rem; }
            h1 .date { font-weight: normal; color: #444; }
            tbody th[scope=row] { white-space: nowrap; }
            p.deidentified { border-left: 4px solid #6a3d9a; background: #f4effa; padding: .4rem .75rem; }
            h2 { font-size: 1.3rem; border-bottom: 2px solid #0b4f9c; padding-bottom: .2rem; margin-top: 2rem; }
            h3 { font-size: 1.1rem; margin: 0 0 .4rem; }
            h4 { font-size: 1rem; margin: .8rem 0 .3rem; }
            dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .2rem 1rem;
                       margin: 0 0 .5rem; }
            dl.facts div { display: flex; flex-direction: column; }
            dt { font-size: .8rem; color: #555; }
            dd { margin: 0; }
            .grid { display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: flex-start; }
            table { border-collapse: collapse; margin: .5rem 0 1rem; }
            caption { text-align: left; font-weight: bold; padding: .2rem 0; }
            th, td { border: 1px solid #bbb; padding: .25rem .5rem; text-align: left; vertical-align: top; }
            thead th { background: #eef2f7; }
            tbody th { font-weight: normal; }
            .num { text-align: right; font-variant-numeric: tabular-nums; }
            code { font-family: ui-monospace, "SFMono-Regular", Consolas, "Liberation Mono", monospace; font-size: .9em; }
            .prio { font-weight: bold; }
            .prio-high { color: #9b1c1c; }
            .na { color: #666; }
            .note { color: #444; font-size: .9rem; }
            .empty, .more, .no-options { font-style: italic; }
            .more { font-weight: bold; }
            ul.flags { margin: 0; padding-left: 1.1rem; }
            article.person { border: 1px solid #ccc; border-radius: 4px; padding: .75rem 1rem; margin: 1rem 0; }
            table.options { width: 100%; }
            footer { margin-top: 2rem; color: #555; font-size: .85rem; }
            p.source { border-left: 4px solid #9b1c1c; background: #fbf1f1; padding: .4rem .75rem; }
            figure.chart { margin: 0 0 1rem; }
            figure.trend { max-width: 100%; overflow-x: auto; }
            svg.chart { display: block; max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
            svg.chart text { fill: #1a1a1a; }
            svg.chart .bar { fill: #0b4f9c; }
            svg.chart .axis { fill: #555; }
            svg.chart .baseline { stroke: #999; stroke-width: 1; }
            svg.chart polyline { fill: none; stroke-width: 2; }
            svg.chart .series-assessed polyline { stroke: #0b4f9c; } svg.chart .series-assessed circle { fill: #0b4f9c; }
            svg.chart .series-high polyline { stroke: #9b1c1c; } svg.chart .series-high circle { fill: #9b1c1c; }
            svg.chart .series-rejected polyline { stroke: #7a5a00; } svg.chart .series-rejected circle { fill: #7a5a00; }
            form.controls { display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: flex-end; margin: .5rem 0;
                            padding: .5rem .75rem; background: #f5f7fa; border: 1px solid #d5dbe3; border-radius: 4px; }
            form.controls[hidden] { display: none; }
            form.controls label { display: flex; flex-direction: column; font-size: .85rem; color: #333; }
            form.controls select, form.controls input, form.controls button { font: inherit; font-size: .95rem; }
            form.controls p { margin: 0; flex-basis: 100%; font-size: .85rem; }
            th button.sort { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; cursor: pointer;
                             color: inherit; text-align: left; }
            th[aria-sort="ascending"] button.sort::after { content: " \\25B2"; }
            th[aria-sort="descending"] button.sort::after { content: " \\25BC"; }
            tr[hidden] { display: none; }
            @media print {
              @page { margin: 1.5cm; }
              body { font-size: 10pt; max-width: none; padding: 0; color: #000; }
              nav.skip, form.controls, figure.chart svg, details { display: none; }
              a { color: inherit; text-decoration: none; }
              h2 { break-after: avoid; }
              table { width: 100%; }
              th, td { border-color: #666; }
              thead th { background: none; }
              tr, article.person { break-inside: avoid; }
              thead { display: table-header-group; }
              th[aria-sort] button.sort::after { content: none; }
              #worklist { break-before: page; }
              #people { break-before: page; }
            }
            """;
}
