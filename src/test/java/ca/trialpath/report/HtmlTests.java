package ca.trialpath.report;

import static org.assertj.core.api.Assertions.assertThat;

import ca.trialpath.report.ReportView.Txt;
import ca.trialpath.report.ReportView.Val;
import org.junit.jupiter.api.Test;

/** Values through the page's templates: jte escapes them for where they land, after the control characters go. */
class HtmlTests {

    /** A value as element content. */
    static String content(String value) {
        return Html.render("val.jte", Val.text(value));
    }

    /** A value as a quoted attribute (a title), with "x" as the content. */
    static String attribute(String value) {
        String html = Html.render("val.jte", Val.of(Txt.words("x", value)));
        assertThat(html).startsWith("<span title=\"").endsWith("\">x</span>");
        return html.substring("<span title=\"".length(), html.length() - "\">x</span>".length());
    }

    @Test
    void shouldEscapeMarkupAndAmpersandsInContentAndQuotesTooInAnAttribute() {
        assertThat(content("a & b < c > d \" e ' f")).isEqualTo("a &amp; b &lt; c &gt; d \" e ' f");
        assertThat(attribute("a & b < c \" e ' f")).isEqualTo("a &amp; b &lt; c &#34; e &#39; f");
    }

    @Test
    void shouldMakeAScriptTagInert() {
        assertThat(content("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void shouldNotLetAValueCloseAnAttribute() {
        assertThat(attribute("\"><img src=x onerror=alert(1)>")).doesNotContain("\"", "<");
        assertThat(attribute("' onmouseover='alert(1)")).doesNotContain("'");
    }

    @Test
    void shouldEscapeAnAmpersandOnlyOnce() {
        assertThat(content("&amp;")).isEqualTo("&amp;amp;");
    }

    @Test
    void shouldKeepNonAsciiText() {
        assertThat(content("Québec, Montréal, 北京, 😀")).isEqualTo("Québec, Montréal, 北京, 😀");
    }

    @Test
    void shouldWriteNullAsNothingAndReplaceForbiddenControlCharacters() {
        assertThat(content(null)).isEmpty();
        assertThat(content("a\u0000b\u0007c\td\ne")).isEqualTo("a\uFFFDb\uFFFDc\td\ne");
        assertThat(attribute("a\u0001b")).isEqualTo("a\uFFFDb");
    }

    @Test
    void shouldKeepAValidPatientIdInTheAnchor() {
        assertThat(Html.personAnchor("P0001.a_b-c")).isEqualTo("p-P0001.a_b-c");
    }

    @Test
    void shouldEncodeAnyOtherCharacterOfAnAnchorSoDistinctIdsStayDistinct() {
        String anchor = Html.personAnchor("\"><script>é");
        assertThat(anchor).matches("p-[A-Za-z0-9._~-]+").isEqualTo("p-~22~3E~3Cscript~3E~C3~A9");
        assertThat(Html.personAnchor("a b")).isNotEqualTo(Html.personAnchor("a_b"));
    }
}
