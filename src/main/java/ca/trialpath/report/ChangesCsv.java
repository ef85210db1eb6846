package ca.trialpath.report;

import ca.trialpath.output.csv.SpreadsheetSafe;
import ca.trialpath.history.Change;
import ca.trialpath.output.csv.CsvWriter;
import ca.trialpath.output.csv.PublishedCsv;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Owns {@code changes.csv} ({@code patient_id, change, before, after}), printed like every published CSV file
 * ({@link PublishedCsv}): RFC 4180, UTF-8, {@code \n}, every cell made safe for spreadsheets. The header is
 * printed at once, so the first run ever publishes a file with the header only. (It stays in this package, where
 * the run history calls it.)
 */
public final class ChangesCsv implements Closeable {

    public enum Column {
        PATIENT_ID, CHANGE, BEFORE, AFTER
    }

    public static final String FILE = "changes.csv";
    public static final List<String> HEADER = PublishedCsv.header(Column.class);

    private final CsvWriter csv;

    public ChangesCsv(Path target) throws IOException {
        Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        try {
            this.csv = PublishedCsv.writer(out, Column.class, true);
        } catch (IOException | RuntimeException e) {
            out.close(); // the caller never gets the object to close
            throw e;
        }
    }

    /** Writes one change; unchecked, so it can be handed rows from a database cursor. */
    public void write(Change change) {
        try {
            csv.cell(SpreadsheetSafe.cell(change.patientId()));
            csv.cell(change.kind().name());
            csv.cell(SpreadsheetSafe.cell(change.before()));
            csv.cell(SpreadsheetSafe.cell(change.after()));
            csv.endRecord();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
