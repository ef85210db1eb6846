package ca.trialpath.output.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWriterTests {

    /** Every character the quoting rules look at, the characters around them, and some beyond ASCII. */
    private static final String ALPHABET = "aZ09 ,\"\n\r\t#!$'=+-@;.:_\u0000\u001f\u007f\u00e9\u00a0\u2028\uFF1D\uD83D\uDE00";
    private static final List<String> HOSTILE = List.of("", " ", "  ", "a ", " a", "a,b", ",", ",a", "a,", "\"", "\"\"",
            "a\"b", "\"a\"", "a\nb", "\n", "a\r\nb", "\r", "#", "#a", "a#", "!", "$", "=1+2", "'=1+2", "-1", "@A1",
            "\t", "a\t", "\ta", "caf\u00e9", "\u00e9", "\u2028", "\uD83D\uDE00", "\u0000", "a\u0000", "\u007f",
            "\u00a0", "a\u00a0", ";", "a;b", "NCT01234567", "MATCH", "P0000001", "0", "true");

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a ", " a", "a,b", ",", "\"", "a\"b", "a\nb", "\r", "#", "#a", "!", "\t",
            "\u0000", "\u00a0", "caf\u00e9", "=1+2", "'=1+2", "$", "a#", "plain"})
    void shouldWriteACellAsCommonsCsvDoesFirstAndLater(String value) throws IOException {
        // given: the value alone, first in its record, and after another cell
        List<List<String>> records = List.of(List.of(value), List.of(value, value), List.of("x", value),
                List.of(value, ""), List.of("", value));

        // then
        assertThat(written(records)).isEqualTo(printed(records));
    }

    @Test
    void shouldWriteRandomRecordsAsCommonsCsvDoes() throws IOException {
        // given: 20,000 records of 1 to 6 cells, each cell null, a hostile value or random characters of the alphabet
        Random random = new Random(4180);
        List<List<String>> records = new ArrayList<>();
        for (int r = 0; r < 20_000; r++) {
            List<String> record = new ArrayList<>();
            for (int c = 1 + random.nextInt(6); c > 0; c--) {
                int kind = random.nextInt(20);
                record.add(kind == 0 ? null : kind < 7 ? HOSTILE.get(random.nextInt(HOSTILE.size())) : random(random));
            }
            records.add(record);
        }

        // then: the same characters, through a StringBuilder and through a Writer
        String printed = printed(records);
        assertThat(written(records)).isEqualTo(printed);
        StringWriter writer = new StringWriter();
        CsvWriter csv = new CsvWriter(writer);
        for (List<String> record : records) {
            csv.record(record);
        }
        assertThat(writer).hasToString(printed);
    }

    @Test
    void shouldWriteNullAsAnEmptyCellNeverQuotedAsCommonsCsvDoes() throws IOException {
        // given
        StringBuilder printed = new StringBuilder();
        CSVPrinter printer = PublishedCsv.FORMAT.print(printed);
        printer.printRecord(null, null);
        printer.printRecord("", null);

        // when
        StringBuilder written = new StringBuilder();
        new CsvWriter(written).cell(null).cell(null).endRecord();
        new CsvWriter(written).cell("").cell(null).endRecord();

        // then: an empty first cell is quoted, a null one is not
        assertThat(written).hasToString(printed.toString()).hasToString(",\n\"\",\n");
    }

    @Test
    void shouldWriteANumberAsItsDigitsAndRefuseANegativeOne() throws IOException {
        // given
        StringBuilder written = new StringBuilder();
        CsvWriter csv = new CsvWriter(written);

        // when
        csv.number(0).number(Long.MAX_VALUE).endRecord();

        // then
        assertThat(written).hasToString("0," + Long.MAX_VALUE + "\n");
        assertThatThrownBy(() -> csv.number(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldHandAWriterEachRecordWhenItEnds() throws IOException {
        // given
        StringWriter writer = new StringWriter();
        CsvWriter csv = new CsvWriter(writer);

        // when: a record begun
        csv.cell("a").cell("b");

        // then: nothing yet; the whole record once it ends
        assertThat(writer.toString()).isEmpty();
        csv.endRecord();
        assertThat(writer).hasToString("a,b\n");
    }

    @Test
    void shouldHandOverABegunRecordOnFlush() throws IOException {
        // given
        StringWriter writer = new StringWriter();
        CsvWriter csv = new CsvWriter(writer);
        csv.cell("a");

        // when
        csv.flush();

        // then
        assertThat(writer).hasToString("a");
    }

    private static String random(Random random) {
        StringBuilder value = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            int at = random.nextInt(ALPHABET.length());
            char c = ALPHABET.charAt(at);
            if (Character.isHighSurrogate(c)) {
                value.append(c).append(ALPHABET.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                value.append(c);
            }
        }
        return value.toString();
    }

    private static String printed(List<List<String>> records) throws IOException {
        StringBuilder out = new StringBuilder();
        CSVPrinter printer = PublishedCsv.FORMAT.print(out);
        for (List<String> record : records) {
            printer.printRecord(record);
        }
        return out.toString();
    }

    private static String written(List<List<String>> records) throws IOException {
        StringBuilder out = new StringBuilder();
        CsvWriter csv = new CsvWriter(out);
        for (List<String> record : records) {
            csv.record(record);
        }
        return out.toString();
    }
}
