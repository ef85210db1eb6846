package ca.trialpath.output.json;

import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.JsonpCharacterEscapes;

/**
 * The one JSON dialect of the job's JSON files: Jackson's generator with JSONP escapes, so that U+2028 and
 * U+2029, line breaks to JavaScript and to many line readers (Python's splitlines), are escaped and a value
 * holding one cannot split a JSON Lines record; {@code /} is written as it is. Objects written one after the
 * other are not separated (a JSON Lines writer ends each with its line feed), and closing a generator leaves
 * the file open: the staged files outlive them.
 */
public final class PublishedJson {

    public static final JsonFactory FACTORY = JsonFactory.builder()
            .characterEscapes(JsonpCharacterEscapes.instance())
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .enable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .rootValueSeparator((String) null)
            .build();

    private PublishedJson() {
    }

    /** A generator writing into {@code out}; closing it flushes, and leaves {@code out} open. */
    public static JsonGenerator generator(Writer out) {
        return FACTORY.createGenerator(ObjectWriteContext.empty(), out);
    }
}
