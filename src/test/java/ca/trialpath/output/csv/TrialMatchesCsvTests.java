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
    void shouldNameOneVerdictColumnPerCriterionInTheirOrder() {
        List<String> verdictColumns = TrialMatchesCsv.HEADER.subList(7, TrialMatchesCsv.HEADER.size());
        assertThat(verdictColumns).isEqualTo(Arrays.stream(Criterion.values())
                .map(c -> c.name().toLowerCase(java.util.Locale.ROOT) + "_verdict").toList());
        assertThat(TrialMatchesCsv.HEADER.subList(0, 7)).containsExactly("patient_id", "nct_id", "result",
                "failed_criterion", "to_verify", "sites_in_province", "sites_in_canada");
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

        // then
        assertThat(out.toString()).isEqualTo(String.join(",", TrialMatchesCsv.HEADER) + "\n"
                + "TP-1,NCT99000001,NEAR_MISS,ECOG,SEX;HISTOLOGY,1,2,MET,MET,MET,MET,UNKNOWN,MET,UNKNOWN,FAILED,MET,MET,MET\n"
                + "TP-1,NCT99000001,MATCH,,,1,2,MET,MET,MET,MET,MET,MET,MET,MET,MET,MET,MET\n");
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
}
