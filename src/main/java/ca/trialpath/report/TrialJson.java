package ca.trialpath.report;

import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.TrialMatch;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * A person's trials in {@code assessments.jsonl}: {@code matched_trials[]} (the NCT ids of the matches, as
 * in the CSV column) and {@code trials[]}, each with every criterion's verdict, so an integration sees why.
 */
final class TrialJson {

    private TrialJson() {
    }

    static void write(JsonGenerator json, List<TrialMatch> trials) {
        json.writeArrayPropertyStart("matched_trials");
        for (TrialMatch match : trials) {
            if (match.result() == TrialMatch.Result.MATCH) {
                json.writeString(match.nctId());
            }
        }
        json.writeEndArray();
        json.writeArrayPropertyStart("trials");
        for (TrialMatch match : trials) {
            json.writeStartObject();
            json.writeStringProperty("nct_id", match.nctId());
            json.writeStringProperty("brief_title", match.study().briefTitle());
            AssessmentJson.writeStrings(json, "phases", match.study().phases());
            json.writeStringProperty("result", match.result().name());
            json.writeStringProperty("failed_criterion",
                    match.failedCriterion() == null ? null : match.failedCriterion().name());
            AssessmentJson.writeStrings(json, "to_verify", match.toVerify().stream().map(Criterion::name).toList());
            json.writeObjectPropertyStart("criteria");
            for (Criterion criterion : Criterion.values()) {
                json.writeStringProperty(criterion.name(), match.verdicts().get(criterion).name());
            }
            json.writeEndObject();
            json.writeNumberProperty("sites_in_province", match.sitesInProvince());
            json.writeNumberProperty("sites_in_canada", match.sitesInCanada());
            AssessmentJson.writeStrings(json, "site_cities", match.siteCities());
            json.writeStringProperty("note", match.criteria().note());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
