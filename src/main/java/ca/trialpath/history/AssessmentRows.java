package ca.trialpath.history;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The people of a staged or published {@code assessments.csv}, as the history keeps them, in the file's order.
 * A reader of its own rather than Commons CSV: the file is the job's, RFC 4180 with a header, and only six of
 * its sixteen columns are needed, so the others are skipped without being made into strings. The patient id
 * loses the apostrophe that keeps a spreadsheet from reading {@code -123} as a formula (an id never holds an
 * apostrophe of its own: cohort-csv.md). Without a {@code matched_trials} column (a run before trials were
 * matched) a person has no trials.
 */
public final class AssessmentRows implements Iterator<PersonResult>, Closeable {

    private static final String[] COLUMNS = { "patient_id", "pathway", "options", "trial_priority", "matched_trials",
            "review_flags" };
    private static final int ID = 0;
    private static final int MATCHED_TRIALS = 4;
    private static final int EOF = -1;
    /** Values kept once however many people share them; a registry has few distinct ones. */
    private static final int MAX_SHARED_VALUES = 16 * 1024;

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private final StringBuilder cell = new StringBuilder();
    /** For each column of the file, which of {@link #COLUMNS} it is, or -1. */
    private final int[] wanted;
    private final String[] values = new String[COLUMNS.length];
    private final Map<String, String> shared = new HashMap<>();
    private PersonResult next;

    public AssessmentRows(Reader in) throws IOException {
        this.in = in;
        List<String> header = new ArrayList<>();
        if (!readRecord(header)) {
            throw new IOException("assessments.csv has no header");
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        wanted = new int[header.size()];
        boolean[] found = new boolean[COLUMNS.length];
        for (int column = 0; column < header.size(); column++) {
            wanted[column] = -1;
            for (int i = 0; i < COLUMNS.length; i++) {
                if (COLUMNS[i].equals(header.get(column)) && !found[i]) {
                    wanted[column] = i;
                    found[i] = true;
                }
            }
        }
        for (int i = 0; i < COLUMNS.length; i++) {
            if (!found[i] && i != MATCHED_TRIALS) {
                throw new IOException("assessments.csv has no column " + COLUMNS[i]);
            }
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = readPerson();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read assessments.csv", e);
            }
        }
        return next != null;
    }

    @Override
    public PersonResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        PersonResult person = next;
        next = null;
        return person;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private PersonResult readPerson() throws IOException {
        while (true) {
            Arrays.fill(values, null);
            int cells = readCells();
            if (cells < 0) {
                return null;
            }
            if (cells == 1 && cell.isEmpty() && wanted.length > 1) {
                continue; // a blank line
            }
            for (int i = 0; i < COLUMNS.length; i++) {
                if (values[i] == null) {
                    if (i != MATCHED_TRIALS) {
                        throw new IOException("assessments.csv has a row without " + COLUMNS[i]);
                    }
                    values[i] = "";
                }
            }
            String id = values[ID];
            return new PersonResult(id.startsWith("'") ? id.substring(1) : id, values[1], values[2], values[3],
                    values[4], values[5]);
        }
    }

    /** Reads one record into {@link #values}; returns its number of cells, or -1 at the end of the file. */
    private int readCells() throws IOException {
        if (peek() == EOF) {
            return -1;
        }
        int column = 0;
        while (true) {
            int target = column < wanted.length ? wanted[column] : -1;
            boolean keep = target >= 0;
            cell.setLength(0);
            int end = readCell(keep);
            if (keep) {
                String value = cell.toString();
                values[target] = target == ID ? value : share(value);
            }
            column++;
            if (end != ',') {
                return column;
            }
        }
    }

    private boolean readRecord(List<String> cells) throws IOException {
        if (peek() == EOF) {
            return false;
        }
        while (true) {
            cell.setLength(0);
            int end = readCell(true);
            cells.add(cell.toString());
            if (end != ',') {
                return true;
            }
        }
    }

    /** Reads a cell into {@link #cell} (when kept) and returns what ended it: ',', '\n' or EOF. */
    private int readCell(boolean keep) throws IOException {
        if (peek() == '"') {
            position++;
            while (true) {
                int c = take();
                if (c == EOF) {
                    throw new IOException("assessments.csv ends inside a quoted cell");
                }
                if (c == '"') {
                    if (peek() == '"') {
                        position++;
                    } else {
                        break;
                    }
                }
                if (keep) {
                    cell.append((char) c);
                }
            }
        }
        while (true) {
            if (position == limit && !fill()) {
                return EOF;
            }
            // scan the unquoted rest of the cell within the buffer, copying it in one go
            int start = position;
            while (position < limit) {
                char c = buffer[position];
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                position++;
            }
            if (keep) {
                cell.append(buffer, start, position - start);
            }
            if (position < limit) {
                char c = buffer[position++];
                if (c == '\r' && peek() == '\n') {
                    position++;
                }
                return c == ',' ? ',' : '\n';
            }
        }
    }

    private String share(String value) {
        String known = shared.get(value);
        if (known != null) {
            return known;
        }
        if (shared.size() < MAX_SHARED_VALUES) {
            shared.put(value, value);
        }
        return value;
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
        return buffer[position++];
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        while (read == 0) {
            read = in.read(buffer, 0, buffer.length);
        }
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }
}
