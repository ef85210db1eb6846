package ca.trialpath.report;

import java.util.List;

/**
 * The column lists of the published CSV files, in the order of outputs.md; columns added since are appended
 * at the end (rules v2: {@code trial_rule} of assessments.csv, {@code guideline_version} of options.csv), so
 * a reader by position keeps working.
 */
public final class PublishedColumns {

    public static final List<String> ASSESSMENTS = List.of("patient_id", "source_file", "source_line",
            "primary_site", "pathway", "extent", "treatment_goal", "options", "rules", "trial_discussion",
            "trial_priority", "review_flags", "age_at_recurrence", "province", "guideline_version", "matched_trials", "trial_rule");

    public static final List<String> OPTIONS = List.of("patient_id", "rule", "option_code", "option_label",
            "regimens", "goal", "guideline_section", "rationale", "guideline_version");

    public static final List<String> REJECTS = List.of("source_file", "line", "patient_id", "reason_code",
            "message");

    public static final List<String> CHANGES = List.of("patient_id", "change", "before", "after");

    /** trials.md: one row per (person, trial) that matches or nearly matches. */
    public static final List<String> TRIAL_MATCHES = List.of("patient_id", "nct_id", "brief_title", "phases", "result",
            "failed_criterion", "to_verify", "sites_in_province", "sites_in_canada", "site_cities");

    /** trials.md: one row per catalogue study; {@code link} and {@code last_update_posted} appended (issue 15). */
    public static final List<String> TRIALS = List.of("nct_id", "brief_title", "status", "phases", "open_in_canada",
            "provinces", "candidates", "near_misses", "link", "last_update_posted");

    private PublishedColumns() {
    }
}
