package ca.trialpath.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The charts of {@code report.html}, drawn as inline SVG by the job: nothing is fetched and no script
 * draws them, so they show opened from disk, offline, and print. Each chart is an image with a
 * {@code <title>} and a {@code <desc>} that says its numbers in words; the page puts the same numbers in a
 * table beside it, the text equivalent a screen reader can walk through.
 *
 * <p>Labels and values are escaped like every other value of the page. Spring-free and stateless.
 */
public final class SvgCharts {

    /** One bar: what it counts, in words, and how many. */
    public record Bar(String label, long value) {
    }

    private static final int BAR_WIDTH = 220;
    private static final int LABEL_WIDTH = 170;
    private static final int ROW = 22;
    private static final int VALUE_WIDTH = 80;

    private static final int TREND_WIDTH = 620;
    private static final int PANEL = 70;
    private static final int TREND_LEFT = 150;
    private static final int TREND_RIGHT = 90;

    private SvgCharts() {
    }

    /**
     * A horizontal bar chart, one bar per entry, scaled to the largest value.
     *
     * @param id an id unique in the page; the title and description take it as a prefix
     */
    public static String bars(String id, String title, List<Bar> bars, ReportText text) {
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        int height = Math.max(1, bars.size()) * ROW + 4;
        int width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
        List<String> words = new ArrayList<>();
        for (Bar bar : bars) {
            words.add(text.get("chart.bars.desc", bar.label(), text.number(bar.value())));
        }
        StringBuilder svg = open(id, title, String.join(" ", words), width, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * ROW + 2;
            long length = max == 0 ? 0 : Math.round((double) bar.value() * BAR_WIDTH / max);
            if (bar.value() > 0 && length == 0) {
                length = 1; // a count above zero stays visible
            }
            svg.append("<text x=\"").append(LABEL_WIDTH - 6).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">").append(Html.escape(bar.label())).append("</text>")
                    .append("<rect class=\"bar\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 3)
                    .append("\" width=\"").append(length).append("\" height=\"").append(ROW - 6).append("\"/>")
                    .append("<text class=\"value\" x=\"").append(LABEL_WIDTH + length + 5).append("\" y=\"").append(y + 15)
                    .append("\">").append(Html.escape(text.number(bar.value()))).append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * The trend of the given runs, oldest first: three panels (people assessed, HIGH priority, rejected
     * rows), each on its own scale from zero so that a small series is not flattened by a large one.
     */
    public static String trend(String id, List<TrendPoint> runs, ReportText text) {
        int height = 3 * PANEL + 24;
        String title = text.get("chart.trend.title", runs.size());
        String desc = "";
        if (!runs.isEmpty()) {
            TrendPoint last = runs.get(runs.size() - 1);
            desc = text.get("chart.trend.desc", String.valueOf(runs.get(0).runDate()), String.valueOf(last.runDate()),
                    text.number(last.assessed()), text.number(last.high()), text.number(last.rejected()));
        }
        StringBuilder svg = open(id, title, desc, TREND_WIDTH, height);
        panel(svg, 0, "assessed", text.get("chart.trend.assessed"), runs.stream().mapToLong(TrendPoint::assessed).toArray(), text);
        panel(svg, 1, "high", text.get("chart.trend.high"), runs.stream().mapToLong(TrendPoint::high).toArray(), text);
        panel(svg, 2, "rejected", text.get("chart.trend.rejected"), runs.stream().mapToLong(TrendPoint::rejected).toArray(), text);
        if (!runs.isEmpty()) {
            int bottom = 3 * PANEL + 16;
            svg.append("<text class=\"axis\" x=\"").append(TREND_LEFT).append("\" y=\"").append(bottom).append("\">")
                    .append(Html.escape(String.valueOf(runs.get(0).runDate()))).append("</text>");
            if (runs.size() > 1) {
                svg.append("<text class=\"axis\" x=\"").append(TREND_WIDTH - TREND_RIGHT).append("\" y=\"").append(bottom)
                        .append("\" text-anchor=\"end\">").append(Html.escape(String.valueOf(runs.get(runs.size() - 1).runDate())))
                        .append("</text>");
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder svg, int index, String series, String label, long[] values, ReportText text) {
        int top = index * PANEL + 4;
        int plotTop = top + 8;
        int plotHeight = PANEL - 22;
        int plotWidth = TREND_WIDTH - TREND_LEFT - TREND_RIGHT;
        long max = 0;
        for (long v : values) {
            max = Math.max(max, v);
        }
        svg.append("<g class=\"series series-").append(series).append("\">");
        svg.append("<text x=\"").append(TREND_LEFT - 8).append("\" y=\"").append(plotTop + plotHeight / 2 + 4)
                .append("\" text-anchor=\"end\">").append(Html.escape(label)).append("</text>");
        svg.append("<line class=\"baseline\" x1=\"").append(TREND_LEFT).append("\" y1=\"").append(plotTop + plotHeight)
                .append("\" x2=\"").append(TREND_LEFT + plotWidth).append("\" y2=\"").append(plotTop + plotHeight).append("\"/>");
        List<String> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            double x = values.length == 1 ? TREND_LEFT + plotWidth : TREND_LEFT + (double) i * plotWidth / (values.length - 1);
            double y = plotTop + plotHeight - (max == 0 ? 0 : (double) values[i] * plotHeight / max);
            points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        if (values.length > 1) {
            svg.append("<polyline points=\"").append(String.join(" ", points)).append("\"/>");
        }
        for (String point : points) {
            int comma = point.indexOf(',');
            svg.append("<circle cx=\"").append(point, 0, comma).append("\" cy=\"").append(point.substring(comma + 1))
                    .append("\" r=\"3\"/>");
        }
        if (values.length > 0) {
            svg.append("<text class=\"value\" x=\"").append(TREND_LEFT + plotWidth + 8).append("\" y=\"")
                    .append(plotTop + plotHeight / 2 + 4).append("\">").append(Html.escape(text.number(values[values.length - 1])))
                    .append("</text>");
        }
        svg.append("</g>\n");
    }

    private static StringBuilder open(String id, String title, String desc, int width, int height) {
        String safeId = Html.escape(id);
        return new StringBuilder(4096).append("<svg class=\"chart\" role=\"img\" aria-labelledby=\"").append(safeId)
                .append("-title ").append(safeId).append("-desc\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" focusable=\"false\">\n<title id=\"").append(safeId)
                .append("-title\">").append(Html.escape(title)).append("</title>\n<desc id=\"").append(safeId).append("-desc\">")
                .append(Html.escape(desc)).append("</desc>\n");
    }
}
