package ca.trialpath.report;

import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.guideline.Assessment;
import ca.trialpath.guideline.GuidelineVersion;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.guideline.SurgeryPossible;
import ca.trialpath.guideline.TreatmentOption;
import ca.trialpath.trials.TrialMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one person as a line of {@code assessments.jsonl}: the facts of the two CSV files nested,
 * plus the validated inputs the rules read, so an integration sees why without re-deriving it.
 *
 * <p>The text is built by hand into a reusable {@link StringBuilder} ({@link JsonText} has the escapes):
 * at ten million people a night, a streaming generator per line was the job's largest cost. What is the
 * same for everyone (an option's object, a study's fields) is escaped once. Not thread-safe: one per writer.
 */
public final class AssessmentJson {

    private static final String GUIDELINE_VERSION = JsonText.quoted(GuidelineVersion.ID);

    /**
     * An option's JSON is the same for every person with the same surgery_possible (a surgical option's
     * rationale depends on it): escaped once, not once per person.
     */
    private final Map<SurgeryPossible, Map<TreatmentOption, String>> optionJson = new EnumMap<>(SurgeryPossible.class);
    private final TrialJson trialJson = new TrialJson();
    private final StringBuilder scratch = new StringBuilder(256);

    public AssessmentJson() {
        for (SurgeryPossible surgery : SurgeryPossible.values()) {
            Map<TreatmentOption, String> json = new EnumMap<>(TreatmentOption.class);
            for (TreatmentOption option : TreatmentOption.values()) {
                json.put(option, optionJson(option, surgery));
            }
            optionJson.put(surgery, json);
        }
    }

    private static String optionJson(TreatmentOption option, SurgeryPossible surgery) {
        StringBuilder json = new StringBuilder("{");
        JsonText.name(json, "rule");
        JsonText.string(json, option.ruleId());
        json.append(',');
        JsonText.name(json, "option_code");
        JsonText.string(json, option.code());
        json.append(',');
        JsonText.name(json, "option_label");
        JsonText.string(json, option.label());
        json.append(',');
        JsonText.name(json, "regimens");
        JsonText.string(json, option.regimens());
        json.append(',');
        JsonText.name(json, "goal");
        JsonText.string(json, option.goal().name());
        json.append(',');
        JsonText.name(json, "guideline_section");
        JsonText.string(json, option.section().heading());
        json.append(',');
        JsonText.name(json, "rationale");
        JsonText.string(json, option.basis(surgery));
        return json.append('}').toString();
    }

    public void writeAssessment(Writer out, PatientRecord record, Assessment assessment, Integer age) {
        writeAssessment(out, record, assessment, age, null);
    }

    /** @param trials the person's matches and near misses; {@code null} in a run without a catalogue (no keys written) */
    public void writeAssessment(Writer out, PatientRecord record, Assessment assessment, Integer age,
            List<TrialMatch> trials) {
        scratch.setLength(0);
        writeAssessment(scratch, record, assessment, age, trials);
        write(out, scratch);
    }

    /** Appends the person's JSON object (without a line break) to {@code out}. */
    public void writeAssessment(StringBuilder out, PatientRecord record, Assessment assessment, Integer age,
            List<TrialMatch> trials) {
        out.append("{\"patient_id\":");
        JsonText.string(out, record.patientId());
        out.append(",\"source_file\":");
        JsonText.string(out, record.sourceFile());
        out.append(",\"source_line\":").append(record.sourceLine());
        out.append(",\"primary_site\":");
        JsonText.string(out, record.primarySite());
        out.append(",\"pathway\":\"").append(assessment.pathway().name());
        out.append("\",\"pathway_rule\":");
        JsonText.string(out, assessment.pathwayRule());
        out.append(",\"pathway_basis\":");
        JsonText.string(out, assessment.pathwayBasis());
        out.append(",\"extent\":");
        JsonText.string(out, assessment.extent());
        out.append(",\"treatment_goal\":");
        JsonText.string(out, assessment.goal() == null ? null : assessment.goal().name());
        out.append(",\"trial_discussion\":").append(assessment.trialDiscussion());
        out.append(",\"trial_priority\":\"").append(assessment.trialPriority().name());
        out.append("\",\"trial_rule\":\"").append(assessment.trialRule().name());
        out.append("\",\"review_flags\":[");
        List<ReviewFlag> flags = assessment.orderedFlags();
        for (int i = 0; i < flags.size(); i++) {
            out.append(i == 0 ? "\"" : ",\"").append(flags.get(i).name()).append('"');
        }
        out.append("],\"age_at_recurrence\":");
        if (age == null) {
            out.append("null");
        } else {
            out.append(age.intValue());
        }
        out.append(",\"province\":");
        JsonText.string(out, record.province());
        out.append(",\"guideline_version\":").append(GUIDELINE_VERSION);
        out.append(",\"options\":[");
        List<TreatmentOption> options = assessment.options();
        Map<TreatmentOption, String> optionsJson = optionJson.get(assessment.surgeryPossible());
        for (int i = 0; i < options.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(optionsJson.get(options.get(i)));
        }
        out.append("],\"facts\":{\"sex\":");
        JsonText.string(out, record.sex());
        out.append(",\"histology\":");
        JsonText.string(out, record.histology());
        out.append(",\"recurrence_date\":");
        JsonText.string(out, record.recurrenceDate() == null ? null : record.recurrenceDate().toString());
        out.append(",\"recurrence_type\":");
        JsonText.string(out, record.recurrenceTypeCode());
        out.append(",\"recurrence_sites\":");
        JsonText.strings(out, record.recurrenceSites());
        out.append(",\"unknown_site_terms\":");
        JsonText.strings(out, record.unknownSiteTerms());
        out.append(",\"prior_treatments\":[");
        List<PriorTreatment> prior = record.priorTreatments();
        for (int i = 0; i < prior.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            JsonText.string(out, prior.get(i).term());
        }
        out.append("],\"surgery_possible\":");
        JsonText.string(out, record.surgeryPossible().term());
        out.append(",\"symptoms\":");
        JsonText.strings(out, record.symptoms());
        out.append(",\"ecog\":");
        if (record.ecog() == null) {
            out.append("null");
        } else {
            out.append(record.ecog().intValue());
        }
        out.append(",\"treatment_wish\":");
        JsonText.string(out, record.treatmentWish().term());
        out.append('}');
        if (trials != null) {
            trialJson.write(out, trials);
        }
        out.append('}');
    }

    public void writeRejected(Writer out, RejectedRow row) {
        scratch.setLength(0);
        writeRejected(scratch, row);
        write(out, scratch);
    }

    /** Appends the reject's JSON object (without a line break) to {@code out}. */
    public void writeRejected(StringBuilder out, RejectedRow row) {
        out.append("{\"source_file\":");
        JsonText.string(out, row.sourceFile());
        out.append(",\"line\":").append(row.line());
        out.append(",\"patient_id\":");
        JsonText.string(out, row.patientId());
        out.append(",\"reason_code\":\"").append(row.reason().name());
        out.append("\",\"message\":");
        JsonText.string(out, row.message());
        out.append('}');
    }

    private static void write(Writer out, StringBuilder text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
