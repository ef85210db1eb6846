package ca.trialpath.report;

import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.Study;
import ca.trialpath.trials.TrialCatalogue;
import ca.trialpath.trials.TrialMatch;
import java.util.List;
import java.util.stream.Collectors;

/** The rows of {@code trial_matches.csv} and {@code trials.csv}, in the column order of {@link PublishedColumns}. */
public final class TrialRows {

    private TrialRows() {
    }

    public static List<String> matchRow(String patientId, TrialMatch match) {
        return List.of(patientId, match.nctId(), nullToEmpty(match.study().briefTitle()),
                String.join(";", match.study().phases()), match.result().name(),
                match.failedCriterion() == null ? "" : match.failedCriterion().name(),
                match.toVerify().stream().map(Criterion::name).collect(Collectors.joining(";")),
                Integer.toString(match.sitesInProvince()), Integer.toString(match.sitesInCanada()),
                String.join(";", match.siteCities()));
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
                String.join(";", study.provinces()), Long.toString(candidates), Long.toString(nearMisses));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
