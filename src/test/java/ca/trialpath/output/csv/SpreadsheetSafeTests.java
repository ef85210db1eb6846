package ca.trialpath.output.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpreadsheetSafeTests {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"click\")", "=1+2", "+cmd|' /C calc'!A0", "-1+1",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+2", "\r=1+2", "\n=1+2", "\uFF1D1+2", "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)",
            "-123", "=" })
    void shouldPrefixEveryCellASpreadsheetWouldRunAsAFormula(String hostile) {
        // when
        String cell = SpreadsheetSafe.cell(hostile);

        // then: one apostrophe, the value otherwise untouched
        assertThat(cell).isEqualTo("'" + hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TP-26-0001", "<script>alert(1)</script>", "a=1", "'already quoted", " =1+2", "\"=1+2\"",
            "caf\u00e9", "\u2028line separator", "\u0000nul"})
    void shouldLeaveOtherCellsAsTheyAre(String value) {
        assertThat(SpreadsheetSafe.cell(value)).isEqualTo(value);
    }

    @Test
    void shouldWriteNullAndEmptyAsEmpty() {
        assertThat(SpreadsheetSafe.cell(null)).isEmpty();
        assertThat(SpreadsheetSafe.cell("")).isEmpty();
    }

    @Test
    void shouldPrefixAVeryLongFormulaOnceAndKeepItWhole() {
        // given: a formula payload near the 64 KiB cell bound
        String hostile = "=" + "A1&".repeat(21_000);

        // when / then
        assertThat(SpreadsheetSafe.cell(hostile)).hasSize(hostile.length() + 1).startsWith("'=A1&");
    }
}
