package ca.trialpath.output.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.Study;
import ca.trialpath.trials.TrialMatch;
import ca.trialpath.trials.Verdict;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialMatchesCsvTests {

    private static TrialMatch match(Map<Criterion, Verdict> verdicts, Criterion failed, List<Criterion> toVerify) {
        Study study = new Study("NCT99000001", "title", "RECRUITING", List.of(), List.of(), List.of(), "ALL", null,
                null, List.of());
        return new TrialMatch(study, null, failed == null ? TrialMatch.Result.MATCH : TrialMatch.Result.NEAR_MISS,
                verdicts, failed, toVerify, 1, 2, List.of());
    }

    private static Map<Criterion, Verdict> allMet() {
        Map<Criterion, Verdict> verdicts = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            verdicts.put(criterion, Verdict.MET);
        }
        return verdicts;
    }

    @Test
    void shouldNameOneVerdictColumnPerCriterionOfThePersonInTheirOrder() {
        List<String> verdictColumns = TrialMatchesCsv.HEADER.subList(4, TrialMatchesCsv.HEADER.size());
        assertThat(verdictColumns).isEqualTo(Arrays.stream(Criterion.values()).filter(c -> !c.isStudyWide())
                .map(c -> c.name().toLowerCase(Locale.ROOT) + "_verdict").toList());
        assertThat(TrialMatchesCsv.HEADER.subList(0, 4)).containsExactly("patient_id", "nct_id", "result",
                "sites_in_province");
        assertThat(TrialMatchesCsv.Column.verdictOf(Criterion.ECOG)).isEqualTo(TrialMatchesCsv.Column.ECOG_VERDICT);
    }

    @Test
    void shouldLeaveTheStudyWideVerdictsToTrialsCsv() {
        // one fact in one place: the same for every person of a study, so once per study in trials.csv
        assertThat(TrialMatchesCsv.HEADER).doesNotContain("status_verdict", "condition_verdict", "location_verdict",
                "sites_in_canada", "failed_criterion", "to_verify");
        assertThat(TrialsCsv.HEADER).endsWith("sites_in_canada", "status_verdict", "condition_verdict",
                "location_verdict");
        assertThatThrownBy(() -> TrialMatchesCsv.Column.verdictOf(Criterion.LOCATION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trials.csv");
    }

    @Test
    void shouldPrintEachCriterionsVerdictInItsColumn() throws Exception {
        // given: a near miss on ECOG, with SEX and HISTOLOGY to verify
        Map<Criterion, Verdict> verdicts = allMet();
        verdicts.put(Criterion.ECOG, Verdict.FAILED);
        verdicts.put(Criterion.SEX, Verdict.UNKNOWN);
        verdicts.put(Criterion.HISTOLOGY, Verdict.UNKNOWN);
        StringBuilder out = new StringBuilder();

        // when
        new TrialMatchesCsv(out, true).write("TP-1", List.of(match(verdicts, Criterion.ECOG,
                List.of(Criterion.SEX, Criterion.HISTOLOGY)), match(allMet(), null, List.of())));

        // then: the failed criterion and those to verify are the FAILED and UNKNOWN columns
        assertThat(out.toString()).isEqualTo(String.join(",", TrialMatchesCsv.HEADER) + "\n"
                + "TP-1,NCT99000001,NEAR_MISS,1,MET,UNKNOWN,MET,UNKNOWN,FAILED,MET,MET,MET\n"
                + "TP-1,NCT99000001,MATCH,1,MET,MET,MET,MET,MET,MET,MET,MET\n");
    }

    @Test
    void shouldPrintNoHeaderWhenAStagedFileIsContinued() throws Exception {
        StringBuilder out = new StringBuilder();
        new TrialMatchesCsv(out, false).write("TP-1", List.of(match(allMet(), null, List.of())));
        assertThat(out.toString()).startsWith("TP-1,");
    }

    @Test
    void shouldRefuseAPairWithACriterionNotJudged() {
        Map<Criterion, Verdict> verdicts = allMet();
        verdicts.remove(Criterion.SURGERY);
        StringBuilder out = new StringBuilder();
        assertThatThrownBy(() -> new TrialMatchesCsv(out, false).write("TP-1", List.of(match(verdicts, null,
                List.of())))).isInstanceOf(IllegalStateException.class).hasMessageContaining("SURGERY");
    }

    @Test
    void shouldRefuseAPairOfAStudyThatFailsAStudyWideCriterion() {
        // trials.csv says MET for the study-wide criteria of every study listed here; a pair saying otherwise is a bug
        Map<Criterion, Verdict> verdicts = allMet();
        verdicts.put(Criterion.STATUS, Verdict.FAILED);
        StringBuilder out = new StringBuilder();
        assertThatThrownBy(() -> new TrialMatchesCsv(out, false).write("TP-1", List.of(match(verdicts, null,
                List.of())))).isInstanceOf(IllegalStateException.class).hasMessageContaining("STATUS FAILED");
    }
}
