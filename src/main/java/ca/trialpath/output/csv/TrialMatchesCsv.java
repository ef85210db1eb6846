package ca.trialpath.output.csv;

import ca.trialpath.trials.TrialMatch;
import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * Owns {@code trial_matches.csv}: one row per (person, trial) that matches or nearly matches, with the facts of
 * that pair only. The study's title, phases and sites are in {@code trials.csv} and {@code trial_sites.csv}.
 */
public final class TrialMatchesCsv {

    public enum Column {
        PATIENT_ID, NCT_ID, RESULT, FAILED_CRITERION, TO_VERIFY, SITES_IN_PROVINCE, SITES_IN_CANADA
    }

    public static final String FILE = "trial_matches.csv";
    public static final List<String> HEADER = PublishedCsv.header(Column.class);

    private final CSVPrinter printer;

    public TrialMatchesCsv(Appendable out, boolean header) throws IOException {
        this.printer = PublishedCsv.printer(out, Column.class, header);
    }

    /** Prints the person's trials in their order (trials.md). */
    public void write(String patientId, List<TrialMatch> trials) throws IOException {
        for (TrialMatch match : trials) {
            PublishedCsv.cell(printer, patientId);
            PublishedCsv.cell(printer, match.nctId());
            printer.print(match.result().name());
            printer.print(match.failedCriterion() == null ? "" : match.failedCriterion().name());
            PublishedCsv.list(printer, match.toVerify());
            PublishedCsv.number(printer, match.sitesInProvince());
            PublishedCsv.number(printer, match.sitesInCanada());
            printer.println();
        }
    }
}
