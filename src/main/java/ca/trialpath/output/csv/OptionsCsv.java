package ca.trialpath.output.csv;

import ca.trialpath.guideline.Assessment;
import ca.trialpath.guideline.TreatmentOption;
import java.io.IOException;
import java.util.List;

/**
 * Owns {@code options.csv}: one row per (person, option), codes only. The option's label, regimens, goal,
 * guideline section and the sentence saying why are the same for everyone with the same rationale code: they
 * are in {@code guideline.csv} ({@link GuidelineCsv}), once per run.
 */
public final class OptionsCsv {

    public enum Column {
        PATIENT_ID, RULE, OPTION_CODE, RATIONALE_CODE
    }

    public static final String FILE = "options.csv";
    public static final List<String> HEADER = PublishedCsv.header(Column.class);

    private final CsvWriter csv;

    public OptionsCsv(Appendable out, boolean header) throws IOException {
        this.csv = PublishedCsv.writer(out, Column.class, header);
    }

    /** Prints the person's options in rule order; none prints nothing. */
    public void write(String patientId, Assessment assessment) throws IOException {
        for (TreatmentOption option : assessment.options()) {
            PublishedCsv.cell(csv, patientId);
            csv.cell(option.ruleId());
            csv.cell(option.code());
            csv.cell(GuidelineCsv.rationaleCode(option, assessment.surgeryPossible()));
            csv.endRecord();
        }
    }
}
