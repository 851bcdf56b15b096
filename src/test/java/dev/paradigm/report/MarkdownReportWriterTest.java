package dev.paradigm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownReportWriterTest {
    private final String markdown = MarkdownReportWriter.render(ReportFixture.load(ReportFixture.source()));

    @Test
    void hasTheTables() {
        assertTrue(markdown.contains("| Check | AR | MDLM | Verdict |\n|---|---|---|---|\n"));
        assertTrue(markdown.contains("| Parameters | 812,345 | 812,473 | MDLM − AR = +128 (+0.02%) |"), markdown);
        assertTrue(markdown.contains("| Steps × batch × seq_len | 600 × 32 × 128 | 600 × 32 × 128 | ✓ same budget |"));
        assertTrue(markdown.contains("| Metric | AR | MDLM | Difference |"));
        // Distinct-2 from the fixture: AR 0.2710 [0.2600, 0.2820], MDLM 0.2790 [0.2680, 0.2900].
        assertTrue(markdown.contains("| Distinct-2 | 0.271 [0.260, 0.282] | 0.279 [0.268, 0.290] | within CIs |"));
        assertTrue(markdown.contains("| Mean words per sample | 101.2 [98.9, 103.5] | 99.2 [96.8, 101.6] | within CIs |"));
        assertTrue(markdown.contains("| Step | AR | MDLM |\n|---|---|---|\n| 0 | 6.9300 | 6.6000 |\n| 100 | 4.1000 | 5.2000 |"));
        assertTrue(markdown.contains("| Throughput (tokens/s) | 10,680.0 | 9,870.5 |"));
        // 10,680.0 / 9,870.5 = 1.08201…
        assertTrue(markdown.contains("| Throughput ratio AR / MDLM | 1.082 |  |"));
        assertTrue(markdown.contains("| Converged at step (95% of the drop from step 0) | 400 | 500 |"), markdown);
    }

    @Test
    void startsWithTitleAndVerdictAndEndsWithConfigAndProvenance() {
        assertTrue(markdown.startsWith("# AR vs MDLM — demo\n\nDate: 2026-01-27 · Config: `demo` · Protocol: `controlled`"));
        assertTrue(markdown.indexOf("## Verdict") < markdown.indexOf("## Was the comparison controlled?"));
        assertTrue(markdown.contains("```yaml\n# config-sha256: d8e1377e"));
        assertTrue(markdown.contains("## Provenance\n\n- paradigm "));
    }

    @Test
    void cellsCannotBreakTheTableOrInjectHtml() {
        assertEquals("a\\|b &lt;i&gt; c", MarkdownReportWriter.cell("a|b <i>\nc"));
        StringBuilder md = new StringBuilder();
        MarkdownReportWriter.codeBlock(md, "", "text with ``` inside");
        assertEquals("````\ntext with ``` inside\n````\n\n", md.toString());
    }
}
