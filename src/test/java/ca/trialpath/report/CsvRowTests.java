package ca.trialpath.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written CSV rows are those Commons CSV printed from SpreadsheetSafe cells before, byte for byte. */
class CsvRowTests {

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    /** The printer the CSV files were written with before: the reference. */
    private static String commons(List<String> cells, boolean spreadsheetSafe) throws IOException {
        StringWriter out = new StringWriter();
        CSVPrinter printer = new CSVPrinter(out, CSV);
        for (String cell : cells) {
            printer.print(spreadsheetSafe ? SpreadsheetSafe.cell(cell) : cell == null ? "" : cell);
        }
        printer.println();
        return out.toString();
    }

    private static String row(List<String> cells, boolean spreadsheetSafe) {
        CsvRow row = new CsvRow();
        for (String cell : cells) {
            if (spreadsheetSafe) {
                row.cell(cell);
            } else {
                row.plain(cell);
            }
        }
        return row.end().toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "with,comma", "with\"quote", "\"", "line\nfeed", "carriage\rreturn", "\r\n",
            "trailing space ", "trailing tab\t", " leading space", "#hash", "!bang", "=1+2", "+1", "-1", "@SUM(A1)",
            "\t=1", "\r=1", "\n=1", "\uFF1D1+2", "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)", "=\"a,b\"", "'=already", "=",
            "caf\u00e9", "\u0000", "a\u0000", "$", "\ud83d\ude00", "\u2028"})
    void shouldWriteEachHostileCellAsBeforeWhereverItIs(String value) throws IOException {
        for (List<String> cells : List.of(List.of(value), List.of(value, "x"), List.of("x", value), List.of("x", value, "y"))) {
            assertThat(row(cells, true)).as("%s", cells).isEqualTo(commons(cells, true));
            assertThat(row(cells, false)).as("plain %s", cells).isEqualTo(commons(cells, false));
        }
    }

    @Test
    void shouldQuoteAnEmptyFirstCellOnlySoTheRowIsNotAnEmptyLine() throws IOException {
        for (List<String> cells : List.of(List.of(""), Arrays.asList((String) null), List.of("", ""), List.of("x", ""),
                Arrays.asList("x", null, ""))) {
            assertThat(row(cells, true)).as("%s", cells).isEqualTo(commons(cells, true));
        }
        assertThat(row(List.of("", "x"), true)).isEqualTo("\"\",x\n");
    }

    @Test
    void shouldWriteASeededRandomCorpusAsBefore() throws IOException {
        HostileText text = new HostileText(20261127L);
        for (int i = 0; i < 20_000; i++) {
            List<String> cells = new ArrayList<>();
            for (int n = 1 + text.nextInt(6); n > 0; n--) {
                cells.add(text.next(16));
            }
            assertThat(row(cells, true)).as("sample %d: %s", i, cells).isEqualTo(commons(cells, true));
            assertThat(row(cells, false)).as("plain sample %d: %s", i, cells).isEqualTo(commons(cells, false));
        }
    }

    @Test
    void shouldWriteNumbersAsTheirTextCells() throws IOException {
        for (long number : new long[] {0, 7, 1234567890123L, -1, Long.MIN_VALUE}) {
            CsvRow row = new CsvRow().cell("P1").number(number).number(number).end();
            String text = Long.toString(number);
            assertThat(row).hasToString(commons(List.of("P1", text, text), true));
        }
        assertThat(new CsvRow().number(-5).end()).hasToString("'-5\n");
    }

    @Test
    void shouldWriteCellsFormattedOnceLikeTheSameCellsWrittenEachTime() throws IOException {
        String following = CsvRow.following("NCT1", "=title, \"quoted\"", "", "PHASE2;PHASE3");
        CsvRow row = new CsvRow().cell("P1").formatted(following).cell("MATCH").end();
        assertThat(row).hasToString(commons(List.of("P1", "NCT1", "=title, \"quoted\"", "", "PHASE2;PHASE3", "MATCH"), true));
        assertThat(CsvRow.of(List.of("a", "-b"))).isEqualTo(commons(List.of("a", "-b"), true));
        assertThatThrownBy(() -> new CsvRow().formatted(following)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldWriteTheRowsBuiltSoFarAndStartAfresh() throws IOException {
        CsvRow row = new CsvRow();
        StringWriter out = new StringWriter();
        row.cell("a").cell("b").end().cell("c").end().writeTo(out);
        row.cell("").end().writeTo(out);
        assertThat(out).hasToString("a,b\nc\n\"\"\n");
        assertThat(row).hasToString("");
    }

    @Test
    void shouldWriteRowsLongerThanItsBuffer() throws IOException {
        String long1 = "x".repeat(5000);
        StringWriter out = new StringWriter();
        new CsvRow().cell(long1).cell("=" + long1).end().writeTo(out);
        assertThat(out).hasToString(commons(List.of(long1, "=" + long1), true));
    }
}
