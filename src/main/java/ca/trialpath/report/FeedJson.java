package ca.trialpath.report;

import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.guideline.Assessment;
import ca.trialpath.guideline.GuidelineVersion;
import ca.trialpath.guideline.TreatmentOption;
import ca.trialpath.output.json.AssessmentsJsonl;
import ca.trialpath.output.json.PublishedJson;
import ca.trialpath.trials.TrialMatch;
import java.io.StringWriter;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * The JSON objects of the page's feeds ({@link ReportFeeds}): a person with every text the page shows beside the
 * codes (an option's label, regimens, section and rationale; a study's title, phases, the person's site cities
 * and the curated note), and a reject. The feeds hold at most the page's cap of lines each, so these texts cost
 * nothing at scale; the published {@code assessments.jsonl} carries the codes only. {@link AssessmentLine} and
 * {@link RejectLine} read them back. Not thread-safe: one per writer.
 */
public final class FeedJson {

    private final StringWriter text = new StringWriter(4096);

    /** One person's object, without a line break. */
    public String person(PatientRecord record, Assessment assessment, Integer ageAtRecurrence, List<TrialMatch> trials) {
        text.getBuffer().setLength(0);
        try (JsonGenerator json = PublishedJson.generator(text)) {
            json.writeStartObject();
            AssessmentsJsonl.writeAssessment(json, record, assessment, ageAtRecurrence);
            json.writeStringProperty("guideline_version", GuidelineVersion.ID);
            json.writeArrayPropertyStart("options");
            for (TreatmentOption option : assessment.options()) {
                json.writeStartObject();
                json.writeStringProperty("rule", option.ruleId());
                json.writeStringProperty("option_code", option.code());
                json.writeStringProperty("option_label", option.label());
                json.writeStringProperty("regimens", option.regimens());
                json.writeStringProperty("goal", option.goal().name());
                json.writeStringProperty("guideline_section", option.section().heading());
                json.writeStringProperty("rationale", assessment.rationale(option));
                json.writeEndObject();
            }
            json.writeEndArray();
            AssessmentsJsonl.writeFacts(json, record);
            if (trials != null) {
                AssessmentsJsonl.writeMatched(json, trials);
                json.writeArrayPropertyStart("trials");
                for (TrialMatch match : trials) {
                    json.writeStartObject();
                    json.writeStringProperty("nct_id", match.nctId());
                    json.writeStringProperty("brief_title", match.study().briefTitle());
                    json.writeArrayPropertyStart("phases");
                    for (String phase : match.study().phases()) {
                        json.writeString(phase);
                    }
                    json.writeEndArray();
                    json.writeStringProperty("result", match.result().name());
                    json.writeStringProperty("failed_criterion",
                            match.failedCriterion() == null ? null : match.failedCriterion().name());
                    json.writeArrayPropertyStart("to_verify");
                    match.toVerify().forEach(criterion -> json.writeString(criterion.name()));
                    json.writeEndArray();
                    json.writeNumberProperty("sites_in_province", match.sitesInProvince());
                    json.writeNumberProperty("sites_in_canada", match.sitesInCanada());
                    json.writeArrayPropertyStart("site_cities");
                    match.siteCities().forEach(json::writeString);
                    json.writeEndArray();
                    json.writeStringProperty("note", match.criteria().note());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        return text.toString();
    }

    /** One reject's object, without a line break. */
    public String reject(RejectedRow row) {
        text.getBuffer().setLength(0);
        try (JsonGenerator json = PublishedJson.generator(text)) {
            json.writeStartObject();
            json.writeStringProperty("source_file", row.sourceFile());
            json.writeNumberProperty("line", row.line());
            json.writeStringProperty("patient_id", row.patientId());
            json.writeStringProperty("reason_code", row.reason().name());
            json.writeStringProperty("message", row.message());
            json.writeEndObject();
        }
        return text.toString();
    }
}
