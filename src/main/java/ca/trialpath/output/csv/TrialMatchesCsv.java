package ca.trialpath.output.csv;

import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.TrialMatch;
import ca.trialpath.trials.Verdict;
import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * Owns {@code trial_matches.csv}: one row per (person, trial) that matches or nearly matches, with the facts of
 * that pair only: its result, then every criterion's verdict in a column of its own (so an analyst filters on
 * {@code ecog_verdict = 'UNKNOWN'} instead of rebuilding it from {@code failed_criterion} and {@code to_verify}).
 * The study's title, phases and sites are in {@code trials.csv} and {@code trial_sites.csv}.
 */
public final class TrialMatchesCsv {

    /** The columns; the {@code *_VERDICT} ones are the {@link Criterion} constants in their order. */
    public enum Column {
        PATIENT_ID, NCT_ID, RESULT, FAILED_CRITERION, TO_VERIFY, SITES_IN_PROVINCE, SITES_IN_CANADA,
        STATUS_VERDICT, CONDITION_VERDICT, LOCATION_VERDICT, AGE_VERDICT, SEX_VERDICT, PATHWAY_VERDICT,
        HISTOLOGY_VERDICT, ECOG_VERDICT, PRIOR_REQUIRED_VERDICT, PRIOR_EXCLUDED_VERDICT, SURGERY_VERDICT;

        /** The verdict column of a criterion. */
        public static Column verdictOf(Criterion criterion) {
            return VERDICTS[criterion.ordinal()];
        }
    }

    private static final Criterion[] CRITERIA = Criterion.values();
    /** Fails the class's loading when a criterion has no column. */
    private static final Column[] VERDICTS = new Column[CRITERIA.length];

    static {
        for (Criterion criterion : CRITERIA) {
            VERDICTS[criterion.ordinal()] = Column.valueOf(criterion.name() + "_VERDICT");
        }
    }

    public static final String FILE = "trial_matches.csv";
    public static final List<String> HEADER = PublishedCsv.header(Column.class);

    private final CSVPrinter printer;

    public TrialMatchesCsv(Appendable out, boolean header) throws IOException {
        this.printer = PublishedCsv.printer(out, Column.class, header);
    }

    /** Prints the person's trials in their order (trials.md). */
    public void write(String patientId, List<TrialMatch> trials) throws IOException {
        String person = SpreadsheetSafe.cell(patientId); // once for the person's rows
        for (TrialMatch match : trials) {
            // every criterion is judged for a pair that is listed (TrialMatcher); a gap would be a bug
            if (match.verdicts().size() != CRITERIA.length) {
                java.util.Set<Criterion> missing = java.util.EnumSet.allOf(Criterion.class);
                missing.removeAll(match.verdicts().keySet());
                throw new IllegalStateException(match.nctId() + " has no verdict for " + missing);
            }
            printer.print(person);
            PublishedCsv.cell(printer, match.nctId());
            printer.print(match.result().name());
            printer.print(match.failedCriterion() == null ? "" : match.failedCriterion().name());
            PublishedCsv.list(printer, match.toVerify());
            PublishedCsv.number(printer, match.sitesInProvince());
            PublishedCsv.number(printer, match.sitesInCanada());
            // an EnumMap: its values come in Criterion order, the order of the columns
            for (Verdict verdict : match.verdicts().values()) {
                printer.print(verdict.name());
            }
            printer.println();
        }
    }
}
