package dev.paradigm.report.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Points with interval whiskers against a logarithmic x axis, each series with a line through a chosen subset of its
 * points (for example judge perplexity against diversity, with each paradigm's Pareto front drawn as its curve).
 * The x axis is logarithmic because the quantities it shows (perplexities) span orders of magnitude.
 */
public final class ScatterChart {

    /** A point and its y interval (use y for both ends when it has none). */
    public record Point(double x, double y, double yLow, double yHigh) {}

    /**
     * One series: every point is drawn with its whisker; {@code line} (points of the series, in drawing order) is
     * joined, dashed or solid.
     */
    public record Series(String name, String color, boolean dashed, List<Point> points, List<Point> line) {
        public Series {
            points = List.copyOf(points);
            line = List.copyOf(line);
        }
    }

    private final String id;
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final List<Series> series;

    public ScatterChart(String id, String title, String xTitle, String yTitle, List<Series> series) {
        this.id = id;
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.series = List.copyOf(series);
    }

    public String render() {
        List<Point> all = series.stream().flatMap(s -> s.points().stream()).filter(ScatterChart::drawable).toList();
        double xMin = all.stream().mapToDouble(Point::x).min().orElse(1);
        double xMax = all.stream().mapToDouble(Point::x).max().orElse(10);
        double yMin = all.stream().mapToDouble(p -> Math.min(p.y(), p.yLow())).min().orElse(0);
        double yMax = all.stream().mapToDouble(p -> Math.max(p.y(), p.yHigh())).max().orElse(1);
        LogScale x = LogScale.of(xMin, xMax);
        NiceScale y = NiceScale.of(Math.min(0, yMin), yMax, 6);

        StringBuilder svg = new StringBuilder();
        Frame.open(svg, id, title);
        Frame.yAxis(svg, y, yTitle);
        for (double tick : x.ticks()) {
            double px = x.map(tick);
            svg.append(Frame.line(px, Frame.plotBottom(), px, Frame.plotBottom() + 5, "#555", 1));
            svg.append(Frame.text(px, Frame.plotBottom() + 20, "middle", "#444", LogScale.label(tick)));
        }
        Frame.xTitle(svg, xTitle);
        for (Series s : series) {
            draw(svg, s, x, y);
        }
        Frame.legend(svg, series.stream().map(Series::name).toList(), series.stream().map(Series::color).toList());
        Frame.close(svg);
        return svg.toString();
    }

    private static boolean drawable(Point p) {
        return p.x() > 0 && Double.isFinite(p.x()) && Double.isFinite(p.y()) && Double.isFinite(p.yLow())
                && Double.isFinite(p.yHigh());
    }

    private static void draw(StringBuilder svg, Series s, LogScale x, NiceScale y) {
        List<String> coordinates = new ArrayList<>();
        for (Point p : s.line()) {
            if (drawable(p)) {
                coordinates.add(Frame.num(x.map(p.x())) + "," + Frame.num(y.map(p.y(), Frame.plotBottom(), Frame.plotTop())));
            }
        }
        svg.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(s.color()).append("\" stroke-width=\"2\"")
                .append(s.dashed() ? " stroke-dasharray=\"6 4\"" : "").append(" points=\"")
                .append(String.join(" ", coordinates)).append("\"><title>").append(XmlText.escape(s.name()))
                .append("</title></polyline>\n");
        for (Point p : s.points()) {
            if (!drawable(p)) {
                continue;
            }
            double px = x.map(p.x());
            svg.append("<g class=\"point\">");
            svg.append(Frame.line(px, y.map(p.yLow(), Frame.plotBottom(), Frame.plotTop()), px,
                    y.map(p.yHigh(), Frame.plotBottom(), Frame.plotTop()), s.color(), 1.2));
            svg.append("<circle cx=\"").append(Frame.num(px)).append("\" cy=\"")
                    .append(Frame.num(y.map(p.y(), Frame.plotBottom(), Frame.plotTop()))).append("\" r=\"3.5\" fill=\"")
                    .append(s.color()).append("\"><title>").append(XmlText.escape(String.format(Locale.ROOT,
                            "%s: x %.4g, y %.3f [%.3f, %.3f]", s.name(), p.x(), p.y(), p.yLow(), p.yHigh())))
                    .append("</title></circle></g>\n");
        }
    }

    /** A base-10 logarithmic axis over the plot's width, widened to whole decades or their halves. */
    record LogScale(double min, double max) {
        static LogScale of(double dataMin, double dataMax) {
            double low = Math.floor(Math.log10(dataMin));
            double high = Math.ceil(Math.log10(dataMax));
            if (high <= low) {
                high = low + 1;
            }
            return new LogScale(Math.pow(10, low), Math.pow(10, high));
        }

        /** 1, 10, 100 …; with 1, 2 and 5 of each decade when the axis spans at most two. */
        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            boolean fine = Math.log10(max / min) <= 2.0001;
            for (double decade = min; decade <= max * 1.0001; decade *= 10) {
                ticks.add(decade);
                if (fine && decade * 10 <= max * 1.0001) {
                    ticks.add(2 * decade);
                    ticks.add(5 * decade);
                }
            }
            return ticks;
        }

        double map(double value) {
            return Frame.plotLeft() + Math.log(value / min) / Math.log(max / min) * (Frame.plotRight() - Frame.plotLeft());
        }

        static String label(double tick) {
            return tick >= 1 ? String.format(Locale.ROOT, "%,.0f", tick) : String.format(Locale.ROOT, "%s",
                    new java.math.BigDecimal(tick).round(new java.math.MathContext(1)).stripTrailingZeros().toPlainString());
        }
    }
}
