package ca.trialpath.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortFileInspectorTests {

    private static final String HEADER = "patient_id,primary_site,sex\n";

    @TempDir
    Path folder;

    @Test
    void shouldAcceptAHeaderWithoutRowsAsAValidEmptyCohort() throws IOException {
        // given
        Path file = write("empty-cohort.csv", HEADER.getBytes(StandardCharsets.UTF_8));

        // when
        CohortFileInspector.InspectedFile inspected = CohortFileInspector.inspect(file);

        // then
        assertThat(inspected.name()).isEqualTo("empty-cohort.csv");
        assertThat(inspected.path()).isEqualTo(file.toString());
        assertThat(inspected.bytes()).isEqualTo(HEADER.length());
        assertThat(inspected.ignoredColumns()).isEmpty();
    }

    @Test
    void shouldListTheExtraColumnsOfTheHeader() throws IOException {
        // given
        Path file = write("extra.csv", utf8("Notes,PATIENT_ID,primary_site,registry_id\nP1,anus\n"));

        // when
        CohortFileInspector.InspectedFile inspected = CohortFileInspector.inspect(file);

        // then
        assertThat(inspected.ignoredColumns()).containsExactly("Notes", "registry_id");
    }

    @Test
    void shouldComputeTheSha256OfTheWholeFile() throws Exception {
        // given: more than one 64 KiB read, with non-ASCII text
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 5000; i++) {
            text.append("P").append(i).append(",anus,F\u00e9\n");
        }
        byte[] bytes = utf8(text.toString());
        Path file = write("big.csv", bytes);

        // when
        CohortFileInspector.InspectedFile inspected = CohortFileInspector.inspect(file);

        // then
        assertThat(bytes.length).isGreaterThan(64 * 1024);
        assertThat(inspected.sha256()).isEqualTo(sha256(bytes)).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(inspected.bytes()).isEqualTo(bytes.length);
    }

    @Test
    void shouldGiveTheKnownSha256OfASmallFile() throws Exception {
        // given
        byte[] bytes = utf8(HEADER + "P1,C21.1,F\n");
        Path file = write("small.csv", bytes);

        // when
        String digest = CohortFileInspector.inspect(file).sha256();

        // then
        assertThat(digest).isEqualTo(sha256(bytes));
        assertThat(digest).isNotEqualTo(sha256(utf8(HEADER)));
    }

    @Test
    void shouldGiveTheSha256ThatSha256sumGives() throws IOException {
        // given: `printf 'patient_id,primary_site\n' | sha256sum`
        Path file = write("digest.csv", utf8("patient_id,primary_site\n"));

        // when / then
        assertThat(CohortFileInspector.inspect(file).sha256())
                .isEqualTo("7d654ca7685d581d2cc45dbca6d133f2f58acdaaacbabc25f12553f39cb139ac");
    }

    @Test
    void shouldRejectAFileThatIsNotUtf8NamingTheFileAndTheLineOfTheFirstBadByte() throws IOException {
        // given: Latin-1 "é" (0xE9) on line 3, and another on line 4
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8(HEADER + "P1,anus,F\nP2,anus,"));
        bytes.write(0xE9);
        bytes.writeBytes(utf8("\nP3,anus,"));
        bytes.write(0xE9);
        bytes.writeBytes(utf8("\n"));
        Path file = write("latin1.csv", bytes.toByteArray());

        // when / then
        assertThatThrownBy(() -> CohortFileInspector.inspect(file))
                .isInstanceOf(CohortFileException.class)
                .hasMessageStartingWith(folder.resolve("latin1.csv") + ": ")
                .hasMessageContaining("not UTF-8")
                .hasMessageContaining("line 3")
                .hasMessageNotContaining("line 4");
    }

    @Test
    void shouldRejectABadByteOnTheFirstLine() throws IOException {
        // given: a Latin-1 header, "Num\u00e9ro" in the first column
        byte[] bytes = "Num\u00e9ro,patient_id,primary_site\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = write("header.csv", bytes);

        // when / then
        assertThatThrownBy(() -> CohortFileInspector.inspect(file))
                .isInstanceOf(CohortFileException.class)
                .hasMessageContaining("not UTF-8")
                .hasMessageContaining("line 1");
    }

    @Test
    void shouldCountLinesAcrossReadsToTheFirstBadByte() throws IOException {
        // given: 20,000 lines (far beyond the first 64 KiB read), then a bad byte on line 20,002
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 20_000; i++) {
            text.append("P").append(i).append(",anus,F\r\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8(text.toString()));
        bytes.writeBytes(utf8("P-bad,anus,"));
        bytes.write(0xFF);
        Path file = write("late.csv", bytes.toByteArray());

        // when / then
        assertThatThrownBy(() -> CohortFileInspector.inspect(file))
                .isInstanceOf(CohortFileException.class)
                .hasMessageContaining("line 20002 ");
    }

    @Test
    void shouldAcceptAMultiByteCharacterSplitBetweenTwoReads() throws IOException {
        // given: a two-byte "é" whose first byte is the last byte of the first 64 KiB read
        String start = HEADER + "P1,anus,";
        int filler = 64 * 1024 - 1 - start.length();
        String text = start + "x".repeat(filler) + "\u00e9\n";
        byte[] bytes = utf8(text);
        Path file = write("split.csv", bytes);

        // when
        CohortFileInspector.InspectedFile inspected = CohortFileInspector.inspect(file);

        // then
        assertThat(bytes[64 * 1024 - 1]).isEqualTo((byte) 0xC3);
        assertThat(inspected.bytes()).isEqualTo(bytes.length);
    }

    @Test
    void shouldRejectAFileEndingInsideAMultiByteCharacter() throws IOException {
        // given: the first byte of a two-byte character, then the end of the file
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8(HEADER + "P1,anus,"));
        bytes.write(0xC3);
        Path file = write("cut.csv", bytes.toByteArray());

        // when / then
        assertThatThrownBy(() -> CohortFileInspector.inspect(file))
                .isInstanceOf(CohortFileException.class)
                .hasMessageStartingWith(folder.resolve("cut.csv") + ": ")
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void shouldRejectABinaryFile() throws IOException {
        // given: NUL bytes and bytes that are never valid UTF-8
        byte[] bytes = {0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x00, (byte) 0xFF, (byte) 0xFE, 0x0A, 0x00, (byte) 0x9C};
        Path file = write("export.csv", bytes);

        // when / then
        assertThatThrownBy(() -> CohortFileInspector.inspect(file))
                .isInstanceOf(CohortFileException.class)
                .hasMessageStartingWith(folder.resolve("export.csv") + ": ")
                .hasMessageContaining("not UTF-8")
                .hasMessageContaining("line 1");
    }

    @Test
    void shouldRejectAFileWithANulByteNamingItsLine() throws IOException {
        // given: valid UTF-8 throughout, but a NUL in the third line (a zero-filled block of a damaged copy)
        Path file = write("damaged.csv", utf8(HEADER + "P1,anus,F\nP2,an\u0000us,F\n"));

        // when / then
        assertThatThrownBy(() -> CohortFileInspector.inspect(file))
                .isInstanceOf(CohortFileException.class)
                .hasMessageStartingWith(folder.resolve("damaged.csv") + ": ")
                .hasMessageContaining("NUL byte on line 3");
    }

    @Test
    void shouldRejectAUtf16FileWithoutByteOrderMarkAsHoldingNulBytes() throws IOException {
        // given: UTF-16 of ASCII text is valid UTF-8 byte by byte, with a NUL after every character
        Path file = write("utf16-no-bom.csv", HEADER.getBytes(StandardCharsets.UTF_16LE));

        // when / then
        assertThatThrownBy(() -> CohortFileInspector.inspect(file))
                .isInstanceOf(CohortFileException.class)
                .hasMessageContaining("not UTF-8 text", "NUL byte on line 1", "UTF-16");
    }

    @Test
    void shouldRejectAUtf16File() throws IOException {
        // given
        byte[] bytes = ("\uFEFF" + HEADER).getBytes(StandardCharsets.UTF_16LE);
        Path file = write("utf16.csv", bytes);

        // when / then
        assertThatThrownBy(() -> CohortFileInspector.inspect(file))
                .isInstanceOf(CohortFileException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void shouldRejectAZeroByteFileNamingIt() throws IOException {
        // given
        Path file = write("nothing.csv", new byte[0]);

        // when / then
        assertThatThrownBy(() -> CohortFileInspector.inspect(file))
                .isInstanceOf(CohortFileException.class)
                .hasMessageStartingWith(folder.resolve("nothing.csv") + ": ")
                .hasMessageContaining("empty");
    }

    @Test
    void shouldRejectAFileOfOnlyBlankLinesAsHavingNoHeader() throws IOException {
        // given
        Path file = write("blank.csv", utf8("\n\r\n\n\r"));

        // when / then
        assertThatThrownBy(() -> CohortFileInspector.inspect(file))
                .isInstanceOf(CohortFileException.class)
                .hasMessageStartingWith(folder.resolve("blank.csv") + ": ")
                .hasMessageContaining("no header");
    }

    @Test
    void shouldRejectAFileOfOnlyAByteOrderMarkAsHavingNoHeader() throws IOException {
        // given
        Path file = write("bom.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});

        // when / then
        assertThatThrownBy(() -> CohortFileInspector.inspect(file))
                .isInstanceOf(CohortFileException.class)
                .hasMessageStartingWith(folder.resolve("bom.csv") + ": ")
                .hasMessageContaining("no header");
    }

    @Test
    void shouldRejectAHeaderWithoutARequiredColumnNamingTheFileAndTheColumn() throws IOException {
        // given
        Path file = write("no-site.csv", utf8("patient_id,sex\nP1,F\n"));

        // when / then
        assertThatThrownBy(() -> CohortFileInspector.inspect(file))
                .isInstanceOf(CohortFileException.class)
                .hasMessageStartingWith(folder.resolve("no-site.csv") + ": ")
                .hasMessageContaining("'primary_site'");
    }

    @Test
    void shouldRejectAHeaderThatCannotBeRead() throws IOException {
        // given: the header's quote is never closed
        Path file = write("quote.csv", utf8("\"patient_id,primary_site\nP1,anus\n"));

        // when / then
        assertThatThrownBy(() -> CohortFileInspector.inspect(file))
                .isInstanceOf(CohortFileException.class)
                .hasMessageStartingWith(folder.resolve("quote.csv") + ": ")
                .hasMessageContaining("header");
    }

    @Test
    void shouldAcceptAHeaderWithAByteOrderMarkAndCrlf() throws IOException {
        // given: patient_id first, so a kept mark would hide it
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0xEF);
        bytes.write(0xBB);
        bytes.write(0xBF);
        bytes.writeBytes(utf8("patient_id,primary_site\r\nP1,anus\r\n"));
        Path file = write("bom-crlf.csv", bytes.toByteArray());

        // when
        CohortFileInspector.InspectedFile inspected = CohortFileInspector.inspect(file);

        // then
        assertThat(inspected.ignoredColumns()).isEmpty();
        assertThat(inspected.bytes()).isEqualTo(bytes.size());
    }

    @Test
    void shouldAcceptAHeaderAfterBlankLines() throws IOException {
        // given
        Path file = write("late-header.csv", utf8("\r\n\npatient_id,primary_site\nP1,anus\n"));

        // when / then
        assertThat(CohortFileInspector.inspect(file).ignoredColumns()).isEmpty();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
