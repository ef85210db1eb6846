package ca.trialpath.report;

import ca.trialpath.guideline.ReviewFlag;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;


/**
 * Writes {@code report.html}, the page research coordinators read every morning (outputs.md): the run at a
 * glance, the trial-discussion worklist (HIGH first), people needing review, rejected rows, and each person's
 * options with the rule and guideline section behind them.
 *
 * <p>The page is self-contained (inline CSS, no script, nothing loaded from the network; a Content Security
 * Policy says so to the browser) and prints. It is written from the {@link ReportFeeds} the run gathered
 * (the first entries of each list and the totals), so its size and cost depend on the cap per list, not on
 * the number of people. Every value from the data goes through {@link Html#escape(String)}.
 */
public final class HtmlReport {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** How many hex digits of a SHA-256 the files table shows; the full value is in the cell's title. */
    private static final int SHORT_SHA = 12;

    /** Facts shown first, in this order and with these labels; any other fact follows under its JSON name. */
    private static final Map<String, String> FACT_LABELS = orderedLabels(
            "recurrence_type", "Recurrence type (NAACCR 1880)",
            "recurrence_sites", "Recurrence sites",
            "unknown_site_terms", "Unknown site terms",
            "prior_treatments", "Prior treatments",
            "surgery_possible", "Surgery possible",
            "symptoms", "Symptoms",
            "treatment_wish", "Treatment wish",
            "recurrence_date", "Recurrence date",
            "sex", "Sex",
            "histology", "Histology (ICD-O-3)",
            "ecog", "ECOG");

    private final int maxRowsPerList;
    private final JsonLines jsonLines = new JsonLines(JsonMapper.builder().build());

    /** @param maxRowsPerList how many rows each list shows before it says how many more there are */
    public HtmlReport(int maxRowsPerList) {
        if (maxRowsPerList < 0) {
            throw new IllegalArgumentException("maxRowsPerList must not be negative: " + maxRowsPerList);
        }
        this.maxRowsPerList = maxRowsPerList;
    }

    /**
     * Writes the page from the feeds gathered during the run: its size and the time it takes depend on
     * the cap per list, not on the number of people.
     */
    public void write(RunSummary summary, ReportFeeds feeds, Path target) throws IOException {
        write(summary, feeds, ReportHistory.none(), target);
    }

    /**
     * As {@link #write(RunSummary, ReportFeeds, Path)}, with what the run history says: what changed since the
     * previous run comes first; {@code history.lastRuns()} is there for the trend of the last runs.
     */
    public void write(RunSummary summary, ReportFeeds feeds, ReportHistory history, Path target) throws IOException {
        write(summary, feeds, history, TrialReport.NO_MATCHING, target);
    }

    /** @param trials the trial part of the run, {@code null} to leave it out */
    public void write(RunSummary summary, ReportFeeds feeds, ReportHistory history, TrialReport trials, Path target)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            writeHead(out, summary);
            writeHeader(out, summary);
            out.write("<main>\n");
            ChangesSection.write(out, history.changes(), maxRowsPerList);
            writeAtAGlance(out, summary);
            writeWorklist(out, feeds);
            if (trials != null) {
                TrialHtml.writeTrials(out, trials);
            }
            writeNeedingReview(out, feeds);
            writeRejects(out, feeds);
            writePeople(out, feeds);
            out.write("</main>\n");
            out.write("<footer><p>Written by TrialPath. Every option names the rule (shared/spec/rules.md) "
                    + "and the guideline section it comes from; the care team decides.</p></footer>\n");
            out.write("</body>\n</html>\n");
        }
    }

    // ---- 1. head, skip links and header ----

    private static void writeHead(Writer out, RunSummary s) throws IOException {
        out.write("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                """);
        out.write("<title>TrialPath report " + esc(String.valueOf(s.runDate())) + "</title>\n");
        out.write("<style>\n" + CSS + "</style>\n</head>\n<body>\n");
        out.write("""
                <nav class="skip" aria-label="Sections of this report">
                <ul>
                <li><a href="#changes">What changed</a></li>
                <li><a href="#at-a-glance">The run at a glance</a></li>
                <li><a href="#worklist">Trial-discussion worklist</a></li>
                <li><a href="#trials">Open trials</a></li>
                <li><a href="#review">People needing review</a></li>
                <li><a href="#rejects">Rejected rows</a></li>
                <li><a href="#people">Each person</a></li>
                </ul>
                </nav>
                """);
    }

    private static void writeHeader(Writer out, RunSummary s) throws IOException {
        out.write("<header id=\"top\">\n<h1>TrialPath report <span class=\"date\">" + esc(String.valueOf(s.runDate()))
                + "</span></h1>\n<dl class=\"facts\">\n");
        item(out, "Run date", esc(String.valueOf(s.runDate())));
        item(out, "Job execution id", esc(String.valueOf(s.jobExecutionId())));
        item(out, "Started", time(s.startTime()));
        item(out, "Finished", time(s.endTime()));
        if (s.startTime() != null && s.endTime() != null) {
            item(out, "Took", esc(duration(Duration.between(s.startTime(), s.endTime()))));
        }
        item(out, "Guideline", value(s.guidelineVersion()));
        item(out, "Guideline version", value(ca.trialpath.guideline.GuidelineVersion.ID));
        item(out, "Rules version", value(s.rulesVersion()));
        out.write("</dl>\n</header>\n");
    }

    // ---- 2. the run at a glance ----

    private static void writeAtAGlance(Writer out, RunSummary s) throws IOException {
        out.write("<section id=\"at-a-glance\" aria-labelledby=\"at-a-glance-h\">\n"
                + "<h2 id=\"at-a-glance-h\">The run at a glance</h2>\n");
        out.write("<div class=\"grid\">\n");
        out.write("<table class=\"counts\">\n<caption>Rows</caption>\n"
                + "<thead><tr><th scope=\"col\">Rows</th><th scope=\"col\" class=\"num\">Count</th></tr></thead>\n<tbody>\n");
        countRow(out, "Read", s.read());
        countRow(out, "Assessed", s.assessed());
        out.write("<tr><th scope=\"row\">Rejected</th><td class=\"num\">" + number(s.rejected())
                + (s.read() > 0 ? " <span class=\"note\">(" + percent((double) s.rejected() / s.read()) + ")</span>" : "")
                + "</td></tr>\n");
        out.write("</tbody>\n</table>\n");
        countTable(out, "People per pathway", "Pathway", "People", s.pathways());
        countTable(out, "People per trial priority", "Trial priority", "People", s.priorities());
        countTable(out, "Rejected rows per reason", "Reason", "Rows", s.rejectReasons());
        countTable(out, "People per rule", "Rule", "People", s.rules());
        out.write("</div>\n");
        out.write("<p class=\"note\">A run fails, and publishes nothing, when more than " + percent(s.maxRejectRate())
                + " of the rows it read are rejected.</p>\n");

        Map<String, Long> flags = s.reviewFlags() == null ? Map.of() : s.reviewFlags();
        out.write("<table>\n<caption>Review flags</caption>\n<thead><tr><th scope=\"col\">Flag</th>"
                + "<th scope=\"col\" class=\"num\">People</th><th scope=\"col\">What it means</th></tr></thead>\n<tbody>\n");
        if (flags.isEmpty()) {
            out.write("<tr><td colspan=\"3\">No review flags counted.</td></tr>\n");
        }
        for (Map.Entry<String, Long> flag : flags.entrySet()) {
            out.write("<tr><th scope=\"row\"><code>" + esc(flag.getKey()) + "</code></th><td class=\"num\">"
                    + number(flag.getValue()) + "</td><td>" + esc(explanation(flag.getKey())) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n");

        writeInputFiles(out, s);
        out.write("</section>\n");
    }

    private static void writeInputFiles(Writer out, RunSummary s) throws IOException {
        List<RunSummary.InputFile> files = s.inputFiles() == null ? List.of() : s.inputFiles();
        boolean anyIgnored = files.stream().anyMatch(f -> f.ignoredColumns() != null && !f.ignoredColumns().isEmpty());
        if (files.isEmpty()) {
            out.write("<h3>Input files</h3>\n<p class=\"empty\">No input files.</p>\n");
        } else {
            out.write("<table>\n<caption>Input files</caption>\n<thead><tr><th scope=\"col\">File</th>"
                    + "<th scope=\"col\">SHA-256</th><th scope=\"col\" class=\"num\">Bytes</th>"
                    + "<th scope=\"col\" class=\"num\">Read</th><th scope=\"col\" class=\"num\">Assessed</th>"
                    + "<th scope=\"col\" class=\"num\">Rejected</th>"
                    + (anyIgnored ? "<th scope=\"col\">Ignored columns</th>" : "") + "</tr></thead>\n<tbody>\n");
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
            out.write("<p>Columns the cohort format does not know, ignored: " + joined(ignored) + ".</p>\n");
        }
    }

    // ---- 3. trial-discussion worklist ----

    private void writeWorklist(Writer out, ReportFeeds feeds) throws IOException {
        out.write("<section id=\"worklist\" aria-labelledby=\"worklist-h\">\n"
                + "<h2 id=\"worklist-h\">Trial-discussion worklist</h2>\n"
                + "<p>People to discuss for a clinical trial: HIGH priority first, then ROUTINE, each in input order. "
                + "HIGH means the guideline has no standard treatment for them.</p>\n");
        CappedList list = new CappedList(out, maxRowsPerList,
                "<table>\n<caption>Trial-discussion worklist</caption>\n<thead><tr>"
                        + "<th scope=\"col\">Priority</th><th scope=\"col\">Patient id</th><th scope=\"col\">Pathway</th>"
                        + "<th scope=\"col\">Extent</th><th scope=\"col\">Province</th><th scope=\"col\" class=\"num\">Age</th>"
                        + "<th scope=\"col\">Options (rules)</th><th scope=\"col\">Review flags</th></tr></thead>\n<tbody>\n",
                "</tbody>\n</table>\n");
        // HIGH first: the two priorities were gathered apart, each in input order
        forEachAssessment(feeds.highFile(), a -> {
            if (list.admit()) {
                worklistRow(out, a);
            }
        });
        forEachAssessment(feeds.routineFile(), a -> {
            if (list.admit()) {
                worklistRow(out, a);
            }
        });
        list.finish(feeds.high() + feeds.routine(), "No people for a trial discussion.", "assessments.csv");
        out.write("</section>\n");
    }

    private void worklistRow(Writer out, AssessmentLine a) throws IOException {
        String priority = a.trialPriority() == null ? "" : a.trialPriority();
        out.write("<tr><td><span class=\"prio prio-" + esc(priority.toLowerCase(Locale.ROOT)) + "\">" + value(a.trialPriority())
                + "</span></td><th scope=\"row\">" + patientLink(a) + "</th><td>" + value(a.pathway()) + "</td><td>"
                + cell(a.extent()) + "</td><td>" + cell(a.province()) + "</td><td class=\"num\">" + cell(a.ageAtRecurrence())
                + "</td><td>" + joined(a.ruleIds()) + "</td><td>" + codes(a.reviewFlags()) + "</td></tr>\n");
    }

    // ---- 4. people needing review ----

    private void writeNeedingReview(Writer out, ReportFeeds feeds) throws IOException {
        out.write("<section id=\"review\" aria-labelledby=\"review-h\">\n"
                + "<h2 id=\"review-h\">People needing review</h2>\n"
                + "<p>Where the guideline is silent or the record is unclear, TrialPath raises a flag instead of "
                + "guessing. These people need a human look.</p>\n");
        CappedList list = new CappedList(out, maxRowsPerList,
                "<table>\n<caption>People needing review</caption>\n<thead><tr>"
                        + "<th scope=\"col\">Patient id</th><th scope=\"col\">Pathway</th><th scope=\"col\">Review flags</th>"
                        + "</tr></thead>\n<tbody>\n",
                "</tbody>\n</table>\n");
        forEachAssessment(feeds.reviewFile(), a -> {
            if (list.admit()) {
                out.write("<tr><th scope=\"row\">" + patientLink(a) + "</th><td>" + value(a.pathway()) + "</td><td>");
                flagList(out, a.reviewFlags());
                out.write("</td></tr>\n");
            }
        });
        list.finish(feeds.review(), "No people need review.", "assessments.csv");
        out.write("</section>\n");
    }

    // ---- 5. rejected rows ----

    private void writeRejects(Writer out, ReportFeeds feeds) throws IOException {
        out.write("<section id=\"rejects\" aria-labelledby=\"rejects-h\">\n<h2 id=\"rejects-h\">Rejected rows</h2>\n"
                + "<p>Input rows the job could not assess. Fix them at the source; they are not in the lists above.</p>\n");
        CappedList list = new CappedList(out, maxRowsPerList,
                "<table>\n<caption>Rejected rows</caption>\n<thead><tr>"
                        + "<th scope=\"col\">File</th><th scope=\"col\" class=\"num\">Line</th><th scope=\"col\">Patient id</th>"
                        + "<th scope=\"col\">Reason</th><th scope=\"col\">Message</th></tr></thead>\n<tbody>\n",
                "</tbody>\n</table>\n");
        jsonLines.forEach(feeds.rejectsFile(), node -> {
            if (list.admit()) {
                RejectLine r = RejectLine.from(node);
                out.write("<tr><td>" + value(r.sourceFile()) + "</td><td class=\"num\">" + value(r.line()) + "</td><td>"
                        + value(r.patientId()) + "</td><td><code>" + esc(r.reasonCode()) + "</code></td><td>"
                        + esc(r.message()) + "</td></tr>\n");
            }
        });
        list.finish(feeds.rejects(), "No rejected rows.", "rejects.csv");
        out.write("</section>\n");
    }

    // ---- 6. each person ----

    private void writePeople(Writer out, ReportFeeds feeds) throws IOException {
        out.write("<section id=\"people\" aria-labelledby=\"people-h\">\n<h2 id=\"people-h\">Each person</h2>\n"
                + "<p>Every assessed person in input order, with the recorded facts, the flags, and each option with "
                + "the rule and guideline section behind it.</p>\n");
        CappedList list = new CappedList(out, maxRowsPerList, "", "");
        forEachAssessment(feeds.peopleFile(), a -> {
            if (list.admit()) {
                person(out, a);
            }
        });
        list.finish(feeds.people(), "No people were assessed.", "assessments.csv and options.csv");
        out.write("</section>\n");
    }

    private static void person(Writer out, AssessmentLine a) throws IOException {
        String anchor = Html.personAnchor(a.patientId());
        out.write("<article class=\"person\" id=\"" + esc(anchor) + "\" aria-labelledby=\"" + esc(anchor) + "-h\">\n"
                + "<h3 id=\"" + esc(anchor) + "-h\">" + value(a.patientId()) + "</h3>\n<dl class=\"facts\">\n");
        item(out, "Source", value(a.sourceFile()) + ":" + value(a.sourceLine()));
        item(out, "Primary site", value(a.primarySite()));
        item(out, "Pathway", value(a.pathway()));
        item(out, "Extent", value(a.extent()));
        item(out, "Treatment goal", value(a.treatmentGoal()));
        item(out, "Trial discussion", a.trialDiscussion() ? "yes, " + value(a.trialPriority()) + " priority" : "no");
        item(out, "Age at recurrence", value(a.ageAtRecurrence()));
        item(out, "Province", value(a.province()));
        out.write("</dl>\n");
        if (a.pathwayBasis() != null) {
            out.write("<p class=\"basis\"><strong>Why this pathway");
            if (a.pathwayRule() != null) {
                out.write(" (" + esc(a.pathwayRule()) + ")");
            }
            out.write(":</strong> " + esc(a.pathwayBasis()) + "</p>\n");
        }
        out.write("<h4>Recorded facts</h4>\n<dl class=\"facts\">\n");
        for (Map.Entry<String, String> label : FACT_LABELS.entrySet()) {
            if (a.facts().containsKey(label.getKey())) {
                item(out, esc(label.getValue()), fact(a.facts().get(label.getKey())));
            }
        }
        for (Map.Entry<String, String> fact : a.facts().entrySet()) {
            if (!FACT_LABELS.containsKey(fact.getKey())) {
                item(out, esc(fact.getKey()), fact(fact.getValue()));
            }
        }
        out.write("</dl>\n<h4>Review flags</h4>\n");
        if (a.reviewFlags().isEmpty()) {
            out.write("<p>No review flags.</p>\n");
        } else {
            flagList(out, a.reviewFlags());
        }
        out.write("<h4>Options</h4>\n");
        if (a.options().isEmpty()) {
            out.write("<p class=\"no-options\">" + esc(whyNoOptions(a)) + "</p>\n");
        } else {
            out.write("<table class=\"options\">\n<caption>Options for " + value(a.patientId()) + "</caption>\n<thead><tr>"
                    + "<th scope=\"col\">Rule</th><th scope=\"col\">Option</th><th scope=\"col\">Regimens</th>"
                    + "<th scope=\"col\">Goal</th><th scope=\"col\">Guideline section</th><th scope=\"col\">Why</th>"
                    + "</tr></thead>\n<tbody>\n");
            for (AssessmentLine.Option o : a.options()) {
                String label = o.optionLabel() != null ? o.optionLabel() : o.optionCode();
                out.write("<tr><th scope=\"row\"><code>" + esc(o.rule()) + "</code></th><td>" + value(label)
                        + "</td><td>" + cell(o.regimens()) + "</td><td>" + cell(o.goal()) + "</td><td>"
                        + value(o.guidelineSection()) + "</td><td>" + cell(o.rationale()) + "</td></tr>\n");
            }
            out.write("</tbody>\n</table>\n");
        }
        if (a.trials() != null && a.trialDiscussion()) {
            TrialHtml.writePersonTrials(out, a);
        }
        out.write("</article>\n");
    }

    /** The plain-words reason a person has no options (rules.md, sections 1, 3 and 4). */
    static String whyNoOptions(AssessmentLine a) {
        String pathway = a.pathway() == null ? "" : a.pathway();
        List<String> flags = a.reviewFlags();
        return switch (pathway) {
            case "OUT_OF_SCOPE" -> "No options: the primary site is outside this guideline, which covers cancer of "
                    + "the anal canal, anus and perianal skin.";
            case "NOT_RECURRENT" -> "No options: the recurrence type says there is no recurrence to treat.";
            case "UNDETERMINED" -> "No options: the record does not say clearly where the cancer came back, so the "
                    + "guideline cannot choose between local recurrence and distant metastasis. See the review flags.";
            case "LOCAL_RECURRENCE" -> flags.contains(ReviewFlag.PRIOR_TREATMENT_MISSING.name())
                    ? "No options: the treatment of the original tumour is not recorded, and the options for a local "
                            + "recurrence depend on it. See the review flags."
                    : flags.contains(ReviewFlag.NO_STANDARD_OPTION.name())
                            ? "No options: the guideline gives no standard option after this prior treatment. "
                                    + "See the review flags."
                            : "No options were attached. See the review flags.";
            default -> "No options were attached. See the review flags.";
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

    private static void flagList(Writer out, List<String> flags) throws IOException {
        out.write("<ul class=\"flags\">");
        for (String flag : flags) {
            out.write("<li><code>" + esc(flag) + "</code>: " + esc(explanation(flag)) + "</li>");
        }
        out.write("</ul>");
    }

    static String explanation(String flag) {
        for (ReviewFlag known : ReviewFlag.values()) {
            if (known.name().equals(flag)) {
                return known.explanation();
            }
        }
        return "A flag this report does not know; see rules.md.";
    }

    private static void countTable(Writer out, String caption, String what, String unit, Map<String, Long> counts)
            throws IOException {
        out.write("<table class=\"counts\">\n<caption>" + esc(caption) + "</caption>\n<thead><tr><th scope=\"col\">"
                + esc(what) + "</th><th scope=\"col\" class=\"num\">" + esc(unit) + "</th></tr></thead>\n<tbody>\n");
        if (counts == null || counts.isEmpty()) {
            out.write("<tr><td colspan=\"2\">None.</td></tr>\n");
        } else {
            for (Map.Entry<String, Long> count : counts.entrySet()) {
                countRow(out, count.getKey(), count.getValue());
            }
        }
        out.write("</tbody>\n</table>\n");
    }

    private static void countRow(Writer out, String label, Long count) throws IOException {
        out.write("<tr><th scope=\"row\">" + esc(label) + "</th><td class=\"num\">" + number(count) + "</td></tr>\n");
    }

    private static void item(Writer out, String termHtml, String valueHtml) throws IOException {
        out.write("<div><dt>" + termHtml + "</dt><dd>" + valueHtml + "</dd></div>\n");
    }

    private static String esc(String value) {
        return Html.escape(value);
    }

    /** A value in running text: escaped, or "not recorded". */
    private static String value(String value) {
        return value == null ? "<span class=\"na\">not recorded</span>" : esc(value);
    }

    /** A value in a table cell, where "not recorded" would crowd the columns. */
    private static String cell(String value) {
        return value == null || value.isEmpty() ? "<span class=\"na\" title=\"not recorded\">–</span>" : esc(value);
    }

    /** A fact: null is "not recorded", an empty list "none". */
    private static String fact(String value) {
        if (value == null) {
            return value(null);
        }
        return value.isEmpty() ? "none" : esc(value);
    }

    private static String joined(List<String> values) {
        if (values == null || values.isEmpty()) {
            return "<span class=\"na\">none</span>";
        }
        return esc(String.join(", ", values));
    }

    private static String codes(List<String> values) {
        if (values == null || values.isEmpty()) {
            return "<span class=\"na\">none</span>";
        }
        List<String> html = new ArrayList<>();
        for (String v : values) {
            html.add("<code>" + esc(v) + "</code>");
        }
        return String.join(" ", html);
    }

    private static String number(Long n) {
        return n == null ? value(null) : String.format(Locale.ROOT, "%,d", n);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static String time(Instant instant) {
        return instant == null ? value(null) : esc(TIME.format(instant));
    }

    private static String duration(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        return seconds >= 60 ? (seconds / 60) + " min " + (seconds % 60) + " s" : seconds + " s";
    }

    private static Map<String, String> orderedLabels(String... keysAndLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < keysAndLabels.length; i += 2) {
            labels.put(keysAndLabels[i], keysAndLabels[i + 1]);
        }
        return Collections.unmodifiableMap(labels);
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
            @media print {
              body { font-size: 10pt; max-width: none; padding: 0; }
              nav.skip { display: none; }
              a { color: inherit; text-decoration: none; }
              h2 { break-after: avoid; }
              tr, article.person { break-inside: avoid; }
              thead { display: table-header-group; }
              #people { break-before: page; }
            }
            """;
}
