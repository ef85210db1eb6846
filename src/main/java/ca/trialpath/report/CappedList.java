package ca.trialpath.report;

import java.io.IOException;
import java.io.Writer;

/**
 * A list of the page that shows at most {@code max} items and counts the rest while streaming, so the page
 * stays readable (and bounded) however large the run. The list opens on its first shown item, so an empty
 * list is a sentence, not an empty table.
 */
final class CappedList {

    private final Writer out;
    private final long max;
    private final String open;
    private final String close;
    private final ReportText text;
    private long shown;
    private long notShown;

    /** A list whose "more not shown" sentence is English. */
    CappedList(Writer out, long max, String open, String close) {
        this(out, max, open, close, ReportText.english());
    }

    CappedList(Writer out, long max, String open, String close, ReportText text) {
        this.out = out;
        this.text = text;
        this.max = max;
        this.open = open;
        this.close = close;
    }

    /** Counts one item; {@code true} when the caller should write it (the list is then open). */
    boolean admit() throws IOException {
        if (shown >= max) {
            notShown++;
            return false;
        }
        if (shown == 0) {
            out.write(open);
        }
        shown++;
        return true;
    }

    /**
     * Closes the list and says what it left out.
     *
     * @param total how many items the list has in all, shown or not
     * @param emptySentence the sentence for a list without items, e.g. "No rejected rows."
     * @param whereTheRestIs the published file that holds every item, e.g. "rejects.csv"
     */
    void finish(long total, String emptySentence, String whereTheRestIs) throws IOException {
        // the feeds hold at most the cap: the total of the run says how many were left out
        notShown = Math.max(notShown, total - shown);
        if (shown > 0) {
            out.write(close);
        }
        if (shown == 0 && notShown == 0) {
            out.write("<p class=\"empty\">" + Html.escape(emptySentence) + "</p>\n");
        }
        if (notShown > 0) {
            out.write("<p class=\"more\">" + Html.escape(text.get("list.more", text.number(notShown), whereTheRestIs))
                    + "</p>\n");
        }
    }
}
