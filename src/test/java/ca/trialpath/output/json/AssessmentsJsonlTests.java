package ca.trialpath.output.json;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.guideline.Assessment;
import ca.trialpath.guideline.GuidelineAssessor;
import ca.trialpath.output.People;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AssessmentsJsonlTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldWriteOnePersonALineWithTheKeysInTheOrderOfTheOwner() throws Exception {
        // given
        PatientRecord first = People.person("a.csv", 2, "P1", "F", "QC", "anal_canal", "chemoradiation", "");
        PatientRecord second = People.person("a.csv", 3, "P2", "M", "ON", "liver", "", "");

        // when
        String text = lines(first, second);

        // then: two lines, nothing between the objects, only the facts no CSV table holds
        String[] lines = text.split("\n", -1);
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).isEmpty();
        JsonNode person = JSON.readTree(lines[0]);
        assertThat(new ArrayList<>(person.propertyNames())).containsExactly("patient_id", "pathway_rule", "facts");
        assertThat(new ArrayList<>(person.propertyNames())).containsExactlyElementsOf(
                Arrays.stream(AssessmentsJsonl.LineKey.values()).map(k -> k.key().getValue()).toList());
        assertThat(person.get("patient_id").asString()).isEqualTo("P1");
        assertThat(person.get("facts").get("prior_treatments").get(0).asString()).isEqualTo("chemoradiation");
        // one fact in one place: source file and line, pathway, goal, flags, options and trials are CSV rows joined
        // by patient_id; the pathway's sentence is its rule's text (codes.csv) with these facts in it
        assertThat(text).doesNotContain("\"source_file\"", "\"source_line\"", "a.csv", "\"pathway\"",
                "\"pathway_basis\"", "\"options\"", "\"review_flags\"", "\"province\"", "\"trials\"",
                "\"matched_trials\"", "rationale", "option_label", "guideline_version", "birth");
        JsonNode liver = JSON.readTree(lines[1]);
        assertThat(liver.get("pathway_rule").asString()).isEqualTo(
                GuidelineAssessor.assess(second.toCase()).pathwayRule());
        assertThat(liver.get("facts").get("recurrence_sites").get(0).asString()).isEqualTo("liver");
    }

    @Test
    void shouldLeaveOutTheFactsARecordDoesNotHold() throws Exception {
        // given: no prior treatment, symptom, unknown term, ECOG or recurrence type recorded
        PatientRecord person = People.person("a.csv", 2, "P1", "F", "QC", "liver", "", "");

        // when
        JsonNode facts = JSON.readTree(lines(person)).get("facts");

        // then: an absent key reads as not recorded, as null and [] did (outputs version 3)
        assertThat(new ArrayList<>(facts.propertyNames())).containsExactly("sex", "recurrence_date",
                "recurrence_sites", "surgery_possible", "treatment_wish");
        assertThat(facts.get("recurrence_sites").get(0).asString()).isEqualTo("liver");
        assertThat(facts.has("ecog")).isFalse();
        assertThat(facts.has("prior_treatments")).isFalse();
    }

    @Test
    void shouldKeepEveryFactsKeyForThePagesFeeds() {
        // the page reads its feed by key: there every key is written, null and [] included
        PatientRecord person = People.person("a.csv", 2, "P1", "F", "QC", "liver", "", "");
        StringWriter out = new StringWriter();
        try (JsonGenerator json = PublishedJson.generator(out)) {
            json.writeStartObject();
            AssessmentsJsonl.writeFacts(json, person);
            json.writeEndObject();
        }
        assertThat(new ArrayList<>(JSON.readTree(out.toString()).get("facts").propertyNames()))
                .containsExactlyElementsOf(Arrays.stream(AssessmentsJsonl.FactKey.values())
                        .map(k -> k.key().getValue()).toList());
    }

    @Test
    void shouldEscapeLineSeparatorsAndControlCharactersButNotSlashes() throws Exception {
        // given: an id holding U+2028, U+2029, a tab, U+0001 and a slash (as a pseudonym or a future id could)
        PatientRecord valid = People.person("a.csv", 2, "P1", "F", "QC", "anal_canal", "", "");
        PatientRecord person = new PatientRecord("P\u2028\u2029\t\u0001/", valid.sourceFile(), valid.sourceLine(),
                valid.birthDate(), valid.sex(), valid.province(), valid.primarySite(), valid.scope(), valid.histology(),
                valid.recurrenceDate(), valid.recurrenceTypeCode(), valid.recurrenceType(), valid.recurrenceSites(),
                valid.priorTreatments(), valid.surgeryPossible(), valid.symptoms(), valid.ecog(), valid.treatmentWish());

        // when
        String text = lines(person);

        // then: still one line, and the id reads back whole
        assertThat(text).contains("\"patient_id\":\"P\\u2028\\u2029\\t\\u0001/\"");
        assertThat(text.split("\n")).hasSize(1);
        assertThat(JSON.readTree(text).get("patient_id").asString()).isEqualTo("P\u2028\u2029\t\u0001/");
    }

    private static String lines(PatientRecord... people) {
        StringWriter out = new StringWriter();
        try (AssessmentsJsonl jsonl = new AssessmentsJsonl(out)) {
            for (PatientRecord person : people) {
                Assessment assessment = GuidelineAssessor.assess(person.toCase());
                jsonl.write(person, assessment);
            }
        }
        return out.toString();
    }
}
