package ca.trialpath.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class AssessmentRowsTests {

    @Test
    void shouldTakeAPersonFromAnAssessmentsRowWithoutTheSpreadsheetApostrophe() throws IOException {
        // given
        String csv = "patient_id,pathway,options,trial_priority,review_flags\n"
                + "'-123,LOCAL_RECURRENCE,ABDOMINOPERINEAL_RESECTION,ROUTINE,PRIOR_TREATMENT_MISSING\n";

        // when
        List<PersonResult> people = read(csv);

        // then: no matched_trials column (before trials are matched): no trials
        assertThat(people).containsExactly(new PersonResult("-123", "LOCAL_RECURRENCE", "ABDOMINOPERINEAL_RESECTION",
                "ROUTINE", "", "PRIOR_TREATMENT_MISSING"));
    }

    @Test
    void shouldReadTheMatchedTrialsWhenAssessmentsCarryThem() throws IOException {
        // given
        String csv = "patient_id,source_file,pathway,options,trial_priority,review_flags,matched_trials\n"
                + "TP-1,a.csv,DISTANT_METASTASIS,CHEMOTHERAPY,HIGH,,NCT01234567;NCT07654321\n";

        // when / then
        assertThat(read(csv)).extracting(PersonResult::matchedTrials).containsExactly("NCT01234567;NCT07654321");
    }

    @Test
    void shouldReadWhatCommonsCsvReadsFromQuotedCellsLineBreaksAndSkippedColumns() throws IOException {
        // given: cells with commas, quotes, line breaks (CRLF too) and spaces, in the columns kept and the others
        String[] header = { "patient_id", "source_file", "source_line", "pathway", "extent", "options", "rules",
                "trial_priority", "review_flags", "province", "matched_trials" };
        String[] awkward = { "", "plain", "a,b", "say \"hi\"", "line\nbreak", "cr\r\nlf", " spaced ", "\"", ",", "'-1",
                "é ü 中", "=SUM(A1)" };
        Random random = new Random(42);
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            printer.printRecord((Object[]) header);
            for (int row = 0; row < 500; row++) {
                List<String> cells = new ArrayList<>();
                cells.add("P" + row + awkward[random.nextInt(awkward.length)]);
                for (int c = 1; c < header.length; c++) {
                    cells.add(awkward[random.nextInt(awkward.length)]);
                }
                printer.printRecord(cells);
            }
        }

        // when
        List<PersonResult> people = read(text.toString());

        // then
        List<PersonResult> expected = new ArrayList<>();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.toString()))) {
            String id = r.get("patient_id");
            expected.add(new PersonResult(id.startsWith("'") ? id.substring(1) : id, r.get("pathway"), r.get("options"),
                    r.get("trial_priority"), r.get("matched_trials"), r.get("review_flags")));
        }
        assertThat(people).hasSize(500).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldReadCrLfLinesAByteOrderMarkAndALastLineWithoutItsBreak() throws IOException {
        // given
        String csv = "\uFEFFpatient_id,pathway,options,trial_priority,review_flags\r\n"
                + "A,LOCAL_RECURRENCE,LR1,ROUTINE,\r\n"
                + "B,UNDETERMINED,,NONE,FLAG";

        // when / then
        assertThat(read(csv)).containsExactly(new PersonResult("A", "LOCAL_RECURRENCE", "LR1", "ROUTINE", "", ""),
                new PersonResult("B", "UNDETERMINED", "", "NONE", "", "FLAG"));
    }

    @Test
    void shouldRefuseAFileWithoutAColumnTheHistoryKeeps() {
        assertThatIOException().isThrownBy(() -> read("patient_id,pathway,options,review_flags\nA,X,,\n"))
                .withMessageContaining("trial_priority");
    }

    private static List<PersonResult> read(String csv) throws IOException {
        List<PersonResult> people = new ArrayList<>();
        try (AssessmentRows rows = new AssessmentRows(new StringReader(csv))) {
            rows.forEachRemaining(people::add);
        }
        return people;
    }
}
