package ca.trialpath.output.json;

import java.util.Locale;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/** A key of a published JSON object: the enum constant lower-cased, encoded once for every line that uses it. */
public interface JsonKey {

    /** The key as written. */
    SerializableString key();

    /** The key of an enum constant: its name, lower-cased. */
    static SerializableString of(Enum<?> constant) {
        return new SerializedString(constant.name().toLowerCase(Locale.ROOT));
    }
}
