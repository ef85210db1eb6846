package ca.trialpath.output.csv;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.guideline.SurgeryPossible;
import ca.trialpath.guideline.TreatmentOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuidelineCsvTests {

    @TempDir
    private Path temp;

    @Test
    void shouldCodeTheIfSurgeryCanRemoveItRationaleOfASurgicalRuleApart() {
        assertThat(GuidelineCsv.rationaleCode(TreatmentOption.LR2, SurgeryPossible.UNKNOWN)).isEqualTo("LR2.U");
        assertThat(GuidelineCsv.rationaleCode(TreatmentOption.LR2, SurgeryPossible.YES)).isEqualTo("LR2");
        // a rule with one wording keeps its rule id whatever surgery_possible says
        assertThat(GuidelineCsv.rationaleCode(TreatmentOption.LR1, SurgeryPossible.UNKNOWN)).isEqualTo("LR1");
    }

    @Test
    void shouldListEveryCodeAPersonCanGetWithTheRationaleThatPersonIsGiven() throws Exception {
        // when
        Map<String, CSVRecord> rows = rows();

        // then: every (rule, surgery_possible) joins a row, whose texts are the option's
        for (TreatmentOption option : TreatmentOption.values()) {
            for (SurgeryPossible surgery : SurgeryPossible.values()) {
                CSVRecord row = rows.get(GuidelineCsv.rationaleCode(option, surgery));
                assertThat(row).as("%s %s", option, surgery).isNotNull();
                assertThat(row.get(PublishedCsv.name(GuidelineCsv.Column.RULE))).isEqualTo(option.ruleId());
                assertThat(row.get(PublishedCsv.name(GuidelineCsv.Column.OPTION_LABEL))).isEqualTo(option.label());
                assertThat(row.get(PublishedCsv.name(GuidelineCsv.Column.RATIONALE))).isEqualTo(option.basis(surgery));
            }
        }
        assertThat(rows).hasSize(TreatmentOption.values().length + 3);
    }

    private Map<String, CSVRecord> rows() throws Exception {
        Path file = temp.resolve(GuidelineCsv.FILE);
        GuidelineCsv.write(file);
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        try (var parser = PublishedCsv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(GuidelineCsv.HEADER);
            parser.forEach(row -> rows.put(row.get(0), row));
        }
        return rows;
    }
}
