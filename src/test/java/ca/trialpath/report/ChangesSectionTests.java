package ca.trialpath.report;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.history.Change;
import ca.trialpath.history.ChangeKind;
import ca.trialpath.history.PreviousRun;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChangesSectionTests {

    private static final PreviousRun YESTERDAY = new PreviousRun(41L, LocalDate.of(2026, 11, 26));

    @Test
    void shouldSayOnTheFirstRunThatThereIsNothingToCompareWithInsideTheSection() throws IOException {
        // when
        String html = render(OvernightChanges.firstRun(), 10);

        // then
        assertThat(html).startsWith("<section id=\"changes\"").endsWith("</section>")
                .contains("<p class=\"first-run\">", "no earlier run to compare with").doesNotContain("<table");
    }

    @Test
    void shouldCountEveryKindAndMarkEachRowWithItsChangeAndPatient() throws IOException {
        // given
        OvernightChanges.Gatherer gatherer = new OvernightChanges.Gatherer(YESTERDAY, 10);
        gatherer.add(new Change("TP-1", ChangeKind.PATHWAY_CHANGED, "LOCAL_RECURRENCE", "DISTANT_METASTASIS"));
        gatherer.add(new Change("TP-2", ChangeKind.TRIAL_MATCHED, "", "NCT01234567"));

        // when
        String html = render(gatherer.result(), 10);

        // then
        assertThat(html).contains("Compared with the run of 2026-11-26 (job instance 41)",
                "<tr data-change=\"PATHWAY_CHANGED\" data-patient=\"TP-1\">",
                "<tr data-change=\"TRIAL_MATCHED\" data-patient=\"TP-2\">", "<code>NCT01234567</code>",
                "<tr data-change-count=\"NEW_PERSON\">", "<tr data-change-count=\"TRIAL_NO_LONGER_MATCHED\">")
                .doesNotContain("first-run", "more not shown");
        for (ChangeKind kind : ChangeKind.values()) {
            assertThat(html).contains("data-change-count=\"" + kind.name() + "\"");
        }
    }

    @Test
    void shouldShowTheFirstRowsOnlyAndPointToChangesCsvForTheRest() throws IOException {
        // given: 5 changes, 2 rows per list
        OvernightChanges.Gatherer gatherer = new OvernightChanges.Gatherer(YESTERDAY, 2);
        for (int i = 1; i <= 5; i++) {
            gatherer.add(new Change("TP-" + i, ChangeKind.NEW_PERSON, "", "LOCAL_RECURRENCE"));
        }
        OvernightChanges changes = gatherer.result();

        // when
        String html = render(changes, 2);

        // then
        assertThat(changes.first()).hasSize(2);
        assertThat(changes.counts()).containsEntry("NEW_PERSON", 5L).containsEntry("PATHWAY_CHANGED", 0L);
        assertThat(html.split("<tr data-change=\"", -1)).hasSize(3);
        assertThat(html).contains("<td class=\"num\">5</td>", "3 more not shown: see changes.csv");
    }

    @Test
    void shouldSayWhenNothingChanged() throws IOException {
        // when
        String html = render(new OvernightChanges.Gatherer(YESTERDAY, 10).result(), 10);

        // then
        assertThat(html).contains("Nothing changed since that run.").doesNotContain("data-change=");
    }

    @Test
    void shouldEscapeEveryValue() throws IOException {
        // given
        OvernightChanges.Gatherer gatherer = new OvernightChanges.Gatherer(YESTERDAY, 10);
        gatherer.add(new Change("<b>\"x\"", ChangeKind.OPTIONS_CHANGED, "<i>", "a&b"));

        // when
        String html = render(gatherer.result(), 10);

        // then
        assertThat(html).contains("data-patient=\"&lt;b>&#34;x&#34;\"", "&lt;b&gt;\"x\"", "&lt;i&gt;", "a&amp;b")
                .doesNotContain("<b>", "<i>", "\"x\"\"");
    }

    @Test
    void shouldSayItInFrenchWithTheCodesUnchanged() throws IOException {
        // given
        OvernightChanges.Gatherer gatherer = new OvernightChanges.Gatherer(YESTERDAY, 1);
        gatherer.add(new Change("TP-1", ChangeKind.PATHWAY_CHANGED, "LOCAL_RECURRENCE", "DISTANT_METASTASIS"));
        gatherer.add(new Change("TP-2", ChangeKind.NEW_PERSON, "", "LOCAL_RECURRENCE"));
        StringWriter out = new StringWriter();

        // when
        out.write(html(gatherer.result(), 1, ReportText.of("fr")));

        // then
        assertThat(out.toString()).contains("<h2 id=\"changes-h\">Ce qui a changé depuis la dernière exécution</h2>",
                "Comparaison avec l’exécution du 2026-11-26 (instance de tâche 41)",
                "<tr data-change=\"PATHWAY_CHANGED\" data-patient=\"TP-1\">", "Parcours modifié",
                "<code>LOCAL_RECURRENCE</code>", "1 de plus non affichées : voir changes.csv")
                .doesNotContain("What changed", "Pathway changed", "more not shown");
    }

    private static String render(OvernightChanges changes, int max) throws IOException {
        StringWriter out = new StringWriter();
        out.write(html(changes, max, ReportText.english()));
        return out.toString();
    }

    private static String html(OvernightChanges changes, int max, ReportText text) {
        return Html.render("changes.jte", java.util.Map.of("t", text, "changes", ChangesSection.of(changes, max, text)));
    }
}
