package ca.trialpath.output.csv;

import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.guideline.Assessment;
import ca.trialpath.guideline.GuidelineVersion;
import ca.trialpath.guideline.TreatmentOption;
import ca.trialpath.trials.TrialMatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Owns {@code assessments.csv}: one row per assessed person, in input order. Its columns and their meaning are
 * those of version 1 (the run history and analysts read them by name); only the files around it changed.
 */
public final class AssessmentsCsv {

    /** The columns, in file order; {@code matched_trials} and {@code trial_rule} were appended in rules v2. */
    public enum Column {
        PATIENT_ID, SOURCE_FILE, SOURCE_LINE, PRIMARY_SITE, PATHWAY, EXTENT, TREATMENT_GOAL, OPTIONS, RULES,
        TRIAL_DISCUSSION, TRIAL_PRIORITY, REVIEW_FLAGS, AGE_AT_RECURRENCE, PROVINCE, GUIDELINE_VERSION,
        MATCHED_TRIALS, TRIAL_RULE
    }

    public static final String FILE = "assessments.csv";
    public static final List<String> HEADER = PublishedCsv.header(Column.class);

    private final CsvWriter csv;
    private final RowsPerFile rows = new RowsPerFile();

    /** @param header whether the file is new (a continued staged file has its header already) */
    public AssessmentsCsv(Appendable out, boolean header) throws IOException {
        this.csv = PublishedCsv.writer(out, Column.class, header);
    }

    /**
     * Prints one person's row.
     *
     * @param trials the person's matches and near misses; {@code null} in a run without a catalogue
     */
    public void write(PatientRecord record, Assessment assessment, Integer ageAtRecurrence, List<TrialMatch> trials)
            throws IOException {
        List<TreatmentOption> options = assessment.options();
        PublishedCsv.cell(csv, record.patientId());
        PublishedCsv.cell(csv, record.sourceFile());
        PublishedCsv.number(csv, record.sourceLine());
        PublishedCsv.cell(csv, record.primarySite());
        csv.cell(assessment.pathway().name());
        PublishedCsv.cell(csv, assessment.extent());
        csv.cell(assessment.goal() == null ? "" : assessment.goal().name());
        List<String> codes = new ArrayList<>(options.size());
        options.forEach(option -> codes.add(option.code()));
        PublishedCsv.list(csv, codes);
        PublishedCsv.list(csv, options);
        csv.cell(Boolean.toString(assessment.trialDiscussion()));
        csv.cell(assessment.trialPriority().name());
        PublishedCsv.list(csv, assessment.orderedFlags());
        csv.cell(ageAtRecurrence == null ? "" : ageAtRecurrence.toString());
        PublishedCsv.cell(csv, record.province());
        csv.cell(GuidelineVersion.ID);
        if (trials == null) {
            csv.cell("");
        } else {
            List<String> matched = new ArrayList<>();
            for (TrialMatch match : trials) {
                if (match.result() == TrialMatch.Result.MATCH) {
                    matched.add(match.nctId());
                }
            }
            PublishedCsv.list(csv, matched);
        }
        csv.cell(assessment.trialRule().name());
        csv.endRecord();
        rows.add(record.sourceFile());
    }

    /** Rows printed per input file (kept with each commit by the staged writer). */
    public RowsPerFile rows() {
        return rows;
    }
}
