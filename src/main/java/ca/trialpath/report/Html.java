package ca.trialpath.report;

import java.nio.charset.StandardCharsets;

/**
 * The two ways a value from the data may enter {@code report.html}: as escaped text (element content or a
 * quoted attribute) and as a fragment id. Nothing from the data is written any other way.
 */
final class Html {

    private Html() {
    }

    /**
     * Escapes {@code & < > " '} so a value is inert both in element content and inside a quoted attribute.
     * Control characters that HTML forbids become U+FFFD; {@code null} becomes the empty string.
     */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> isForbiddenControl(c) ? "\uFFFD" : null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 16).append(value, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    /**
     * The id of a person's anchor: {@code "p-"} and the patient id. Patient ids are {@code [A-Za-z0-9._-]}
     * (cohort-csv.md), which need no change; any other character is written as {@code ~} and its UTF-8
     * bytes in hex, so distinct ids stay distinct and the result is safe in both {@code id} and {@code href}.
     */
    static String personAnchor(String patientId) {
        StringBuilder id = new StringBuilder("p-");
        String value = patientId == null ? "" : patientId;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128 && (Character.isLetterOrDigit(cp) || cp == '.' || cp == '_' || cp == '-')) {
                id.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    id.append('~').append(String.format("%02X", b & 0xFF));
                }
            }
        }
        return id.toString();
    }

    private static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }
}
