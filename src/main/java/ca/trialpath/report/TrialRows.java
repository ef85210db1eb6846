package ca.trialpath.report;

import ca.trialpath.trials.Study;
import ca.trialpath.trials.TrialCatalogue;
import java.util.List;

/**
 * The rows of {@code trial_matches.csv} and {@code trials.csv}, in the column order of {@link PublishedColumns}.
 * A {@code trial_matches.csv} row is written by the staged writer in parts: the person's, then the study's
 * (the same for everyone, formatted once), then the match's.
 */
public final class TrialRows {

    private TrialRows() {
    }

    /**
     * The cells of a study's {@code trial_matches.csv} rows that are the same for every person ({@code nct_id,
     * brief_title, phases}), spreadsheet-safe and each with its comma: they follow the {@code patient_id}.
     */
    public static String studyCells(Study study) {
        return CsvRow.following(study.nctId(), nullToEmpty(study.briefTitle()), String.join(";", study.phases()));
    }

    public static List<String> trialRow(TrialCatalogue.StudyRow study, long candidates, long nearMisses) {
        return List.of(study.nctId(), nullToEmpty(study.briefTitle()), nullToEmpty(study.status()),
                String.join(";", study.phases()), Boolean.toString(study.openInCanada()),
                String.join(";", study.provinces()), Long.toString(candidates), Long.toString(nearMisses),
                nullToEmpty(study.link()), nullToEmpty(study.lastUpdatePosted()));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
