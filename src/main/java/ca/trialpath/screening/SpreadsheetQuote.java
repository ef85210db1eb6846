package ca.trialpath.screening;

/**
 * The spreadsheet-safety apostrophe of outputs.md, both ways, so that the screening log a coordinator gives back
 * reads as the product wrote it. A cell starting with {@code = + - @}, a tab, CR, LF or the full-width
 * {@code ＝ ＋ － ＠} is written with a leading {@code '}, as report/SpreadsheetSafe does for every CSV of the run.
 *
 * <p>Here, unlike the other CSVs, the file is read back, so writing must be undoable exactly: a value that itself
 * starts with apostrophes followed by one of those characters ({@code '=1}) gets one more apostrophe too, or it
 * would come back as {@code =1}. Reading takes one apostrophe off exactly those cells; {@code 'hello} stays as it is.
 * The list of characters is SpreadsheetSafe's (a test holds them together); it is not imported, because the report
 * will call this package.
 */
final class SpreadsheetQuote {

    private SpreadsheetQuote() {
    }

    /** The cell as written. */
    static String write(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return needsQuote(value) ? "'" + value : value;
    }

    /** The value the product wrote as {@code cell}. */
    static String read(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'' && needsQuote(cell.substring(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    /** Starts with a formula character, possibly after apostrophes. */
    private static boolean needsQuote(String value) {
        int i = 0;
        while (i < value.length() && value.charAt(i) == '\'') {
            i++;
        }
        return i < value.length() && startsAFormula(value.charAt(i));
    }

    static boolean startsAFormula(char first) {
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }
}
