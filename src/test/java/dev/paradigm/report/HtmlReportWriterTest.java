package dev.paradigm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportWriterTest {
    private final String html = HtmlReportWriter.render(ReportFixture.load(ReportFixture.source()));

    private static int count(String text, String needle) {
        return (int) Pattern.compile(Pattern.quote(needle)).matcher(text).results().count();
    }

    @Test
    void hasTheFourCharts() {
        assertTrue(html.contains("<svg id=\"chart-val-loss\""));
        assertTrue(html.contains("<svg id=\"chart-train-loss\""));
        assertTrue(html.contains("<svg id=\"chart-diversity\""));
        assertTrue(html.contains("<svg id=\"chart-frontier\""));
        assertEquals(4, count(html, "<svg "));
        // two lines in each of two line charts; the frontier: a curve for each paradigm and measure
        assertEquals(4 + 4, count(html, "<polyline class=\"series\""));
        // seven charted metrics × two paradigms, each bar with a whisker
        assertEquals(14, count(html, "<rect class=\"bar\""));
        assertEquals(14, count(html, "<g class=\"whisker\">"));
        // both evaluation curves have seven points (step 0 and six more) and get a marker each; the frontier draws
        // every setting (AR 4, MDLM 8) once per measure
        assertEquals(14 + 2 * (4 + 8), count(html, "<circle "));
        assertEquals(2 * (4 + 8), count(html, "<g class=\"point\">"));
    }

    @Test
    void trainingThatRepeatsItsDataCountsEpochs() {
        // 600 steps × 32 chunks over 9,120 training chunks: 2.1 epochs, so both loss charts get an epoch axis
        assertEquals(2, count(html, ">epoch</text>"), "the top axis's title on both line charts");
        assertTrue(html.contains("<th scope=\"row\">Epoch of best validation loss (passes over the training data)</th>"
                + "<td class=\"num\">1.75</td><td class=\"num\">2.11</td>"), html);
        assertTrue(html.contains("yes, detected at step 600 (epoch 2.11)"), html);
    }

    @Test
    void trainingWithinOneEpochSpeaksOfStepsOnly(@TempDir Path temp) {
        Path run = ReportFixture.copy(temp, "one-epoch");
        for (String paradigm : List.of("ar", "mdlm")) {
            ReportFixture.editJsonl(run.resolve(paradigm + "/metrics.jsonl"), "eval",
                    node -> node.put("epoch", node.get("step").asInt() / 1000.0));
        }
        String oneEpoch = HtmlReportWriter.render(ReportFixture.load(run));
        assertFalse(oneEpoch.contains(">epoch</text>"), "no epoch axis");
        assertFalse(oneEpoch.contains("Epoch of best validation loss"));
        assertTrue(oneEpoch.contains("yes, detected at step 600<"), "no epoch beside the step");
    }

    @Test
    void sampleTextIsEscaped() {
        assertTrue(html.contains("Once there was a cat who wrote &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; "
                + "&amp; ran away"), "the fixture's second AR sample, escaped");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "the page has no script element at all");
        assertFalse(html.contains("Once upon a time, there was a dog."), "only the first three samples are shown");
    }

    @Test
    void referencesNothingOutsideThePage() {
        Pattern external = Pattern.compile("(?i)\\b(src|href|xlink:href|action)\\s*=\\s*[\"']?\\s*(https?:|//|file:)");
        assertFalse(external.matcher(html).find(), "no src or href points outside the page");
        assertFalse(html.contains("http://") || html.contains("https://"), "no URL at all");
        assertFalse(html.contains("url(") || html.contains("@import"), "the stylesheet fetches nothing");
        assertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""),
                "a Content-Security-Policy forbids fetches and scripts");
    }

    @Test
    void sectionsComeInTheReadersOrder() {
        int verdict = html.indexOf("id=\"verdict\"");
        int control = html.indexOf("id=\"control\"");
        int training = html.indexOf("id=\"training\"");
        int samples = html.indexOf("id=\"samples\"");
        int config = html.indexOf("id=\"config\"");
        assertTrue(0 < verdict && verdict < control && control < training && training < samples && samples < config);
        assertTrue(html.contains("<details>\n<summary>Resolved config.yaml"), "the config is collapsible");
        assertTrue(html.contains("<td class=\"ok\">✓ EQUAL: identical batches in identical order</td>"));
    }
}
