package ca.trialpath.report;

import java.util.List;

/** The column lists of the published CSV files, in the order of outputs.md. */
public final class PublishedColumns {

    public static final List<String> ASSESSMENTS = List.of("patient_id", "source_file", "source_line",
            "primary_site", "pathway", "extent", "treatment_goal", "options", "rules", "trial_discussion",
            "trial_priority", "review_flags", "age_at_recurrence", "province", "guideline_version");

    public static final List<String> OPTIONS = List.of("patient_id", "rule", "option_code", "option_label",
            "regimens", "goal", "guideline_section", "rationale");

    public static final List<String> REJECTS = List.of("source_file", "line", "patient_id", "reason_code",
            "message");

    public static final List<String> CHANGES = List.of("patient_id", "change", "before", "after");

    private PublishedColumns() {
    }
}
