package ca.trialpath.cohort;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records, one at a time, remembering the line each starts on.
 *
 * <p>Written here rather than taken from Commons CSV because a registry file must survive its own bad
 * records: after a malformed record (text after a closing quote, a cell or record over the size
 * limits) this reader resumes at the next line, and it never holds an oversized cell in memory, where
 * Commons CSV stops at the first parse error and buffers whole cells. An unterminated quote still
 * runs to the end of the file, as RFC 4180 says it must: the lines after it are part of that record.
 *
 * <p>Blank lines between records are skipped and not counted. A leading byte-order mark is dropped.
 */
public final class CsvRecordReader implements Closeable {

    /** Cells longer than this are not kept: the record is rejected as malformed. */
    public static final int MAX_CELL_CHARS = 64 * 1024;
    /** Records longer than this (every character counted) are not kept: the record is rejected as malformed. */
    public static final int MAX_RECORD_CHARS = 1024 * 1024;
    /** No cohort has this many columns; a line of commas must not become a million cells. */
    public static final int MAX_CELLS = 10_000;

    private static final int EOF = -1;
    private static final char BOM = '\uFEFF';

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private long line;
    private boolean atStart;
    private boolean lastCellQuoted;
    private int lastWidth = 16;
    /** UTF-8 bytes of the characters taken so far: where the next record starts, for a partition plan. */
    private long bytesTaken;
    /** The header's names, once known: a message about a cell then names its column. */
    private List<String> columnNames;

    public CsvRecordReader(Reader in) {
        this(in, 1, true);
    }

    /**
     * A reader that starts inside a file, where an earlier reader of the same file stopped between two records
     * ({@link #bytesTaken()}, {@link #line()}): its first line is {@code firstLine}, and a byte-order mark is
     * looked for only at the start of a file.
     */
    public CsvRecordReader(Reader in, long firstLine, boolean atFileStart) {
        this.in = in;
        this.line = firstLine;
        this.atStart = atFileStart;
    }

    /**
     * The UTF-8 length of the text taken so far. Between two records it is the byte offset of the rest of the
     * file, where a reader for a later part of the file can start ({@link #CsvRecordReader(Reader, long, boolean)}).
     */
    public long bytesTaken() {
        return bytesTaken;
    }

    /**
     * The names of the columns, from the header: a malformed record's message then names the column of the cell
     * at fault ("column 'symptoms' (cell 12)"), not only its position.
     */
    public void nameColumns(List<String> names) {
        this.columnNames = List.copyOf(names);
    }

    /** How a message names the cell at {@code index} (0 first). */
    private String cell(int index) {
        if (columnNames != null && index < columnNames.size()) {
            // a header name, not a cell value: shown, but shortened and with control characters escaped
            return "column '" + CohortRowValidator.shorten(columnNames.get(index).strip()) + "' (cell " + (index + 1) + ")";
        }
        return "cell " + (index + 1);
    }

    /** The line the next record would start on (blank lines before it aside). */
    public long line() {
        return line;
    }

    /** The next record, or {@code null} at the end of the input. */
    public CsvRecord next() throws IOException {
        if (atStart) {
            atStart = false;
            if (peek() == BOM) {
                take();
            }
        }
        while (true) {
            int c = peek();
            // blank lines between records are not records
            while (c == '\n' || c == '\r') {
                takeLineBreak();
                c = peek();
            }
            if (c == EOF) {
                return null;
            }
            CsvRecord record = readRecord();
            // a line of nothing but spaces is a blank line too, not a row
            boolean blank = !record.isMalformed() && record.cells().size() == 1 && record.cells().get(0).isBlank()
                    && !lastCellQuoted;
            if (!blank) {
                return record;
            }
        }
    }

    private CsvRecord readRecord() throws IOException {
        long startLine = line;
        // sized as the last record: a cohort's records have the same width, and growing the list cost 4% of a run
        List<String> cells = new ArrayList<>(lastWidth);
        StringBuilder cell = new StringBuilder();
        long recordChars = 0;
        String problem = null;
        lastCellQuoted = false;
        while (true) {
            int c = take();
            if (c != EOF) {
                // every character counts toward the record's size, delimiters and quotes included
                recordChars++;
            }
            if (c == '"' && problem == null && cell.toString().isBlank()) {
                // a quoted cell (spaces before the quote are trimmed anyway): runs to the next lone
                // quote, across line breaks
                cell.setLength(0);
                lastCellQuoted = true;
                boolean afterCr = false;
                while (true) {
                    int q = take();
                    if (q == EOF) {
                        return new CsvRecord(startLine, cells,
                                "unterminated quoted cell in "
                                        + (columnNames == null ? "column " + (cells.size() + 1) : cell(cells.size()))
                                        + ": the quote opened on line " + startLine
                                        + " is never closed, so the rest of the file belongs to this record");
                    }
                    recordChars++;
                    if (q == '"') {
                        if (peek() != '"') {
                            break;
                        }
                        take();
                        recordChars++;
                    } else if (q == '\n') {
                        // a CRLF inside a quoted cell is kept whole (it is part of the value) and is one line break
                        if (!afterCr) {
                            line++;
                        }
                    } else if (q == '\r') {
                        line++;
                    }
                    afterCr = q == '\r';
                    if (problem == null) {
                        problem = sizeProblem(cell, cells.size(), recordChars);
                    }
                    if (problem == null) {
                        cell.append((char) q);
                    }
                }
                // after the closing quote only spaces, a comma or the end of the record may follow
                int after = peek();
                while (after == ' ' || after == '\t') {
                    take();
                    recordChars++;
                    after = peek();
                }
                if (after != ',' && after != '\n' && after != '\r' && after != EOF && problem == null) {
                    problem = "text after the closing quote of " + cell(cells.size()) + " (a quote inside a cell must be doubled)";
                }
                continue;
            }
            if (c == ',' || c == '\n' || c == '\r' || c == EOF) {
                if (problem == null) {
                    cells.add(cell.toString());
                    if (cells.size() > MAX_CELLS) {
                        problem = "record has more than " + MAX_CELLS + " cells";
                    }
                }
                cell.setLength(0);
                if (c == ',') {
                    lastCellQuoted = false;
                    continue;
                }
                if (c != EOF) {
                    countLineBreak(c);
                }
                break;
            }
            if (problem == null) {
                problem = sizeProblem(cell, cells.size(), recordChars);
            }
            if (problem == null) {
                cell.append((char) c);
            }
            // after a problem the rest of the record, up to its line end, is skipped, never kept
        }
        if (problem != null) {
            // the cells before the problem still name the row (its patient id) in the rejects
            return new CsvRecord(startLine, cells, problem);
        }
        // bounded: one record of ten thousand cells must not make every later list that big
        lastWidth = Math.max(16, Math.min(cells.size(), 256));
        return new CsvRecord(startLine, cells, null);
    }

    /** Why one more character would make the record too big to keep, or {@code null}. */
    private String sizeProblem(StringBuilder cell, int cellIndex, long recordChars) {
        if (cell.length() >= MAX_CELL_CHARS) {
            return cell(cellIndex) + " is longer than " + MAX_CELL_CHARS + " characters";
        }
        if (recordChars > MAX_RECORD_CHARS) {
            return "record is longer than " + MAX_RECORD_CHARS + " characters";
        }
        return null;
    }

    private void countLineBreak(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            take();
        }
        line++;
    }

    private void takeLineBreak() throws IOException {
        countLineBreak(take());
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private int take() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        char c = buffer[position++];
        // the decoder rejects malformed UTF-8, so this is the file's own byte count; a surrogate pair is 2 + 2
        bytesTaken += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        return c;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
