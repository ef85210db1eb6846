package ca.trialpath.report;

import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.guideline.Assessment;
import ca.trialpath.guideline.GuidelineVersion;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.guideline.TreatmentOption;
import ca.trialpath.trials.TrialMatch;
import java.io.Writer;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonpCharacterEscapes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one person as a line of {@code assessments.jsonl}: the facts of the two CSV files nested,
 * plus the validated inputs the rules read, so an integration sees why without re-deriving it.
 */
public final class AssessmentJson {

    /**
     * U+2028 and U+2029 are valid in JSON but are line breaks to JavaScript and to many line readers
     * (Python's splitlines): written as escapes, a value holding one cannot split a JSON Lines record.
     */
    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .characterEscapes(JsonpCharacterEscapes.instance()).build())
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    /** An option's JSON is the same for every person: escaped once, not once per person. */
    private final Map<TreatmentOption, String> optionJson = new EnumMap<>(TreatmentOption.class);

    public AssessmentJson() {
        for (TreatmentOption option : TreatmentOption.values()) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("rule", option.ruleId());
            fields.put("option_code", option.code());
            fields.put("option_label", option.label());
            fields.put("regimens", option.regimens());
            fields.put("goal", option.goal().name());
            fields.put("guideline_section", option.section().heading());
            fields.put("rationale", option.basis());
            optionJson.put(option, mapper.writeValueAsString(fields));
        }
    }

    public void writeAssessment(Writer out, PatientRecord record, Assessment assessment, Integer age) {
        writeAssessment(out, record, assessment, age, null);
    }

    /** @param trials the person's matches and near misses; {@code null} in a run without a catalogue (no keys written) */
    public void writeAssessment(Writer out, PatientRecord record, Assessment assessment, Integer age,
            List<TrialMatch> trials) {
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("patient_id", record.patientId());
            json.writeStringProperty("source_file", record.sourceFile());
            json.writeNumberProperty("source_line", record.sourceLine());
            json.writeStringProperty("primary_site", record.primarySite());
            json.writeStringProperty("pathway", assessment.pathway().name());
            json.writeStringProperty("pathway_rule", assessment.pathwayRule());
            json.writeStringProperty("pathway_basis", assessment.pathwayBasis());
            json.writeStringProperty("extent", assessment.extent());
            json.writeStringProperty("treatment_goal", assessment.goal() == null ? null : assessment.goal().name());
            json.writeBooleanProperty("trial_discussion", assessment.trialDiscussion());
            json.writeStringProperty("trial_priority", assessment.trialPriority().name());
            json.writeArrayPropertyStart("review_flags");
            for (ReviewFlag flag : assessment.orderedFlags()) {
                json.writeString(flag.name());
            }
            json.writeEndArray();
            if (age == null) {
                json.writeNullProperty("age_at_recurrence");
            } else {
                json.writeNumberProperty("age_at_recurrence", age.intValue());
            }
            json.writeStringProperty("province", record.province());
            json.writeStringProperty("guideline_version", GuidelineVersion.ID);
            json.writeArrayPropertyStart("options");
            for (TreatmentOption option : assessment.options()) {
                json.writeRawValue(optionJson.get(option));
            }
            json.writeEndArray();
            json.writeObjectPropertyStart("facts");
            json.writeStringProperty("sex", record.sex());
            json.writeStringProperty("histology", record.histology());
            json.writeStringProperty("recurrence_date",
                    record.recurrenceDate() == null ? null : record.recurrenceDate().toString());
            json.writeStringProperty("recurrence_type", record.recurrenceTypeCode());
            writeStrings(json, "recurrence_sites", record.recurrenceSites());
            writeStrings(json, "unknown_site_terms", record.unknownSiteTerms());
            writeStrings(json, "prior_treatments", record.priorTreatments().stream().map(PriorTreatment::term).toList());
            json.writeStringProperty("surgery_possible", record.surgeryPossible().term());
            writeStrings(json, "symptoms", record.symptoms());
            if (record.ecog() == null) {
                json.writeNullProperty("ecog");
            } else {
                json.writeNumberProperty("ecog", record.ecog().intValue());
            }
            json.writeStringProperty("treatment_wish", record.treatmentWish().term());
            json.writeEndObject();
            if (trials != null) {
                TrialJson.write(json, trials);
            }
            json.writeEndObject();
        }
    }

    public void writeRejected(Writer out, RejectedRow row) {
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("source_file", row.sourceFile());
            json.writeNumberProperty("line", row.line());
            json.writeStringProperty("patient_id", row.patientId());
            json.writeStringProperty("reason_code", row.reason().name());
            json.writeStringProperty("message", row.message());
            json.writeEndObject();
        }
    }

    /** A property holding an array of strings; the trials' JSON writes its lists with it too. */
    static void writeStrings(JsonGenerator json, String name, List<String> values) {
        json.writeArrayPropertyStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
