package ca.trialpath.report;

import ca.trialpath.history.Change;
import ca.trialpath.history.ChangeKind;
import java.io.IOException;
import java.io.Writer;

/**
 * The first section of report.html, "What changed since the last run": the run compared with, the count per
 * change kind, and the first changes (at most the page's cap) with a pointer to changes.csv. On the first run
 * ever it says there is nothing to compare with.
 *
 * <p>The markup is a contract with the page's script and its browser test: {@code <section id="changes">},
 * one {@code <tr data-change="KIND" data-patient="ID">} per change, the first-run sentence inside the
 * section. The words come from the report's bundle ({@code changes.*}, {@code change.KIND}); the change kinds
 * and the values before and after are codes, as in changes.csv.
 */
final class ChangesSection {

    static final String WHERE_THE_REST_IS = "changes.csv";

    private ChangesSection() {
    }

    /** The section in English. */
    static void write(Writer out, OvernightChanges changes, int maxRowsPerList) throws IOException {
        write(out, changes, maxRowsPerList, ReportText.english());
    }

    static void write(Writer out, OvernightChanges changes, int maxRowsPerList, ReportText text) throws IOException {
        out.write("<section id=\"changes\" aria-labelledby=\"changes-h\">\n<h2 id=\"changes-h\">"
                + Html.escape(text.get("changes.heading")) + "</h2>\n");
        if (changes.isFirstRun()) {
            out.write("<p class=\"first-run\">" + Html.escape(text.get("changes.firstRun")) + "</p>\n</section>\n");
            return;
        }
        out.write("<p>" + Html.escape(text.get("changes.comparedWith", String.valueOf(changes.previous().runDate()),
                String.valueOf(changes.previous().runId()))) + "</p>\n");
        out.write("<table class=\"counts\">\n<caption>" + Html.escape(text.get("changes.countsCaption"))
                + "</caption>\n<thead><tr><th scope=\"col\">" + Html.escape(text.get("changes.change"))
                + "</th><th scope=\"col\" class=\"num\">" + Html.escape(text.get("changes.peopleOrTrials"))
                + "</th><th scope=\"col\">" + Html.escape(text.get("changes.meaning")) + "</th></tr></thead>\n<tbody>\n");
        for (ChangeKind kind : ChangeKind.values()) {
            long count = changes.counts().getOrDefault(kind.name(), 0L);
            out.write("<tr data-change-count=\"" + kind.name() + "\"><th scope=\"row\">" + Html.escape(label(kind, text))
                    + " <code>" + kind.name() + "</code></th><td class=\"num\">" + Html.escape(text.number(count))
                    + "</td><td>" + Html.escape(text.get("change." + kind.name() + ".meaning")) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n");
        CappedList list = new CappedList(out, maxRowsPerList, "<table>\n<caption>"
                + Html.escape(text.get("changes.listCaption")) + "</caption>\n<thead><tr><th scope=\"col\">"
                + Html.escape(text.get("changes.patientId")) + "</th><th scope=\"col\">" + Html.escape(text.get("changes.change"))
                + "</th><th scope=\"col\">" + Html.escape(text.get("changes.before")) + "</th><th scope=\"col\">"
                + Html.escape(text.get("changes.after")) + "</th></tr></thead>\n<tbody>\n",
                "</tbody>\n</table>\n", text);
        for (Change change : changes.first()) {
            if (list.admit()) {
                out.write("<tr data-change=\"" + change.kind().name() + "\" data-patient=\""
                        + Html.escape(change.patientId()) + "\"><th scope=\"row\">" + Html.escape(change.patientId())
                        + "</th><td>" + Html.escape(label(change.kind(), text)) + "</td><td>" + value(change.before(), text)
                        + "</td><td>" + value(change.after(), text) + "</td></tr>\n");
            }
        }
        list.finish(changes.total(), text.get("changes.none"), WHERE_THE_REST_IS);
        out.write("</section>\n");
    }

    static String label(ChangeKind kind) {
        return label(kind, ReportText.english());
    }

    static String label(ChangeKind kind, ReportText text) {
        return text.get("change." + kind.name());
    }

    /** Lists are shown with a space after each {@code ;} so that they wrap; an empty value is a dash. */
    private static String value(String value, ReportText text) {
        if (value == null || value.isEmpty()) {
            return "<span class=\"na\" title=\"" + Html.escape(text.get("value.none")) + "\">–</span>";
        }
        return "<code>" + Html.escape(value.replace(";", "; ")) + "</code>";
    }
}
