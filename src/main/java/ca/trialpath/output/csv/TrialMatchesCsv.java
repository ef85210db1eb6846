package ca.trialpath.output.csv;

import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.TrialMatch;
import ca.trialpath.trials.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Owns {@code trial_matches.csv}: one row per (person, trial) that matches or nearly matches, with the facts of
 * that pair only: its result, the study's sites in the person's province, then the verdict of every criterion
 * that depends on the person in a column of its own (an analyst filters on {@code ecog_verdict = 'UNKNOWN'}).
 * One fact in one place (outputs version 3): what is the same for every person of a study is in
 * {@code trials.csv} (title, phases, its sites in Canada, and the verdicts of the study-wide criteria, MET for
 * every study listed here), its sites in {@code trial_sites.csv}; the failed criterion and the criteria to verify
 * are the columns whose verdict is {@code FAILED} and {@code UNKNOWN}.
 */
public final class TrialMatchesCsv {

    /** The columns; the {@code *_VERDICT} ones are the person's {@link Criterion} constants in their order. */
    public enum Column {
        PATIENT_ID, NCT_ID, RESULT, SITES_IN_PROVINCE,
        AGE_VERDICT, SEX_VERDICT, PATHWAY_VERDICT, HISTOLOGY_VERDICT, ECOG_VERDICT, PRIOR_REQUIRED_VERDICT,
        PRIOR_EXCLUDED_VERDICT, SURGERY_VERDICT;

        /** The verdict column of a criterion that depends on the person. */
        public static Column verdictOf(Criterion criterion) {
            if (criterion.isStudyWide()) {
                throw new IllegalArgumentException(criterion + " depends on the study alone: see trials.csv");
            }
            return VERDICTS.get(PERSON_CRITERIA.indexOf(criterion));
        }
    }

    /** The criteria with a column here, in {@link Criterion} order: those that depend on the person. */
    private static final List<Criterion> PERSON_CRITERIA = List.copyOf(
            EnumSet.allOf(Criterion.class).stream().filter(c -> !c.isStudyWide()).toList());
    /** Fails the class's loading when a criterion of the person has no column. */
    private static final List<Column> VERDICTS = new ArrayList<>();

    static {
        for (Criterion criterion : PERSON_CRITERIA) {
            VERDICTS.add(Column.valueOf(criterion.name() + "_VERDICT"));
        }
    }

    public static final String FILE = "trial_matches.csv";
    public static final List<String> HEADER = PublishedCsv.header(Column.class);

    private final CsvWriter csv;

    public TrialMatchesCsv(Appendable out, boolean header) throws IOException {
        this.csv = PublishedCsv.writer(out, Column.class, header);
    }

    /** Prints the person's trials in their order (trials.md). */
    public void write(String patientId, List<TrialMatch> trials) throws IOException {
        String person = SpreadsheetSafe.cell(patientId); // once for the person's rows
        for (TrialMatch match : trials) {
            // every criterion is judged for a pair that is listed (TrialMatcher); a gap would be a bug, and so
            // would a study-wide criterion not met (its verdict is written once, in trials.csv, as MET)
            if (match.verdicts().size() != Criterion.values().length) {
                Set<Criterion> missing = EnumSet.allOf(Criterion.class);
                missing.removeAll(match.verdicts().keySet());
                throw new IllegalStateException(match.nctId() + " has no verdict for " + missing);
            }
            csv.cell(person);
            PublishedCsv.cell(csv, match.nctId());
            csv.cell(match.result().name());
            PublishedCsv.number(csv, match.sitesInProvince());
            // an EnumMap: its entries come in Criterion order, the order of the columns
            for (Map.Entry<Criterion, Verdict> verdict : match.verdicts().entrySet()) {
                if (!verdict.getKey().isStudyWide()) {
                    csv.cell(verdict.getValue().name());
                } else if (verdict.getValue() != Verdict.MET) {
                    throw new IllegalStateException(match.nctId() + " is listed with " + verdict.getKey() + " "
                            + verdict.getValue());
                }
            }
            csv.endRecord();
        }
    }
}
