package ca.trialpath.report;

import ca.trialpath.history.Change;
import ca.trialpath.history.ChangeKind;
import java.io.IOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The first section of report.html, "What changed since the last run": the run compared with, the count per
 * change kind, and the first changes (at most the page's cap) with a pointer to changes.csv. On the first run
 * ever it says there is nothing to compare with.
 *
 * <p>The markup is a contract with the page's script and its browser test: {@code <section id="changes">},
 * one {@code <tr data-change="KIND" data-patient="ID">} per change, the first-run sentence inside the
 * section. The words are kept together here so that they can move to a resource bundle in one piece.
 */
final class ChangesSection {

    static final String HEADING = "What changed since the last run";
    static final String FIRST_RUN = "This is the first run published for this output folder: there is no earlier "
            + "run to compare with. From the next run on, this section lists what changed overnight.";
    static final String COMPARED_WITH = "Compared with the run of %s (job instance %d), the latest run published "
            + "before this one. Every change is in changes.csv.";
    static final String NO_CHANGES = "Nothing changed since that run.";
    static final String COUNTS_CAPTION = "Changes per kind";
    static final String LIST_CAPTION = "Changes, in this run's input order, then the people no longer present";
    static final String WHERE_THE_REST_IS = "changes.csv";

    private static final Map<ChangeKind, String[]> KINDS = new EnumMap<>(ChangeKind.class);

    static {
        kind(ChangeKind.NEW_PERSON, "New person", "In this run, not in the previous one; the value is the pathway.");
        kind(ChangeKind.NO_LONGER_PRESENT, "No longer present",
                "In the previous run, not in this one (not exported, or rejected this time).");
        kind(ChangeKind.PATHWAY_CHANGED, "Pathway changed", "Local recurrence, distant metastasis, ...");
        kind(ChangeKind.PRIORITY_CHANGED, "Trial priority changed", "HIGH, ROUTINE or NONE.");
        kind(ChangeKind.OPTIONS_CHANGED, "Options changed", "The guideline options (option codes) differ.");
        kind(ChangeKind.TRIAL_MATCHED, "Trial newly matched", "One row per trial (NCT id).");
        kind(ChangeKind.TRIAL_NO_LONGER_MATCHED, "Trial no longer matched", "One row per trial (NCT id).");
    }

    private ChangesSection() {
    }

    static void write(Writer out, OvernightChanges changes, int maxRowsPerList) throws IOException {
        out.write("<section id=\"changes\" aria-labelledby=\"changes-h\">\n<h2 id=\"changes-h\">" + Html.escape(HEADING)
                + "</h2>\n");
        if (changes.isFirstRun()) {
            out.write("<p class=\"first-run\">" + Html.escape(FIRST_RUN) + "</p>\n</section>\n");
            return;
        }
        out.write("<p>" + Html.escape(String.format(Locale.ROOT, COMPARED_WITH, changes.previous().runDate(),
                changes.previous().runId())) + "</p>\n");
        out.write("<table class=\"counts\">\n<caption>" + Html.escape(COUNTS_CAPTION) + "</caption>\n<thead><tr>"
                + "<th scope=\"col\">Change</th><th scope=\"col\" class=\"num\">People or trials</th>"
                + "<th scope=\"col\">What it means</th></tr></thead>\n<tbody>\n");
        for (ChangeKind kind : ChangeKind.values()) {
            long count = changes.counts().getOrDefault(kind.name(), 0L);
            out.write("<tr data-change-count=\"" + kind.name() + "\"><th scope=\"row\">" + Html.escape(label(kind))
                    + " <code>" + kind.name() + "</code></th><td class=\"num\">"
                    + String.format(Locale.ROOT, "%,d", count) + "</td><td>" + Html.escape(KINDS.get(kind)[1])
                    + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n");
        CappedList list = new CappedList(out, maxRowsPerList, "<table>\n<caption>" + Html.escape(LIST_CAPTION)
                + "</caption>\n<thead><tr><th scope=\"col\">Patient id</th><th scope=\"col\">Change</th>"
                + "<th scope=\"col\">Before</th><th scope=\"col\">After</th></tr></thead>\n<tbody>\n",
                "</tbody>\n</table>\n");
        for (Change change : changes.first()) {
            if (list.admit()) {
                out.write("<tr data-change=\"" + change.kind().name() + "\" data-patient=\""
                        + Html.escape(change.patientId()) + "\"><th scope=\"row\">" + Html.escape(change.patientId())
                        + "</th><td>" + Html.escape(label(change.kind())) + "</td><td>" + value(change.before())
                        + "</td><td>" + value(change.after()) + "</td></tr>\n");
            }
        }
        list.finish(changes.total(), NO_CHANGES, WHERE_THE_REST_IS);
        out.write("</section>\n");
    }

    static String label(ChangeKind kind) {
        return KINDS.get(kind)[0];
    }

    /** Lists are shown with a space after each {@code ;} so that they wrap; an empty value is a dash. */
    private static String value(String value) {
        if (value == null || value.isEmpty()) {
            return "<span class=\"na\" title=\"none\">–</span>";
        }
        return "<code>" + Html.escape(value.replace(";", "; ")) + "</code>";
    }

    private static void kind(ChangeKind kind, String label, String meaning) {
        KINDS.put(kind, new String[] { label, meaning });
    }
}
