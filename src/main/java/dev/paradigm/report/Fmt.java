package dev.paradigm.report;

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
        return Math.abs(value) >= 100 ? decimals(value, 0) : Math.abs(value) >= 10 ? decimals(value, 1)
                : decimals(value, 3);
    }

    /** "value [lo, hi]", the way the report writes every estimate with its 95% interval. */
    static String estimate(Estimate e) {
        return metric(e.value()) + " [" + metric(e.ciLow()) + ", " + metric(e.ciHigh()) + "]";
    }

    /** Scientific notation for FLOPs: 4.90e6. */
    static String scientific(double value) {
        return String.format(Locale.ROOT, "%.3g", value).replace("e+0", "e").replace("e+", "e");
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
