package dev.paradigm.report.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart of one or more series sharing both axes (for example validation loss against step), optionally with
 * a second x axis along the top that counts the same x in other units (epochs over steps).
 */
public final class LineChart {

    public record Point(double x, double y) {}

    /**
     * A second x axis along the top of the plot: {@code x × perX} in other units, with its own nice ticks.
     *
     * @param title what the top axis counts, e.g. "epoch"
     * @param perX  top-axis units per x unit (epochs per step); positive
     */
    public record TopAxis(String title, double perX) {
        public TopAxis {
            if (!(perX > 0) || !Double.isFinite(perX)) {
                throw new IllegalArgumentException("A top axis needs a positive, finite scale; found " + perX + ".");
            }
        }
    }

    /** One line; {@code markers} draws a dot at every point (useful for sparse evaluation points). */
    public record Series(String name, String color, List<Point> points, boolean markers) {
        public Series {
            points = List.copyOf(points);
        }
    }

    private final String id;
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final List<Series> series;
    private final TopAxis topAxis;

    public LineChart(String id, String title, String xTitle, String yTitle, List<Series> series) {
        this(id, title, xTitle, yTitle, series, null);
    }

    /** A chart with a second x axis along the top; {@code topAxis} null draws none. */
    public LineChart(String id, String title, String xTitle, String yTitle, List<Series> series, TopAxis topAxis) {
        this.id = id;
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.series = List.copyOf(series);
        this.topAxis = topAxis;
    }

    public String render() {
        List<Point> all = series.stream().flatMap(s -> s.points().stream())
                .filter(p -> Double.isFinite(p.x()) && Double.isFinite(p.y())).toList();
        double xMin = all.stream().mapToDouble(Point::x).min().orElse(0);
        double xMax = all.stream().mapToDouble(Point::x).max().orElse(1);
        double yMin = all.stream().mapToDouble(Point::y).min().orElse(0);
        double yMax = all.stream().mapToDouble(Point::y).max().orElse(1);
        NiceScale x = NiceScale.of(Math.min(0, xMin), xMax, 8);
        NiceScale y = NiceScale.of(yMin, yMax, 6);

        StringBuilder svg = new StringBuilder();
        Frame.open(svg, id, title);
        Frame.yAxis(svg, y, yTitle);
        for (double tick : x.ticks()) {
            double px = x.map(tick, Frame.plotLeft(), Frame.plotRight());
            svg.append(Frame.line(px, Frame.plotBottom(), px, Frame.plotBottom() + 5, "#555", 1));
            svg.append(Frame.text(px, Frame.plotBottom() + 20, "middle", "#444", x.label(tick)));
        }
        Frame.xTitle(svg, xTitle);
        if (topAxis != null) {
            drawTopAxis(svg, x);
        }
        for (Series s : series) {
            drawSeries(svg, s, x, y);
        }
        List<Series> named = series.stream() // one legend entry per name (several seeds' lines may share one)
                .filter(s -> series.stream().filter(o -> o.name().equals(s.name())).findFirst().get() == s).toList();
        Frame.legend(svg, named.stream().map(Series::name).toList(), named.stream().map(Series::color).toList());
        Frame.close(svg);
        return svg.toString();
    }

    /** Ticks of the top axis inside the x range, under the legend's row; its title left of the plot. */
    private void drawTopAxis(StringBuilder svg, NiceScale x) {
        NiceScale top = NiceScale.of(0, x.max() * topAxis.perX(), 8);
        for (double tick : top.ticks()) {
            double atX = tick / topAxis.perX();
            if (atX < x.min() || atX > x.max()) {
                continue;
            }
            double px = x.map(atX, Frame.plotLeft(), Frame.plotRight());
            svg.append(Frame.line(px, Frame.plotTop(), px, Frame.plotTop() - 4, "#555", 1));
            svg.append(Frame.smallText(px, Frame.plotTop() - 6, "middle", "#444", top.label(tick)));
        }
        svg.append(Frame.smallText(Frame.plotLeft() - 8, Frame.plotTop() - 6, "end", "#222", topAxis.title()));
    }

    private static void drawSeries(StringBuilder svg, Series s, NiceScale x, NiceScale y) {
        List<String> coordinates = new ArrayList<>();
        for (Point p : s.points()) {
            if (Double.isFinite(p.x()) && Double.isFinite(p.y())) { // a NaN loss leaves a gap-free line of the rest
                coordinates.add(Frame.num(x.map(p.x(), Frame.plotLeft(), Frame.plotRight())) + ","
                        + Frame.num(y.map(p.y(), Frame.plotBottom(), Frame.plotTop())));
            }
        }
        svg.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(s.color())
                .append("\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"")
                .append(String.join(" ", coordinates)).append("\"><title>").append(XmlText.escape(s.name()))
                .append("</title></polyline>\n");
        if (s.markers()) {
            for (String c : coordinates) {
                String[] xy = c.split(",");
                svg.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1])
                        .append("\" r=\"3\" fill=\"").append(s.color()).append("\"/>\n");
            }
        }
    }
}
