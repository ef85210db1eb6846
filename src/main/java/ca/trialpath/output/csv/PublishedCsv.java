package ca.trialpath.output.csv;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV dialect of every published CSV file (outputs.md, version 2): Commons CSV's RFC 4180 with {@code \n}
 * after each record and a header row, each cell made spreadsheet-safe by {@link SpreadsheetSafe}. The owner of
 * each file names its columns in an enum whose constants, lower-cased, are the header.
 */
public final class PublishedCsv {

    /** RFC 4180 (minimal quoting, quotes doubled), {@code \n} line ends. */
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
     * A printer of a file with these columns.
     *
     * @param header whether to print the header first: not when a staged file is continued after a restart
     */
    public static CSVPrinter printer(Appendable out, Class<? extends Enum<?>> columns, boolean header)
            throws IOException {
        return FORMAT.builder().setHeader(header(columns).toArray(String[]::new)).setSkipHeaderRecord(!header).get()
                .print(out);
    }

    /** Prints one cell as a spreadsheet should see it: a formula-like value gets its apostrophe. */
    static void cell(CSVPrinter printer, String value) throws IOException {
        printer.print(SpreadsheetSafe.cell(value));
    }

    /** Prints a whole number (a negative one starts with a minus sign, so it is made safe like text). */
    static void number(CSVPrinter printer, long value) throws IOException {
        printer.print(value < 0 ? SpreadsheetSafe.cell(Long.toString(value)) : Long.toString(value));
    }

    /** Prints a {@code ;}-list. */
    static void list(CSVPrinter printer, List<?> values) throws IOException {
        if (values.isEmpty()) {
            printer.print("");
            return;
        }
        StringBuilder joined = new StringBuilder();
        for (Object value : values) {
            joined.append(joined.isEmpty() ? "" : ";").append(value instanceof Enum<?> e ? e.name() : value);
        }
        cell(printer, joined.toString());
    }
}
