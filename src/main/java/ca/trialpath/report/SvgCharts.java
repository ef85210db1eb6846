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
 * <p>This class works out each chart's geometry and words as a typed model; the templates {@code bars.jte}
 * and {@code trend.jte} draw it, escaping labels like every other value of the page. Spring-free and stateless.
 */
public final class SvgCharts {

    /** One bar: what it counts, in words, and how many. */
    public record Bar(String label, long value) {
    }

    /** One bar of two parts: a trial's candidates with a site in the person's province, and elsewhere. */
    record Split(String label, long first, long second) {
    }

    /** A bar chart as drawn: its size, words and bars. @param id unique in the page, the prefix of the title's and description's ids */
    record Bars(String id, String title, String desc, int width, int height, List<DrawnBar> bars) {
    }

    /** One bar as drawn: the label right-aligned before {@code barX}, the bar, and the count after it. */
    record DrawnBar(String label, int labelX, int textY, int barX, int barY, long length, int barHeight, long valueX,
            String value) {
    }

    /** The trend as drawn: one panel per series, and the first and last run dates under them. */
    record TrendChart(String id, String title, String desc, int width, int height, List<Panel> panels, Axis first,
            Axis last) {
    }

    /**
     * One series of the trend.
     *
     * @param points the polyline's points, {@code null} for a single run (a point, no line)
     * @param value  the last run's value in words, {@code null} without runs
     */
    record Panel(String series, String label, int labelX, int labelY, int baseX1, int baseX2, int baseY, String points,
            List<Point> circles, int valueX, int valueY, String value) {
    }

    record Point(String cx, String cy) {
    }

    /** A run date under the panels. @param end it ends at {@code x} (the last date) rather than starting there */
    record Axis(int x, int y, String date, boolean end) {
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
    static Bars bars(String id, String title, List<Bar> bars, ReportText text) {
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        int height = Math.max(1, bars.size()) * ROW + 4;
        int width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
        List<String> words = new ArrayList<>();
        List<DrawnBar> drawn = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            words.add(text.get("chart.bars.desc", bar.label(), text.number(bar.value())));
            int y = i * ROW + 2;
            long length = max == 0 ? 0 : Math.round((double) bar.value() * BAR_WIDTH / max);
            if (bar.value() > 0 && length == 0) {
                length = 1; // a count above zero stays visible
            }
            drawn.add(new DrawnBar(bar.label(), LABEL_WIDTH - 6, y + 15, LABEL_WIDTH, y + 3, length, ROW - 6,
                    LABEL_WIDTH + length + 5, text.number(bar.value())));
        }
        return new Bars(id, title, String.join(" ", words), width, height, drawn);
    }

    /**
     * A horizontal bar chart of two-part bars (in the person's province, elsewhere), scaled to the longest bar.
     */
    static ReportView.SplitBars split(String id, String title, List<Split> bars, ReportText text) {
        long max = bars.stream().mapToLong(b -> b.first() + b.second()).max().orElse(0);
        int height = Math.max(1, bars.size()) * ROW + 4;
        int width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
        List<String> words = new ArrayList<>();
        List<ReportView.SplitBar> drawn = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Split bar = bars.get(i);
            words.add(text.get("counts.bar", bar.label(), text.number(bar.first()), text.number(bar.second())));
            int y = i * ROW + 2;
            long first = length(bar.first(), max);
            long second = length(bar.second(), max);
            drawn.add(new ReportView.SplitBar(bar.label(), LABEL_WIDTH - 6, y + 15, LABEL_WIDTH, y + 3, first, second,
                    ROW - 6, LABEL_WIDTH + first + second + 5,
                    text.number(bar.first()) + " + " + text.number(bar.second())));
        }
        return new ReportView.SplitBars(id, title, String.join(" ", words), width, height, drawn);
    }

    private static long length(long value, long max) {
        long length = max == 0 ? 0 : Math.round((double) value * BAR_WIDTH / max);
        return value > 0 && length == 0 ? 1 : length; // a count above zero stays visible
    }

    /**
     * The trend of the given runs, oldest first: three panels (people assessed, HIGH priority, rejected
     * rows), each on its own scale from zero so that a small series is not flattened by a large one.
     */
    static TrendChart trend(String id, List<TrendPoint> runs, ReportText text) {
        int height = 3 * PANEL + 24;
        String title = text.get("chart.trend.title", runs.size());
        String desc = "";
        if (!runs.isEmpty()) {
            TrendPoint last = runs.get(runs.size() - 1);
            desc = text.get("chart.trend.desc", String.valueOf(runs.get(0).runDate()), String.valueOf(last.runDate()),
                    text.number(last.assessed()), text.number(last.high()), text.number(last.rejected()));
        }
        List<Panel> panels = List.of(
                panel(0, "assessed", text.get("chart.trend.assessed"), runs.stream().mapToLong(TrendPoint::assessed).toArray(), text),
                panel(1, "high", text.get("chart.trend.high"), runs.stream().mapToLong(TrendPoint::high).toArray(), text),
                panel(2, "rejected", text.get("chart.trend.rejected"), runs.stream().mapToLong(TrendPoint::rejected).toArray(), text));
        Axis first = null;
        Axis last = null;
        if (!runs.isEmpty()) {
            int bottom = 3 * PANEL + 16;
            first = new Axis(TREND_LEFT, bottom, String.valueOf(runs.get(0).runDate()), false);
            if (runs.size() > 1) {
                last = new Axis(TREND_WIDTH - TREND_RIGHT, bottom, String.valueOf(runs.get(runs.size() - 1).runDate()), true);
            }
        }
        return new TrendChart(id, title, desc, TREND_WIDTH, height, panels, first, last);
    }

    private static Panel panel(int index, String series, String label, long[] values, ReportText text) {
        int top = index * PANEL + 4;
        int plotTop = top + 8;
        int plotHeight = PANEL - 22;
        int plotWidth = TREND_WIDTH - TREND_LEFT - TREND_RIGHT;
        long max = 0;
        for (long v : values) {
            max = Math.max(max, v);
        }
        List<String> points = new ArrayList<>();
        List<Point> circles = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            double x = values.length == 1 ? TREND_LEFT + plotWidth : TREND_LEFT + (double) i * plotWidth / (values.length - 1);
            double y = plotTop + plotHeight - (max == 0 ? 0 : (double) values[i] * plotHeight / max);
            Point point = new Point(String.format(Locale.ROOT, "%.1f", x), String.format(Locale.ROOT, "%.1f", y));
            circles.add(point);
            points.add(point.cx() + "," + point.cy());
        }
        return new Panel(series, label, TREND_LEFT - 8, plotTop + plotHeight / 2 + 4, TREND_LEFT, TREND_LEFT + plotWidth,
                plotTop + plotHeight, values.length > 1 ? String.join(" ", points) : null, circles,
                TREND_LEFT + plotWidth + 8, plotTop + plotHeight / 2 + 4,
                values.length > 0 ? text.number(values[values.length - 1]) : null);
    }
}
