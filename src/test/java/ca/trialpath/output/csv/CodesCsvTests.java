package ca.trialpath.output.csv;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.guideline.ReviewFlag;
import ca.trialpath.guideline.TrialRule;
import ca.trialpath.trials.Criterion;
import ca.trialpath.trials.TrialMatch;
import ca.trialpath.trials.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodesCsvTests {

    @Test
    void shouldGiveEveryCodeOfEveryKindAMeaning() {
        assertThat(CodesCsv.meanings(CodesCsv.Kind.PATHWAY_RULE)).containsOnlyKeys("P0", "P1", "P2", "P3", "P4",
                "P4b", "P5");
        assertThat(CodesCsv.meanings(CodesCsv.Kind.TRIAL_RULE)).containsOnlyKeys(names(TrialRule.values()));
        assertThat(CodesCsv.meanings(CodesCsv.Kind.REVIEW_FLAG)).containsOnlyKeys(names(ReviewFlag.values()));
        assertThat(CodesCsv.meanings(CodesCsv.Kind.REASON_CODE)).containsOnlyKeys(names(ReasonCode.values()));
        assertThat(CodesCsv.meanings(CodesCsv.Kind.CRITERION)).containsOnlyKeys(names(Criterion.values()));
        assertThat(CodesCsv.meanings(CodesCsv.Kind.RESULT)).containsOnlyKeys(names(TrialMatch.Result.values()));
        assertThat(CodesCsv.meanings(CodesCsv.Kind.VERDICT)).containsOnlyKeys(names(Verdict.values()));
        for (CodesCsv.Kind kind : CodesCsv.Kind.values()) {
            assertThat(CodesCsv.meanings(kind).values()).as("%s", kind).allSatisfy(m -> assertThat(m).isNotBlank());
        }
    }

    @Test
    void shouldNameEachKindAfterTheColumnThatHoldsItsCodes(@TempDir Path temp) throws Exception {
        // when
        Path file = temp.resolve(CodesCsv.FILE);
        CodesCsv.write(file);

        // then: the review flags' meanings are the report's, under the column name review_flag
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(String.join(",", CodesCsv.HEADER));
        assertThat(lines).contains("review_flag,POOR_PERFORMANCE_STATUS,\""
                + ReviewFlag.POOR_PERFORMANCE_STATUS.explanation() + "\"",
                "trial_rule,T2,\"DISTANT_METASTASIS (no standard treatment): trial discussion, priority HIGH\"");
        assertThat(lines).hasSize(1 + Arrays.stream(CodesCsv.Kind.values()).mapToInt(k -> CodesCsv.meanings(k).size()).sum());
    }

    private static String[] names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return names.toArray(String[]::new);
    }
}
