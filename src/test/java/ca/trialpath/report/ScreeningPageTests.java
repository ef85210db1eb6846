package ca.trialpath.report;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.screening.Decision;
import ca.trialpath.screening.PairFacts;
import ca.trialpath.screening.PairKey;
import ca.trialpath.screening.ScreeningMemory;
import ca.trialpath.screening.ScreeningNight;
import ca.trialpath.screening.ScreeningStatus;
import ca.trialpath.screening.TonightsMatch;
import ca.trialpath.trials.CatalogueFacts;
import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.TrialCatalogue;
import ca.trialpath.trials.TrialMatch;
import ca.trialpath.trials.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screening parts of report.html from a night made by {@link ScreeningMemory}: "Today" ranked and cut after
 * ranking, each trial's list ranked, counts over the whole run, links, criteria in words, and the run's details last.
 */
class ScreeningPageTests {

    private static final LocalDate RUN = LocalDate.of(2026, 11, 27);
    private static final String SALVAGE = "NCT99000001";
    private static final String QUALITY = "NCT99000006";

    @TempDir
    Path dir;

    /**
     * P1 near miss (NEW), P2 match with no site in province, P3 match in province, P4 PENDING from the file,
     * P5 match in province with two criteria to verify, P6 enrolled; P1..P6 in input (id) order. P2 lives in QC,
     * the others in ON: the nearest site is one in the person's province, which tonight's matches carry.
     */
    private ScreeningNight night() {
        List<TonightsMatch> matches = new ArrayList<>();
        matches.add(match("P1", SALVAGE, TrialMatch.Result.NEAR_MISS, true, List.of(), Criterion.ECOG));
        matches.add(match("P2", SALVAGE, TrialMatch.Result.MATCH, false, List.of(), null));
        matches.add(match("P3", SALVAGE, TrialMatch.Result.MATCH, true, List.of(), null));
        matches.add(match("P4", QUALITY, TrialMatch.Result.MATCH, true, List.of(), null));
        matches.add(match("P5", SALVAGE, TrialMatch.Result.MATCH, true, List.of(Criterion.SURGERY, Criterion.ECOG), null));
        matches.add(match("P6", QUALITY, TrialMatch.Result.MATCH, true, List.of(), null));
        Map<PairKey, Decision> file = new HashMap<>();
        file.put(new PairKey("P4", QUALITY), new Decision(ScreeningStatus.PENDING, RUN.minusDays(1), "", null, "JD", ""));
        file.put(new PairKey("P6", QUALITY), new Decision(ScreeningStatus.ENROLLED, RUN.minusDays(2), "", null, "JD", ""));
        return ScreeningMemory.tonight(RUN, List.of(), matches, file);
    }

    private static TonightsMatch match(String person, String nct, TrialMatch.Result result, boolean inProvince,
            List<Criterion> toVerify, Criterion failed) {
        Map<Criterion, Verdict> verdicts = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            verdicts.put(c, toVerify.contains(c) ? Verdict.UNKNOWN : c == failed ? Verdict.FAILED : Verdict.MET);
        }
        return new TonightsMatch(new PairKey(person, nct), "title of " + nct,
                new PairFacts(result, "LOCAL_RECURRENCE", List.of("ABDOMINOPERINEAL_RESECTION"), verdicts, ""),
                toVerify, inProvince, LocalDate.of(2026, 3, 1), person.equals("P2") ? "QC" : "ON");
    }

    @Test
    void shouldOpenOnTodayRankedAndCutAfterRankingSayingWhatIsLeftOut() throws IOException {
        // when: a page that shows 3 rows per list
        String html = render(3, ReportText.english(), night());

        // then: the worklist's ranking, not the input order: new matches in province (fewer to verify first),
        // then elsewhere; the pending pair and the near miss are ranked after and cut
        String today = section(html, "today");
        assertThat(rowIds(today)).containsExactly("P3", "P5", "P2");
        assertThat(today).contains("The page shows the first 3 of 5, ranked; 2 more are not shown: "
                + "screening_log.csv has them all.")
                .contains("The page holds the first 3 of the run’s 5 rows, ranked: sorting, filters and search see "
                        .replace("’", "'") + "only those. screening_log.csv has them all.");

        // when: a page large enough for all
        String all = section(render(1000, ReportText.english(), night()), "today");

        // then: the enrolled pair is not on the worklist; the pending pair before the new near miss
        assertThat(rowIds(all)).containsExactly("P3", "P5", "P2", "P4", "P1");
        assertThat(all).doesNotContain("more are not shown", "The page holds");
    }

    @Test
    void shouldNameTheTrialLinkItAndSayInWordsWhyThePersonFitsAndWhatToVerify() throws IOException {
        // when
        String html = render(1000, ReportText.english(), night());

        // then
        String p5 = row(section(html, "today"), "P5");
        assertThat(p5).contains("<a href=\"https://clinicaltrials.gov/study/NCT99000001\"",
                "Salvage surgery after a local recurrence", "Toronto, ON (in the person's province)",
                "Surgery possible: the trial needs yes, the record says unknown.",
                "Performance status (ECOG): the trial has a limit, the record does not give the score.",
                "Meets: age, sex, pathway (local recurrence or distant metastasis), histology",
                "New since 2026-11-27", "new tonight", "href=\"#cp-P5\"")
                .doesNotContain(">SURGERY<", "4 / 2");
        assertThat(row(section(html, "today"), "P2")).contains("Toronto, ON (no site in the person's province)");
        assertThat(row(section(html, "today"), "P1")).contains("near miss: performance status (ECOG) above the trial's limit");
        // every link inside the page leads to an element of the page: each row's person to their card
        Set<String> ids = new HashSet<>();
        Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        while (id.find()) {
            ids.add(id.group(1));
        }
        Matcher href = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
        int links = 0;
        while (href.find()) {
            assertThat(ids).as("target of #%s", href.group(1)).contains(href.group(1));
            links++;
        }
        assertThat(links).isGreaterThan(10);
        assertThat(section(html, "cards")).contains("id=\"cp-P5\"", "id=\"cp-P6\"");
    }

    @Test
    void shouldRankEachTrialsListMatchesFirstInProvinceFirstAndCountTheWholeRun() throws IOException {
        // when: two rows per list
        String html = render(2, ReportText.english(), night());

        // then: the salvage trial lists its matches in province first, then fewer to verify; the near miss and the
        // match elsewhere are counted but not shown
        String salvage = article(html, "t-" + SALVAGE);
        assertThat(rowIds(salvage)).containsExactly("P3", "P5");
        assertThat(salvage).contains("In the whole run: 3 matches (2 with a site in the person's province, 1 elsewhere) "
                + "and 1 near misses.", "The page shows the first 2 of 4, ranked; 2 more are not shown");

        // and the counts are of the whole run, whatever the lists show
        String counts = section(html, "counts");
        assertThat(counts).contains("<th scope=\"row\">New</th><td class=\"num\">4</td>",
                "<th scope=\"row\">Pending</th><td class=\"num\">1</td>",
                "<th scope=\"row\">Enrolled</th><td class=\"num\">1</td>",
                "<th scope=\"row\">Flagged for a trial discussion</th><td class=\"num\">6</td>",
                "<th scope=\"row\">Matched to a trial</th><td class=\"num\">5</td>",
                "<th scope=\"row\">Eligible</th><td class=\"num\">1</td>",
                "<th scope=\"row\">Enrolled</th><td class=\"num\">1</td>",
                "<tr data-trial=\"NCT99000001\"><th scope=\"row\"><code>NCT99000001</code>",
                "<td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">1</td>",
                "<th scope=\"row\">2026-11-27</th><td class=\"num\">6</td>");
    }

    @Test
    void shouldPutTheRunsDetailsLastAndTheWorklistFirst() throws IOException {
        // when
        String html = render(1000, ReportText.english(), night());

        // then
        String top = html.substring(html.indexOf("<header id=\"top\">"), html.indexOf("</header>"));
        assertThat(top).doesNotContain("Job execution id", "SHA-256");
        assertThat(List.of(html.indexOf("<section id=\"today\""), html.indexOf("<section id=\"trials\""),
                html.indexOf("<section id=\"counts\""), html.indexOf("<section id=\"changes\""),
                html.indexOf("<section id=\"people\""), html.indexOf("<section id=\"run\"")))
                .doesNotContain(-1).isSorted();
        assertThat(section(html, "run")).contains("Job execution id", "<dd>42</dd>", "SHA-256");
    }

    @Test
    void shouldSayItInFrench() throws IOException {
        // when
        String html = render(1000, ReportText.of("fr"), night());

        // then
        String p5 = row(section(html, "today"), "P5");
        assertThat(p5).contains("Chirurgie possible : l’essai exige oui, le dossier indique inconnu.",
                "Toronto, ON (dans la province de la personne)", "Nouveau depuis le 2026-11-27");
        assertThat(section(html, "counts")).contains("Du signalement à l’inscription (personnes)");
    }

    @Test
    void shouldSayThereIsNoWorklistWithoutMatching() throws IOException {
        // when
        Path target = dir.resolve("report.html");
        new HtmlReport(1000).write(summary(), feeds(), ReportHistory.none(), TrialReport.NO_MATCHING, target);
        String html = Files.readString(target, StandardCharsets.UTF_8);

        // then
        assertThat(section(html, "today")).contains("No trial matching was done").doesNotContain("<table");
        assertThat(html).doesNotContain("<section id=\"counts\"");
    }

    @Test
    void shouldEscapeWhatTheNightCarries() throws IOException {
        // given: markup in a patient id, a trial's title and a coordinator's reason
        String script = "<script>alert(1)</script>";
        String breakout = "\"><img src=x onerror=alert(1)>";
        // a trial the catalogue section does not have: its title is the night's
        TonightsMatch hostile = new TonightsMatch(new PairKey(breakout, "NCT99000009"), script,
                match("P1", SALVAGE, TrialMatch.Result.MATCH, true, List.of(), null).facts(), List.of(), true, null);
        Map<PairKey, Decision> file = Map.of(new PairKey(breakout, "NCT99000009"),
                new Decision(ScreeningStatus.PENDING, RUN.minusDays(1), script, null, script, script));
        ScreeningNight night = ScreeningMemory.tonight(RUN, List.of(), List.of(hostile), file);

        // when
        String html = render(1000, ReportText.english(), night);

        // then
        assertThat(html).doesNotContain("<script>alert", "<img", "\"><img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "\"&gt;&lt;img src=x onerror=alert(1)&gt;", "href=\"#" + ScreeningHtml.cardAnchor(breakout) + "\"",
                        "id=\"" + ScreeningHtml.cardAnchor(breakout) + "\"");
    }

    // ---- fixtures ----

    private String render(int cap, ReportText text, ScreeningNight night) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("run-" + cap + "-" + text.language()));
        Path target = folder.resolve("report.html");
        new HtmlReport(cap, text).write(summary(), feeds(), ReportHistory.none(), trials(), night, target);
        return Files.readString(target, StandardCharsets.UTF_8);
    }

    private static TrialReport trials() {
        TrialCatalogue.SiteRow toronto = new TrialCatalogue.SiteRow("Princess Margaret", "Toronto", "ON", "RECRUITING",
                null, null, null);
        List<TrialReport.Section> sections = List.of(
                new TrialReport.Section(SALVAGE, "Salvage surgery after a local recurrence", List.of("PHASE2"),
                        List.of("ON"), null, 3, 1, List.of(), "https://clinicaltrials.gov/study/" + SALVAGE, null,
                        List.of(toronto)),
                new TrialReport.Section(QUALITY, "Quality of life after treatment", List.of(), List.of("ON"), null, 2, 0,
                        List.of(), null, null, List.of(toronto)));
        CatalogueFacts facts = new CatalogueFacts(new ArrayList<>(), 2, 2, new LinkedHashMap<>(), 2, 2, new ArrayList<>());
        return new TrialReport(facts, 6, 5, 1, 5, 1, sections);
    }

    private ReportFeeds feeds() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("feeds"));
        for (String feed : List.of(ReportFeeds.HIGH, ReportFeeds.ROUTINE, ReportFeeds.REVIEW, ReportFeeds.PEOPLE,
                ReportFeeds.REJECTS)) {
            Files.writeString(folder.resolve(feed), "", StandardCharsets.UTF_8);
        }
        return new ReportFeeds(folder, 0, 0, 0, 0, 0);
    }

    private static RunSummary summary() {
        return new RunSummary(RUN, 42, Instant.parse("2026-11-27T02:00:00Z"), Instant.parse("2026-11-27T02:03:05Z"),
                ca.trialpath.guideline.GuidelineVersion.GUIDELINE, "rules-v2", 0.10, 6, 6, 0,
                Map.of("LOCAL_RECURRENCE", 6L), Map.of("HIGH", 2L, "ROUTINE", 4L), Map.of(), Map.of(), Map.of(),
                List.of(new RunSummary.InputFile("cohort-a.csv", "ab".repeat(32), 1234, 6, 6, 0, List.of())), List.of());
    }

    /** The patient ids of a list's rows, in page order. */
    private static List<String> rowIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher row = Pattern.compile("<tr data-order=\"\\d+\" data-id=\"([^\"]+)\"").matcher(html);
        while (row.find()) {
            ids.add(row.group(1));
        }
        return ids;
    }

    private static String row(String html, String patientId) {
        int start = html.indexOf("data-id=\"" + patientId + "\"");
        assertThat(start).as("row of %s", patientId).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        assertThat(start).as("section %s", id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static String article(String html, String id) {
        int start = html.indexOf("<article class=\"person\" id=\"" + id + "\"");
        assertThat(start).as("article %s", id).isNotNegative();
        return html.substring(start, html.indexOf("</article>", start));
    }
}
