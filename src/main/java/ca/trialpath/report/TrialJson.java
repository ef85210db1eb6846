package ca.trialpath.report;

import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.Study;
import ca.trialpath.trials.TrialCriteria;
import ca.trialpath.trials.TrialMatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's trials in {@code assessments.jsonl}: {@code matched_trials[]} (the NCT ids of the matches, as
 * in the CSV column) and {@code trials[]}, the facts of the person's {@code trial_matches.csv} rows. The
 * verdict of every criterion is not repeated: it follows from {@code result}, {@code failed_criterion} and
 * {@code to_verify} (every other criterion is MET), and written out it was most of the file.
 *
 * <p>A study's own fields are the same in every person's line: they are escaped once per study.
 */
final class TrialJson {

    /** The text of one study before and after the person's part, kept while the study stays the same. */
    private record StudyText(Study study, TrialCriteria criteria, String head, String tail) {
    }

    /** Per NCT id: as many entries as the catalogue has studies, whatever the size of the cohort. */
    private final Map<String, StudyText> studies = new HashMap<>();

    void write(StringBuilder out, List<TrialMatch> trials) {
        out.append(",\"matched_trials\":[");
        boolean first = true;
        for (TrialMatch match : trials) {
            if (match.result() == TrialMatch.Result.MATCH) {
                out.append(first ? "" : ",");
                JsonText.string(out, match.nctId());
                first = false;
            }
        }
        out.append("],\"trials\":[");
        for (int i = 0; i < trials.size(); i++) {
            TrialMatch match = trials.get(i);
            StudyText study = studyText(match);
            if (i > 0) {
                out.append(',');
            }
            out.append(study.head()).append(match.result().name()).append("\",\"failed_criterion\":");
            if (match.failedCriterion() == null) {
                out.append("null");
            } else {
                out.append('"').append(match.failedCriterion().name()).append('"');
            }
            out.append(",\"to_verify\":[");
            List<Criterion> toVerify = match.toVerify();
            for (int c = 0; c < toVerify.size(); c++) {
                out.append(c == 0 ? "\"" : ",\"").append(toVerify.get(c).name()).append('"');
            }
            out.append("],\"sites_in_province\":").append(match.sitesInProvince());
            out.append(",\"sites_in_canada\":").append(match.sitesInCanada());
            out.append(",\"site_cities\":");
            JsonText.strings(out, match.siteCities());
            out.append(study.tail());
        }
        out.append(']');
    }

    private StudyText studyText(TrialMatch match) {
        StudyText text = studies.get(match.nctId());
        // the same objects for every person of a run; compared by identity, which costs nothing
        if (text != null && text.study() == match.study() && text.criteria() == match.criteria()) {
            return text;
        }
        StringBuilder head = new StringBuilder("{\"nct_id\":");
        JsonText.string(head, match.nctId());
        head.append(",\"brief_title\":");
        JsonText.string(head, match.study().briefTitle());
        head.append(",\"phases\":");
        JsonText.strings(head, match.study().phases());
        head.append(",\"result\":\"");
        StringBuilder tail = new StringBuilder(",\"note\":");
        JsonText.string(tail, match.criteria().note());
        tail.append('}');
        text = new StudyText(match.study(), match.criteria(), head.toString(), tail.toString());
        studies.put(match.nctId(), text);
        return text;
    }
}
