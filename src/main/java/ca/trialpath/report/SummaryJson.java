package ca.trialpath.report;

import ca.trialpath.guideline.GuidelineVersion;
import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.output.json.PublishedJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code summary.json}: the counts and provenance an operator checks after a run. */
public final class SummaryJson {

    /** The version of outputs.md the published folder follows. */
    public static final int OUTPUTS_VERSION = 3;
    /** Jackson's generator with the job's escapes ({@link PublishedJson}), pretty-printed. */
    private static final JsonMapper MAPPER = JsonMapper.builder(PublishedJson.FACTORY).build();

    private SummaryJson() {
    }

    public static void write(RunSummary summary, String inputFingerprint, long jobInstanceId, Path target)
            throws IOException {
        write(summary, inputFingerprint, jobInstanceId, (ReplacedRun) null, target);
    }

    /** @param replaces the run whose folder this one replaces, or {@code null} when the date had none */
    public static void write(RunSummary summary, String inputFingerprint, long jobInstanceId, ReplacedRun replaces,
            Path target) throws IOException {
        write(summary, inputFingerprint, jobInstanceId, replaces, null, target);
    }

    /**
     * @param replaces       the run whose folder this one replaces, or {@code null} when the date had none
     * @param pseudonymKeyId the key's tag in a de-identified run, {@code null} in a plain one
     */
    public static void write(RunSummary summary, String inputFingerprint, long jobInstanceId, ReplacedRun replaces,
            String pseudonymKeyId, Path target) throws IOException {
        write(summary, inputFingerprint, jobInstanceId, replaces, pseudonymKeyId, null, target);
    }

    /**
     * As {@link #write(RunSummary, String, long, ReplacedRun, String, Path)}, followed by {@code previous_run}
     * (the run compared with: {@code run_date} and {@code job_instance_id}, or {@code null} on the first run)
     * and {@code changes} (the count of every change kind of changes.csv) when {@code changes} is given.
     */
    public static void write(RunSummary summary, String inputFingerprint, long jobInstanceId, ReplacedRun replaces,
            String pseudonymKeyId, OvernightChanges changes, Path target) throws IOException {
        write(summary, inputFingerprint, jobInstanceId, replaces, pseudonymKeyId, changes, null, target);
    }

    /**
     * As above, followed by {@code trials} (trials.md: the catalogue's counts and what the matching found)
     * when {@code trials} is given.
     */
    public static void write(RunSummary summary, String inputFingerprint, long jobInstanceId, ReplacedRun replaces,
            String pseudonymKeyId, OvernightChanges changes, TrialReport trials, Path target) throws IOException {
        write(summary, inputFingerprint, jobInstanceId, replaces, pseudonymKeyId, changes, trials, null, target);
    }

    /**
     * As above, followed by {@code screening} (docs/outputs.md, "Screening": the pairs by status, the rows of
     * {@code screening=} older than the history) when given.
     */
    public static void write(RunSummary summary, String inputFingerprint, long jobInstanceId, ReplacedRun replaces,
            String pseudonymKeyId, OvernightChanges changes, TrialReport trials, Map<String, Object> screening,
            Path target) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outputs_version", OUTPUTS_VERSION);
        json.put("run_date", summary.runDate().toString());
        json.put("job_execution_id", summary.jobExecutionId());
        json.put("job_instance_id", jobInstanceId);
        json.put("start_time", summary.startTime().toString());
        json.put("end_time", summary.endTime().toString());
        // the same value as the guideline_version column of every assessment, then what it stands for
        json.put("guideline_version", GuidelineVersion.ID);
        json.put("guideline", summary.guidelineVersion());
        json.put("rules_version", summary.rulesVersion());
        json.put("guideline_source", guidelineSource());
        json.put("max_reject_rate", summary.maxRejectRate());
        json.put("input_fingerprint", inputFingerprint);
        json.put("deidentified", pseudonymKeyId != null);
        if (pseudonymKeyId != null) {
            // exports with the same key id share pseudonyms: an analyst can link them, and only them
            json.put("pseudonym_key_id", pseudonymKeyId);
        }
        json.put("read", summary.read());
        json.put("assessed", summary.assessed());
        json.put("rejected", summary.rejected());
        // NAACCR patients without an anal tumour: read = assessed + rejected + not_in_scope (naaccr.md)
        json.put("not_in_scope", summary.inputFiles().stream().mapToLong(RunSummary.InputFile::notInScope).sum());
        json.put("pathways", summary.pathways());
        json.put("trial_priorities", summary.priorities());
        json.put("reject_reasons", summary.rejectReasons());
        json.put("review_flags", summary.reviewFlags());
        json.put("review_flag_meanings", flagMeanings());
        json.put("rules", summary.rules());
        json.put("input_files", summary.inputFiles().stream().map(SummaryJson::file).toList());
        json.put("ignored_columns", summary.ignoredColumns());
        json.put("replaces", replaces == null ? null : replaces.toJson());
        if (changes != null) {
            Map<String, Object> previous = null;
            if (!changes.isFirstRun()) {
                previous = new LinkedHashMap<>();
                previous.put("run_date", changes.previous().runDate().toString());
                previous.put("job_instance_id", changes.previous().runId());
            }
            json.put("previous_run", previous);
            json.put("changes", changes.counts());
        }
        if (trials != null) {
            json.put("trials", trials(trials));
        }
        if (screening != null) {
            json.put("screening", screening);
        }
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), json);
    }

    /**
     * rules.md, "The source is dated": the edition of the source, that it has no review date, and what that
     * means for the options (later approvals are not reflected; the care team checks current standards).
     */
    private static Map<String, Object> guidelineSource() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("publisher", "Canadian Cancer Society");
        json.put("title", "Treatments for recurrent anal cancer");
        json.put("edition", GuidelineVersion.EDITION);
        json.put("last_medical_review", GuidelineVersion.LAST_MEDICAL_REVIEW);
        json.put("later_approvals_reflected", false);
        json.put("caution", GuidelineVersion.CAUTION);
        return json;
    }

    /** What every flag of {@code review_flags} means, in the words of the report. */
    private static Map<String, String> flagMeanings() {
        Map<String, String> json = new LinkedHashMap<>();
        for (ReviewFlag flag : ReviewFlag.values()) {
            json.put(flag.name(), flag.explanation());
        }
        return json;
    }

    /** trials.md: studies read, skipped with reason, open in Canada; and what the matching found. */
    private static Map<String, Object> trials(TrialReport trials) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("matching", trials.matching());
        if (!trials.matching()) {
            json.put("note", "no trials= catalogue was given: no trial matching was done");
            return json;
        }
        var catalogue = trials.catalogue();
        json.put("files", catalogue.files().stream().map(file -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", file.name());
            f.put("sha256", file.sha256());
            f.put("bytes", file.bytes());
            return f;
        }).toList());
        // docs/trial-catalogue.md: null when the catalogue was not downloaded by fetch-trials (copied by hand)
        json.put("catalogue_downloaded_at", catalogue.downloadedAt());
        json.put("catalogue_age_days", catalogue.ageDays());
        json.put("catalogue_max_age_days", catalogue.maxAgeDays());
        json.put("catalogue_stale", catalogue.stale());
        json.put("studies_read", catalogue.entriesRead());
        json.put("studies_skipped", catalogue.skipped().values().stream().mapToLong(Long::longValue).sum());
        json.put("skip_reasons", catalogue.skipped());
        json.put("studies", catalogue.studies());
        json.put("studies_open_in_canada", catalogue.openInCanada());
        json.put("studies_matchable", catalogue.matchable());
        json.put("people_considered", trials.peopleConsidered());
        json.put("people_with_match", trials.peopleWithMatch());
        json.put("people_with_near_miss_only", trials.peopleWithNearMissOnly());
        json.put("matches", trials.matches());
        json.put("near_misses", trials.nearMisses());
        json.put("warnings", List.copyOf(catalogue.warnings()));
        return json;
    }

    private static Map<String, Object> file(RunSummary.InputFile file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", file.name());
        json.put("format", file.format());
        json.put("sha256", file.sha256());
        json.put("bytes", file.bytes());
        json.put("read", file.read());
        json.put("assessed", file.assessed());
        json.put("rejected", file.rejected());
        json.put("not_in_scope", file.notInScope());
        if (RunSummary.InputFile.SUPPLEMENT.equals(file.format())) {
            // its rows: read = joined + rejected (those that joined no patient in scope, in rejects.csv)
            json.put("joined", file.read() - file.rejected());
        }
        if (RunSummary.InputFile.NAACCR_XML.equals(file.format())) {
            // item 80 codes that are no Canadian province (a US state): province left empty
            json.put("provinces_dropped", file.provincesDropped());
        }
        json.put("ignored_columns", List.copyOf(file.ignoredColumns()));
        return json;
    }

    /** Whether a published folder holds a run of exactly these input files. */
    public static boolean isPublishedFrom(Path folder, String inputFingerprint) {
        return isPublishedFrom(folder, inputFingerprint, null);
    }

    /**
     * Whether a published folder holds a run of exactly these input files, de-identified with this key
     * ({@code null}: not de-identified): a plain and a de-identified export of one night are different runs.
     */
    public static boolean isPublishedFrom(Path folder, String inputFingerprint, String pseudonymKeyId) {
        Path summary = folder.resolve("summary.json");
        return inputFingerprint.equals(fingerprintOf(summary))
                && java.util.Objects.equals(pseudonymKeyId, field(summary, "pseudonym_key_id"));
    }

    /** Whether a published folder was published by this run (job instance). */
    public static boolean isPublishedBy(Path folder, long jobInstanceId) {
        return String.valueOf(jobInstanceId).equals(field(folder.resolve("summary.json"), "job_instance_id"));
    }

    private static String fingerprintOf(Path summary) {
        return field(summary, "input_fingerprint");
    }

    /** A top-level field of a summary.json as text, or {@code null} when it or the file is missing or unreadable. */
    private static String field(Path summary, String name) {
        if (!Files.exists(summary)) {
            return null;
        }
        try {
            var node = MAPPER.readTree(summary.toFile()).get(name);
            return node == null || node.isNull() ? null : node.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
