package ca.trialpath.cohort;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Where each known column sits in one file, and which header cells were not ours. */
public final class CohortHeader {

    private final int width;
    private final Map<CohortColumn, Integer> positions;
    private final List<String> ignoredColumns;

    private CohortHeader(int width, Map<CohortColumn, Integer> positions, List<String> ignoredColumns) {
        this.width = width;
        this.positions = positions;
        this.ignoredColumns = List.copyOf(ignoredColumns);
    }

    /**
     * Reads a header record.
     *
     * @throws CohortFileException if a required column is missing or a known column appears twice
     */
    public static CohortHeader of(String file, List<String> cells) {
        Map<CohortColumn, Integer> positions = new EnumMap<>(CohortColumn.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip();
            final int position = i;
            CohortColumn.ofHeader(name).ifPresentOrElse(column -> {
                Integer earlier = positions.putIfAbsent(column, position);
                if (earlier != null) {
                    throw new CohortFileException(file, "column '" + column.header() + "' appears twice in the header"
                            + " (columns " + (earlier + 1) + " and " + (position + 1) + ")");
                }
            }, () -> {
                String ignoredName = name.isEmpty() ? "(unnamed column " + (position + 1) + ")" : name;
                if (!ignored.contains(ignoredName)) {
                    ignored.add(ignoredName); // named once, however often it appears
                }
            });
        }
        List<String> missing = new ArrayList<>();
        for (CohortColumn column : CohortColumn.values()) {
            if (column.required() && !positions.containsKey(column)) {
                missing.add(column.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new CohortFileException(file, "the header has no required column "
                    + missing.stream().map(m -> "'" + m + "'").collect(Collectors.joining(" or "))
                    + " (header: " + shown(cells) + ")");
        }
        return new CohortHeader(cells.size(), positions, ignored);
    }

    /**
     * What a message may say about a header that lacks a required column: the columns of the format it does
     * have, by their own names, and how many other cells it holds, never what those cells say. A cell that is
     * not one of our column names may be anything, and in a file whose first line is a data row it is a name,
     * a hospital or a birth date ("Jane Marie Doe", "Montreal General"): no pattern tells a column name from a
     * value, so none of them is shown. The message goes to standard error, the log and the job repository.
     */
    private static String shown(List<String> cells) {
        List<String> known = new ArrayList<>();
        int others = 0;
        for (String cell : cells) {
            java.util.Optional<CohortColumn> column = CohortColumn.ofHeader(cell.strip());
            if (column.isPresent()) {
                known.add(column.get().header());
            } else {
                others++;
            }
        }
        String columns = known.isEmpty() ? "none of the format's columns" : "columns " + String.join(",", known);
        return columns + (others == 0 ? "" : " and " + others + (others == 1 ? " other cell" : " other cells")
                + ", not shown as they may be data: does the file start with a data row instead of the header?");
    }

    /** The number of header cells: a record with more cells than this is malformed. */
    public int width() {
        return width;
    }

    /** The trimmed cell of a column, or {@code ""} when the column is absent or the record short. */
    public String cell(List<String> cells, CohortColumn column) {
        Integer position = positions.get(column);
        if (position == null || position >= cells.size()) {
            return "";
        }
        return cells.get(position).strip();
    }

    public List<String> ignoredColumns() {
        return ignoredColumns;
    }
}
