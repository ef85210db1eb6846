package ca.trialpath.output.csv;

import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.guideline.TrialRule;
import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.TrialMatch;
import ca.trialpath.trials.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Owns {@code codes.csv}: what each code of the other files means, one row per (kind, code), so an analyst can
 * join a code to its meaning without the documentation at hand. The meanings are those of the contract's tables
 * (rules.md sections 3 and 5, cohort-csv.md "Row errors", trials.md "Criteria") and of the report.
 */
public final class CodesCsv {

    public enum Column {
        KIND, CODE, MEANING
    }

    /**
     * The kinds of codes, each named after the column that holds them ({@code verdict}: every {@code *_verdict};
     * {@code criterion}: the criterion each {@code *_verdict} column is named after, and {@code to_verify} of
     * {@code screening_log.csv}).
     */
    public enum Kind {
        PATHWAY_RULE, TRIAL_RULE, REVIEW_FLAG, REASON_CODE, CRITERION, RESULT, VERDICT
    }

    public static final String FILE = "codes.csv";
    public static final List<String> HEADER = PublishedCsv.header(Column.class);

    private static final Map<String, String> PATHWAY_RULES = new LinkedHashMap<>();
    private static final Map<TrialRule, String> TRIAL_RULES = new EnumMap<>(TrialRule.class);
    private static final Map<ReasonCode, String> REASONS = new EnumMap<>(ReasonCode.class);
    private static final Map<Criterion, String> CRITERIA = new EnumMap<>(Criterion.class);
    private static final Map<TrialMatch.Result, String> RESULTS = new EnumMap<>(TrialMatch.Result.class);
    private static final Map<Verdict, String> VERDICTS = new EnumMap<>(Verdict.class);

    static {
        PATHWAY_RULES.put("P0", "primary_site out of scope: OUT_OF_SCOPE");
        PATHWAY_RULES.put("P1", "any site or the recurrence type is distant: DISTANT_METASTASIS");
        PATHWAY_RULES.put("P2", "an unknown site term is present and nothing is distant: UNDETERMINED, flag UNKNOWN_SITE_TERM");
        PATHWAY_RULES.put("P3", "any site or the recurrence type is local or regional: LOCAL_RECURRENCE");
        PATHWAY_RULES.put("P4", "recurrence type 00 and no site: NOT_RECURRENT, flag NO_RECURRENCE_RECORDED");
        PATHWAY_RULES.put("P4b", "recurrence type 70 and no site: UNDETERMINED, flag PERSISTENT_DISEASE");
        PATHWAY_RULES.put("P5", "otherwise (recurrence type 88 or 99, or nothing given): UNDETERMINED, flag RECURRENCE_SITE_MISSING");

        TRIAL_RULES.put(TrialRule.T1, "pathway OUT_OF_SCOPE or NOT_RECURRENT, SC1 applies, or PRIMARY_NOT_INVASIVE or"
                + " IN_SITU_RECURRENCE: no trial discussion, priority NONE");
        TRIAL_RULES.put(TrialRule.T2, "DISTANT_METASTASIS (no standard treatment): trial discussion, priority HIGH");
        TRIAL_RULES.put(TrialRule.T3, "LOCAL_RECURRENCE with NO_STANDARD_OPTION, or whose only option is LR4:"
                + " trial discussion, priority HIGH");
        TRIAL_RULES.put(TrialRule.T4, "any other LOCAL_RECURRENCE, and UNDETERMINED: trial discussion, priority ROUTINE");

        REASONS.put(ReasonCode.MALFORMED_RECORD, "the CSV record cannot be parsed or has more cells than the header");
        REASONS.put(ReasonCode.MISSING_REQUIRED, "patient_id or primary_site is empty");
        REASONS.put(ReasonCode.INVALID_VALUE, "a cell is not one of its allowed values or formats");
        REASONS.put(ReasonCode.DUPLICATE_PATIENT_ID, "a patient_id already seen in this run (the first row is kept)");
        REASONS.put(ReasonCode.INCONSISTENT_DATES, "recurrence_date after the run date or before birth_date");
        REASONS.put(ReasonCode.UNKNOWN_PATIENT, "a row of the clinical supplement whose patient_id is no NAACCR patient in scope");

        CRITERIA.put(Criterion.STATUS, "the study is RECRUITING");
        CRITERIA.put(Criterion.CONDITION, "the study concerns anal cancer, or its curated conditionMatch is true");
        CRITERIA.put(Criterion.LOCATION, "at least one recruiting site in Canada");
        CRITERIA.put(Criterion.AGE, "age at the run date within the study's minimum and maximum");
        CRITERIA.put(Criterion.SEX, "the study takes all sexes, or the person's F/M");
        CRITERIA.put(Criterion.PATHWAY, "the person's pathway is one the study takes");
        CRITERIA.put(Criterion.HISTOLOGY, "the person's histology is one the study takes");
        CRITERIA.put(Criterion.ECOG, "the person's ECOG is at most the study's maximum");
        CRITERIA.put(Criterion.PRIOR_REQUIRED, "every prior treatment the study requires is recorded");
        CRITERIA.put(Criterion.PRIOR_EXCLUDED, "no prior treatment the study excludes is recorded");
        CRITERIA.put(Criterion.SURGERY, "surgery_possible is as the study requires");

        RESULTS.put(TrialMatch.Result.MATCH, "no criterion failed; those whose verdict is UNKNOWN are to verify,"
                + " every other one is met");
        RESULTS.put(TrialMatch.Result.NEAR_MISS, "exactly one criterion failed (its verdict is FAILED), none of STATUS,"
                + " CONDITION, LOCATION");

        VERDICTS.put(Verdict.MET, "the pair meets the criterion");
        VERDICTS.put(Verdict.FAILED, "the pair fails the criterion");
        VERDICTS.put(Verdict.UNKNOWN, "the person's record lacks what the criterion needs: to verify");
    }

    private CodesCsv() {
    }

    public static void write(Path target) throws IOException {
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                CsvWriter csv = PublishedCsv.writer(out, Column.class, true)) {
            for (Kind kind : Kind.values()) {
                for (Map.Entry<String, String> code : meanings(kind).entrySet()) {
                    row(csv, kind, code.getKey(), code.getValue());
                }
            }
        }
    }

    /** The meaning of every code of one kind, for tests and documentation. */
    static Map<String, String> meanings(Kind kind) {
        Map<String, String> meanings = new LinkedHashMap<>();
        switch (kind) {
            case PATHWAY_RULE -> meanings.putAll(PATHWAY_RULES);
            case TRIAL_RULE -> TRIAL_RULES.forEach((rule, meaning) -> meanings.put(rule.name(), meaning));
            case REVIEW_FLAG -> {
                for (ReviewFlag flag : ReviewFlag.values()) {
                    meanings.put(flag.name(), flag.explanation());
                }
            }
            case REASON_CODE -> REASONS.forEach((reason, meaning) -> meanings.put(reason.name(), meaning));
            case CRITERION -> CRITERIA.forEach((criterion, meaning) -> meanings.put(criterion.name(), meaning));
            case RESULT -> RESULTS.forEach((result, meaning) -> meanings.put(result.name(), meaning));
            case VERDICT -> VERDICTS.forEach((verdict, meaning) -> meanings.put(verdict.name(), meaning));
        }
        return meanings;
    }

    private static void row(CsvWriter csv, Kind kind, String code, String meaning) throws IOException {
        csv.cell(PublishedCsv.name(kind));
        csv.cell(code);
        PublishedCsv.cell(csv, meaning);
        csv.endRecord();
    }
}
