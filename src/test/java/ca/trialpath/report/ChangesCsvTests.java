package ca.trialpath.report;

import ca.trialpath.output.csv.SpreadsheetSafe;
import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.history.Change;
import ca.trialpath.history.ChangeKind;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangesCsvTests {

    @TempDir
    private Path temp;

    @Test
    void shouldWriteTheHeaderOnlyWhenNothingChanged() throws IOException {
        // when
        Path file = temp.resolve("changes.csv");
        new ChangesCsv(file).close();

        // then
        assertThat(Files.readString(file)).isEqualTo("patient_id,change,before,after\n");
    }

    @Test
    void shouldWriteTheBytesCommonsCsvWroteForAnyValue() throws IOException {
        // given: values with every character Commons CSV's quoting looks at, first, inside and last
        String alphabet = "aZ09-_.'\",\r\n \t#!\u0000\u001F=+@\uFF1D;é中";
        Random random = new Random(7);
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            changes.add(new Change(word(random, alphabet, 1), ChangeKind.values()[random.nextInt(7)],
                    word(random, alphabet, 0), word(random, alphabet, 0)));
        }

        // when
        Path file = temp.resolve("changes.csv");
        try (ChangesCsv csv = new ChangesCsv(file)) {
            changes.forEach(csv::write);
        }

        // then
        StringWriter expected = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(expected, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            printer.printRecord(ChangesCsv.HEADER);
            for (Change c : changes) {
                printer.printRecord(SpreadsheetSafe.cell(c.patientId()), c.kind().name(),
                        SpreadsheetSafe.cell(c.before()), SpreadsheetSafe.cell(c.after()));
            }
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    private static String word(Random random, String alphabet, int min) {
        StringBuilder word = new StringBuilder();
        int length = min + random.nextInt(5);
        for (int i = 0; i < length; i++) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return word.toString();
    }
}
