package ca.trialpath.output.csv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;

/**
 * Writes CSV records in the dialect of {@link PublishedCsv#FORMAT}, byte for byte as Commons CSV
 * 1.14.1's printer prints it (RFC 4180, quote mode MINIMAL, {@code \n} after each record): a cell is quoted when
 * it is empty and the first of its record, when its first character is at or below {@code #}, when it holds a
 * comma, a quote, CR or LF, or when its last character is at or below a space; a quote inside is doubled.
 * {@code CsvWriterTests} compares the two on random and hostile cells.
 *
 * <p>Why not the printer: it takes a lock for every cell (the printer's own and the synchronized
 * {@code CSVFormat.print}) and reads each cell through {@code CharSequence}, which at 6.7 million
 * {@code trial_matches.csv} rows a night made it a fifth of the job's CPU (docs/layout.md has the measurement).
 * Commons CSV still parses every CSV file the job reads.
 *
 * <p>Into a {@link StringBuilder} it appends directly; into any other {@link Appendable} (a {@code Writer}, whose
 * every call takes its lock) it hands each record over in one call when the record ends. Not thread-safe: each
 * file has one writer, used by one thread.
 */
public final class CsvWriter implements Flushable, Closeable {

    private static final char DELIMITER = ',';
    private static final char QUOTE = '"';
    private static final char RECORD_SEPARATOR = '\n';

    private final Appendable out;
    /** Where the record is written: {@code out} itself when it is a StringBuilder, else the record until it ends. */
    private final StringBuilder record;
    private boolean firstCell = true;

    public CsvWriter(Appendable out) {
        this.out = out;
        this.record = out instanceof StringBuilder builder ? builder : new StringBuilder(256);
    }

    /**
     * Writes one cell of the current record. {@code null} is an empty cell never quoted, even first in its record,
     * where an empty string is quoted ({@code ""}): so Commons CSV prints them.
     */
    public CsvWriter cell(String value) {
        boolean first = firstCell;
        if (first) {
            firstCell = false;
        } else {
            record.append(DELIMITER);
        }
        if (value == null) {
            return this; // Commons CSV prints null as nothing, first cell or not (null string unset)
        }
        if (value.isEmpty()) {
            // an empty first cell is quoted: alone on its line it would be an empty line
            if (first) {
                record.append(QUOTE).append(QUOTE);
            }
            return this;
        }
        if (needsQuotes(value)) {
            quoted(value);
        } else {
            record.append(value);
        }
        return this;
    }

    /** Writes a whole number that is not negative: its digits never need quotes. */
    public CsvWriter number(long nonNegative) {
        if (nonNegative < 0) {
            throw new IllegalArgumentException("a negative number is text: " + nonNegative);
        }
        if (firstCell) {
            firstCell = false;
        } else {
            record.append(DELIMITER);
        }
        record.append(nonNegative);
        return this;
    }

    /** Ends the current record; the next cell starts a new one. */
    public void endRecord() throws IOException {
        record.append(RECORD_SEPARATOR);
        firstCell = true;
        if (record != out) {
            out.append(record);
            record.setLength(0);
        }
    }

    /** Writes a whole record. */
    public void record(Iterable<String> cells) throws IOException {
        for (String cell : cells) {
            cell(cell);
        }
        endRecord();
    }

    /** Writes a whole record. */
    public void record(String... cells) throws IOException {
        for (String cell : cells) {
            cell(cell);
        }
        endRecord();
    }

    /** Hands over a record begun and not ended, then flushes the output if it can be. */
    @Override
    public void flush() throws IOException {
        if (record != out && !record.isEmpty()) {
            out.append(record);
            record.setLength(0);
        }
        if (out instanceof Flushable flushable) {
            flushable.flush();
        }
    }

    /** Flushes, then closes the output if it can be closed (as Commons CSV's printer does). */
    @Override
    public void close() throws IOException {
        flush();
        if (out instanceof Closeable closeable) {
            closeable.close();
        }
    }

    /** Commons CSV's MINIMAL rule for a cell that is not empty. */
    static boolean needsQuotes(String value) {
        // a first character at or below '#' (space, '!', '"', '#' and control characters) would confuse a parser
        if (value.charAt(0) <= '#') {
            return true;
        }
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == DELIMITER || c == QUOTE || c == '\n' || c == '\r') {
                return true;
            }
        }
        // a last character at or below a space would be trimmed by a lenient reader
        return value.charAt(length - 1) <= ' ';
    }

    private void quoted(String value) {
        record.append(QUOTE);
        int start = 0;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            if (value.charAt(i) == QUOTE) {
                record.append(value, start, i + 1).append(QUOTE);
                start = i + 1;
            }
        }
        record.append(value, start, length).append(QUOTE);
    }
}
