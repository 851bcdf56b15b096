package dev.paradigm.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the fixture report in real headless Chromium. Chromium is a requirement of the tests (`make test`
 * installs it): when it is missing this test fails with the install instructions rather than skipping.
 */
class BrowserCheckTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path temp;

    @Test
    void theReportLoadsCleanlyWithItsChartsAndMakesAScreenshot() throws IOException {
        Path run = ReportFixture.copy(temp, "run");
        Path html = ReportGenerator.write(run, ReportFixture.CLOCK).html();

        BrowserCheck.Result result = BrowserCheck.check(html);
        assertEquals(List.of(), result.consoleMessages(), "the page logs nothing to the console");
        assertEquals(4, result.svgCount(), "the loaded DOM holds the four charts");
        for (String id : List.of("chart-val-loss", "chart-train-loss", "chart-diversity", "chart-frontier")) {
            assertTrue(result.dom().contains("id=\"" + id + "\""), id);
        }
        assertTrue(result.dom().contains("&lt;script&gt;alert("), "the sample's script stayed text");

        Path png = BrowserCheck.screenshot(html, run.resolve("report.png"));
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, 8));
        assertTrue(bytes.length > 20_000, "a rendered page, not a blank image: " + bytes.length + " bytes");
        // Kept for a human to look at: target/report-fixture.png
        Files.copy(png, Path.of("target", "report-fixture.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void consoleMessagesAreCaught() throws IOException {
        Path page = temp.resolve("noisy.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><p>x</p>"
                + "<script>console.error('boom from the page'); missingFunction();</script></body></html>");
        List<String> messages = BrowserCheck.check(page).consoleMessages();
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("boom from the page"), messages.toString());
        assertTrue(messages.get(1).contains("missingFunction is not defined"), messages.toString());
    }
}
