package ca.trialpath.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonpCharacterEscapes;
import tools.jackson.databind.json.JsonMapper;

/** The hand-written JSON strings are those the Jackson generator with JSONP escapes wrote before, byte for byte. */
class JsonTextTests {

    /** The generator the JSON Lines were written with before: the reference. */
    private static final JsonMapper JACKSON = JsonMapper.builder(JsonFactory.builder()
                    .characterEscapes(JsonpCharacterEscapes.instance()).build())
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private static String jackson(String value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JACKSON.createGenerator(out)) {
            json.writeString(value);
        }
        return out.toString();
    }

    private static String jacksonStrings(List<String> values) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JACKSON.createGenerator(out)) {
            json.writeStartArray();
            for (String value : values) {
                json.writeString(value);
            }
            json.writeEndArray();
        }
        return out.toString();
    }

    @Test
    void shouldEscapeEveryCharLikeTheGeneratorDid() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String value = "a" + (char) c + "b";
            assertThat(JsonText.quoted(value)).as("U+%04X", c).isEqualTo(jackson(value));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "\"quoted\"", "back\\slash", "a/b", "tab\there", "\b\f\n\r\t", "\u0000\u0001\u001f",
            "\u007f", "line\u2028separator\u2029paragraph", "caf\u00e9 Qu\u00e9bec", "\ud83d\ude00 emoji",
            "lone \ud800 high", "lone \udc00 low", "\udc00\ud800 reversed", "\ufeffbom", "\u2028", "\""})
    void shouldWriteEachEscapedCharacterClassAsBefore(String value) {
        assertThat(JsonText.quoted(value)).isEqualTo(jackson(value));
    }

    @Test
    void shouldWriteNullAsNull() {
        assertThat(JsonText.quoted(null)).isEqualTo("null").isEqualTo(jackson(null));
    }

    @Test
    void shouldWriteASeededRandomCorpusAsTheGeneratorDid() {
        HostileText text = new HostileText(20261127L);
        for (int i = 0; i < 20_000; i++) {
            String value = text.next(40);
            assertThat(JsonText.quoted(value)).as("sample %d", i).isEqualTo(jackson(value));
        }
    }

    @Test
    void shouldWriteStringArraysAsTheGeneratorDid() {
        HostileText text = new HostileText(42L);
        for (int i = 0; i < 2_000; i++) {
            List<String> values = new ArrayList<>();
            for (int n = text.nextInt(4); n > 0; n--) {
                values.add(text.next(12));
            }
            StringBuilder out = new StringBuilder();
            JsonText.strings(out, values);
            assertThat(out.toString()).isEqualTo(jacksonStrings(values));
        }
    }

    @Test
    void shouldAppendToWhatIsAlreadyWritten() {
        StringBuilder out = new StringBuilder("{");
        JsonText.name(out, "city");
        JsonText.string(out, "Trois-Rivi\u00e8res \"QC\"");
        assertThat(out.append('}')).hasToString("{\"city\":\"Trois-Rivi\u00e8res \\\"QC\\\"\"}");
    }
}
