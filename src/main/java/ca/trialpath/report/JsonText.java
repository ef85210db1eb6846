package ca.trialpath.report;

import java.util.List;

/**
 * JSON values written straight into a {@link StringBuilder}: the job writes one JSON object per person, and a
 * streaming generator with custom escapes cost more CPU than all the rules together.
 *
 * <p>The escapes are exactly those Jackson wrote with {@code JsonpCharacterEscapes}, so the files stay the
 * same byte for byte: {@code \"}, {@code \\}, {@code \b \t \n \f \r}, every other control character below
 * U+0020 as {@code \}{@code u00XX} (upper-case hex), and U+2028 and U+2029 as {@code \}{@code u2028} and
 * {@code \}{@code u2029}, which are line breaks to JavaScript and to many line readers (Python's
 * splitlines): escaped, a value holding one cannot split a JSON Lines record. Everything else, {@code /}
 * and surrogates included, is written as it is.
 */
public final class JsonText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonText() {
    }

    /** A string value, quoted and escaped, or {@code null}. */
    public static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int length = value.length();
        int i = 0;
        while (i < length && !needsEscape(value.charAt(i))) {
            i++;
        }
        if (i == length) {
            // the common case, copied whole: append(String) is a bulk copy, append(String, from, to) is not
            out.append(value).append('"');
            return;
        }
        out.append(value, 0, i);
        for (; i < length; i++) {
            char c = value.charAt(i);
            if (needsEscape(c)) {
                escape(out, c);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** A string value as text: for what is the same in every line, written once and copied. */
    public static String quoted(String value) {
        StringBuilder out = new StringBuilder(value == null ? 4 : value.length() + 2);
        string(out, value);
        return out.toString();
    }

    /** {@code "name":} before a value; names are the writer's own, plain ASCII, so not escaped. */
    public static void name(StringBuilder out, String name) {
        out.append('"').append(name).append("\":");
    }

    /** An array of strings. */
    public static void strings(StringBuilder out, List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, values.get(i));
        }
        out.append(']');
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029';
    }

    private static void escape(StringBuilder out, char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\b' -> out.append("\\b");
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\f' -> out.append("\\f");
            case '\r' -> out.append("\\r");
            default -> out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                    .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
        }
    }
}
