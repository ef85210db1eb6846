package ca.trialpath.report;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cohort.PatientRecord;
import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.cohort.RejectedRow;
import ca.trialpath.guideline.Assessment;
import ca.trialpath.guideline.GuidelineAssessor;
import ca.trialpath.guideline.GuidelineVersion;
import ca.trialpath.guideline.TreatmentOption;
import ca.trialpath.output.People;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FeedJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldGiveThePageEveryTextOfAPersonsOptionsThoughThePublishedLinesCarryCodes() {
        // given
        PatientRecord person = People.person("a.csv", 2, "P1", "F", "QC", "anal_canal", "chemoradiation", "");
        Assessment assessment = GuidelineAssessor.assess(person.toCase());

        // when
        AssessmentLine line = AssessmentLine.from(7, JSON.readTree(new FeedJson().person(person, assessment, 60, null)));

        // then
        assertThat(line.patientId()).isEqualTo("P1");
        assertThat(line.guidelineVersion()).isEqualTo(GuidelineVersion.ID);
        assertThat(line.options()).first().satisfies(option -> {
            assertThat(option.rule()).isEqualTo("LR2");
            assertThat(option.optionLabel()).isEqualTo(TreatmentOption.LR2.label());
            assertThat(option.regimens()).isEqualTo(TreatmentOption.LR2.regimens());
            assertThat(option.rationale()).isEqualTo(TreatmentOption.LR2.basisIfSurgeryCan());
        });
        assertThat(line.facts()).containsEntry("recurrence_sites", "anal_canal");
        assertThat(line.trials()).isNull();
    }

    @Test
    void shouldWriteARejectAsThePageReadsIt() {
        RejectLine reject = RejectLine.from(JSON.readTree(new FeedJson().reject(
                new RejectedRow("a.csv", 4, "P9", ReasonCode.INVALID_VALUE, "column 'sex': \"Z\""))));
        assertThat(reject).isEqualTo(new RejectLine("a.csv", "4", "P9", "INVALID_VALUE", "column 'sex': \"Z\""));
    }
}
