package ca.trialpath.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgChartsTests {

    private static final ReportText EN = ReportText.english();

    @Test
    void shouldDrawOneBarPerCountScaledToTheLargest() {
        // given
        List<SvgCharts.Bar> bars = List.of(new SvgCharts.Bar("Local recurrence", 50), new SvgCharts.Bar("Distant metastasis", 100),
                new SvgCharts.Bar("Out of scope", 0), new SvgCharts.Bar("Undetermined", 1));

        // when
        String svg = Html.render("bars.jte", SvgCharts.bars("c", "People per pathway", bars, EN));

        // then
        assertThat(widths(svg)).containsExactly(110L, 220L, 0L, 2L);
        assertThat(svg).startsWith("<svg class=\"chart\" role=\"img\" aria-labelledby=\"c-title c-desc\"")
                .contains("<title id=\"c-title\">People per pathway</title>",
                        "<desc id=\"c-desc\">Local recurrence: 50. Distant metastasis: 100. Out of scope: 0. Undetermined: 1.</desc>")
                .doesNotContain("http");
    }

    @Test
    void shouldKeepACountAboveZeroVisibleAndEscapeLabels() {
        String svg = Html.render("bars.jte", SvgCharts.bars("c", "<t>", List.of(new SvgCharts.Bar("<script>", 1), new SvgCharts.Bar("big", 1_000_000)), EN));

        assertThat(widths(svg)).containsExactly(1L, 220L);
        assertThat(svg).doesNotContain("<script>", "<t>").contains("&lt;script&gt;", "1,000,000");
    }

    @Test
    void shouldDrawNoBarWhenEveryCountIsZero() {
        String svg = Html.render("bars.jte", SvgCharts.bars("c", "t", List.of(new SvgCharts.Bar("a", 0), new SvgCharts.Bar("b", 0)), EN));

        assertThat(widths(svg)).containsExactly(0L, 0L);
    }

    @Test
    void shouldDrawTheTrendAsThreeSeriesWithTheLastValuesInWords() {
        // given
        List<TrendPoint> runs = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            runs.add(new TrendPoint(LocalDate.of(2026, 11, day), 100L * day, 10L * day, day));
        }

        // when
        String svg = Html.render("trend.jte", SvgCharts.trend("t", runs, EN));

        // then
        assertThat(svg.split("<polyline", -1)).hasSize(4);
        assertThat(svg.split("<circle", -1)).hasSize(10);
        assertThat(svg).contains("series-assessed", "series-high", "series-rejected", "2026-11-01", "2026-11-03",
                "Trend of the last 3 runs", "From 2026-11-01 to 2026-11-03. The last run: 300 assessed, 30 HIGH priority, 3 rejected.");
    }

    @Test
    void shouldDrawASingleRunAsPointsWithoutLines() {
        String svg = Html.render("trend.jte", SvgCharts.trend("t", List.of(new TrendPoint(LocalDate.of(2026, 11, 27), 5, 0, 0)), EN));

        assertThat(svg).doesNotContain("<polyline").contains("<circle", "Trend of the last 1 runs");
    }

    private static List<Long> widths(String svg) {
        Matcher bar = Pattern.compile("<rect class=\"bar\" [^>]*width=\"(\\d+)\"").matcher(svg);
        List<Long> widths = new ArrayList<>();
        while (bar.find()) {
            widths.add(Long.parseLong(bar.group(1)));
        }
        return widths;
    }
}
