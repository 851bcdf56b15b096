package dev.paradigm.report.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartTest {

    @Test
    void niceScaleRoundsOutwardToOneTwoOrFiveSteps() {
        // 0..600 in about 8 ticks: 600 / 7 = 85.7, rounded up to the nice step 100.
        NiceScale steps = NiceScale.of(0, 600, 8);
        assertEquals(new NiceScale(0, 600, 100), steps);
        assertEquals("100", steps.label(100));
        // 2.55..4.10 in about 6 ticks: 1.55 / 5 = 0.31 → 0.5; range floor(2.55/0.5)·0.5 = 2.5 to ceil(4.1/0.5)·0.5 = 4.5.
        NiceScale loss = NiceScale.of(2.55, 4.10, 6);
        assertEquals(0.5, loss.step(), 1e-12);
        assertEquals(2.5, loss.min(), 1e-12);
        assertEquals(4.5, loss.max(), 1e-12);
        assertEquals(List.of(2.5, 3.0, 3.5, 4.0, 4.5), loss.ticks());
        assertEquals("3.0", loss.label(3.0));
        assertEquals("20,000", NiceScale.of(0, 20_000, 6).label(20_000));
        assertEquals(150.0, steps.map(300, 100, 200), 1e-12);
    }

    @Test
    void aFlatSeriesStillGetsARange() {
        NiceScale flat = NiceScale.of(2.0, 2.0, 5);
        assertTrue(flat.min() < 2.0 && flat.max() > 2.0, flat.toString());
    }

    @Test
    void textIsEscapedForHtmlAndSvg() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Ann&lt;/a&gt;", XmlText.escape("<a href=\"x\">Tom's & Ann</a>"));
    }

    @Test
    void lineChartDrawsEachSeriesAndSkipsNonFinitePoints() {
        String svg = new LineChart("c", "T<1>", "step", "loss", List.of(
                new LineChart.Series("a", "#000", List.of(new LineChart.Point(0, 1), new LineChart.Point(10, Double.NaN),
                        new LineChart.Point(20, 2)), true))).render();
        assertTrue(svg.contains("<title id=\"c-title\">T&lt;1&gt;</title>"));
        assertEquals(2, svg.split("<circle ", -1).length - 1, "two finite points, two markers");
        assertTrue(!svg.contains("NaN"), svg);
    }

    @Test
    void scatterChartPutsPerplexitiesOnALogAxisWithWhiskersAndAFrontLine() {
        ScatterChart.LogScale axis = ScatterChart.LogScale.of(1.8, 20_900);
        assertEquals(new ScatterChart.LogScale(1, 100_000), axis);
        assertEquals(List.of(1.0, 10.0, 100.0, 1_000.0, 10_000.0, 100_000.0), axis.ticks());
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0), ScatterChart.LogScale.of(6, 25).ticks().subList(0, 7));
        // a decade is a fifth of the plot's width on a five-decade axis
        assertEquals((Frame.plotRight() - Frame.plotLeft()) / 5, axis.map(10) - axis.map(1), 1e-9);
        assertEquals("0.5", ScatterChart.LogScale.label(0.5));
        assertEquals("20,000", ScatterChart.LogScale.label(20_000));

        ScatterChart.Point a = new ScatterChart.Point(2, 0.4, 0.38, 0.42);
        ScatterChart.Point b = new ScatterChart.Point(20, 0.8, 0.78, 0.82);
        ScatterChart.Point hidden = new ScatterChart.Point(Double.NaN, 0.5, 0.5, 0.5);
        String svg = new ScatterChart("f", "t", "x", "y", List.of(new ScatterChart.Series("AR", "#000", true,
                List.of(a, b, hidden), List.of(a, b)))).render();
        assertEquals(2, svg.split("<g class=\"point\">", -1).length - 1, "two drawable points, each with its whisker");
        assertTrue(svg.contains("stroke-dasharray=\"6 4\""), svg);
        assertTrue(!svg.contains("NaN"), svg);
    }

    @Test
    void aTopAxisCountsTheSameStepsInEpochs() {
        List<LineChart.Series> curve = List.of(new LineChart.Series("a", "#000",
                List.of(new LineChart.Point(100, 3), new LineChart.Point(600, 2)), true));
        // 32 chunks a step over 9,120 chunks: step 600 is epoch 2.1; the nice epoch ticks 0, 0.5, ... 2.0 lie inside
        // the step axis (0..600), 2.5 (step 712.5) does not
        String svg = new LineChart("c", "t", "step", "loss", curve, new LineChart.TopAxis("epoch", 32.0 / 9120)).render();
        for (String tick : List.of("0.0", "0.5", "1.0", "1.5", "2.0")) {
            assertTrue(svg.contains("font-size=\"11\">" + tick + "</text>"), tick + " in\n" + svg);
        }
        assertFalse(svg.contains(">2.5</text>"), svg);
        // epoch 1.0 is step 285: 285 / 600 of the plot's width (72 to 856) from its left edge
        assertTrue(svg.contains("x=\"" + String.format(java.util.Locale.ROOT, "%.2f", 72 + 285.0 / 600 * 784)
                + "\" y=\"34.00\" text-anchor=\"middle\" fill=\"#444\" font-size=\"11\">1.0</text>"), svg);
        assertTrue(svg.contains(">epoch</text>"));
        assertFalse(new LineChart("c", "t", "step", "loss", curve).render().contains("font-size=\"11\""));
        assertThrows(IllegalArgumentException.class, () -> new LineChart.TopAxis("epoch", 0));
    }

    @Test
    void seriesSharingANameShareOneLegendEntry() {
        List<LineChart.Point> points = List.of(new LineChart.Point(0, 1), new LineChart.Point(1, 2));
        String svg = new LineChart("c", "t", "x", "y", List.of(new LineChart.Series("AR", "#00f", points, false),
                new LineChart.Series("AR", "#00f", points, false), new LineChart.Series("MDLM", "#f00", points, false)))
                .render();
        assertEquals(3, svg.split("<polyline ", -1).length - 1);
        assertEquals(2, svg.split("rx=\"2\"", -1).length - 1, "two legend swatches:\n" + svg);
    }

    @Test
    void barChartNeedsOneBarPerCategory() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BarChart("b", "t", "y",
                List.of("x", "y"), List.of(new BarChart.Series("s", "#000", List.of(new BarChart.Bar(1, 0, 2))))));
        assertTrue(e.getMessage().contains("has 1 bars but the chart has 2 categories"));
    }
}
