package ca.trialpath.output.csv;

import ca.trialpath.trials.TrialCatalogue;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Owns {@code trial_sites.csv}: one row per recruiting Canadian site of each catalogue study, as the trial sections
 * of the page show them: where, the site's own status and the contact the study publishes on ClinicalTrials.gov
 * (not patient data). {@code sites_in_canada} of {@code trials.csv} counts a study's rows, {@code sites_in_province}
 * of {@code trial_matches.csv} those in the person's province.
 */
public final class TrialSitesCsv {

    public enum Column {
        NCT_ID, FACILITY, CITY, PROVINCE, COUNTRY, SITE_STATUS, CONTACT_NAME, CONTACT_PHONE, CONTACT_EMAIL
    }

    public static final String FILE = "trial_sites.csv";
    public static final List<String> HEADER = PublishedCsv.header(Column.class);
    /** Every site listed is in Canada (trials.md: only recruiting Canadian sites count). */
    static final String COUNTRY = "Canada";

    private TrialSitesCsv() {
    }

    /** The studies in NCT id order, each study's sites in catalogue order. */
    public static void write(Path target, List<TrialCatalogue.StudyRow> studies) throws IOException {
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                CsvWriter csv = PublishedCsv.writer(out, Column.class, true)) {
            for (TrialCatalogue.StudyRow study : studies) {
                for (TrialCatalogue.SiteRow site : study.sites()) {
                    PublishedCsv.cell(csv, study.nctId());
                    PublishedCsv.cell(csv, site.facility());
                    PublishedCsv.cell(csv, site.city());
                    PublishedCsv.cell(csv, site.province());
                    csv.cell(COUNTRY);
                    PublishedCsv.cell(csv, site.status());
                    PublishedCsv.cell(csv, site.contactName());
                    PublishedCsv.cell(csv, site.contactPhone());
                    PublishedCsv.cell(csv, site.contactEmail());
                    csv.endRecord();
                }
            }
        }
    }
}
