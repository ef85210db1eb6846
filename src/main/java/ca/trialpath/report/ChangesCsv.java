package ca.trialpath.report;

import ca.trialpath.history.Change;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code changes.csv} ({@code patient_id, change, before, after}) as the other published CSV files are
 * written: RFC 4180, UTF-8, {@code \n}, every cell made safe for spreadsheets. The header is written at once,
 * so the first run ever publishes a file with the header only.
 */
public final class ChangesCsv implements Closeable {

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private final CSVPrinter printer;

    public ChangesCsv(Path target) throws IOException {
        this.printer = new CSVPrinter(Files.newBufferedWriter(target, StandardCharsets.UTF_8), CSV);
        try {
            printer.printRecord(PublishedColumns.CHANGES);
        } catch (IOException | RuntimeException e) {
            printer.close(); // the caller never gets the object to close
            throw e;
        }
    }

    /** Writes one change; unchecked, so it can be handed rows from a database cursor. */
    public void write(Change change) {
        try {
            printer.printRecord(SpreadsheetSafe.cell(change.patientId()), change.kind().name(),
                    SpreadsheetSafe.cell(change.before()), SpreadsheetSafe.cell(change.after()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
