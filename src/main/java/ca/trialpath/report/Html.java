package ca.trialpath.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;

/**
 * How values from the data enter {@code report.html}: through the page's templates, compiled at build time
 * ({@code src/main/jte}, jte's {@code ContentType.Html}), which escape every value for where it lands
 * (element content or a quoted attribute); control characters that HTML forbids become U+FFFD first. A
 * person's fragment id is made here.
 */
final class Html {

    /** The templates, compiled with the code by the jte-maven-plugin: no compiler at run time. */
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Html.class.getClassLoader(), "ca.trialpath.report");

    private Html() {
    }

    /** Renders {@code template} (a file name under {@code src/main/jte}) with its one parameter. */
    static void render(String template, Object parameter, TemplateOutput out) {
        TEMPLATES.render(template, parameter, new CleanOutput(out));
    }

    /** The markup of a template of one parameter, e.g. one chart, for the tests. */
    static String render(String template, Object parameter) {
        StringOutput out = new StringOutput();
        render(template, parameter, out);
        return out.toString();
    }

    /** Renders {@code template} with its parameters by name. */
    static void render(String template, java.util.Map<String, Object> parameters, TemplateOutput out) {
        TEMPLATES.render(template, parameters, new CleanOutput(out));
    }

    /** The markup of a template of several parameters, by name, for the tests. */
    static String render(String template, java.util.Map<String, Object> parameters) {
        StringOutput out = new StringOutput();
        render(template, parameters, out);
        return out.toString();
    }

    /**
     * The value without the control characters HTML forbids (U+0000 to U+001F but tab and line breaks,
     * U+007F to U+009F), each replaced by U+FFFD; {@code null} stays {@code null}.
     */
    static String withoutForbiddenControls(String value) {
        if (value == null) {
            return null;
        }
        char[] chars = null;
        for (int i = 0; i < value.length(); i++) {
            if (isForbiddenControl(value.charAt(i))) {
                if (chars == null) {
                    chars = value.toCharArray();
                }
                chars[i] = '\uFFFD';
            }
        }
        return chars == null ? value : new String(chars);
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

    /** jte's escaping of every value, after the forbidden control characters are replaced. */
    private static final class CleanOutput extends OwaspHtmlTemplateOutput {

        CleanOutput(TemplateOutput out) {
            super(out);
        }

        @Override
        public void writeUserContent(String value) {
            super.writeUserContent(withoutForbiddenControls(value));
        }
    }
}
