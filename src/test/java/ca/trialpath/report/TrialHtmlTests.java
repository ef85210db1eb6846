package ca.trialpath.report;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.trials.CatalogueFacts;
import ca.trialpath.trials.TrialCatalogue;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trial section of report.html: escaped, capped per trial, and saying when no matching was done. */
class TrialHtmlTests {

    private static CatalogueFacts facts() {
        LinkedHashMap<String, Long> skipped = new LinkedHashMap<>();
        skipped.put("NO_NCT_ID", 2L);
        return new CatalogueFacts(new ArrayList<>(), 10, 8, skipped, 3, 2, new ArrayList<>(List.of("a <warning>")));
    }

    @Test
    void shouldSayNoMatchingWasDoneWithoutACatalogue() throws Exception {
        // given
        StringWriter out = new StringWriter();

        // when
        out.write(html(TrialReport.NO_MATCHING));

        // then
        assertThat(out.toString()).contains("id=\"trials\"").contains("no trial matching was done");
    }

    @Test
    void shouldEscapeTheCatalogueAndSayHowManyPeopleAreNotShown() throws Exception {
        // given
        List<TrialReport.Person> shown = List.of(
                new TrialReport.Person("P1", "MATCH", null, List.of("ECOG"), 1, List.of("Toronto")),
                new TrialReport.Person("P2", "NEAR_MISS", "AGE", List.of(), 0, List.of("Montréal")));
        TrialReport report = new TrialReport(facts(), 100, 60, 10, 80, 40, List.of(new TrialReport.Section(
                "NCT99000001", "<script>alert(1)</script>", List.of("PHASE2"), List.of("ON"), "note & \"quote\"",
                4, 3, shown)));
        StringWriter out = new StringWriter();

        // when
        out.write(html(report));

        // then
        String html = out.toString();
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("note &amp; \"quote\"").contains("a &lt;warning&gt;")
                .contains("id=\"t-NCT99000001\"").contains("7 more not shown: see trial_matches.csv")
                .contains("skipped: NO_NCT_ID");

        // when: the night's pairs, one row per trial shown
        String ranked = html(report, ReportText.english(), night(), 1);

        // then: the match first, in words; the near miss counted and left out, with the file that has it
        assertThat(ranked).contains("data-id=\"P1\"", "Performance status (ECOG): the trial has a limit",
                        "In the whole run: 1 matches (1 with a site in the person's province, 0 elsewhere) and 1 near misses.",
                        "The page shows the first 1 of 2, ranked; 1 more are not shown: screening_log.csv has them all.")
                .doesNotContain("data-id=\"P2\"", "<code>ECOG</code>");
        assertThat(html(report, ReportText.english(), night(), 10)).contains("data-id=\"P2\"",
                "near miss: age outside the trial's range");
    }

    @Test
    void shouldWriteTheTrialsInFrenchWithTheCodesUnchanged() throws Exception {
        // given
        List<TrialReport.Person> shown = List.of(
                new TrialReport.Person("P1", "MATCH", null, List.of("ECOG"), 1, List.of("Toronto")),
                new TrialReport.Person("P2", "NEAR_MISS", "AGE", List.of(), 0, List.of("Montréal")));
        TrialReport report = new TrialReport(facts(), 100, 60, 10, 80, 40, List.of(new TrialReport.Section(
                "NCT99000001", "A study", List.of("PHASE2"), List.of("ON"), null, 4, 3, shown)));
        StringWriter out = new StringWriter();

        // when
        out.write(html(report, ReportText.of("fr")));

        // then
        assertThat(out.toString()).contains("<h2 id=\"trials-h\">Essais ouverts</h2>", "Études lues",
                "Phases : PHASE2. Recrutement : ON. Candidats : 4, quasi-correspondances : 3.", "écartées : NO_NCT_ID",
                "de plus non affichées : voir trial_matches.csv")
                .doesNotContain("Open trials", "Studies read", "near miss", "more not shown");
        assertThat(html(report, ReportText.of("fr"), night(), 10)).contains(
                "quasi-correspondance : âge hors de la tranche de l’essai",
                "Indice de performance (ECOG) : l’essai a une limite, le dossier ne donne pas l’indice.")
                .doesNotContain("near miss", "<code>ECOG</code>");
    }

    @Test
    void shouldEscapeASiteAndItsContactAndNeverLinkAScriptUrl() {
        // given: a record whose site, status, contact and link carry markup
        TrialCatalogue.SiteRow site = new TrialCatalogue.SiteRow("<script>alert(1)</script>", "Montréal", "QC",
                "<b>RECRUITING</b>", "Dr \"X\" <i>", null, "a\"><script>@x.ca");
        TrialReport report = new TrialReport(facts(), 1, 0, 0, 0, 0, List.of(new TrialReport.Section("NCT99000001",
                "A study", List.of("PHASE2"), List.of("QC"), null, 0, 0, List.of(), "javascript:alert(1)", "2026-01-01",
                List.of(site))));

        // when
        String html = html(report);

        // then
        assertThat(html).doesNotContain("<script>", "<b>", "<i>", "\"><script", "href=\"javascript:")
                .contains("<li>&lt;script&gt;alert(1)&lt;/script&gt;, Montréal, QC (site status <code>&lt;b&gt;RECRUITING&lt;/b&gt;</code>)",
                        "Dr \"X\" &lt;i&gt;", "href=\"mailto:a&#34;>&lt;script>@x.ca\"");
    }

    /** P1 a match with ECOG to verify, P2 a near miss failing AGE, both for NCT99000001. */
    private static ca.trialpath.screening.ScreeningNight night() {
        java.util.Map<ca.trialpath.trials.Criterion, ca.trialpath.trials.Verdict> ecog = new java.util.EnumMap<>(
                ca.trialpath.trials.Criterion.class);
        java.util.Map<ca.trialpath.trials.Criterion, ca.trialpath.trials.Verdict> age = new java.util.EnumMap<>(
                ca.trialpath.trials.Criterion.class);
        for (ca.trialpath.trials.Criterion c : ca.trialpath.trials.Criterion.values()) {
            ecog.put(c, c == ca.trialpath.trials.Criterion.ECOG ? ca.trialpath.trials.Verdict.UNKNOWN
                    : ca.trialpath.trials.Verdict.MET);
            age.put(c, c == ca.trialpath.trials.Criterion.AGE ? ca.trialpath.trials.Verdict.FAILED
                    : ca.trialpath.trials.Verdict.MET);
        }
        var p1 = new ca.trialpath.screening.TonightsMatch(new ca.trialpath.screening.PairKey("P1", "NCT99000001"), "A study",
                new ca.trialpath.screening.PairFacts(ca.trialpath.trials.TrialMatch.Result.MATCH, "LOCAL_RECURRENCE",
                        List.of(), ecog, ""), List.of(ca.trialpath.trials.Criterion.ECOG), true, null);
        var p2 = new ca.trialpath.screening.TonightsMatch(new ca.trialpath.screening.PairKey("P2", "NCT99000001"), "A study",
                new ca.trialpath.screening.PairFacts(ca.trialpath.trials.TrialMatch.Result.NEAR_MISS, "LOCAL_RECURRENCE",
                        List.of(), age, ""), List.of(), false, null);
        return ca.trialpath.screening.ScreeningMemory.tonight(java.time.LocalDate.of(2026, 11, 27), List.of(),
                List.of(p2, p1), java.util.Map.of());
    }

    static String html(TrialReport report, ReportText text, ca.trialpath.screening.ScreeningNight night, int perTrial) {
        ScreeningHtml screening = new ScreeningHtml(night, report, text, 1000, perTrial, "screening_log.csv");
        return Html.render("trials.jte", java.util.Map.of("t", text, "trials",
                TrialHtml.trials(report, text, screening, screening.new Rows(java.util.Map.of()))));
    }

    /** The section as the page shows it. */
    static String html(TrialReport report) {
        return html(report, ReportText.english());
    }

    static String html(TrialReport report, ReportText text) {
        return Html.render("trials.jte", java.util.Map.of("t", text, "trials", TrialHtml.trials(report, text)));
    }
}
