package dev.paradigm.report.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An axis range rounded outward to "nice" tick steps (1, 2 or 5 × 10^k), so tick labels read 0, 2,000,
 * 4,000 rather than 0, 1,873, 3,746.
 */
public record NiceScale(double min, double max, double step) {

    /** A scale covering [dataMin, dataMax] with at most about {@code targetTicks} ticks. */
    public static NiceScale of(double dataMin, double dataMax, int targetTicks) {
        if (!(dataMax > dataMin)) {
            // A flat series still needs a visible range around it.
            double pad = dataMin == 0 ? 1 : Math.abs(dataMin) * 0.1;
            dataMin -= pad;
            dataMax += pad;
        }
        double step = niceStep((dataMax - dataMin) / Math.max(1, targetTicks - 1));
        return new NiceScale(Math.floor(dataMin / step) * step, Math.ceil(dataMax / step) * step, step);
    }

    private static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long count = Math.round((max - min) / step);
        for (long i = 0; i <= count; i++) {
            ticks.add(min + i * step); // multiply, not accumulate, so rounding errors do not pile up
        }
        return ticks;
    }

    /** A tick label with just enough decimals for the step: "0.25" is never printed as "0.3". */
    public String label(double tick) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%,." + decimals + "f", tick);
    }

    /** Maps a data value onto [pixelLow, pixelHigh]. */
    public double map(double value, double pixelLow, double pixelHigh) {
        return pixelLow + (value - min) / (max - min) * (pixelHigh - pixelLow);
    }
}
