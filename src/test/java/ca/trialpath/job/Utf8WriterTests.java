package ca.trialpath.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The staged files' UTF-8 is the JDK's, byte for byte, however the text is cut into writes. */
class Utf8WriterTests {

    private static byte[] jdk(String... writes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            for (String write : writes) {
                out.write(write);
                out.flush();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] ours(String... writes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new Utf8Writer(bytes)) {
            for (String write : writes) {
                out.write(write);
                out.flush();
            }
        }
        return bytes.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ascii", "Qu\u00e9bec", "\u20ac \u2028 \uffff", "\ud83d\ude00", "a\ud800b", "a\udc00b",
            "\ud800\ud800\udc00", "\udc00\ud800", "end\ud800"})
    void shouldEncodeLikeTheJdk(String text) throws IOException {
        assertThat(ours(text)).isEqualTo(jdk(text));
    }

    @Test
    void shouldJoinASurrogatePairCutBetweenTwoWrites() throws IOException {
        assertThat(ours("a\ud83d", "\ude00b")).isEqualTo(jdk("a\ud83d", "\ude00b"))
                .isEqualTo("a\ud83d\ude00b".getBytes(StandardCharsets.UTF_8));
        assertThat(ours("a\ud83d", "b")).isEqualTo(jdk("a\ud83d", "b"));
        assertThat(ours("a\ud83d", "", "\ude00")).isEqualTo(jdk("a\ud83d", "", "\ude00"));
    }

    @Test
    void shouldFlushAllButAHalfWrittenPair() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Writer out = new Utf8Writer(bytes);
        out.write("ab\ud83d");
        out.flush();
        assertThat(bytes.toByteArray()).isEqualTo(new byte[] {'a', 'b'});
        out.write("\ude00");
        out.flush();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("ab\ud83d\ude00");
    }

    @Test
    void shouldEncodeASeededRandomCorpusCutAnywhereLikeTheJdk() throws IOException {
        Random random = new Random(20261127L);
        for (int sample = 0; sample < 300; sample++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(sample % 10 == 0 ? 200_000 : 2_000);
            for (int i = 0; i < length; i++) {
                text.append(switch (random.nextInt(8)) {
                    case 0 -> (char) (Character.MIN_SURROGATE + random.nextInt(0x800));
                    case 1 -> "\ud83d\ude00";
                    case 2 -> (char) random.nextInt(0x10000);
                    case 3 -> '\u00e9';
                    default -> (char) random.nextInt(0x80);
                });
            }
            String[] writes = cut(text.toString(), random);
            assertThat(ours(writes)).as("sample %d", sample).isEqualTo(jdk(writes));
        }
    }

    private static String[] cut(String text, Random random) {
        int pieces = 1 + random.nextInt(5);
        String[] writes = new String[pieces];
        int from = 0;
        for (int i = 0; i < pieces - 1; i++) {
            int to = from + random.nextInt(text.length() - from + 1);
            writes[i] = text.substring(from, to);
            from = to;
        }
        writes[pieces - 1] = text.substring(from);
        return writes;
    }
}
