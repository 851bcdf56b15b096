package dev.paradigm.report;

import dev.paradigm.metrics.Estimate;
import java.util.Locale;

/** Number formatting shared by the Markdown and HTML writers (always Locale.ROOT: "1,234.5"). */
final class Fmt {
    private Fmt() {}

    /** A whole number with thousands separators: 123,551,232. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A number with a fixed number of decimals and thousands separators; "n/a" for NaN or null. */
    static String decimals(Double value, int decimals) {
        if (value == null || value.isNaN()) {
            return "n/a";
        }
        if (value.isInfinite()) {
            return value > 0 ? "∞" : "−∞";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** Losses in nats per token are compared to four decimals, as the published study reports them. */
    static String loss(double value) {
        return decimals(value, 4);
    }

    /** A metric value: counts such as vocabulary as whole numbers, shares and scores to three decimals. */
    static String metric(double value) {
        return decimals(value, metricDecimals(value));
    }

    /** "value [lo, hi]", the way the report writes every estimate; the bounds use the value's decimals. */
    static String estimate(Estimate e) {
        int d = metricDecimals(e.value());
        return decimals(e.value(), d) + " [" + decimals(e.ciLow(), d) + ", " + decimals(e.ciHigh(), d) + "]";
    }

    private static int metricDecimals(double value) {
        return Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 10 ? 1 : 3;
    }

    /** Scientific notation, three significant digits: 4.90e6, -4.70e-4. */
    static String scientific(double value) {
        return String.format(Locale.ROOT, "%.2e", value).replaceAll("e\\+0*(\\d)", "e$1")
                .replaceAll("e-0*(\\d)", "e-$1");
    }

    /** Seconds as a short duration: 42.1 s, 12.5 min, 1.80 h. */
    static String duration(double seconds) {
        if (seconds < 120) {
            return decimals(seconds, 1) + " s";
        }
        if (seconds < 7200) {
            return decimals(seconds / 60, 1) + " min";
        }
        return decimals(seconds / 3600, 2) + " h";
    }
}
