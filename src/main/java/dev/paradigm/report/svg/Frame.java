package dev.paradigm.report.svg;

import java.util.List;
import java.util.Locale;

/**
 * The part every chart shares: the SVG element, plot area, grid, axes with ticks and titles, and a legend
 * above the plot. Charts draw their data between {@link #open} and {@link #close}.
 */
final class Frame {
    static final int WIDTH = 880;
    static final int HEIGHT = 340;
    static final int LEFT = 72;
    static final int RIGHT = 24;
    static final int TOP = 40;
    static final int BOTTOM = 56;
    static final String FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\"";

    private Frame() {}

    static double plotLeft() { return LEFT; }
    static double plotRight() { return WIDTH - RIGHT; }
    static double plotTop() { return TOP; }
    static double plotBottom() { return HEIGHT - BOTTOM; }

    /** Opens the SVG element with an accessible title (inline SVG in HTML needs no namespace URL). */
    static void open(StringBuilder svg, String id, String title) {
        svg.append("<svg id=\"").append(XmlText.escape(id)).append("\" class=\"chart\"")
                .append(" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"").append(XmlText.escape(id)).append("-title\" ")
                .append(FONT).append(" font-size=\"13\">\n")
                .append("<title id=\"").append(XmlText.escape(id)).append("-title\">").append(XmlText.escape(title))
                .append("</title>\n")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#ffffff\"/>\n");
    }

    static void close(StringBuilder svg) {
        svg.append("</svg>\n");
    }

    /** Horizontal grid lines with y tick labels, the y axis title, and the plot border. */
    static void yAxis(StringBuilder svg, NiceScale y, String title) {
        for (double tick : y.ticks()) {
            double py = y.map(tick, plotBottom(), plotTop());
            svg.append(line(plotLeft(), py, plotRight(), py, "#e3e6ea", 1));
            svg.append(text(plotLeft() - 8, py + 4, "end", "#444", y.label(tick)));
        }
        double midY = (plotTop() + plotBottom()) / 2;
        svg.append("<text x=\"18\" y=\"").append(num(midY)).append("\" text-anchor=\"middle\" fill=\"#222\"")
                .append(" transform=\"rotate(-90 18 ").append(num(midY)).append(")\">")
                .append(XmlText.escape(title)).append("</text>\n");
        svg.append(line(plotLeft(), plotBottom(), plotRight(), plotBottom(), "#555", 1));
        svg.append(line(plotLeft(), plotTop(), plotLeft(), plotBottom(), "#555", 1));
    }

    /** The x axis title, centred under the plot. */
    static void xTitle(StringBuilder svg, String title) {
        svg.append(text((plotLeft() + plotRight()) / 2, HEIGHT - 12, "middle", "#222", title));
    }

    /** Legend entries right-aligned above the plot: a colour swatch and a name each. */
    static void legend(StringBuilder svg, List<String> names, List<String> colors) {
        double x = plotRight();
        for (int i = names.size() - 1; i >= 0; i--) {
            double textWidth = names.get(i).length() * 7.2; // approximate width of 13px system-ui text
            x -= textWidth;
            svg.append(text(x, 22, "start", "#222", names.get(i)));
            svg.append("<rect x=\"").append(num(x - 20)).append("\" y=\"12\" width=\"14\" height=\"12\" rx=\"2\" fill=\"")
                    .append(colors.get(i)).append("\"/>\n");
            x -= 36;
        }
    }

    static String line(double x1, double y1, double x2, double y2, String stroke, double width) {
        return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2)
                + "\" stroke=\"" + stroke + "\" stroke-width=\"" + num(width) + "\"/>\n";
    }

    static String text(double x, double y, String anchor, String fill, String content) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" + fill + "\">"
                + XmlText.escape(content) + "</text>\n";
    }

    /** As {@link #text}, in 11px type: the top axis's labels fit between the legend's row and the plot. */
    static String smallText(double x, double y, String anchor, String fill, String content) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" + fill
                + "\" font-size=\"11\">" + XmlText.escape(content) + "</text>\n";
    }

    /** Coordinates to two decimals: enough for a crisp picture, short enough for a small file. */
    static String num(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
