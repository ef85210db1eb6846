package ca.trialpath.output.csv;

/**
 * Keeps spreadsheets from running cell text as a formula (CSV injection): a cell starting with
 * {@code = + - @}, a tab or a carriage return is written with a leading apostrophe (outputs.md). So is
 * one starting with a line feed or with the full-width {@code ＝ ＋ － ＠} (U+FF1D, U+FF0B, U+FF0D,
 * U+FF20), which OWASP lists too: some spreadsheets skip a leading line break or read full-width signs
 * as their ASCII twins. Every published CSV file applies it to every cell ({@code output.csv.PublishedCsv}).
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    /** The cell as written; {@code null} is an empty cell. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return startsAFormula(value.charAt(0)) ? "'" + value : value;
    }

    private static boolean startsAFormula(char first) {
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }
}
