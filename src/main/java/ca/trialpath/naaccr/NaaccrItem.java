package ca.trialpath.naaccr;

/**
 * One {@code <Item>} as read, with where it stands so a reject can send the data steward to it.
 *
 * @param column 0 when the reading path does not know it (naaccr-xml reports lines only)
 */
public record NaaccrItem(String naaccrId, String value, long line, long column) {

    /** "line 12, column 7" or "line 12". */
    String where() {
        return column <= 0 ? "line " + line : "line " + line + ", column " + column;
    }
}
