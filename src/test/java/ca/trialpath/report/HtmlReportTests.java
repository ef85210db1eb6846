package ca.trialpath.report;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;

import ca.trialpath.guideline.ReviewFlag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class HtmlReportTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheSectionsInOrder() throws IOException {
        String html = render(5000, List.of(distant("P1", "HIGH")), List.of());

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">");
        assertThat(html.indexOf("<h1>TrialPath report")).isPositive();
        // the morning's worklist first, the operators' details of the run last
        assertThat(Arrays.asList(html.indexOf("<h1>TrialPath report"), html.indexOf("id=\"today\""),
                html.indexOf("id=\"changes\""), html.indexOf("id=\"at-a-glance\""), html.indexOf("id=\"review\""),
                html.indexOf("id=\"rejects\""), html.indexOf("id=\"people\""), html.indexOf("id=\"run\"")))
                .doesNotContain(-1).isSorted();
        assertThat(html.indexOf("<nav")).isLessThan(html.indexOf("<h1>"));
        assertThat(html).contains("href=\"#today\"", "href=\"#review\"", "href=\"#rejects\"", "href=\"#people\"",
                "href=\"#at-a-glance\"", "href=\"#run\"");
    }

    @Test
    void shouldShowTheRunHeaderAndCounts() throws IOException {
        String html = render(5000, List.of(), List.of());

        assertThat(html).contains("2026-11-27", "Job execution id", "<dd>42</dd>", "2026-11-27 02:00:00 UTC",
                "2026-11-27 02:03:05 UTC", "rules-v2", "CCS-2024/rules-v2",
                "Canadian Cancer Society, “Treatments for recurrent anal cancer” (© 2024, no review date given)");
        assertThat(html.substring(html.indexOf("<header id=\"top\">"), html.indexOf("</header>"))).as("the source's age and caution, on every report")
                .contains("The source is © 2024 and gives no date of last medical review",
                        "Treatments approved since are not reflected", "the care team checks current standards",
                        "options to discuss", "your healthcare team will suggest treatments based on your needs");
        String glance = section(html, "at-a-glance");
        assertThat(glance).contains("<th scope=\"row\">Distant metastasis</th><td class=\"num\">3</td>",
                "<th scope=\"row\">HIGH</th><td class=\"num\">3</td>",
                "<th scope=\"row\">Invalid value</th><td class=\"num\">1</td>",
                ReviewFlag.SURGICAL_ASSESSMENT_NEEDED.explanation());
        assertThat(section(html, "run")).contains("Job execution id", "<dd>42</dd>",
                "title=\"" + "ab".repeat(32) + "\"", ">abababababab…</code>", "1,234",
                "Columns the cohort format does not know, ignored: notes.");
    }

    @Test
    void shouldListPeopleNeedingReviewWithEachFlagExplained() throws IOException {
        String html = render(5000, List.of(local("R1"), distant("H1", "HIGH")), List.of());

        String review = section(html, "review");
        assertThat(review).contains(">R1</a>", "SURGICAL_ASSESSMENT_NEEDED",
                ReviewFlag.SURGICAL_ASSESSMENT_NEEDED.explanation()).doesNotContain(">H1</a>");
    }

    @Test
    void shouldShowRejectedRows() throws IOException {
        String html = render(5000, List.of(), List.of(reject("cohort-b.csv", 17, "P0199"), reject("cohort-b.csv", 18, null)));

        String rejects = section(html, "rejects");
        assertThat(rejects).contains("<td>cohort-b.csv</td><td class=\"num\">17</td><td>P0199</td>",
                "<code>INVALID_VALUE</code>", "column 'sex': 'Q' is not one of F, M, X, U",
                "<td class=\"num\">18</td><td><span class=\"na\">not recorded</span></td>");
    }

    @Test
    void shouldShowEachPersonWithOptionsRulesAndGuidelineSections() throws IOException {
        String html = render(5000, List.of(distant("P0001", "HIGH")), List.of());

        String people = section(html, "people");
        assertThat(people).contains("<article class=\"person\" id=\"p-P0001\"", "cohort-a.csv:2", "C21.1",
                "CONTROL_AND_PALLIATION", "yes, HIGH priority", "liver, anus", "chemoradiation", "wants_treatment",
                "<code>DM1</code></th><td>Chemotherapy</td>", "<code>DM2</code>", "Distant metastasis",
                "There is no standard treatment", "No review flags.");
    }

    @Test
    void shouldSayWhyAPersonHasNoOptions() throws IOException {
        String html = render(5000, List.of(outOfScope("N1")), List.of());

        assertThat(section(html, "people")).contains("No options: the primary site is outside this guideline");
    }

    @Test
    void shouldCapEachListAndCountTheRest() throws IOException {
        List<Map<String, Object>> people = new ArrayList<>();
        List<Map<String, Object>> rejects = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            people.add(local("P" + i));
            rejects.add(reject("cohort-b.csv", i, "X" + i));
        }
        String html = render(2, people, rejects);

        assertThat(section(html, "review")).contains("3 more not shown: see assessments.csv");
        assertThat(section(html, "rejects")).contains("3 more not shown: see rejects.csv").doesNotContain("X3");
        assertThat(section(html, "people")).contains("3 more not shown: see assessments.csv")
                .contains("id=\"p-P2\"").doesNotContain("id=\"p-P3\"");
    }

    @Test
    void shouldLinkOnlyToPeopleThePageShows() throws IOException {
        String html = render(1, List.of(outOfScope("N1"), local("R1")), List.of());

        assertThat(section(html, "review")).contains("R1").doesNotContain("href=\"#p-R1\"");
    }

    @Test
    void shouldEscapeHostileValuesEverywhere() throws IOException {
        String script = "<script>alert(1)</script>";
        String breakout = "\"><img src=x onerror=alert(1)>";
        Map<String, Object> person = distant(breakout, "HIGH");
        person.put("province", script);
        person.put("source_file", "Québec & \"Montréal\" 'x'.csv");
        person.put("review_flags", List.of(script));
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) person.get("facts");
        facts.put("recurrence_sites", List.of(script, "liver"));
        facts.put(script, breakout);
        @SuppressWarnings("unchecked")
        Map<String, Object> option = ((List<Map<String, Object>>) person.get("options")).get(0);
        option.put("rationale", script);
        option.put("rule", breakout);
        Map<String, Object> reject = reject(script, 3, breakout);
        reject.put("message", script + breakout);

        String html = render(5000, List.of(person), List.of(reject));

        // in content the markup is escaped; in an attribute the quotes too, so nothing closes it
        assertThat(html).doesNotContain("<script>alert", "<img", "\"><img", "onerror=alert(1)\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "\"&gt;&lt;img src=x onerror=alert(1)&gt;",
                        "&#34;>&lt;img src=x onerror=alert(1)>", "Québec &amp; \"Montréal\" 'x'.csv");
        String anchor = Html.personAnchor(breakout);
        assertThat(html).contains("id=\"" + anchor + "\"", "href=\"#" + anchor + "\"");
    }

    @Test
    void shouldLoadNothingFromTheNetwork() throws IOException {
        String html = render(5000, List.of(distant("H1", "HIGH"), local("R1")), List.of(reject("a.csv", 2, "P")));

        assertThat(html).doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://")
                .doesNotContainIgnoringCase("<script src").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("@import")
                .doesNotContainIgnoringCase("url(").doesNotContainIgnoringCase(" src=")
                .contains("<style>", "default-src 'none'", "script-src 'sha256-");
        assertThat(html.split("<script", -1)).as("one script, inline, allowed by its hash").hasSize(2);
    }

    @Test
    void shouldSaySoWhenListsAreEmpty() throws IOException {
        String html = render(5000, List.of(), List.of());

        assertThat(section(html, "today")).contains("No trial matching was done").doesNotContain("<table");
        assertThat(section(html, "review")).contains("No people need review.");
        assertThat(section(html, "rejects")).contains("No rejected rows.");
        assertThat(section(html, "people")).contains("No people were assessed.");
        assertThat(html).doesNotContain("more not shown");
    }

    @Test
    void shouldUseEveryTableHeaderWithAScope() throws IOException {
        String html = render(5000, List.of(distant("H1", "HIGH"), local("R1")), List.of(reject("a.csv", 2, "P")));

        assertThat(html.split("<th[ >]", -1).length - 1).isPositive()
                .isEqualTo(html.split("<th scope=\"(col|row)\"", -1).length - 1);
    }

    /** Renders a realistic page into target/report-sample.html for a human look. */
    @Test
    void shouldRenderASamplePage() throws IOException {
        List<Map<String, Object>> people = new ArrayList<>(List.of(distant("P0001", "HIGH"), local("P0002"),
                outOfScope("P0003"), local("P0004"), distant("P0005", "HIGH")));
        Map<String, Object> undetermined = person("P0006", "UNDETERMINED", null, null, true, "ROUTINE",
                List.of("UNKNOWN_SITE_TERM"), List.of());
        undetermined.put("province", "QC");
        undetermined.put("source_file", "cohort-québec.csv");
        facts(undetermined).put("unknown_site_terms", List.of("spleen?"));
        people.add(undetermined);
        Map<String, Object> noStandard = person("P0007", "LOCAL_RECURRENCE", "LOCAL", "TREAT_RECURRENCE", true, "HIGH",
                List.of("NO_STANDARD_OPTION"), List.of());
        facts(noStandard).put("prior_treatments", List.of("radiation"));
        people.add(noStandard);
        Map<String, Object> notRecurrent = person("P0008", "NOT_RECURRENT", null, null, false, "NONE",
                List.of("NO_RECURRENCE_RECORDED"), List.of());
        facts(notRecurrent).put("recurrence_type", "00");
        people.add(notRecurrent);
        Map<String, Object> comfort = person("P0009", "DISTANT_METASTASIS", "DISTANT", "COMFORT_CARE", false, "NONE",
                List.of(), List.of(option("SC1", "SUPPORTIVE_CARE", "Supportive care", null, "COMFORT_CARE",
                        "When you can't have or don't want cancer treatment",
                        "The person declines treatment; care makes them feel better without treating the cancer.")));
        facts(comfort).put("treatment_wish", "declines_treatment");
        people.add(comfort);

        Path target = Path.of("target", "report-sample.html");
        Files.createDirectories(target.getParent());
        new HtmlReport(5000).write(summary(), feeds(5000, people,
                List.of(reject("cohort-b.csv", 17, "P0199"), reject("cohort-b.csv", 23, null))), target);

        assertThat(Files.readString(target)).contains("P0009", "Supportive (comfort) care", "No options: the guideline gives no");
    }

    @Test
    void shouldWriteTheReportInFrenchWithTheCodesOfTheCsvFilesUnchanged() throws IOException {
        // given
        Map<String, Object> noStandard = person("P0007", "LOCAL_RECURRENCE", "LOCAL", "TREAT_RECURRENCE", true, "HIGH",
                List.of("NO_STANDARD_OPTION"), List.of());

        // when
        String html = render(5000, ReportText.of("fr"), List.of(distant("P0001", "HIGH"), local("P0002"), noStandard),
                List.of(reject("cohort-b.csv", 17, "P0199")), List.of());

        // then
        assertThat(html).contains("<html lang=\"fr\">", "<title>Rapport TrialPath 2026-11-27</title>",
                "<h2 id=\"at-a-glance-h\">L’exécution en un coup d’œil</h2>",
                "<h2 id=\"today-h\">Aujourd’hui : qui présélectionner, pour quel essai, et pourquoi</h2>",
                "<h2 id=\"review-h\">Personnes à examiner</h2>", "<h2 id=\"rejects-h\">Lignes rejetées</h2>",
                "<h2 id=\"people-h\">Chaque personne</h2>", "<th scope=\"row\">Métastases à distance</th><td class=\"num\">3</td>",
                "<th scope=\"row\">HAUTE</th>", "1\u00a0234");
        assertThat(section(html, "people")).contains("<code>DM1</code></th><td>Chimiothérapie</td>",
                "<code>DM2</code></th><td>Chimiothérapie dans le cadre d’une chimioradiothérapie</td>",
                "Il n’existe aucun traitement standard des métastases à distance",
                "<span title=\"DISTANT_METASTASIS\">Métastases à distance</span>", "oui, priorité HAUTE",
                "Aucune option : la ligne directrice ne donne aucune option standard pour ce dossier",
                "<td>Métastases à distance</td>");
        assertThat(section(html, "review")).contains("<code>SURGICAL_ASSESSMENT_NEEDED</code>: Une option chirurgicale est présentée",
                "data-flag=\"SURGICAL_ASSESSMENT_NEEDED\"");
        assertThat(section(html, "review")).contains("data-pathway=\"LOCAL_RECURRENCE\"",
                "<option value=\"LOCAL_RECURRENCE\">Récidive locale</option>");
        assertThat(section(html, "rejects")).contains("<code>INVALID_VALUE</code>");
    }

    @Test
    void shouldShowNoEnglishWordsOfItsOwnInTheFrenchReport() throws IOException {
        // given: every label, heading and sentence of the English bundle that French says differently
        ReportText english = ReportText.english();
        ReportText french = ReportText.of("fr");
        java.util.Properties keys = new java.util.Properties();
        try (var in = HtmlReport.class.getResourceAsStream("/messages/report.properties")) {
            keys.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }

        // when
        String html = render(2, french, List.of(distant("P0001", "HIGH"), local("P0002"), outOfScope("P0003")),
                List.of(reject("cohort-b.csv", 17, "P0199")), List.of());

        // then: no English text stands alone as an element's text or an attribute (the data may be English)
        List<String> english_ = new ArrayList<>();
        for (String key : keys.stringPropertyNames()) {
            String words = english.get(key);
            if (words.contains("{") || key.startsWith("option.") || words.equals(french.get(key))) {
                continue;
            }
            String inContent = HtmlTests.content(words);
            String inAttribute = HtmlTests.attribute(words);
            // a recorded term is a code in a title, as the codes of the CSV files are
            if (html.contains(">" + inContent + "<") || !key.startsWith("term.") && html.contains("title=\"" + inAttribute + "\"")
                    || html.contains("aria-label=\"" + inAttribute + "\"")) {
                english_.add(key + " = " + words);
            }
        }
        assertThat(english_).as("English words in the French report").isEmpty();
        assertThat(html).doesNotContain("The run at a glance", "Trial-discussion worklist", "People needing review",
                "Rejected rows", "Each person", "more not shown", "not recorded");
    }

    @Test
    void shouldMarkTheListsForSortingAndFilteringWithTheCodesOfEachRow() throws IOException {
        Map<String, Object> quebec = distant("H2", "HIGH");
        quebec.put("province", "QC");
        quebec.put("review_flags", List.of("UNKNOWN_SITE_TERM", "SURGICAL_ASSESSMENT_NEEDED"));
        String html = render(5000, List.of(local("R1"), distant("H1", "HIGH"), quebec), List.of());

        String review = section(html, "review");
        assertThat(review).contains("<table class=\"sortable\" id=\"review-table\">",
                "<form class=\"controls\" data-table=\"review-table\" role=\"search\"",
                "<tr data-order=\"0\" data-id=\"R1\" data-priority=\"ROUTINE\" data-pathway=\"LOCAL_RECURRENCE\" data-province=\"ON\" data-flag=\"SURGICAL_ASSESSMENT_NEEDED\">",
                "<tr data-order=\"1\" data-id=\"H2\" data-priority=\"HIGH\" data-pathway=\"DISTANT_METASTASIS\" data-province=\"QC\" "
                        + "data-flag=\"UNKNOWN_SITE_TERM SURGICAL_ASSESSMENT_NEEDED\">",
                "data-filter=\"pathway\"", "data-filter=\"flag\"",
                "data-filter=\"id\"", "data-pattern=\"{0} of {1} rows shown\"",
                "<option value=\"NO_STANDARD_OPTION\">NO_STANDARD_OPTION</option>");
        // without the script the filters do nothing, so the page hides them until the script shows them
        assertThat(review).containsPattern("<form class=\"controls\"[^>]* hidden>");
    }

    @Test
    void shouldAllowItsOneInlineScriptByHashAndPrintTheWorklistCleanly() throws Exception {
        String html = render(5000, List.of(distant("H1", "HIGH")), List.of());

        java.util.regex.Matcher script = java.util.regex.Pattern.compile("<script>(.*?)</script>", java.util.regex.Pattern.DOTALL)
                .matcher(html);
        assertThat(script.find()).isTrue();
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(html).contains("script-src 'sha256-" + hash + "'");
        assertThat(script.group(1)).doesNotContain("http", "fetch(", "XMLHttpRequest", "eval(");
        // the script and the stylesheet are the jar's resources, byte for byte: the hash follows any edit of them
        assertThat(script.group(1)).isEqualTo(resource("/report/report.js"));
        assertThat(html).contains("<style>\n" + resource("/report/report.css") + "</style>");
        assertThat(html).contains("@media print", "nav.skip, form.controls, figure.chart svg, details { display: none; }",
                "#cards, #people, #run, #review, #rejects, #at-a-glance figure.trend, #trials .table-wrap { display: none; }");
    }

    @Test
    void shouldDrawEachCountAsAChartWithItsTableAsTheTextEquivalent() throws IOException {
        String html = render(5000, List.of(distant("H1", "HIGH")), List.of());

        String glance = section(html, "at-a-glance");
        for (String chart : List.of("chart-pathways", "chart-priorities", "chart-reasons")) {
            int start = glance.indexOf("<figure class=\"chart\" id=\"" + chart + "\">");
            assertThat(start).as(chart).isNotNegative();
            String figure = glance.substring(start, glance.indexOf("</figure>", start));
            assertThat(figure).contains("<table class=\"counts\">", "<svg class=\"chart\" role=\"img\" aria-labelledby=\""
                    + chart + "-svg-title " + chart + "-svg-desc\"", "<title id=\"" + chart + "-svg-title\">",
                    "<desc id=\"" + chart + "-svg-desc\">");
        }
        assertThat(glance).contains("<desc id=\"chart-pathways-svg-desc\">Local recurrence: 2. Distant metastasis: 3. "
                + "Undetermined: 1. Not recurrent: 1. Out of scope: 1.</desc>");
    }

    @Test
    void shouldStartTheTrendWithTheFirstRun() throws IOException {
        String html = render(5000, List.of(distant("H1", "HIGH")), List.of());

        String trend = section(html, "at-a-glance");
        assertThat(trend).contains("id=\"trend\"", "The trend starts with this run",
                "<tr><th scope=\"row\">2026-11-27</th><td class=\"num\">9</td><td class=\"num\">3</td><td class=\"num\">2</td></tr>");
    }

    @Test
    void shouldDrawTheLastThirtyRunsOfTheHistory() throws IOException {
        // given: 40 earlier runs, and one of a later date that the trend of this run cannot show
        List<TrendPoint> history = new ArrayList<>();
        for (int day = 0; day < 40; day++) {
            history.add(new TrendPoint(LocalDate.of(2026, 11, 26).minusDays(day), 1000 + day, 100 + day, day));
        }
        history.add(new TrendPoint(LocalDate.of(2026, 11, 28), 1, 1, 1));

        // when
        String html = render(5000, ReportText.english(), List.of(), List.of(), history);

        // then
        String trend = html.substring(html.indexOf("id=\"trend\""), html.indexOf("</figure>", html.indexOf("id=\"trend\"")));
        assertThat(trend.split("<tr><th scope=\"row\">", -1)).hasSize(31);
        assertThat(trend).contains("Trend of the last 30 runs", ">2026-10-29<", ">2026-11-27<").doesNotContain("2026-10-28",
                "2026-11-28", "The trend starts with this run");
        assertThat(trend.indexOf(">2026-10-29<")).isLessThan(trend.indexOf(">2026-11-26<"));
    }

    /**
     * A page for ten million people is as long as a page for two hundred thousand: the feeds hold the first
     * entries of each list (the cap), the totals say how many there are, and the page counts the rest and
     * points to the CSV files. The job is not run on ten million rows; the feeds are written as it writes them.
     */
    @Test
    void shouldStayBoundedAtTenMillionPeople() throws IOException {
        int cap = 100;

        // when
        String tenMillion = renderAsIfAssessed(10_000_000L, cap, "ten-million");
        String twoHundredThousand = renderAsIfAssessed(200_000L, cap, "two-hundred-thousand");

        // then
        long rows = count(tenMillion, "<tr");
        assertThat(rows).as("table rows of the page for 10M people").isEqualTo(count(twoHundredThousand, "<tr"))
                // two capped tables (review, rejects); for each person shown, an options table of a
                // header and at most five options; the count and trend tables, and the headers
                .isLessThanOrEqualTo(2L * cap + 6L * cap + 100);
        assertThat(count(tenMillion, "<article class=\"person\"")).isEqualTo(cap);
        assertThat(Math.abs(tenMillion.length() - twoHundredThousand.length())).as("bytes apart").isLessThan(500);
        assertThat((long) tenMillion.length()).isLessThan(cap * 8_000L);
        assertThat(section(tenMillion, "review")).contains("1,999,900 more not shown: see assessments.csv");
        assertThat(section(tenMillion, "rejects")).contains("199,900 more not shown: see rejects.csv");
        assertThat(section(tenMillion, "people")).contains("9,999,900 more not shown: see assessments.csv and options.csv");
        assertThat(section(tenMillion, "at-a-glance")).contains("<th scope=\"row\">Assessed</th><td class=\"num\">10,000,000</td>");
    }

    private String renderAsIfAssessed(long people, int cap, String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        long high = people * 3 / 10;
        long routine = people * 3 / 10;
        long review = people / 5;
        long rejects = people / 50;
        StringBuilder highFeed = new StringBuilder();
        StringBuilder routineFeed = new StringBuilder();
        StringBuilder peopleFeed = new StringBuilder();
        StringBuilder rejectFeed = new StringBuilder();
        for (int i = 0; i < cap; i++) {
            highFeed.append(ReportFeeds.personLine(people - cap + i, JSON.writeValueAsString(distant("H" + i, "HIGH"))));
            routineFeed.append(ReportFeeds.personLine(i, JSON.writeValueAsString(local("R" + i))));
            peopleFeed.append(ReportFeeds.personLine(i, JSON.writeValueAsString(local("R" + i))));
            rejectFeed.append(JSON.writeValueAsString(reject("cohort-b.csv", i + 2, "X" + i))).append('\n');
        }
        Files.writeString(folder.resolve(ReportFeeds.HIGH), highFeed, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(ReportFeeds.ROUTINE), routineFeed, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(ReportFeeds.REVIEW), routineFeed, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(ReportFeeds.PEOPLE), peopleFeed, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(ReportFeeds.REJECTS), rejectFeed, StandardCharsets.UTF_8);
        RunSummary base = summary();
        Map<String, Long> priorities = new LinkedHashMap<>();
        priorities.put("HIGH", high);
        priorities.put("ROUTINE", routine);
        priorities.put("NONE", people - high - routine);
        RunSummary summary = new RunSummary(base.runDate(), base.jobExecutionId(), base.startTime(), base.endTime(),
                base.guidelineVersion(), base.rulesVersion(), base.maxRejectRate(), people + rejects, people, rejects,
                base.pathways(), priorities, base.rejectReasons(), base.reviewFlags(), base.rules(), base.inputFiles(),
                base.ignoredColumns());
        List<TrendPoint> history = new ArrayList<>();
        for (int day = 1; day <= 40; day++) {
            history.add(new TrendPoint(LocalDate.of(2026, 11, 27).minusDays(day), people, high, rejects));
        }
        Path target = folder.resolve("report.html");
        new HtmlReport(cap).write(summary, new ReportFeeds(folder, high, routine, review, people, rejects), history, target);
        return Files.readString(target, StandardCharsets.UTF_8);
    }

    private static String resource(String name) throws IOException {
        try (var in = HtmlReport.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long count(String html, String what) {
        return html.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

    // ---- fixtures ----

    private String render(int max, List<Map<String, Object>> assessments, List<Map<String, Object>> rejects)
            throws IOException {
        Path target = dir.resolve("report.html");
        new HtmlReport(max).write(summary(), feeds(max, assessments, rejects), target);
        return Files.readString(target, StandardCharsets.UTF_8);
    }

    private String render(int max, ReportText text, List<Map<String, Object>> assessments,
            List<Map<String, Object>> rejects, List<TrendPoint> history) throws IOException {
        Path target = dir.resolve("report.html");
        new HtmlReport(max, text).write(summary(), feeds(max, assessments, rejects), history, target);
        return Files.readString(target, StandardCharsets.UTF_8);
    }

    /** The feeds as the job gathers them: each list capped at max, in input order, with its total. */
    private ReportFeeds feeds(int max, List<Map<String, Object>> assessments, List<Map<String, Object>> rejects)
            throws IOException {
        Path folder = Files.createDirectories(dir.resolve("feeds"));
        StringBuilder high = new StringBuilder();
        StringBuilder routine = new StringBuilder();
        StringBuilder review = new StringBuilder();
        StringBuilder people = new StringBuilder();
        long[] totals = new long[3];
        for (int ordinal = 0; ordinal < assessments.size(); ordinal++) {
            Map<String, Object> a = assessments.get(ordinal);
            String line = ReportFeeds.personLine(ordinal, JSON.writeValueAsString(a));
            if (Boolean.TRUE.equals(a.get("trial_discussion")) && "HIGH".equals(a.get("trial_priority")) && totals[0]++ < max) {
                high.append(line);
            }
            if (Boolean.TRUE.equals(a.get("trial_discussion")) && !"HIGH".equals(a.get("trial_priority")) && totals[1]++ < max) {
                routine.append(line);
            }
            if (!((List<?>) a.get("review_flags")).isEmpty() && totals[2]++ < max) {
                review.append(line);
            }
            if (ordinal < max) {
                people.append(line);
            }
        }
        Files.writeString(folder.resolve(ReportFeeds.HIGH), high, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(ReportFeeds.ROUTINE), routine, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(ReportFeeds.REVIEW), review, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(ReportFeeds.PEOPLE), people, StandardCharsets.UTF_8);
        Files.copy(jsonl("rejects.jsonl", rejects.subList(0, Math.min(max, rejects.size()))),
                folder.resolve(ReportFeeds.REJECTS), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new ReportFeeds(folder, totals[0], totals[1], totals[2], assessments.size(), rejects.size());
    }

    private Path jsonl(String name, List<Map<String, Object>> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> line : lines) {
            text.append(JSON.writeValueAsString(line)).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The text of one section, so an assertion cannot pass on text of another. */
    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        assertThat(start).as("section %s", id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static RunSummary summary() {
        Map<String, Long> pathways = new LinkedHashMap<>();
        pathways.put("LOCAL_RECURRENCE", 2L);
        pathways.put("DISTANT_METASTASIS", 3L);
        pathways.put("UNDETERMINED", 1L);
        pathways.put("NOT_RECURRENT", 1L);
        pathways.put("OUT_OF_SCOPE", 1L);
        Map<String, Long> priorities = new LinkedHashMap<>();
        priorities.put("HIGH", 3L);
        priorities.put("ROUTINE", 3L);
        priorities.put("NONE", 3L);
        Map<String, Long> reasons = new LinkedHashMap<>();
        reasons.put("MISSING_REQUIRED", 0L);
        reasons.put("INVALID_VALUE", 1L);
        reasons.put("DUPLICATE_PATIENT_ID", 1L);
        Map<String, Long> flags = new LinkedHashMap<>();
        for (ReviewFlag flag : ReviewFlag.values()) {
            flags.put(flag.name(), flag == ReviewFlag.SURGICAL_ASSESSMENT_NEEDED ? 2L : 1L);
        }
        Map<String, Long> rules = new LinkedHashMap<>();
        for (String rule : List.of("LR1", "LR2", "LR3", "LR4", "LR5", "DM1", "DM2", "DM3", "DM4", "SC1")) {
            rules.put(rule, rule.startsWith("DM") ? 2L : 1L);
        }
        return new RunSummary(LocalDate.of(2026, 11, 27), 42, Instant.parse("2026-11-27T02:00:00Z"),
                Instant.parse("2026-11-27T02:03:05Z"), ca.trialpath.guideline.GuidelineVersion.GUIDELINE, "rules-v2", 0.10,
                11, 9, 2, pathways, priorities, reasons, flags, rules,
                List.of(new RunSummary.InputFile("cohort-a.csv", "ab".repeat(32), 1234, 6, 6, 0, List.of("notes")),
                        new RunSummary.InputFile("cohort-b.csv", "cd".repeat(32), 987, 5, 3, 2, List.of())),
                List.of("notes"));
    }

    private static Map<String, Object> distant(String id, String priority) {
        return person(id, "DISTANT_METASTASIS", "DISTANT", "CONTROL_AND_PALLIATION", true, priority, List.of(),
                List.of(option("DM1", "CHEMOTHERAPY", "Chemotherapy", "Carboplatin and paclitaxel, or fluorouracil and cisplatin",
                                "CONTROL_AND_PALLIATION", "Distant metastasis",
                                "There is no standard treatment for distant metastasis; chemotherapy controls the disease."),
                        option("DM2", "CHEMORADIATION", "Chemoradiation", "Chemotherapy as part of chemoradiation",
                                "CONTROL_AND_PALLIATION", "Distant metastasis", "Chemotherapy may be given with radiation.")));
    }

    private static Map<String, Object> local(String id) {
        return person(id, "LOCAL_RECURRENCE", "LOCAL", "TREAT_RECURRENCE", true, "ROUTINE",
                List.of("SURGICAL_ASSESSMENT_NEEDED"),
                List.of(option("LR2", "ABDOMINOPERINEAL_RESECTION", "Abdominoperineal resection",
                        null, "TREAT_RECURRENCE", "Local recurrence",
                        "Chemoradiation was given for the original tumour; surgery removes the rectum, anal sphincter and anus.")));
    }

    private static Map<String, Object> outOfScope(String id) {
        Map<String, Object> person = person(id, "OUT_OF_SCOPE", null, null, false, "NONE", List.of(), List.of());
        person.put("primary_site", "C18.7");
        return person;
    }

    private static Map<String, Object> person(String id, String pathway, String extent, String goal, boolean trial,
            String priority, List<String> flags, List<Map<String, Object>> options) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("patient_id", id);
        p.put("source_file", "cohort-a.csv");
        p.put("source_line", 2);
        p.put("primary_site", "C21.1");
        p.put("pathway", pathway);
        p.put("extent", extent);
        p.put("treatment_goal", goal);
        p.put("trial_discussion", trial);
        p.put("trial_priority", priority);
        p.put("review_flags", new ArrayList<>(flags));
        p.put("age_at_recurrence", 63);
        p.put("province", "ON");
        p.put("guideline_version", "CCS-2024/rules-v1");
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> facts(Map<String, Object> person) {
        return (Map<String, Object>) person.get("facts");
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

    private static Map<String, Object> reject(String file, int line, String patientId) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("source_file", file);
        r.put("line", line);
        r.put("patient_id", patientId);
        r.put("reason_code", "INVALID_VALUE");
        r.put("message", "column 'sex': 'Q' is not one of F, M, X, U");
        return r;
    }
}
