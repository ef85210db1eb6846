package ca.trialpath.batch.assess;

import ca.trialpath.cohort.RejectedRow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first rejected rows of a run as the reject-rate failure names them, kept as the rows are written and saved
 * with each commit (like {@link RunTally}), so the failure never reads {@code rejects.csv} back. Each names the
 * file, line, patient id, reason and the columns at fault, not the message: it quotes cell values, and this text
 * goes to the log, standard error (cron mail) and the job repository, which are not the place for row data.
 */
public final class FirstRejects {

    /** How many the failure message lists. */
    public static final int LIMIT = 10;
    private static final Pattern COLUMN = Pattern.compile("column '([a-z_]+)'");

    private final ArrayList<String> lines;

    public FirstRejects() {
        this(new ArrayList<>());
    }

    private FirstRejects(ArrayList<String> lines) {
        this.lines = lines;
    }

    /** As {@link #snapshot} saved them; {@code null} (nothing saved) is none. */
    public static FirstRejects of(List<String> saved) {
        return new FirstRejects(saved == null ? new ArrayList<>() : new ArrayList<>(saved));
    }

    /** The first {@link #LIMIT} of several partitions, in partition order. */
    public static List<String> merge(List<FirstRejects> parts) {
        List<String> first = new ArrayList<>();
        for (FirstRejects part : parts) {
            for (String line : part.lines) {
                if (first.size() == LIMIT) {
                    return first;
                }
                first.add(line);
            }
        }
        return first;
    }

    public void add(RejectedRow row) {
        if (lines.size() < LIMIT) {
            lines.add(row.sourceFile() + " line " + row.line() + ", " + row.patientId() + ": " + row.reason().name()
                    + columnsNamed(row.message()));
        }
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** A copy fit for the execution context. */
    public ArrayList<String> snapshot() {
        return new ArrayList<>(lines);
    }

    /** " (sex, ecog)" for a message naming those columns, else "". */
    static String columnsNamed(String message) {
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        Matcher column = COLUMN.matcher(message == null ? "" : message);
        while (column.find()) {
            columns.add(column.group(1));
        }
        return columns.isEmpty() ? "" : " (" + String.join(", ", columns) + ")";
    }
}
