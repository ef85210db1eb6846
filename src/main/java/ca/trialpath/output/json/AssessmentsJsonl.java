package ca.trialpath.output.json;

import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.guideline.Assessment;
import ca.trialpath.guideline.PriorTreatment;
import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.trials.TrialMatch;
import java.io.Closeable;
import java.io.Writer;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;

/**
 * Owns {@code assessments.jsonl}: one JSON object per assessed person, in input order, with only the facts of that
 * person that no CSV table holds ({@link LineKey}): the key to join on, the pathway's rule, and the validated
 * inputs the rules read ({@code facts}). One fact in one place: the source file and line, pathway, goal, flags,
 * options and trials are in {@code assessments.csv}, {@code options.csv} and {@code trial_matches.csv}, joined by
 * {@code patient_id}; what the rule means is in {@code codes.csv} (outputs version 3 left out the pathway's
 * sentence, the rule's text with the facts below in it, and the facts a record does not hold). The static writers
 * also give the page's feeds their (fuller) shape, {@link Key}, every fact's key included.
 */
public final class AssessmentsJsonl implements Closeable {

    /** The keys of a published line, in file order. */
    public enum LineKey implements JsonKey {
        PATIENT_ID, PATHWAY_RULE, FACTS;

        private final SerializableString key = JsonKey.of(this);

        @Override
        public SerializableString key() {
            return key;
        }
    }

    /**
     * The keys of a person in the page's feeds (not of the published line), in order; {@code matched_trials} and
     * {@code trials} only in a run with a catalogue.
     */
    public enum Key implements JsonKey {
        PATIENT_ID, SOURCE_FILE, SOURCE_LINE, PRIMARY_SITE, PATHWAY, PATHWAY_RULE, PATHWAY_BASIS, EXTENT,
        TREATMENT_GOAL, TRIAL_DISCUSSION, TRIAL_PRIORITY, TRIAL_RULE, REVIEW_FLAGS, AGE_AT_RECURRENCE, PROVINCE,
        OPTIONS, FACTS, MATCHED_TRIALS, TRIALS;

        private final SerializableString key = JsonKey.of(this);

        @Override
        public SerializableString key() {
            return key;
        }
    }


    /** The keys of {@code facts}, the validated inputs (birth dates are not exported). */
    public enum FactKey implements JsonKey {
        SEX, HISTOLOGY, RECURRENCE_DATE, RECURRENCE_TYPE, RECURRENCE_SITES, UNKNOWN_SITE_TERMS, PRIOR_TREATMENTS,
        SURGERY_POSSIBLE, SYMPTOMS, ECOG, TREATMENT_WISH;

        private final SerializableString key = JsonKey.of(this);

        @Override
        public SerializableString key() {
            return key;
        }
    }

    public static final String FILE = "assessments.jsonl";

    private final JsonGenerator json;

    public AssessmentsJsonl(Writer out) {
        this.json = PublishedJson.generator(out);
    }

    /**
     * Writes one person's line: the {@link LineKey} keys, in that order. The rest of the assessment (its source
     * file and line included), the options and the trials are rows of {@code assessments.csv},
     * {@code options.csv} and {@code trial_matches.csv}, joined by {@code patient_id} (unique within a run).
     */
    public void write(PatientRecord record, Assessment assessment) {
        json.writeStartObject();
        string(json, LineKey.PATIENT_ID, record.patientId());
        string(json, LineKey.PATHWAY_RULE, assessment.pathwayRule());
        writeFacts(json, record, true);
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** Hands what is buffered to the file's writer, and flushes it. */
    public void flush() {
        json.flush();
    }

    @Override
    public void close() {
        json.close();
    }

    /** The keys from {@code patient_id} to {@code province}: the assessment as codes. */
    public static void writeAssessment(JsonGenerator json, PatientRecord record, Assessment assessment,
            Integer ageAtRecurrence) {
        string(json, Key.PATIENT_ID, record.patientId());
        string(json, Key.SOURCE_FILE, record.sourceFile());
        number(json, Key.SOURCE_LINE, record.sourceLine());
        string(json, Key.PRIMARY_SITE, record.primarySite());
        string(json, Key.PATHWAY, assessment.pathway().name());
        string(json, Key.PATHWAY_RULE, assessment.pathwayRule());
        // one sentence naming the person's own sites, so a fact of the person, not of the rule
        string(json, Key.PATHWAY_BASIS, assessment.pathwayBasis());
        string(json, Key.EXTENT, assessment.extent());
        string(json, Key.TREATMENT_GOAL, assessment.goal() == null ? null : assessment.goal().name());
        bool(json, Key.TRIAL_DISCUSSION, assessment.trialDiscussion());
        string(json, Key.TRIAL_PRIORITY, assessment.trialPriority().name());
        string(json, Key.TRIAL_RULE, assessment.trialRule().name());
        arrayStart(json, Key.REVIEW_FLAGS);
        for (ReviewFlag flag : assessment.orderedFlags()) {
            json.writeString(flag.name());
        }
        json.writeEndArray();
        if (ageAtRecurrence == null) {
            nullValue(json, Key.AGE_AT_RECURRENCE);
        } else {
            number(json, Key.AGE_AT_RECURRENCE, ageAtRecurrence.intValue());
        }
        string(json, Key.PROVINCE, record.province());
    }

    /** {@code facts}: the validated inputs the rules read, every key written ({@code null}, {@code []}). */
    public static void writeFacts(JsonGenerator json, PatientRecord record) {
        writeFacts(json, record, false);
    }

    /**
     * {@code facts}: the validated inputs the rules read, in {@link FactKey} order.
     *
     * @param leaveOutEmpty leave out a key whose value is {@code null} or an empty list (the published line: an
     *                      absent key reads as not recorded, as {@code null} does; 53 of a line's 327 bytes on average at
     *                      200,000 generated people)
     */
    private static void writeFacts(JsonGenerator json, PatientRecord record, boolean leaveOutEmpty) {
        objectStart(json, Key.FACTS);
        fact(json, FactKey.SEX, record.sex(), leaveOutEmpty);
        fact(json, FactKey.HISTOLOGY, record.histology(), leaveOutEmpty);
        fact(json, FactKey.RECURRENCE_DATE,
                record.recurrenceDate() == null ? null : record.recurrenceDate().toString(), leaveOutEmpty);
        fact(json, FactKey.RECURRENCE_TYPE, record.recurrenceTypeCode(), leaveOutEmpty);
        facts(json, FactKey.RECURRENCE_SITES, record.recurrenceSites(), leaveOutEmpty);
        facts(json, FactKey.UNKNOWN_SITE_TERMS, record.unknownSiteTerms(), leaveOutEmpty);
        facts(json, FactKey.PRIOR_TREATMENTS, record.priorTreatments().stream().map(PriorTreatment::term).toList(),
                leaveOutEmpty);
        fact(json, FactKey.SURGERY_POSSIBLE, record.surgeryPossible().term(), leaveOutEmpty);
        facts(json, FactKey.SYMPTOMS, record.symptoms(), leaveOutEmpty);
        if (record.ecog() != null) {
            number(json, FactKey.ECOG, record.ecog().intValue());
        } else if (!leaveOutEmpty) {
            nullValue(json, FactKey.ECOG);
        }
        fact(json, FactKey.TREATMENT_WISH, record.treatmentWish().term(), leaveOutEmpty);
        json.writeEndObject();
    }

    private static void fact(JsonGenerator json, FactKey key, String value, boolean leaveOutEmpty) {
        if (value != null || !leaveOutEmpty) {
            string(json, key, value);
        }
    }

    private static void facts(JsonGenerator json, FactKey key, List<String> values, boolean leaveOutEmpty) {
        if (!values.isEmpty() || !leaveOutEmpty) {
            strings(json, key, values);
        }
    }

    /** {@code matched_trials}: the NCT ids whose result is MATCH, as in the CSV column. */
    public static void writeMatched(JsonGenerator json, List<TrialMatch> trials) {
        arrayStart(json, Key.MATCHED_TRIALS);
        for (TrialMatch match : trials) {
            if (match.result() == TrialMatch.Result.MATCH) {
                json.writeString(match.nctId());
            }
        }
        json.writeEndArray();
    }


    private static void strings(JsonGenerator json, JsonKey name, List<String> values) {
        arrayStart(json, name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** A string value, or null. */
    public static void string(JsonGenerator json, JsonKey name, String value) {
        json.writeName(name.key());
        json.writeString(value);
    }

    public static void number(JsonGenerator json, JsonKey name, long value) {
        json.writeName(name.key());
        json.writeNumber(value);
    }

    public static void bool(JsonGenerator json, JsonKey name, boolean value) {
        json.writeName(name.key());
        json.writeBoolean(value);
    }

    public static void nullValue(JsonGenerator json, JsonKey name) {
        json.writeName(name.key());
        json.writeNull();
    }

    public static void arrayStart(JsonGenerator json, JsonKey name) {
        json.writeName(name.key());
        json.writeStartArray();
    }

    public static void objectStart(JsonGenerator json, JsonKey name) {
        json.writeName(name.key());
        json.writeStartObject();
    }
}
