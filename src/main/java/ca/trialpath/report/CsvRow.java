package ca.trialpath.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Builds CSV rows (RFC 4180, {@code \n} after each row) in a reusable buffer, applying {@link SpreadsheetSafe}
 * in the same pass: the job prints tens of millions of cells a night, and a general CSV printer with a
 * separate formula check was a fifth of its CPU.
 *
 * <p>The quoting is Commons CSV's {@code CSVFormat.RFC4180} (minimal quoting), which wrote these files before,
 * so the files stay the same byte for byte: a cell is quoted when it is empty and first in its row (an empty
 * line would hold no cell), when its first character is at or below {@code #}, when it holds a line feed,
 * carriage return, quote or comma, or when its last character is at or below a space. Quotes inside are
 * doubled. Not thread-safe: one per writer.
 */
public final class CsvRow {

    private final StringBuilder text = new StringBuilder(1024);
    private char[] copy = new char[1024];
    private boolean newRecord = true;

    /** A cell as a spreadsheet should see it: a formula-like value gets its apostrophe. */
    public CsvRow cell(String value) {
        append(value, true);
        return this;
    }

    /** A cell written as it is, for the job's own files, read back by the job and never opened in a spreadsheet. */
    public CsvRow plain(String value) {
        append(value, false);
        return this;
    }

    /** A whole number: never quoted, and a formula sign only when negative. */
    public CsvRow number(long value) {
        if (value < 0) {
            return cell(Long.toString(value));
        }
        if (!newRecord) {
            text.append(',');
        }
        text.append(value);
        newRecord = false;
        return this;
    }

    /** Cells made once by {@link #following}, after at least one cell of this row. */
    public CsvRow formatted(String followingCells) {
        if (newRecord) {
            throw new IllegalStateException("formatted cells follow a first cell");
        }
        text.append(followingCells);
        return this;
    }

    /** Ends the row. */
    public CsvRow end() {
        text.append('\n');
        newRecord = true;
        return this;
    }

    /** Writes the rows built so far and empties the buffer. */
    public void writeTo(Writer out) throws IOException {
        int length = text.length();
        if (copy.length < length) {
            copy = new char[Math.max(length, copy.length * 2)];
        }
        // one bulk write: Writer.append(CharSequence) would copy the text into a String first
        text.getChars(0, length, copy, 0);
        out.write(copy, 0, length);
        clear();
    }

    /** Forgets the rows built so far. */
    public void clear() {
        text.setLength(0);
        newRecord = true;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** Spreadsheet-safe cells that follow another cell, each with its comma: what is the same in every row. */
    public static String following(String... cells) {
        CsvRow row = new CsvRow();
        row.newRecord = false;
        for (String cell : cells) {
            row.cell(cell);
        }
        return row.toString();
    }

    /** A whole spreadsheet-safe row, with its line break (a header, or a row that never changes). */
    public static String of(List<String> cells) {
        CsvRow row = new CsvRow();
        cells.forEach(row::cell);
        return row.end().toString();
    }

    private void append(String value, boolean spreadsheetSafe) {
        if (!newRecord) {
            text.append(',');
        }
        boolean first = newRecord;
        newRecord = false;
        if (value == null || value.isEmpty()) {
            if (first) {
                text.append("\"\"");
            }
            return;
        }
        boolean apostrophe = spreadsheetSafe && SpreadsheetSafe.startsAFormula(value.charAt(0));
        if (!needsQuotes(value, apostrophe)) {
            if (apostrophe) {
                text.append('\'');
            }
            text.append(value);
            return;
        }
        text.append('"');
        if (apostrophe) {
            text.append('\'');
        }
        int from = 0;
        for (int i = value.indexOf('"'); i >= 0; i = value.indexOf('"', i + 1)) {
            text.append(value, from, i + 1).append('"');
            from = i + 1;
        }
        text.append(value, from, value.length()).append('"');
    }

    private static boolean needsQuotes(String value, boolean apostrophe) {
        // the apostrophe, when there is one, is the first character written
        if (!apostrophe && value.charAt(0) <= '#') {
            return true;
        }
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c <= ',' && (c == '\n' || c == '\r' || c == '"' || c == ',')) {
                return true;
            }
        }
        return value.charAt(length - 1) <= ' ';
    }
}
