package ca.trialpath.report;

import ca.trialpath.history.Change;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code changes.csv} ({@code patient_id, change, before, after}) as the other published CSV files are
 * written: RFC 4180, UTF-8, {@code \n}, every cell made safe for spreadsheets. The header is written at once,
 * so the first run ever publishes a file with the header only.
 *
 * <p>The cells are quoted by hand, byte for byte as Commons CSV's {@code RFC4180} format quotes them (an empty
 * first cell, a cell starting with a character up to {@code #} or ending with one up to a space, a cell holding
 * a comma, a quote, CR or LF), without its per-cell overhead: a night that changes millions of people writes
 * millions of rows.
 */
public final class ChangesCsv implements Closeable {

    private final Writer out;
    private final StringBuilder row = new StringBuilder(128);

    public ChangesCsv(Path target) throws IOException {
        this.out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        try {
            for (int i = 0; i < PublishedColumns.CHANGES.size(); i++) {
                cell(PublishedColumns.CHANGES.get(i), i == 0);
            }
            endRow();
        } catch (IOException | RuntimeException e) {
            out.close(); // the caller never gets the object to close
            throw e;
        }
    }

    /** Writes one change; unchecked, so it can be handed rows from a database cursor. */
    public void write(Change change) {
        try {
            cell(SpreadsheetSafe.cell(change.patientId()), true);
            cell(change.kind().name(), false);
            cell(SpreadsheetSafe.cell(change.before()), false);
            cell(SpreadsheetSafe.cell(change.after()), false);
            endRow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void cell(String value, boolean first) {
        if (!first) {
            row.append(',');
        }
        if (!needsQuotes(value, first)) {
            row.append(value);
            return;
        }
        row.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                row.append('"');
            }
            row.append(c);
        }
        row.append('"');
    }

    private void endRow() throws IOException {
        row.append('\n');
        out.append(row);
        row.setLength(0);
    }

    /** Commons CSV's minimal quoting for RFC 4180, so the file reads as it always did. */
    static boolean needsQuotes(String value, boolean first) {
        if (value.isEmpty()) {
            return first; // an empty first cell alone would be an empty line
        }
        if (value.charAt(0) <= '#') {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return value.charAt(value.length() - 1) <= ' ';
    }
}
