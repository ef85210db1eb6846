package ca.trialpath.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The facts of one run that operators read in {@code summary.json} and coordinators see at the top of
 * {@code report.html}. Count maps list every key of their vocabulary, zeros included, in the order of
 * the spec.
 *
 * @param ignoredColumns header columns the cohort format does not know, named once across all files
 */
public record RunSummary(
        LocalDate runDate,
        long jobExecutionId,
        Instant startTime,
        Instant endTime,
        String guidelineVersion,
        String rulesVersion,
        double maxRejectRate,
        long read,
        long assessed,
        long rejected,
        Map<String, Long> pathways,
        Map<String, Long> priorities,
        Map<String, Long> rejectReasons,
        Map<String, Long> reviewFlags,
        Map<String, Long> rules,
        List<InputFile> inputFiles,
        List<String> ignoredColumns) {

    /**
     * One input file of the run, with its own counts: read = assessed + rejected + notInScope holds for each.
     *
     * @param format     {@code cohort-csv}, {@code naaccr-xml} or {@code supplement} (the clinic's CSV joined to
     *                   NAACCR patients: read is its rows, rejected those that joined no patient in scope)
     * @param notInScope NAACCR patients with no anal tumour, counted and not listed (0 for other formats)
     */
    public record InputFile(String name, String sha256, long bytes, long read, long assessed, long rejected,
            List<String> ignoredColumns, String format, long notInScope, long provincesDropped) {

        public static final String COHORT_CSV = "cohort-csv";
        public static final String NAACCR_XML = "naaccr-xml";
        public static final String SUPPLEMENT = "supplement";

        /** A cohort CSV file. */
        public InputFile(String name, String sha256, long bytes, long read, long assessed, long rejected,
                List<String> ignoredColumns) {
            this(name, sha256, bytes, read, assessed, rejected, ignoredColumns, COHORT_CSV, 0, 0);
        }
    }
}
