package ca.trialpath.output.csv;

import ca.trialpath.cohort.RejectedRow;
import java.io.IOException;
import java.util.List;

/** Owns {@code rejects.csv}: one row per input row the job could not assess, with the reason and its message. */
public final class RejectsCsv {

    public enum Column {
        SOURCE_FILE, LINE, PATIENT_ID, REASON_CODE, MESSAGE
    }

    public static final String FILE = "rejects.csv";
    public static final List<String> HEADER = PublishedCsv.header(Column.class);

    private final CsvWriter csv;
    private final RowsPerFile rows = new RowsPerFile();

    public RejectsCsv(Appendable out, boolean header) throws IOException {
        this.csv = PublishedCsv.writer(out, Column.class, header);
    }

    public void write(RejectedRow row) throws IOException {
        PublishedCsv.cell(csv, row.sourceFile());
        PublishedCsv.number(csv, row.line());
        PublishedCsv.cell(csv, row.patientId());
        csv.cell(row.reason().name());
        PublishedCsv.cell(csv, row.message());
        csv.endRecord();
        rows.add(row.sourceFile());
    }

    /** Rows printed per input file (kept with each commit by the staged writer). */
    public RowsPerFile rows() {
        return rows;
    }
}
