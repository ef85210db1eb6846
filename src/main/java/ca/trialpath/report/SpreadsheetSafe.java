package ca.trialpath.report;

/**
 * Keeps spreadsheets from running cell text as a formula (CSV injection): a cell starting with
 * {@code = + - @}, a tab or a carriage return is written with a leading apostrophe (outputs.md).
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
