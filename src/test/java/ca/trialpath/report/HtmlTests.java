package ca.trialpath.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTests {

    @Test
    void shouldEscapeTheFiveSpecialCharacters() {
        assertThat(Html.escape("a & b < c > d \" e ' f")).isEqualTo("a &amp; b &lt; c &gt; d &quot; e &#39; f");
    }

    @Test
    void shouldMakeAScriptTagInert() {
        assertThat(Html.escape("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void shouldNotLetAValueCloseAnAttribute() {
        assertThat(Html.escape("\"><img src=x onerror=alert(1)>"))
                .isEqualTo("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("\"", "<", ">");
        assertThat(Html.escape("' onmouseover='alert(1)")).doesNotContain("'");
    }

    @Test
    void shouldEscapeAnAmpersandOnlyOnce() {
        assertThat(Html.escape("&amp;")).isEqualTo("&amp;amp;");
    }

    @Test
    void shouldKeepNonAsciiText() {
        assertThat(Html.escape("Québec, Montréal, 北京, 😀")).isEqualTo("Québec, Montréal, 北京, 😀");
    }

    @Test
    void shouldWriteNullAsEmptyAndReplaceForbiddenControlCharacters() {
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape("a\u0000b\u0007c\td\ne")).isEqualTo("a\uFFFDb\uFFFDc\td\ne");
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
