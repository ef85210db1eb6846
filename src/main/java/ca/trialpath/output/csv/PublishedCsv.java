package ca.trialpath.output.csv;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;

/**
 * The one CSV dialect of every published CSV file (outputs.md, version 2): Commons CSV's RFC 4180 with {@code \n}
 * after each record and a header row, each cell made spreadsheet-safe by {@link SpreadsheetSafe}. It is written
 * by {@link CsvWriter}, which writes exactly what Commons CSV's printer would, and read back with {@link #FORMAT}. The owner of
 * each file names its columns in an enum whose constants, lower-cased, are the header.
 */
public final class PublishedCsv {

    /** RFC 4180 (minimal quoting, quotes doubled), {@code \n} line ends: how the files are parsed. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private PublishedCsv() {
    }

    /** The header of a file whose columns are these enum constants, in declaration order. */
    public static List<String> header(Class<? extends Enum<?>> columns) {
        return Arrays.stream(columns.getEnumConstants()).map(PublishedCsv::name).toList();
    }

    /** A column's header name: the constant, lower-cased. */
    public static String name(Enum<?> column) {
        return column.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A writer of a file with these columns.
     *
     * @param header whether to write the header first: not when a staged file is continued after a restart
     */
    public static CsvWriter writer(Appendable out, Class<? extends Enum<?>> columns, boolean header)
            throws IOException {
        CsvWriter csv = new CsvWriter(out);
        if (header) {
            csv.record(header(columns));
        }
        return csv;
    }

    /** Writes one cell as a spreadsheet should see it: a formula-like value gets its apostrophe. */
    static void cell(CsvWriter csv, String value) {
        csv.cell(SpreadsheetSafe.cell(value));
    }

    /** Writes a whole number (a negative one starts with a minus sign, so it is made safe like text). */
    static void number(CsvWriter csv, long value) {
        if (value < 0) {
            csv.cell(SpreadsheetSafe.cell(Long.toString(value)));
        } else {
            csv.number(value);
        }
    }

    /** Writes a {@code ;}-list. */
    static void list(CsvWriter csv, List<?> values) {
        if (values.isEmpty()) {
            csv.cell("");
            return;
        }
        StringBuilder joined = new StringBuilder();
        for (Object value : values) {
            joined.append(joined.isEmpty() ? "" : ";").append(value instanceof Enum<?> e ? e.name() : value);
        }
        cell(csv, joined.toString());
    }
}
