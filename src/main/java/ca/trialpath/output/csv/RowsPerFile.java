package ca.trialpath.output.csv;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows a staged file received per input file, counted as each row is printed: what the run checks read =
 * assessed + rejected against. Saved with each commit and given back on a restart, so it stays exact.
 */
public final class RowsPerFile {

    private final LinkedHashMap<String, Long> rows = new LinkedHashMap<>();

    void add(String sourceFile) {
        rows.merge(sourceFile, 1L, Long::sum);
    }

    /** Rows of this input file so far. */
    public long rows(String sourceFile) {
        return rows.getOrDefault(sourceFile, 0L);
    }

    /** A copy fit for the execution context. */
    public LinkedHashMap<String, Long> snapshot() {
        return new LinkedHashMap<>(rows);
    }

    /** Goes on from the counts of the last commit ({@code null}: none). */
    public void restore(Map<String, ? extends Number> saved) {
        rows.clear();
        if (saved != null) {
            saved.forEach((file, count) -> rows.put(file, count.longValue()));
        }
    }
}
