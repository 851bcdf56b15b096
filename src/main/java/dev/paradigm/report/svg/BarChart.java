package dev.paradigm.report.svg;

import java.util.List;

/** Grouped bars, one group per category and one bar per series, each with a 95% interval whisker. */
public final class BarChart {

    /** One bar: the value and its interval. */
    public record Bar(double value, double low, double high) {}

    /** One series: a bar for every category, in category order. */
    public record Series(String name, String color, List<Bar> bars) {
        public Series {
            bars = List.copyOf(bars);
        }
    }

    private final String id;
    private final String title;
    private final String yTitle;
    private final List<String> categories;
    private final List<Series> series;

    public BarChart(String id, String title, String yTitle, List<String> categories, List<Series> series) {
        for (Series s : series) {
            if (s.bars().size() != categories.size()) {
                throw new IllegalArgumentException("Series \"" + s.name() + "\" has " + s.bars().size()
                        + " bars but the chart has " + categories.size() + " categories; give one bar per category.");
            }
        }
        this.id = id;
        this.title = title;
        this.yTitle = yTitle;
        this.categories = List.copyOf(categories);
        this.series = List.copyOf(series);
    }

    public String render() {
        double top = series.stream().flatMap(s -> s.bars().stream())
                .mapToDouble(b -> Math.max(b.value(), b.high())).filter(Double::isFinite).max().orElse(1);
        NiceScale y = NiceScale.of(0, top, 6);
        StringBuilder svg = new StringBuilder();
        Frame.open(svg, id, title);
        Frame.yAxis(svg, y, yTitle);
        double groupWidth = (Frame.plotRight() - Frame.plotLeft()) / categories.size();
        double barWidth = groupWidth * 0.7 / series.size();
        for (int c = 0; c < categories.size(); c++) {
            double groupLeft = Frame.plotLeft() + c * groupWidth + groupWidth * 0.15;
            for (int s = 0; s < series.size(); s++) {
                drawBar(svg, series.get(s), series.get(s).bars().get(c), groupLeft + s * barWidth, barWidth, y);
            }
            svg.append(Frame.text(Frame.plotLeft() + (c + 0.5) * groupWidth, Frame.plotBottom() + 20, "middle",
                    "#444", categories.get(c)));
        }
        Frame.legend(svg, series.stream().map(Series::name).toList(), series.stream().map(Series::color).toList());
        Frame.close(svg);
        return svg.toString();
    }

    private static void drawBar(StringBuilder svg, Series s, Bar bar, double left, double width, NiceScale y) {
        double base = Frame.plotBottom();
        double topY = y.map(bar.value(), Frame.plotBottom(), Frame.plotTop());
        svg.append("<rect class=\"bar\" x=\"").append(Frame.num(left + 1)).append("\" y=\"").append(Frame.num(topY))
                .append("\" width=\"").append(Frame.num(width - 2)).append("\" height=\"")
                .append(Frame.num(base - topY)).append("\" fill=\"").append(s.color()).append("\" fill-opacity=\"0.85\">")
                .append("<title>").append(XmlText.escape(s.name() + ": " + bar.value() + " [" + bar.low() + ", "
                        + bar.high() + "]")).append("</title></rect>\n");
        double mid = left + width / 2;
        double low = y.map(bar.low(), Frame.plotBottom(), Frame.plotTop());
        double high = y.map(bar.high(), Frame.plotBottom(), Frame.plotTop());
        double cap = Math.min(8, width / 3);
        svg.append("<g class=\"whisker\">");
        svg.append(Frame.line(mid, low, mid, high, "#222", 1.5));
        svg.append(Frame.line(mid - cap, low, mid + cap, low, "#222", 1.5));
        svg.append(Frame.line(mid - cap, high, mid + cap, high, "#222", 1.5));
        svg.append("</g>\n");
    }
}
