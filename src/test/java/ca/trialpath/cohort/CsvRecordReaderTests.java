package ca.trialpath.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTests {

    @Test
    void shouldReadSimpleRecordsWithTheirLineNumbers() throws IOException {
        // given
        String text = "patient_id,primary_site\nP1,C21.1\nP2,anus\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records).containsExactly(
                new CsvRecord(1, List.of("patient_id", "primary_site"), null),
                new CsvRecord(2, List.of("P1", "C21.1"), null),
                new CsvRecord(3, List.of("P2", "anus"), null));
    }

    @Test
    void shouldReturnNullAtTheEndAndKeepReturningNull() throws IOException {
        // given
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader("a\n"))) {
            // when
            CsvRecord first = reader.next();
            CsvRecord end = reader.next();
            CsvRecord afterEnd = reader.next();

            // then
            assertThat(first.cells()).containsExactly("a");
            assertThat(end).isNull();
            assertThat(afterEnd).isNull();
        }
    }

    @Test
    void shouldReadNothingFromEmptyInput() throws IOException {
        assertThat(readAll("")).isEmpty();
    }

    @Test
    void shouldDropALeadingByteOrderMark() throws IOException {
        // given
        String text = "\uFEFFpatient_id,primary_site\r\nP1,C21.1\r\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records.get(0).cells()).containsExactly("patient_id", "primary_site");
        assertThat(records.get(0).line()).isEqualTo(1);
        assertThat(records.get(1).cells()).containsExactly("P1", "C21.1");
    }

    @Test
    void shouldKeepAByteOrderMarkThatIsNotAtTheVeryStart() throws IOException {
        // given: a mark in a later record, and a mark after a blank first line
        String later = "a,b\n\uFEFFc,d\n";
        String afterBlankLine = "\n\uFEFFa,b\n";

        // when
        List<CsvRecord> laterRecords = readAll(later);
        List<CsvRecord> afterBlankRecords = readAll(afterBlankLine);

        // then
        assertThat(laterRecords.get(1).cells()).containsExactly("\uFEFFc", "d");
        assertThat(afterBlankRecords.get(0).cells()).containsExactly("\uFEFFa", "b");
    }

    @Test
    void shouldDropOnlyOneByteOrderMark() throws IOException {
        assertThat(readAll("\uFEFF\uFEFFa\n").get(0).cells()).containsExactly("\uFEFFa");
    }

    @Test
    void shouldCountLinesAcrossMixedCrlfLfAndCrLineEnds() throws IOException {
        // given
        String text = "a\r\nb\nc\rd\r\ne";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(records).extracting(r -> r.cells().get(0)).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void shouldNotLeaveALineBreakCharacterInACellAtCrlf() throws IOException {
        // given
        String text = "a,b\r\nc,d\r\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records).hasSize(2);
        assertThat(records.get(0).cells()).containsExactly("a", "b");
        assertThat(records.get(1).cells()).containsExactly("c", "d");
    }

    @Test
    void shouldSkipBlankLinesWithoutCountingThemAsRecordsButCountingTheirLines() throws IOException {
        // given: blank lines before, between and after records, in LF, CRLF and CR
        String text = "\n\r\nh1,h2\n\n\nP1,x\r\n\r\n\rP2,y\n\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records).hasSize(3);
        assertThat(records).extracting(CsvRecord::line).containsExactly(3L, 6L, 9L);
        assertThat(records).extracting(r -> r.cells().get(0)).containsExactly("h1", "P1", "P2");
    }

    @Test
    void shouldSkipALineOfOnlySpacesAsBlank() throws IOException {
        // given
        String text = "h1,h2\n   \n\t\nP1,x\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 4L);
    }

    @Test
    void shouldReadALastRecordWithoutAFinalNewline() throws IOException {
        // given
        String text = "h1,h2\nP1,x";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records).hasSize(2);
        assertThat(records.get(1)).isEqualTo(new CsvRecord(2, List.of("P1", "x"), null));
    }

    @Test
    void shouldKeepCommasLineBreaksAndDoubledQuotesInAQuotedCell() throws IOException {
        // given
        String text = "id,note\nP1,\"a, b\nc \"\"quoted\"\" d\"\nP2,plain\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records).hasSize(3);
        assertThat(records.get(1).cells()).containsExactly("P1", "a, b\nc \"quoted\" d");
        assertThat(records.get(1).line()).isEqualTo(2);
    }

    @Test
    void shouldNumberTheRecordAfterAMultiLineQuotedCellByItsOwnStartLine() throws IOException {
        // given: a record spanning lines 2-4, then a blank line 5
        String text = "id,note\nP1,\"one\ntwo\nthree\"\n\nP2,x\nP3,y\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 6L, 7L);
        assertThat(records.get(1).cells()).containsExactly("P1", "one\ntwo\nthree");
    }

    @Test
    void shouldCountCrlfInsideAQuotedCellAsOneLine() throws IOException {
        // given
        String text = "id,note\r\nP1,\"one\r\ntwo\"\r\nP2,x\r\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 4L);
    }

    @Test
    void shouldKeepACrlfInsideAQuotedCell() throws IOException {
        // given
        String text = "id,note\r\nP1,\"one\r\ntwo\"\r\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records.get(1).cells()).containsExactly("P1", "one\r\ntwo");
    }

    @Test
    void shouldTreatSpacesBeforeAnOpeningQuoteAsAQuotedCell() throws IOException {
        // given
        String text = "P1,  \"a, b\"  ,c\n";

        // when
        CsvRecord record = readAll(text).get(0);

        // then
        assertThat(record.isMalformed()).isFalse();
        assertThat(record.cells()).containsExactly("P1", "a, b", "c");
    }

    @Test
    void shouldReadOnlyDoubledQuotesAsOneQuote() throws IOException {
        // given: a cell that is just one quote, and an empty quoted cell
        String text = "\"\"\"\",\"\",x\n";

        // when
        CsvRecord record = readAll(text).get(0);

        // then
        assertThat(record.cells()).containsExactly("\"", "", "x");
    }

    @Test
    void shouldKeepEmptyCells() throws IOException {
        // given
        String text = "a,,c\n,,\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records.get(0).cells()).containsExactly("a", "", "c");
        assertThat(records.get(1).cells()).containsExactly("", "", "");
    }

    @Test
    void shouldReadATrailingCommaAsAnExtraEmptyCell() throws IOException {
        // given: with a final newline and at the end of the input
        String text = "a,b,\nc,d,";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records.get(0).cells()).containsExactly("a", "b", "");
        assertThat(records.get(1).cells()).containsExactly("c", "d", "");
    }

    @Test
    void shouldKeepCellsUntrimmed() throws IOException {
        assertThat(readAll(" a , b \n").get(0).cells()).containsExactly(" a ", " b ");
    }

    @Test
    void shouldRejectRecordWithTextAfterAClosingQuoteAndResumeAtTheNextLine() throws IOException {
        // given
        String text = "id,note\nP1,\"a\"b,c\nP2,ok\nP3,\"fine\"\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records).hasSize(4);
        CsvRecord bad = records.get(1);
        assertThat(bad.isMalformed()).isTrue();
        assertThat(bad.line()).isEqualTo(2);
        assertThat(bad.cells()).as("the cells before the problem, for the patient id").containsExactly("P1");
        assertThat(bad.malformed()).contains("text after the closing quote of cell 2");
        assertThat(records.get(2)).isEqualTo(new CsvRecord(3, List.of("P2", "ok"), null));
        assertThat(records.get(3)).isEqualTo(new CsvRecord(4, List.of("P3", "fine"), null));
    }

    @Test
    void shouldRejectRecordWithAQuoteInsideAQuotedCellThatIsNotDoubled() throws IOException {
        // given: the quote after "say " ends the cell and "hi" follows it
        String text = "P1,\"say \"hi\"\"\nP2,ok\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records.get(0).isMalformed()).isTrue();
        assertThat(records.get(1)).isEqualTo(new CsvRecord(2, List.of("P2", "ok"), null));
    }

    @Test
    void shouldRejectRowWithUnterminatedQuoteAtItsStartLineKeepingEarlierRows() throws IOException {
        // given: the quote opened on line 4 runs to the end, swallowing lines 5 and 6
        String text = "id,note\nP1,a\n\nP2,\"never closed\nP3,b\nP4,c\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records).hasSize(3);
        assertThat(records.get(0)).isEqualTo(new CsvRecord(1, List.of("id", "note"), null));
        assertThat(records.get(1)).isEqualTo(new CsvRecord(2, List.of("P1", "a"), null));
        CsvRecord bad = records.get(2);
        assertThat(bad.isMalformed()).isTrue();
        assertThat(bad.line()).isEqualTo(4);
        assertThat(bad.cells()).as("the cells before the problem, for the patient id").containsExactly("P2");
        assertThat(bad.malformed()).contains("unterminated", "column 2", "line 4");
    }

    @Test
    void shouldAcceptACellOfExactlyTheMaximumLength() throws IOException {
        // given
        String cell = "x".repeat(CsvRecordReader.MAX_CELL_CHARS);
        String text = "P1," + cell + "\nP2,ok\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records.get(0).isMalformed()).isFalse();
        assertThat(records.get(0).cells().get(1)).hasSize(64 * 1024);
    }

    @Test
    void shouldNameTheColumnOfAnOversizedCellOnceTheHeaderIsKnown() throws IOException {
        // given: issue 17, point 6: an oversized cell in the 12th column, and a quote left open in the 3rd
        String header = "patient_id,a,b,c,d,e,f,g,h,i,j,symptoms";
        String text = header + "\nP1,,,,,,,,,,," + "x".repeat(CsvRecordReader.MAX_CELL_CHARS + 1)
                + "\nP2,,\"y\" z,\n";
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader(text))) {
            reader.nameColumns(reader.next().cells());

            // when
            CsvRecord oversized = reader.next();
            CsvRecord quoted = reader.next();

            // then
            assertThat(oversized.malformed()).isEqualTo("column 'symptoms' (cell 12) is longer than "
                    + CsvRecordReader.MAX_CELL_CHARS + " characters");
            assertThat(quoted.malformed()).startsWith("text after the closing quote of column 'b' (cell 3)");
        }
    }

    @Test
    void shouldNameACellByItsPositionBeyondTheHeader() throws IOException {
        // given: a 3rd cell where the header has 2 columns
        String text = "id,note\nP1,ok," + "x".repeat(CsvRecordReader.MAX_CELL_CHARS + 1) + "\n";
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader(text))) {
            reader.nameColumns(reader.next().cells());

            // when / then
            assertThat(reader.next().malformed()).startsWith("cell 3 is longer than");
        }
    }

    @Test
    void shouldRejectAnOversizedUnquotedCellAndKeepTheNextRow() throws IOException {
        // given: 64 KiB + 1
        String cell = "x".repeat(64 * 1024 + 1);
        String text = "id,note\nP1," + cell + ",more\nP2,ok\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records).hasSize(3);
        assertThat(records.get(1).isMalformed()).isTrue();
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).cells()).as("the cells before the problem").containsExactly("P1");
        assertThat(records.get(1).malformed()).contains("cell 2", "longer than 65536");
        assertThat(records.get(2)).isEqualTo(new CsvRecord(3, List.of("P2", "ok"), null));
    }

    @Test
    void shouldRejectAnOversizedQuotedMultiLineCellAndKeepTheNextRowWithItsLine() throws IOException {
        // given: a quoted cell of 64 KiB + 1 characters over two lines
        String cell = "x".repeat(40_000) + "\n" + "y".repeat(64 * 1024 - 40_000);
        String text = "id,note\nP1,\"" + cell + "\"\nP2,ok\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records).hasSize(3);
        assertThat(records.get(1).isMalformed()).isTrue();
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).malformed()).contains("longer than");
        assertThat(records.get(2)).isEqualTo(new CsvRecord(4, List.of("P2", "ok"), null));
    }

    @Test
    void shouldRejectAnOversizedRecordAndKeepTheNextRow() throws IOException {
        // given: 17 cells of 62,000 characters, each under the cell limit, over 1 MiB together
        String cell = "z".repeat(62_000);
        String record = String.join(",", java.util.Collections.nCopies(17, cell));
        String text = "h\n" + record + "\nP2,ok\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records).hasSize(3);
        assertThat(records.get(1).isMalformed()).isTrue();
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).cells()).as("the cells before the problem").hasSizeLessThan(17).allMatch(c -> c.equals(cell));
        assertThat(records.get(1).malformed()).contains("record is longer than 1048576");
        assertThat(records.get(2)).isEqualTo(new CsvRecord(3, List.of("P2", "ok"), null));
    }

    @Test
    void shouldAcceptARecordJustUnderTheRecordLimit() throws IOException {
        // given: 16 cells of 64,000 characters = 1,024,000 characters (plus 15 commas)
        String cell = "z".repeat(64_000);
        String record = String.join(",", java.util.Collections.nCopies(16, cell));

        // when
        List<CsvRecord> records = readAll(record + "\n");

        // then
        assertThat(records.get(0).isMalformed()).isFalse();
        assertThat(records.get(0).cells()).hasSize(16);
    }

    @Test
    void shouldGiveTheSameRecordsWhenTheInputArrivesOneCharacterAtATime() throws IOException {
        // given: every tricky construct, read through a reader that returns one character per call
        String text = "\uFEFFid,note\r\n\r\nP1,\"a,\"\"b\"\"\r\nc\"\r\nP2,\"x\"y\rP3,  \"q\" ,\nP4,\"open\n";

        // when
        List<CsvRecord> whole = readAll(text);
        List<CsvRecord> trickled = readAll(new OneCharAtATimeReader(text));

        // then
        assertThat(trickled).isEqualTo(whole);
        assertThat(whole).extracting(CsvRecord::line).containsExactly(1L, 3L, 5L, 6L, 7L);
        assertThat(whole.get(3).cells()).containsExactly("P3", "q", "");
        assertThat(whole.get(4).isMalformed()).isTrue();
    }

    @Test
    void shouldHandleACrlfSplitAcrossTheInternalBuffer() throws IOException {
        // given: the CR is the last character of the first 64 Ki-character read
        String first = "a".repeat(64 * 1024 - 1) + "\r";
        String text = first + "\nb\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L);
        assertThat(records.get(1).cells()).containsExactly("b");
    }

    private static List<CsvRecord> readAll(String text) throws IOException {
        return readAll(new StringReader(text));
    }

    private static List<CsvRecord> readAll(Reader in) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(in)) {
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        return records;
    }

    /** Returns at most one character per read, to put every construct on a buffer boundary. */
    private static final class OneCharAtATimeReader extends Reader {
        private final String text;
        private int position;

        OneCharAtATimeReader(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == text.length()) {
                return -1;
            }
            buffer[offset] = text.charAt(position++);
            return 1;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void shouldRejectALineOfCommasLongerThanTheRecordLimitAndKeepTheNextRow() throws IOException {
        // given: delimiters count toward the size, or a line of commas would become millions of cells
        String text = "h\nP1" + ",".repeat(CsvRecordReader.MAX_RECORD_CHARS + 1) + "\nP2,ok\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records).hasSize(3);
        assertThat(records.get(1).isMalformed()).isTrue();
        assertThat(records.get(1).malformed()).contains("more than " + CsvRecordReader.MAX_CELLS + " cells");
        assertThat(records.get(1).cells()).hasSizeLessThanOrEqualTo(CsvRecordReader.MAX_CELLS + 1);
        assertThat(records.get(2)).isEqualTo(new CsvRecord(3, List.of("P2", "ok"), null));
    }

    @Test
    void shouldCountQuotesAndDelimitersTowardTheRecordLimit() throws IOException {
        // given: 9,900 quoted cells of 104 characters: 1,029,600 characters of text (under 1 MiB),
        // 1,059,299 with the quotes and commas (over it)
        String cell = "\"" + "q".repeat(104) + "\"";
        String text = "h\n" + String.join(",", java.util.Collections.nCopies(9_900, cell)) + "\nP2,ok\n";

        // when
        List<CsvRecord> records = readAll(text);

        // then
        assertThat(records.get(1).malformed()).contains("record is longer than " + CsvRecordReader.MAX_RECORD_CHARS);
        assertThat(records.get(2)).isEqualTo(new CsvRecord(3, List.of("P2", "ok"), null));
    }
}
