package ca.trialpath.report;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.output.csv.TrialsCsv;
import ca.trialpath.trials.CatalogueFacts;
import ca.trialpath.trials.TrialCatalogue;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facts coordinators act on, from a catalogue record to {@code trials.csv} and a trial's section of
 * {@code report.html}: the study's page, its last update, and each recruiting Canadian site's own status and
 * published contact, shown only where the record gives them. NCT99200003 is closed, about another cancer and has
 * no site in Canada.
 */
class StudyRecordTests {

    /** NCT99200001 gives everything; NCT99200002 gives no last update and a site with no status and no contact. */
    private static final String CATALOGUE = """
            {"studies": [
              {"protocolSection": {
                "identificationModule": {"nctId": "NCT99200001", "briefTitle": "[SAMPLE] Full record"},
                "statusModule": {"overallStatus": "RECRUITING", "lastUpdatePostDateStruct": {"date": "2016-07"}},
                "conditionsModule": {"conditions": ["Anal Cancer"]},
                "contactsLocationsModule": {"locations": [
                  {"facility": "Princess <Margaret>", "city": "Toronto", "state": "Ontario", "country": "Canada",
                   "status": "RECRUITING", "contacts": [{"name": "Dr. A & B", "role": "CONTACT",
                   "phone": "416-555-0100", "email": "trials@example.org"}]},
                  {"facility": "Abroad", "city": "Boston", "state": "Massachusetts", "country": "United States",
                   "status": "RECRUITING", "contacts": [{"name": "Not Canadian", "role": "CONTACT"}]}
                ]}}},
              {"protocolSection": {
                "identificationModule": {"nctId": "NCT99200002", "briefTitle": "[SAMPLE] Sparse record"},
                "statusModule": {"overallStatus": "RECRUITING"},
                "conditionsModule": {"conditions": ["Anal Cancer"]},
                "contactsLocationsModule": {"locations": [
                  {"facility": "Quiet Site", "city": "Saskatoon", "state": "Saskatchewan", "country": "Canada"}
                ]}}},
              {"protocolSection": {
                "identificationModule": {"nctId": "NCT99200003", "briefTitle": "[SAMPLE] Closed elsewhere"},
                "statusModule": {"overallStatus": "COMPLETED"},
                "conditionsModule": {"conditions": ["Colorectal Cancer"]},
                "contactsLocationsModule": {"locations": [
                  {"facility": "Abroad", "city": "Boston", "state": "Massachusetts", "country": "United States"}
                ]}}}
            ]}
            """;

    private static List<TrialCatalogue.StudyRow> rows(Path folder) throws Exception {
        Path file = folder.resolve("page-0001.json");
        Files.writeString(file, CATALOGUE);
        return TrialCatalogue.read(List.of(file), Map.of(), LocalDate.of(2026, 11, 27)).rows();
    }

    private static String page(TrialCatalogue.StudyRow study, ReportText text) throws Exception {
        LinkedHashMap<String, Long> skipped = new LinkedHashMap<>();
        CatalogueFacts facts = new CatalogueFacts(new ArrayList<>(), 2, 2, skipped, 2, 2, new ArrayList<>());
        TrialReport report = new TrialReport(facts, 0, 0, 0, 0, 0,
                List.of(TrialReport.Section.of(study, 0, 0, List.of())));
        StringWriter out = new StringWriter();
        out.write(TrialHtmlTests.html(report, text));
        return out.toString();
    }

    private static String cell(TrialCatalogue.StudyRow study, TrialsCsv.Column column) {
        return TrialsCsv.cells(study, 0, 0).get(column.ordinal());
    }

    @Test
    void shouldAppendTheLinkAndTheLastUpdateAsGivenToTrialsCsv(@TempDir Path folder) throws Exception {
        // when
        List<TrialCatalogue.StudyRow> rows = rows(folder);

        // then
        assertThat(TrialsCsv.HEADER).containsSubsequence("near_misses", "link", "last_update_posted", "note");
        assertThat(TrialsCsv.cells(rows.get(0), 0, 0)).hasSameSizeAs(TrialsCsv.HEADER);
        assertThat(cell(rows.get(0), TrialsCsv.Column.LINK)).isEqualTo("https://clinicaltrials.gov/study/NCT99200001");
        assertThat(cell(rows.get(0), TrialsCsv.Column.LAST_UPDATE_POSTED)).isEqualTo("2016-07");
    }

    @Test
    void shouldGiveEachStudyItsCanadianSitesAndTheVerdictsThatDependOnTheStudyAlone(@TempDir Path folder)
            throws Exception {
        // when
        List<TrialCatalogue.StudyRow> rows = rows(folder);

        // then: once per study in trials.csv, not on every row of trial_matches.csv (outputs version 3)
        assertThat(TrialsCsv.HEADER).endsWith("note", "sites_in_canada", "status_verdict", "condition_verdict",
                "location_verdict");
        assertThat(TrialsCsv.cells(rows.get(0), 0, 0).subList(TrialsCsv.Column.SITES_IN_CANADA.ordinal(),
                TrialsCsv.HEADER.size())).containsExactly("1", "MET", "MET", "MET");
        assertThat(TrialsCsv.cells(rows.get(2), 0, 0).subList(TrialsCsv.Column.SITES_IN_CANADA.ordinal(),
                TrialsCsv.HEADER.size())).containsExactly("0", "FAILED", "FAILED", "FAILED");
    }

    @Test
    void shouldLeaveTheLastUpdateCellEmptyWhenTheRecordGivesNone(@TempDir Path folder) throws Exception {
        // when
        TrialCatalogue.StudyRow sparse = rows(folder).get(1);

        // then
        assertThat(cell(sparse, TrialsCsv.Column.LINK)).isEqualTo("https://clinicaltrials.gov/study/NCT99200002");
        assertThat(cell(sparse, TrialsCsv.Column.LAST_UPDATE_POSTED)).isEmpty();
    }

    @Test
    void shouldShowTheLinkTheLastUpdateAndTheCanadianSitesStatusAndContactEscaped(@TempDir Path folder)
            throws Exception {
        // when
        String html = page(rows(folder).get(0), ReportText.english());

        // then
        assertThat(html).contains("<a href=\"https://clinicaltrials.gov/study/NCT99200001\">Study page on"
                        + " ClinicalTrials.gov</a>", "Last update posted on ClinicalTrials.gov: 2016-07.",
                "Recruiting sites in Canada",
                "<li>Princess &lt;Margaret&gt;, Toronto, ON (site status <code>RECRUITING</code>). Contact: Dr. A &amp; B,"
                        + " 416-555-0100, <a href=\"mailto:trials@example.org\">trials@example.org</a></li>")
                .doesNotContain("<Margaret>", "Boston", "Not Canadian");
    }

    @Test
    void shouldShowNeitherStatusNorContactNorLastUpdateWhereTheRecordGivesNone(@TempDir Path folder)
            throws Exception {
        // when
        String html = page(rows(folder).get(1), ReportText.english());

        // then
        assertThat(html).contains("<a href=\"https://clinicaltrials.gov/study/NCT99200002\">",
                        "<li>Quiet Site, Saskatoon, SK</li>")
                .doesNotContain("Contact:", "site status", "Last update posted");
    }

    @Test
    void shouldSayTheStudyRecordInFrenchWithTheValuesUnchanged(@TempDir Path folder) throws Exception {
        // when
        String html = page(rows(folder).get(0), ReportText.of("fr"));

        // then
        assertThat(html).contains("Page de l’étude sur ClinicalTrials.gov</a>",
                        "Dernière mise à jour publiée sur ClinicalTrials.gov : 2016-07.",
                        "(statut du site <code>RECRUITING</code>). Personne-ressource : Dr. A &amp; B, 416-555-0100")
                .doesNotContain("Study page", "Last update posted", "Contact:", "site status", "Recruiting sites");
    }
}
