package ca.trialpath.report;

import ca.trialpath.history.Change;
import ca.trialpath.history.ChangeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The first section of report.html, "What changed since the last run": the run compared with, the count per
 * change kind, and the first changes (at most the page's cap) with a pointer to changes.csv. On the first run
 * ever it says there is nothing to compare with. Drawn by {@code changes.jte}.
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

    static ReportView.Changes of(OvernightChanges changes, int maxRowsPerList, ReportText text) {
        if (changes.isFirstRun()) {
            return new ReportView.Changes(null, List.of(), new ReportView.Capped<>(List.of(), null, null));
        }
        List<ReportView.ChangeCount> counts = new ArrayList<>();
        for (ChangeKind kind : ChangeKind.values()) {
            counts.add(new ReportView.ChangeCount(kind.name(), label(kind, text),
                    text.number(changes.counts().getOrDefault(kind.name(), 0L)),
                    text.get("change." + kind.name() + ".meaning")));
        }
        CappedList<ReportView.ChangeRow> list = new CappedList<>(maxRowsPerList);
        for (Change change : changes.first()) {
            list.offer(() -> new ReportView.ChangeRow(change.kind().name(), change.patientId(),
                    label(change.kind(), text), value(change.before(), text), value(change.after(), text)));
        }
        return new ReportView.Changes(text.get("changes.comparedWith", String.valueOf(changes.previous().runDate()),
                String.valueOf(changes.previous().runId())), counts,
                list.finish(changes.total(), text.get("changes.none"), WHERE_THE_REST_IS, text));
    }

    static String label(ChangeKind kind, ReportText text) {
        return text.get("change." + kind.name());
    }

    /** Lists are shown with a space after each {@code ;} so that they wrap; an empty value is a dash. */
    private static ReportView.Val value(String value, ReportText text) {
        if (value == null || value.isEmpty()) {
            return ReportView.Val.of(ReportView.Txt.dash(text.get("value.none")));
        }
        return ReportView.Val.of(ReportView.Txt.code(value.replace(";", "; ")));
    }
}
