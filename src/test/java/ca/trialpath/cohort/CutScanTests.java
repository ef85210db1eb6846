package ca.trialpath.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a cohort file may be cut for threads: outside quotes, between two lines with text, far enough apart. */
class CutScanTests {

    private static final String HEADER = "patient_id,birth_date,sex,province,primary_site,histology,recurrence_date,"
            + "recurrence_type,recurrence_sites,prior_treatments,surgery_possible,symptoms,ecog,treatment_wish\n";

    @TempDir
    private Path temp;

    @Test
    void shouldCutAfterEverySoManyLinesAtTheStartOfARow() throws Exception {
        // given: a header and six rows
        String text = HEADER + "P1,liver\nP2,liver\nP3,liver\nP4,liver\nP5,liver\nP6,liver\n";

        // when
        CutScan.Cuts cuts = scan(text, 2);

        // then: before P3 and P5, each part with its rows and the SHA-256 of its bytes
        assertThat(cuts.at()).containsExactly((long) text.indexOf("P3"), (long) text.indexOf("P5"));
        assertThat(cuts.rangeLines()).containsExactly(3L, 2L, 2L);
        assertThat(cuts.rangeSha256()).containsExactly(sha256(text.substring(0, text.indexOf("P3"))),
                sha256(text.substring(text.indexOf("P3"), text.indexOf("P5"))), sha256(text.substring(text.indexOf("P5"))));
    }

    @Test
    void shouldNotCutInsideQuotesBeforeABlankLineOrShortOfTheLinesApart() throws Exception {
        // given: a quoted line break where the second cut would fall, then a blank line where the next would
        String text = HEADER + "P1,liver\nP2,\"liver;\nP3\"\nP4,liver\n\nP5,liver\nP6,liver";

        // when
        CutScan.Cuts cuts = scan(text, 2);

        // then: none at P3 (quoted), so before P4 (the line after the quote's end); none at P5 (the line before
        // it holds no text), so before P6; the last line, with no line break, is counted
        assertThat(cuts.at()).containsExactly((long) text.indexOf("P4"), (long) text.indexOf("P6"));
        assertThat(cuts.rangeLines()).containsExactly(4L, 3L, 1L);
        assertThat(scan(text, 100).at()).as("fewer lines than apart").isEmpty();
        assertThat(scan(text, 100).rangeSha256()).as("one part: the file's own SHA-256").isEmpty();
        assertThat(scan(text, 100).rangeLines()).containsExactly(8L);
    }

    @Test
    void shouldFindTheSameCutsFedInPiecesAsReadWhole() throws Exception {
        // given
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 200; i++) {
            text.append("P").append(i).append(i % 5 == 0 ? ",\"a\r\nb\"\r\n" : ",liver\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

        // when: fed 7 bytes at a time
        CutScan pieces = new CutScan(17);
        for (int at = 0; at < bytes.length; at += 7) {
            byte[] piece = java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + 7));
            pieces.update(piece, piece.length);
        }

        // then
        assertThat(pieces.finish()).isEqualTo(scan(text.toString(), 17));
        assertThat(CohortFileInspector.inspect(Files.write(temp.resolve("c.csv"), bytes), 17).cuts())
                .as("the inspection's pass").isEqualTo(scan(text.toString(), 17));
    }

    private CutScan.Cuts scan(String text, long linesApart) throws Exception {
        return CutScan.of(Files.writeString(temp.resolve("cohort.csv"), text), linesApart);
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

}
