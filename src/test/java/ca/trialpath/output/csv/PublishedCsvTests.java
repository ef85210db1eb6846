package ca.trialpath.output.csv;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.cohort.ReasonCode;
import ca.trialpath.cohort.RejectedRow;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishedCsvTests {

    @Test
    void shouldPrintTheHeaderOfANewFileFromTheOwnersColumns() throws Exception {
        StringBuilder out = new StringBuilder();
        new RejectsCsv(out, true);
        assertThat(out).hasToString(String.join(",", RejectsCsv.HEADER) + "\n");
        assertThat(RejectsCsv.HEADER).containsExactly("source_file", "line", "patient_id", "reason_code", "message");
    }

    @Test
    void shouldPrintNoHeaderWhenAStagedFileIsContinued() throws Exception {
        StringBuilder out = new StringBuilder();
        new RejectsCsv(out, false).write(new RejectedRow("a.csv", 3, "P1", ReasonCode.INVALID_VALUE, "bad"));
        assertThat(out).hasToString("a.csv,3,P1,INVALID_VALUE,bad\n");
    }

    @Test
    void shouldMakeFormulaLikeCellsSafeAndQuoteAsRfc4180() throws Exception {
        // given: a file name, an id and a message a spreadsheet would run, one with a comma and quotes
        StringBuilder out = new StringBuilder();
        RejectsCsv rejects = new RejectsCsv(out, false);

        // when
        rejects.write(new RejectedRow("=cmd.csv", 2, "-12", ReasonCode.MISSING_REQUIRED, "said \"no\", twice"));
        rejects.write(new RejectedRow("\uFF20b.csv", 3, "", ReasonCode.MISSING_REQUIRED, "+1"));

        // then
        assertThat(out).hasToString("'=cmd.csv,2,'-12,MISSING_REQUIRED,\"said \"\"no\"\", twice\"\n"
                + "'\uFF20b.csv,3,,MISSING_REQUIRED,'+1\n");
    }

    @Test
    void shouldQuoteAnEmptyFirstCellSoTheRowIsNotAnEmptyLine() throws Exception {
        StringBuilder out = new StringBuilder();
        new RejectsCsv(out, false).write(new RejectedRow("", 1, "P1", ReasonCode.MALFORMED_RECORD, ""));
        assertThat(out).hasToString("\"\",1,P1,MALFORMED_RECORD,\n");
    }

    @Test
    void shouldCountTheRowsPrintedPerInputFileAndGoOnFromACommit() throws Exception {
        // given: a restart resumes from the counts of the last commit
        RejectsCsv rejects = new RejectsCsv(new StringBuilder(), false);
        rejects.rows().restore(Map.of("a.csv", 2L));

        // when
        rejects.write(new RejectedRow("a.csv", 5, "P1", ReasonCode.INVALID_VALUE, "m"));
        rejects.write(new RejectedRow("b.csv", 2, "P2", ReasonCode.INVALID_VALUE, "m"));

        // then
        assertThat(rejects.rows().rows("a.csv")).isEqualTo(3);
        assertThat(rejects.rows().rows("b.csv")).isEqualTo(1);
        assertThat(rejects.rows().rows("c.csv")).isZero();
        assertThat(rejects.rows().snapshot()).containsExactly(Map.entry("a.csv", 3L), Map.entry("b.csv", 1L));
    }
}
