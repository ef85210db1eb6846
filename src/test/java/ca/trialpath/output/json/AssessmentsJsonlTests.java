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

        // then: two lines, nothing between the objects, no shared text (the LR2 rationale is a code)
        String[] lines = text.split("\n", -1);
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).isEmpty();
        JsonNode person = JSON.readTree(lines[0]);
        List<String> keys = new ArrayList<>(person.propertyNames());
        assertThat(keys).containsExactlyElementsOf(Arrays.stream(AssessmentsJsonl.Key.values())
                .filter(k -> k != AssessmentsJsonl.Key.MATCHED_TRIALS && k != AssessmentsJsonl.Key.TRIALS)
                .map(k -> k.key().getValue()).toList());
        assertThat(person.get("options").get(0).get("rationale_code").asString()).isEqualTo("LR2.U");
        assertThat(text).doesNotContain("option_label", "rationale\"", "guideline_version");
        assertThat(JSON.readTree(lines[1]).get("pathway").asString()).isEqualTo("DISTANT_METASTASIS");
    }

    @Test
    void shouldEscapeLineSeparatorsAndControlCharactersButNotSlashes() throws Exception {
        // given: an id holding U+2028, U+2029, a tab, U+0001 and a slash (as a pseudonym or a future id could)
        PatientRecord valid = People.person("a/b.csv", 2, "P1", "F", "QC", "anal_canal", "", "");
        PatientRecord person = new PatientRecord("P\u2028\u2029\t\u0001/", valid.sourceFile(), valid.sourceLine(),
                valid.birthDate(), valid.sex(), valid.province(), valid.primarySite(), valid.scope(), valid.histology(),
                valid.recurrenceDate(), valid.recurrenceTypeCode(), valid.recurrenceType(), valid.recurrenceSites(),
                valid.priorTreatments(), valid.surgeryPossible(), valid.symptoms(), valid.ecog(), valid.treatmentWish());

        // when
        String text = lines(person);

        // then: still one line, and the id reads back whole
        assertThat(text).contains("\"patient_id\":\"P\\u2028\\u2029\\t\\u0001/\"", "\"source_file\":\"a/b.csv\"");
        assertThat(text.split("\n")).hasSize(1);
        assertThat(JSON.readTree(text).get("patient_id").asString()).isEqualTo("P\u2028\u2029\t\u0001/");
    }

    private static String lines(PatientRecord... people) {
        StringWriter out = new StringWriter();
        try (AssessmentsJsonl jsonl = new AssessmentsJsonl(out)) {
            for (PatientRecord person : people) {
                Assessment assessment = GuidelineAssessor.assess(person.toCase());
                jsonl.write(person, assessment, 60, null);
            }
        }
        return out.toString();
    }
}
